import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import { AppError } from '../domain/errors.ts';
import { isEntityType } from '../domain/types.ts';
import type { AppContext } from '../graphql/context.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../pipeline/export/export-data.ts';
import type { ExportService } from '../services/export-service.ts';
import { serveStatic } from './static-files.ts';

/** Limits applied before a request reaches GraphQL. */
export interface HttpLimits {
  maxRequestBytes: number;
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Reads a request body up to `max` bytes; resolves undefined (and stops reading) past it.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * GET /export/<format>?ids=a,b&depth=1[&limit=N][&types=PERSON,AGENCY][&since=…][&until=…], or
 * ?all=true for the whole graph: the export as a download, streamed as it is rendered (chunked,
 * so there is no Content-Length). Bad requests answer with their status and a JSON error naming
 * the problem before any byte of the file; a failure midway (Neo4j gone) aborts the response,
 * so a client never mistakes a cut-off file for a whole one.
 */
async function handleExport(exports: ExportService, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://x');
  const format = decodeURIComponent(url.pathname.slice('/export/'.length)).toUpperCase().replace(/-/g, '_') as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    sendJsonError(res, 400, 'BAD_USER_INPUT', `Unknown export format; use one of ${EXPORT_FORMATS.join(', ').toLowerCase()}.`);
    return;
  }
  const list = (name: string): string[] => (url.searchParams.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const types = list('types').map((t) => t.toUpperCase());
  const badType = types.find((t) => !isEntityType(t));
  if (badType) {
    sendJsonError(res, 400, 'BAD_USER_INPUT', `types: "${badType}" is not an entity type.`);
    return;
  }
  const all = url.searchParams.get('all');
  if (all !== null && all !== 'true' && all !== 'false') {
    sendJsonError(res, 400, 'BAD_USER_INPUT', `all must be true or false; got "${all}".`);
    return;
  }
  const number = (name: string): number | null => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : null);
  try {
    const file = await exports.open(format, {
      ids: list('ids'),
      all: all === 'true',
      depth: number('depth'),
      limit: number('limit'),
      types: types.filter(isEntityType),
      since: url.searchParams.get('since'),
      until: url.searchParams.get('until'),
    });
    res.writeHead(200, {
      'Content-Type': file.mimeType + (file.encoding === 'utf8' ? '; charset=utf-8' : ''),
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // pipeline applies backpressure and, when the client goes away, stops the source (which
    // rolls back its Neo4j transaction).
    await pipeline(Readable.from(file.chunks), res);
  } catch (err) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (!(err instanceof AppError)) throw err;
    const status = err.code === 'SERVICE_UNAVAILABLE' ? 503 : err.code === 'NOT_FOUND' ? 404 : err.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400;
    sendJsonError(res, status, err.code, err.message);
  }
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

  return createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (exports && pathname.startsWith('/export/')) {
      handleExport(exports, req, res).catch(() => {
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
