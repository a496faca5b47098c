import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ENTITY_TYPES } from '../../server/src/domain/types.ts';
import { EXPORT_FORMATS } from '../../server/src/pipeline/export/export-data.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { ingestFiles } from '../../server/src/services/ingest-files.ts';

/**
 * Property-based fuzzing of each boundary a client reaches: GraphQL inputs, file ingest, URL
 * ingest and export parameters. `npm test` runs a few hundred cases of each; bench/fuzz.ts runs
 * ten thousand and more. A case passes when the answer is an expected one (data, or an error
 * with a client-mistake code); an unexpected error, a 5xx or a thrown non-AppError fails it.
 */

/** Codes that mean "the client's input was refused", the only failures fuzzing may cause. */
export const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'QUERY_TOO_COMPLEX', 'FORBIDDEN']);

/** Strings as hostile clients send them: any code points, controls, huge, or real-looking. */
export const hostileString = (maxLength = 400): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('', ' ', '\u0000', '\uFFFE', '\u0007\u001b[2J', '+099999-01-01', '2024-02-30', '../../etc/passwd', '%E0%A4%A', '"(*:', 'ICE', 'Robert\'); DROP', '<script>alert(1)</script>', 'a'.repeat(5000)),
    fc.stringMatching(/^[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9}){0,3} (arrested|detained|released|charged) [a-z ]{0,40}\.$/),
  );

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof(arb, fc.constant(null), fc.constant(undefined));
const id = fc.oneof(fc.constantFrom('agency:immigration-and-customs-enforcement', 'country:tajikistan', 'person:nobody', ''), hostileString(80));
const intArg = fc.oneof(fc.integer({ min: -5, max: 10 }), fc.constantFrom(0, 2 ** 31 - 1, -(2 ** 31)), fc.double(), fc.string({ maxLength: 5 }));

/** One GraphQL operation with its variables. */
export interface GraphqlCase {
  query: string;
  variables: Record<string, unknown>;
}

/** GraphQL operations over every argument a client controls, with hostile values. */
export const graphqlCase: fc.Arbitrary<GraphqlCase> = fc.oneof(
  fc.record({ title: optional(hostileString(600)), text: optional(hostileString(3000)), source: optional(hostileString(300)), publishedAt: optional(hostileString(40)) }).map((input) => ({
    query: 'mutation($input: ArticleInput!) { ingestArticle(input: $input) { created article { id title source publishedAt } } }',
    variables: { input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) },
  })),
  fc.record({ q: hostileString(120), types: optional(fc.array(fc.constantFrom(...ENTITY_TYPES, 'PLANET'), { maxLength: 3 })), limit: optional(intArg) }).map((v) => ({
    query: 'query($q: String!, $types: [EntityType!], $limit: Int) { search(query: $q, types: $types, limit: $limit) { id name } }',
    variables: v,
  })),
  fc.record({ ids: fc.array(id, { maxLength: 4 }), depth: optional(intArg), since: optional(hostileString(30)), until: optional(hostileString(30)), limit: optional(intArg) }).map((v) => ({
    query: 'query($ids: [ID!]!, $depth: Int, $since: String, $until: String, $limit: Int) { neighborhood(ids: $ids, depth: $depth, since: $since, until: $until, limit: $limit) { nodes { id } edges { id } truncated } }',
    variables: v,
  })),
  fc.record({ after: optional(hostileString(80)), first: optional(intArg) }).map((v) => ({ query: 'query($after: String, $first: Int) { articles(first: $first, after: $after) { nodes { id } pageInfo { endCursor } } }', variables: v })),
  fc.record({ id, name: hostileString(400) }).map((v) => ({ query: 'mutation($id: ID!, $name: String!) { renameEntity(id: $id, name: $name) { entity { id name } } }', variables: v })),
  fc.record({ name: hostileString(120), state: fc.oneof(hostileString(200), fc.constant('#ids=a,b&layout=grid')) }).map((v) => ({ query: 'mutation($name: String!, $state: String!) { saveView(name: $name, state: $state) { name } }', variables: v })),
  fc.record({ ids: fc.array(id, { maxLength: 3 }), depth: optional(intArg), format: fc.constantFrom(...EXPORT_FORMATS, 'GEXFF') }).map((v) => ({
    query: 'query($ids: [ID!]!, $depth: Int, $format: ExportFormat!) { exportSubgraph(ids: $ids, depth: $depth, format: $format) { filename } }',
    variables: v,
  })),
  hostileString(300).map((q) => ({ query: q, variables: {} })),
);

/** The parts of a GraphQL answer fuzzing looks at. */
interface GraphqlAnswer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> } | null;
}

/** Why a GraphQL answer is unexpected, or undefined when it is fine. */
export function graphqlProblem(answer: GraphqlAnswer): string | undefined {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (!answer.body) return 'not JSON';
  for (const e of answer.body.errors ?? []) {
    const code = e.extensions?.code;
    if (!code || !CLIENT_CODES.has(code)) return `error code ${code ?? '(none)'}: ${e.message ?? ''}`;
  }
  if (!answer.body.errors && answer.body.data === undefined) return 'neither data nor errors';
  return undefined;
}

