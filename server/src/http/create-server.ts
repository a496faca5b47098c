import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import type { AppContext } from '../graphql/context.ts';
import type { ExportService } from '../services/export-service.ts';
import type { HealthReport } from '../services/health.ts';
import { handleExport } from './export-download.ts';
import { readBody, sendJsonError } from './http-util.ts';
import { checkOrigin, originPolicy, type OriginPolicy } from './origin-guard.ts';
import { Slots } from './slots.ts';
import { serveStatic } from './static-files.ts';

/** Limits and policy applied before a request reaches GraphQL. */
export interface HttpLimits {
  maxRequestBytes: number;
  /** Which hosts and origins are served; loopback names only when left out. */
  origin?: OriginPolicy;
  /** The dependency report behind GET /health (503 when one is down). */
  health?: () => Promise<HealthReport>;
  /** Whole-graph downloads running at once (EXPORT_CONCURRENCY); others wait, then get 503. */
  exportSlots?: Slots;
}

/**
 * One HTTP server: GraphQL at /graphql (and yoga's /health), the web app everywhere else.
 * POST bodies over the limit get 413; POSTs that are not JSON get 415, so a plain HTML form
 * on another site cannot send a mutation (CSRF); yoga itself refuses mutations over GET.
 */
export function createHttpServer(yoga: YogaServerInstance<Record<string, unknown>, AppContext>, webRoot: string, limits: HttpLimits, exports?: ExportService): Server {
  const handleGraphql = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      await yoga.handle(req, res);
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limits.maxRequestBytes) {
      sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is over the ${limits.maxRequestBytes}-byte limit (MAX_REQUEST_BYTES).`);
      req.resume();
      return;
    }
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/(json|graphql-response\+json)\b/i.test(type)) {
      sendJsonError(res, 415, 'BAD_REQUEST', 'POST /graphql needs Content-Type: application/json.');
      req.resume();
      return;
    }
    const body = await readBody(req, limits.maxRequestBytes);
    if (body === undefined) {
      sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is over the ${limits.maxRequestBytes}-byte limit (MAX_REQUEST_BYTES).`);
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    headers.delete('content-length');
    const response = await yoga.fetch(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`, { method: 'POST', headers, body });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  };

  const policy = limits.origin ?? originPolicy([], []);
  const exportSlots = limits.exportSlots ?? new Slots(2);
  return createServer((req, res) => {
    const verdict = checkOrigin(req, policy);
    if (!verdict.ok) {
      sendJsonError(res, verdict.status, 'FORBIDDEN', verdict.message);
      req.resume();
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/health' && limits.health) {
      limits.health().then(
        (report) => res.writeHead(report.ok ? 200 : 503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(report)),
        () => sendJsonError(res, 503, 'SERVICE_UNAVAILABLE', 'The health check failed.'),
      );
      return;
    }
    if (exports && pathname.startsWith('/export/')) {
      handleExport(exports, req, res, limits.maxRequestBytes, exportSlots).catch(() => {
        if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
        else res.end();
      });
      return;
    }
    if (pathname === '/graphql' || pathname === '/health') {
      handleGraphql(req, res).catch(() => {
        if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
        else res.end();
      });
      return;
    }
    serveStatic(webRoot, req, res);
  });
}
