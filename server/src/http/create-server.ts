import { createServer, type Server } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import type { AppContext } from '../graphql/context.ts';
import { serveStatic } from './static-files.ts';

/** One HTTP server: GraphQL at /graphql (and yoga's /health), the web app everywhere else. */
export function createHttpServer(yoga: YogaServerInstance<Record<string, unknown>, AppContext>, webRoot: string): Server {
  return createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/graphql' || pathname === '/health') {
      void yoga.handle(req, res);
      return;
    }
    serveStatic(webRoot, req, res);
  });
}
