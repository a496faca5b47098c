import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run dev`: Vite's dev server with /graphql proxied to the API server (`npm start`, port 4000 by default).
export default defineConfig({
  root,
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? '4000'}` },
  },
});
