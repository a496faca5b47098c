import { defineConfig } from 'vitest/config';

// Two projects: unit tests run in parallel with one real CoreNLP (for annotation); integration
// and end-to-end tests share one real local Neo4j (started once by the global setup) and run
// one file at a time, since Neo4j Community has a single user database. Both projects share
// the one CoreNLP JVM (tests/corenlp-setup.ts).
export default defineConfig({
  // graphql 16 has no "exports" map: Node loads its CJS build for @graphql-tools while Vite
  // would pick index.mjs for our code — two realms. Point both at the same build.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/corenlp-setup.ts'],
          // Extraction tests annotate with the real CoreNLP, shared by the parallel workers.
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts', 'tests/corenlp-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