/** Sends one GraphQL case through the HTTP layer in process (yoga.fetch) or to a URL. */
export async function sendGraphql(fetcher: (url: string, init: RequestInit) => Promise<Response>, url: string, c: GraphqlCase): Promise<GraphqlAnswer> {
  const res = await fetcher(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(c) });
  const text = await res.text();
  let body: GraphqlAnswer['body'] = null;
  try {
    body = JSON.parse(text) as GraphqlAnswer['body'];
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

/** File contents: bytes of any kind, near-binary text, or real-looking articles. */
export const fileContent: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  hostileString(3000).map((s) => new TextEncoder().encode(s)),
  fc.tuple(hostileString(100), hostileString(2000)).map(([t, b]) => new TextEncoder().encode(`${t}\n\n${b}`)),
);

/** Ingests generated files through the same path as `npm run ingest`; returns what went wrong unexpectedly. */
export async function fuzzFiles(services: Services, contents: Uint8Array[], maxBytes: number): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-fuzz-files-'));
  try {
    contents.forEach((bytes, i) => writeFileSync(path.join(dir, `case-${i}.${i % 2 ? 'md' : 'txt'}`), bytes));
    const outcomes = await ingestFiles(services.ingest, [dir], maxBytes);
    return outcomes.length === contents.length ? [] : [`${outcomes.length} outcomes for ${contents.length} files`];
  } catch (err) {
    return [`threw: ${err instanceof Error ? err.message : String(err)}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a fuzzed web page answers: a status, a content type, a body, maybe a redirect. */
export interface PageCase {
  status: number;
  contentType: string;
  body: string;
  redirect: boolean;
}

/** Pages as hostile or broken servers send them. */
export const pageCase: fc.Arbitrary<PageCase> = fc.record({
  status: fc.constantFrom(200, 200, 200, 201, 204, 301, 302, 404, 500),
  contentType: fc.constantFrom('text/html', 'text/html; charset=utf-8', 'text/plain', 'application/pdf', '', 'application/xhtml+xml', 'text/html; charset=latin1'),
  body: fc.oneof(
    hostileString(3000),
    fc.tuple(hostileString(80), hostileString(2000)).map(([t, b]) => `<html><head><title>${t}</title></head><body><article><h1>${t}</h1><p>${b}</p></article></body></html>`),
    fc.constant('<html><body><script>while(true){}</script></body></html>'),
  ),
  redirect: fc.boolean(),
});

/** A local page server for URL ingest; `serve` sets what the next request gets. */
export async function startPageServer(): Promise<{ url: string; serve(c: PageCase): void; close(): Promise<void> }> {
  let current: PageCase = { status: 200, contentType: 'text/plain', body: 'x', redirect: false };
  const server: Server = createServer((req, res) => {
    if (current.redirect && req.url === '/start') {
      res.writeHead(302, { Location: '/page' }).end();
      return;
    }
    const headers: Record<string, string> = current.contentType ? { 'Content-Type': current.contentType } : {};
    if (current.status >= 300 && current.status < 400) headers.Location = '/page';
    res.writeHead(current.status, headers).end(current.status === 204 ? undefined : current.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/start`,
    serve: (c) => (current = c),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const formatSlug = fc.constantFrom(...EXPORT_FORMATS.map((f) => f.toLowerCase().replace(/_/g, '-')));

/** Export requests a client could mean: known ids or the whole graph, with valid filters. */
const plausibleExport: fc.Arbitrary<string> = fc
  .record({
    format: formatSlug,
    scope: fc.oneof(fc.constant('all=true'), fc.constantFrom('agency:immigration-and-customs-enforcement', 'country:tajikistan', 'agency:immigration-and-customs-enforcement,country:tajikistan').map((ids) => `ids=${ids}`)),
    depth: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    types: fc.option(fc.subarray([...ENTITY_TYPES], { minLength: 1 }), { nil: undefined }),
    since: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), { nil: undefined }),
  })
  .map(({ format, scope, depth, types, since }) =>
    [`/export/${format}?${scope}`, depth === undefined ? '' : `depth=${depth}`, types ? `types=${types.join(',')}` : '', since ? `since=${since.toISOString().slice(0, 10)}` : ''].filter(Boolean).join('&'),
  );

/** Export requests: formats, ids, depths, filters and broken escapes; a third of them plausible. */
export const exportPath: fc.Arbitrary<string> = fc.oneof({ arbitrary: plausibleExport, weight: 1 }, { arbitrary: fc
  .record({
    format: fc.oneof(
      { arbitrary: formatSlug, weight: 6 },
      { arbitrary: fc.constantFrom('gexff', '%E0%A4%A', '..%2F..'), weight: 1 },
      { arbitrary: hostileString(20).map(encodeURIComponent), weight: 1 },
    ),
    params: fc.array(
      fc.tuple(
        fc.constantFrom('ids', 'ids', 'all', 'depth', 'limit', 'types', 'since', 'until', 'x'),
        fc.oneof(
          { arbitrary: fc.constantFrom('true', '0', '1', '3', '9', '-1', 'agency:immigration-and-customs-enforcement', 'country:tajikistan', 'PERSON,AGENCY', 'PLANET', '2024-01-01', '%ZZ'), weight: 3 },
          { arbitrary: hostileString(40).map(encodeURIComponent), weight: 1 },
        ),
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ format, params }) => `/export/${format}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`), weight: 2 });
