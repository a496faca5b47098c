import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { ENTITY_TYPES } from '../domain/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../pipeline/export/export-data.ts';
import type { ExportRequest, ExportService } from '../services/export-service.ts';
import { readBody, sendJsonError } from './http-util.ts';
import type { Slots } from './slots.ts';

const point = z.object({ x: z.number().finite(), y: z.number().finite() });

/** The JSON body of POST /export/<format> (what the web view sends: its entities and positions). */
const exportBody = z
  .object({
    ids: z.array(z.string()).default([]),
    all: z.boolean().optional(),
    depth: z.number().int().nullable().optional(),
    limit: z.number().int().nullable().optional(),
    types: z.array(z.enum(ENTITY_TYPES)).nullable().optional(),
    since: z.string().nullable().optional(),
    until: z.string().nullable().optional(),
    positions: z.record(z.string(), point).optional(),
  })
  .strict();

function fromQuery(url: URL): ExportRequest {
  const list = (name: string): string[] => (url.searchParams.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const types = list('types').map((t) => t.toUpperCase());
  const badType = types.find((t) => !(ENTITY_TYPES as readonly string[]).includes(t));
  if (badType) throw new AppError('BAD_USER_INPUT', `types: "${badType}" is not an entity type.`);
  const all = url.searchParams.get('all');
  if (all !== null && all !== 'true' && all !== 'false') throw new AppError('BAD_USER_INPUT', `all must be true or false; got "${all}".`);
  const number = (name: string): number | null => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : null);
  return {
    ids: list('ids'),
    all: all === 'true',
    depth: number('depth'),
    limit: number('limit'),
    types: types as ExportRequest['types'],
    since: url.searchParams.get('since'),
    until: url.searchParams.get('until'),
  };
}

async function fromBody(req: IncomingMessage, maxBytes: number): Promise<ExportRequest> {
  if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
    throw new AppError('BAD_USER_INPUT', 'POST /export/<format> needs Content-Type: application/json.');
  }
  const body = await readBody(req, maxBytes);
  if (body === undefined) throw new AppError('PAYLOAD_TOO_LARGE', `Request body is over the ${maxBytes}-byte limit (MAX_REQUEST_BYTES).`);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('BAD_USER_INPUT', 'The request body is not valid JSON.');
  }
  const parsed = exportBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_USER_INPUT', `Export request: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}.`);
  }
  return parsed.data;
}

const STATUS: Record<string, number> = { SERVICE_UNAVAILABLE: 503, NOT_FOUND: 404, PAYLOAD_TOO_LARGE: 413 };

/**
 * GET /export/<format>?ids=a,b&depth=1[&limit=N][&types=PERSON,AGENCY][&since=…][&until=…]
 * (or ?all=true for the whole graph), and POST /export/<format> with the same fields as JSON
 * plus `positions` (for the web view, whose entity list would not fit in a URL). The file is
 * streamed as it is rendered (chunked: no Content-Length). Bad requests answer with a status
 * and a JSON error naming the problem before any byte of the file; a failure midway (Neo4j
 * gone) aborts the response, so a client never mistakes a cut-off file for a whole one.
 */
export async function handleExport(exports: ExportService, req: IncomingMessage, res: ServerResponse, maxRequestBytes: number, wholeGraphSlots?: Slots): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
    res.writeHead(405, { Allow: 'GET, HEAD, POST' }).end();
    return;
  }
  let release: (() => void) | undefined;
  try {
    const url = new URL(req.url ?? '/', 'http://x');
    const format = decodePath(url.pathname).slice('/export/'.length).toUpperCase().replace(/-/g, '_') as ExportFormat;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new AppError('BAD_USER_INPUT', `Unknown export format; use one of ${EXPORT_FORMATS.join(', ').toLowerCase()}.`);
    }
    const request = req.method === 'POST' ? await fromBody(req, maxRequestBytes) : fromQuery(url);
    if (request.all && wholeGraphSlots) {
      release = await wholeGraphSlots.acquire();
      if (!release) {
        res.setHeader('Retry-After', String(EXPORT_RETRY_AFTER_S));
        throw new AppError('SERVICE_UNAVAILABLE', `${wholeGraphSlots.size} whole-graph exports are running (EXPORT_CONCURRENCY); try again in a few seconds.`);
      }
    }
    const file = await exports.open(format, request);
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
    // ends its Neo4j transaction).
    await pipeline(Readable.from(file.chunks), res);
  } catch (err) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (req.method === 'POST') req.resume();
    if (!(err instanceof AppError)) throw err;
    sendJsonError(res, STATUS[err.code] ?? 400, err.code, err.message);
  } finally {
    release?.();
  }
}

const EXPORT_RETRY_AFTER_S = 5;

/** A URL path decoded; a malformed %-escape is the client's mistake (400), not a crash. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    throw new AppError('BAD_USER_INPUT', 'The export URL has a malformed %-escape.');
  }
}
