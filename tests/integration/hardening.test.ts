import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { unzipSync } from 'fflate';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { postGraphql } from '../helpers/graphql-client.ts';
import { freshRepository, testConfig, testNeo4jPassword, testNeo4jUri } from '../helpers/test-db.ts';
import { splitFrontMatter } from '../../server/src/pipeline/front-matter.ts';

const ICE = 'agency:immigration-and-customs-enforcement';
const TAJIKISTAN = 'country:tajikistan';
const ALLOWED = 'http://allowed.example:8080';

/** A raw HTTP request, so the Host and Origin headers are exactly what a hostile client sends. */
function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('hardening against a hostile client (real HTTP, real Neo4j)', () => {
  let app: RunningApp;
  const post = <T>(query: string, variables: Record<string, unknown> = {}) => postGraphql<T>(app.url, query, variables);
  const host = (): string => new URL(app.url).host;

  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig({ INGEST_DEMO: 'false', CORS_ORIGINS: ALLOWED, EXTRACT_WORKERS: '1' }), () => {});
  });
  beforeEach(async () => {
    await app.repo.deleteEverything();
  });
  afterAll(() => app?.close());

  describe('same-origin by default', () => {
    const saveView = JSON.stringify({ query: 'mutation { saveView(name: "stolen", state: "#ids=x") { name } }' });

    it('answers a preflight from another origin with no CORS headers, and refuses its POST', async () => {
      const preflight = await rawRequest(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { Host: host(), Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const sent = await rawRequest(`${app.url}/graphql`, { method: 'POST', headers: { Host: host(), Origin: 'http://evil.example', 'Content-Type': 'application/json' }, body: saveView });
      expect(sent.status).toBe(403);
      expect(JSON.parse(sent.body)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      // Another port on the same loopback host is another origin too.
      const otherPort = await rawRequest(`${app.url}/graphql`, { method: 'POST', headers: { Host: host(), Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/json' }, body: saveView });
      expect(otherPort.status).toBe(403);
      expect((await post<{ views: unknown[] }>('{ views { name } }')).data?.views).toEqual([]);
    });

    it('refuses a Host it does not serve (DNS rebinding), on the API, downloads and the web app', async () => {
      for (const p of ['/graphql?query=%7Bstats%7Barticles%7D%7D', '/export/json?all=true', '/', '/health']) {
        const r = await rawRequest(`${app.url}${p}`, { headers: { Host: `attacker.example:${app.port}` } });
        expect(r.status, p).toBe(403);
        expect(r.body).toMatch(/PUBLIC_HOST/);
      }
    });

    it('serves its own origin and loopback names', async () => {
      const own = await rawRequest(`${app.url}/graphql`, { method: 'POST', headers: { Host: host(), Origin: app.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ stats { articles } }' }) });
      expect(own.status).toBe(200);
      for (const name of ['localhost', '127.0.0.1', '[::1]']) {
        const r = await rawRequest(`http://127.0.0.1:${app.port}/health`, { headers: { Host: `${name}:${app.port}` } });
        expect(r.status, name).toBe(200);
      }
    });

    it('gives an origin listed in CORS_ORIGINS exactly that origin, never a reflected or wildcard one', async () => {
      const preflight = await rawRequest(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { Host: host(), Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(preflight.headers['access-control-allow-credentials']).toBe('true');
      const r = await rawRequest(`${app.url}/graphql`, { method: 'POST', headers: { Host: host(), Origin: ALLOWED, 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ stats { articles } }' }) });
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe(ALLOWED);
    });
  });

  describe('honest results under concurrency', () => {
    it('of 20 parallel ingests of one new text, exactly one reports created', async () => {
      const text = 'Parallel Note\n\nImmigration and Customs Enforcement detained three Tajik nationals in Texas.';
      const results = await Promise.all(Array.from({ length: 20 }, () => post<{ ingestArticle: { created: boolean } }>('mutation($t: String!) { ingestArticle(input: { text: $t }) { created } }', { t: text })));
      expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
      expect(results.filter((r) => r.data?.ingestArticle.created)).toHaveLength(1);
      expect((await app.repo.countGraph()).articles).toBe(1);
    });

    it('of 5 parallel undos of one decision, one succeeds and the rest are told it is already undone', async () => {
      await app.ingest.ingest({ text: 'Merge Note\n\nCustoms and Border Protection and Immigration and Customs Enforcement held a man in Texas.' });
      const merged = await app.curation.merge(ICE, ['agency:customs-and-border-protection']);
      const id = merged.decisions[0]?.id ?? '';
      const results = await Promise.all(Array.from({ length: 5 }, () => post<{ undoDecision: { decisions: Array<{ undone: boolean }> } }>('mutation($id: ID!) { undoDecision(id: $id) { decisions { undone } } }', { id })));
      expect(results.filter((r) => r.data?.undoDecision)).toHaveLength(1);
      const refused = results.filter((r) => r.errors);
      expect(refused).toHaveLength(4);
      for (const r of refused) {
        expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(r.errors?.[0]?.message).toMatch(/already undone/);
      }
    });
  });

  it('applies curation to articles ingested over GraphQL after a merge made over GraphQL', async () => {
    const cbp = 'agency:customs-and-border-protection';
    const ingest = (t: string) => post('mutation($t: String!) { ingestArticle(input: { text: $t }) { created } }', { t });
    await ingest('First Note\n\nCustoms and Border Protection and Immigration and Customs Enforcement held a man in Texas.');
    expect((await post('mutation($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { entity { id } } }', { into: ICE, from: [cbp] })).errors).toBeUndefined();
    await ingest('Second Note\n\nCustoms and Border Protection released two men in El Paso, Texas.');
    expect(await app.repo.getEntities([cbp])).toEqual([]);
    expect((await app.repo.getEntities([ICE]))[0]?.articleCount).toBe(2);
  });

  describe('dates', () => {
    const ingest = (text: string, publishedAt: string) =>
      post<{ ingestArticle: { article: { id: string; publishedAt: string } } }>('mutation($t: String!, $p: String) { ingestArticle(input: { text: $t, publishedAt: $p }) { article { id publishedAt } } }', { t: text, p: publishedAt });

    it.each([
      ['+099999-01-01', /not an ISO 8601 date/],
      ['2024-02-30', /not a real date/],
      ['1850-01-01', /out of range/],
      [`${new Date().getUTCFullYear() + 2}-01-01`, /out of range/],
      ['June 5, 2024', /not an ISO 8601 date/],
    ])('refuses publishedAt %s, naming the field, and stores nothing', async (date, message) => {
      const r = await ingest('Dated Note\n\nImmigration and Customs Enforcement detained a man in Texas.', date);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/^publishedAt /);
      expect(r.errors?.[0]?.message).toMatch(message);
      expect((await app.repo.countGraph()).articles).toBe(0);
    });

    it('converts dates an earlier version stored as strings, once per store', async () => {
      const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()));
      try {
        await driver.executeQuery(
          `CREATE (:Article {id: 'art_old', title: 'Old', text: 'Old text', publishedAt: '2023-05-01T00:00:00.000Z'})
           CREATE (:Entity {id: 'e:a'})-[:RELATED {id: 'r:old', firstSeen: '2023-05-01T00:00:00.000Z', lastSeen: '2023-06-01T00:00:00.000Z'}]->(:Entity {id: 'e:b'})`,
        );
        await driver.executeQuery('MATCH (m:Migration) DELETE m');
        await app.repo.applySchema();
        const types = await driver.executeQuery('MATCH (a:Article {id: "art_old"}) RETURN valueType(a.publishedAt) AS t UNION ALL MATCH ()-[r:RELATED {id: "r:old"}]->() RETURN valueType(r.lastSeen) AS t');
        expect(types.records.map((r) => r.get('t'))).toEqual(['ZONED DATETIME NOT NULL', 'ZONED DATETIME NOT NULL']);
        const same = await driver.executeQuery("MATCH ()-[r:RELATED {id: 'r:old'}]->() RETURN r.firstSeen = datetime('2023-05-01T00:00Z') AND r.lastSeen = datetime('2023-06-01T00:00Z') AS same");
        expect(same.records[0]?.get('same')).toBe(true);
        // Recorded as done: a string written after it is left for the integrity check to find.
        await driver.executeQuery("MATCH (a:Article {id: 'art_old'}) SET a.publishedAt = '2023-05-02'");
        await app.repo.applySchema();
        expect((await app.repo.checkIntegrity()).datesAsStrings).toBe(1);
      } finally {
        await driver.close();
      }
    });

    it('stores dates as Neo4j datetimes, and deleting an article recomputes firstSeen/lastSeen of what it shared', async () => {
      const early = await ingest('Early Note\n\nImmigration and Customs Enforcement detained eight Tajik nationals in New York.', '2024-01-10');
      const late = await ingest('Late Note\n\nImmigration and Customs Enforcement arrested two Tajik nationals in Philadelphia.', '2025-06-01T12:00:00Z');
      expect(early.data?.ingestArticle.article.publishedAt).toBe('2024-01-10T00:00:00.000Z');
      const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()));
      try {
        const { records } = await driver.executeQuery('MATCH (a:Article) RETURN DISTINCT valueType(a.publishedAt) AS t UNION MATCH ()-[r:RELATED]->() RETURN DISTINCT valueType(r.lastSeen) AS t');
        expect(records.map((rec) => rec.get('t'))).toEqual(['ZONED DATETIME NOT NULL']);
      } finally {
        await driver.close();
      }
      const edge = async () => {
        const r = await post<{ neighborhood: { edges: Array<{ source: string; target: string; type: string; firstSeen: string; lastSeen: string }> } }>(
          'query($ids: [ID!]!, $since: String) { neighborhood(ids: $ids, since: $since) { edges { source target type firstSeen lastSeen } } }',
          { ids: [ICE], since: '2025-01-01' },
        );
        return r.data?.neighborhood.edges.find((e) => e.source === ICE && e.target === TAJIKISTAN && e.type === 'ARRESTED');
      };
      expect(await edge()).toMatchObject({ firstSeen: '2024-01-10T00:00:00.000Z', lastSeen: '2025-06-01T12:00:00.000Z' });
      await post('mutation($id: ID!) { deleteArticle(id: $id) }', { id: late.data?.ingestArticle.article.id });
      // Only the early article supports the link now: it no longer passes since 2025.
      expect(await edge()).toBeUndefined();
      const [relation] = (await app.repo.edgesAmong([ICE, TAJIKISTAN])).filter((e) => e.type === 'ARRESTED');
      expect(relation).toMatchObject({ firstSeen: '2024-01-10T00:00:00.000Z', lastSeen: '2024-01-10T00:00:00.000Z' });
      const gexf = await (await fetch(`${app.url}/export/gexf?all=true`)).text();
      expect(gexf).toMatch(/start="2024-01-10"/);
      expect(gexf).not.toMatch(/start="\+/);
    });
  });

  describe('fields', () => {
    it('strips control characters from titles and names, and refuses oversized fields by name', async () => {
      const r = await post<{ ingestArticle: { article: { title: string } } }>('mutation($i: ArticleInput!) { ingestArticle(input: $i) { article { title } } }', {
        i: { title: 'Bell\u0007 and \u001b[31mescape', text: 'Body Note\n\nImmigration and Customs Enforcement detained a man in Texas.' },
      });
      expect(r.data?.ingestArticle.article.title).toBe('Bell and [31mescape');
      const renamed = await post<{ renameEntity: { entity: { name: string } } }>('mutation($id: ID!, $n: String!) { renameEntity(id: $id, name: $n) { entity { name } } }', { id: ICE, n: 'I\u0000C\uFFFEE agency' });
      expect(renamed.data?.renameEntity.entity.name).toBe('ICE agency');
      const zip = unzipSync(new Uint8Array(await (await fetch(`${app.url}/export/csv?all=true`)).arrayBuffer()));
      expect(Object.keys(zip)).toContain('nodes.csv');
      for (const [name, bytes] of Object.entries(zip)) expect(Buffer.from(bytes).includes(0), name).toBe(false);
      const big = await post('mutation($i: ArticleInput!) { ingestArticle(input: $i) { created } }', { i: { source: 's'.repeat(1_000_000), text: 'Source Note\n\nICE detained a man.' } });
      expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(big.errors?.[0]?.message).toMatch(/^source is 1000000 characters; the limit is 200/);
    });
  });

  describe('client mistakes are 4xx with a code', () => {
    it('answers a malformed export URL with 400, not 500', async () => {
      const r = await rawRequest(`${app.url}/export/%E0%A4%A?all=true`, { headers: { Host: host() } });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    });

    it('gives variable type errors, bad cursors and bad export depths a code', async () => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'query($d: Int) { neighborhood(ids: ["x"], depth: $d) { truncated } }', variables: { d: 'deep' } }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
      const cursor = await post('{ articles(after: "garbage!!") { nodes { id } } }');
      expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(cursor.errors?.[0]?.message).toMatch(/not a cursor/);
      const depth = await post(`{ exportSubgraph(ids: ["${ICE}"], depth: 5, format: JSON) { filename } }`);
      expect(depth.errors?.[0]?.message).toMatch(/depth must be between 0 \(exactly the ids\) and 3; got 5/);
    });
  });

  describe('extraction off the event loop', () => {
    it('keeps answering health checks while a large article is extracted', async () => {
      const demo = readdirSync(path.join(ROOT_DIR, 'data', 'articles')).map((f) => splitFrontMatter(readFileSync(path.join(ROOT_DIR, 'data', 'articles', f), 'utf8'), f).body);
      // ~1 MB of real-shaped news: the demo corpus again and again, each copy numbered.
      const parts: string[] = ['Big Dossier'];
      for (let i = 0; parts.join('\n\n').length < 1_000_000; i++) parts.push(`Part ${i}.\n\n${demo[i % demo.length]}`);
      const text = parts.join('\n\n');
      const ingest = () => post<{ ingestArticle: { created: boolean } }>('mutation($t: String!) { ingestArticle(input: { text: $t }) { created } }', { t: text });

      let done = false;
      let pings = 0;
      const pinging = (async () => {
        while (!done) {
          if ((await fetch(`${app.url}/health`)).status === 200) pings++;
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const first = await ingest();
      done = true;
      await pinging;
      expect(first.data?.ingestArticle.created).toBe(true);
      // Health checks kept being answered while the article was extracted (in a worker thread);
      // with extraction on the event loop, none could be answered until it finished.
      expect(pings).toBeGreaterThanOrEqual(3);
      expect((await ingest()).data?.ingestArticle.created).toBe(false);
    }, 180_000);
  });
});
