/**
 * API speed: builds a generated graph (default 100k entities, 1M relations, power-law degrees)
 * in its own local Neo4j, then measures `neighborhood` and `paths` through GraphQL over HTTP
 * against the same Cypher run through the bare driver, in the same run.
 *   npx tsx bench/api.ts [--entities 100000] [--relations 1000000] [--samples 300]
 * The bench imports neo4j-driver itself: the bare driver is the baseline being compared with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { loadCypherCatalog } from '../server/src/db/cypher-catalog.ts';
import { startLocalNeo4j } from '../server/src/db/local-neo4j.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTITIES = arg('entities', 100_000);
const RELATIONS = arg('relations', 1_000_000);
const SAMPLES = arg('samples', 300);
const TYPES = ['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'];
const REL_TYPES = ['MENTIONED_WITH', 'MENTIONED_WITH', 'MENTIONED_WITH', 'PART_OF', 'MEMBER_OF', 'LOCATED_IN', 'PARTICIPATED_IN', 'ARRESTED'];

// Deterministic pseudo-random numbers, so two runs build the same graph.
let seed = 42;
const rand = (): number => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
// Zipf-like choice: low ids are hubs.
const pick = (n: number): number => Math.min(n - 1, Math.floor(n * rand() ** 3));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-api-'));
  const db = await startLocalNeo4j({ dataDir: dir, port: 0, heap: '3g', pagecache: '2g', log: console.log });
  const driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'x'), { disableLosslessIntegers: true });
  try {
    const catalog = loadCypherCatalog();
    const s = driver.session();
    for (const st of catalog.schema) await s.run(st);
    await s.run('CALL db.awaitIndexes(300)');

    let t = performance.now();
    for (let i = 0; i < ENTITIES; i += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, ENTITIES - i) }, (_, k) => {
        const n = i + k;
        return { id: `e:${n}`, name: `Entity ${n}`, type: TYPES[n % TYPES.length], aliases: [`E${n}`], aliasText: `E${n} ; `, articleCount: 1 + (n % 7) };
      });
      await s.run('UNWIND $rows AS r CREATE (e:Entity) SET e = r', { rows });
    }
    console.log(`loaded ${ENTITIES} entities in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const seen = new Set<string>();
    let made = 0;
    while (made < RELATIONS) {
      const rows: Array<Record<string, unknown>> = [];
      while (rows.length < 20_000 && made + rows.length < RELATIONS) {
        const a = pick(ENTITIES);
        const b = Math.floor(rand() * ENTITIES);
        const type = REL_TYPES[Math.floor(rand() * REL_TYPES.length)] ?? 'MENTIONED_WITH';
        const id = `r:${a}:${type}:${b}`;
        if (a === b || seen.has(id)) continue;
        seen.add(id);
        const day = 1 + Math.floor(rand() * 28);
        const date = `2024-0${1 + Math.floor(rand() * 9)}-${String(day).padStart(2, '0')}T00:00:00.000Z`;
        rows.push({ s: `e:${a}`, t: `e:${b}`, id, type, w: 1 + Math.floor(rand() ** 4 * 20), d: date });
      }
      await s.run(
        'UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) CREATE (a)-[:RELATED {id: r.id, type: r.type, weight: r.w, firstSeen: r.d, lastSeen: r.d}]->(b)',
        { rows: rows.map((r) => ({ ...r, w: neo4j.int(r.w as number) })) },
      );
      made += rows.length;
      if (made % 200_000 === 0) console.log(`  ${made} relations…`);
    }
    await s.close();
    console.log(`loaded ${RELATIONS} relations in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const app = await startApp(loadConfig({ NEO4J_URI: db.uri, PORT: '0', INGEST_DEMO: 'false', NEO4J_PASSWORD: 'x' }), () => {});
    const gql = async (query: string, variables: Record<string, unknown>): Promise<void> => {
      const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const read = async (name: Parameters<typeof catalog.query>[0], params: Record<string, unknown>): Promise<void> => {
      const session = driver.session();
      try {
        await session.executeRead((tx) => tx.run(catalog.query(name), params));
      } finally {
        await session.close();
      }
    };
    const filter = { types: null, relationTypes: null, minWeight: neo4j.int(0), since: null, until: null };
    const ids = Array.from({ length: SAMPLES }, () => `e:${Math.floor(rand() * ENTITIES)}`);
    const pairs = Array.from({ length: Math.min(SAMPLES, 100) }, () => [`e:${Math.floor(rand() * ENTITIES)}`, `e:${Math.floor(rand() * ENTITIES)}`] as const);

    const HOOD = 'query($ids:[ID!]!){ neighborhood(ids:$ids, limit:50){ nodes{ id name type aliases articleCount } edges{ id type source target weight } truncated hiddenCount } }';
    const PATHS = 'query($a:ID!,$b:ID!){ paths(from:$a, to:$b, maxLength:4, limit:3){ nodes{ id name type } edges{ id type source target weight } } }';
    const cases: Array<{ name: string; gql: (i: number) => Promise<void>; cypher: (i: number) => Promise<void> }> = [
      {
        name: 'neighborhood 1-hop, limit 50',
        gql: (i) => gql(HOOD, { ids: [ids[i % ids.length]] }),
        cypher: async (i) => {
          // The same queries the service runs: seeds, ranked neighbours, edges among them.
          const id = ids[i % ids.length] ?? '';
          await read('explore/get-entities', { ids: [id] });
          const session = driver.session();
          let found: string[] = [];
          try {
            const r = await session.executeRead((tx) => tx.run(catalog.query('explore/expand-neighbors'), { ids: [id], exclude: [id], limit: neo4j.int(50), ...filter }));
            found = ((r.records[0]?.get('entities') ?? []) as Array<{ id: string }>).map((e) => e.id);
          } finally {
            await session.close();
          }
          await read('explore/get-edges-among', { ids: [id, ...found], ...filter });
        },
      },
      {
        name: 'paths, maxLength 4, limit 3',
        gql: (i) => {
          const [a, b] = pairs[i % pairs.length] ?? ['', ''];
          return gql(PATHS, { a, b });
        },
        cypher: async (i) => {
          const [a, b] = pairs[i % pairs.length] ?? ['', ''];
          await read('explore/get-entities', { ids: [a, b] });
          await read('explore/find-paths', { from: a, to: b, maxLength: neo4j.int(4), limit: neo4j.int(3), excludeHubs: false, hubDegree: neo4j.int(200) });
        },
      },
    ];

    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · node ${process.version} · ${ENTITIES} entities, ${RELATIONS} relations`);
    console.log('| case | GraphQL p50 ms | GraphQL p95 ms | Cypher p50 ms | Cypher p95 ms | p50 ratio | p95 ratio |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const c of cases) {
      const n = c.name.startsWith('paths') ? Math.min(SAMPLES, 100) : SAMPLES;
      for (let i = 0; i < 30; i++) { await c.gql(i); await c.cypher(i); } // warm both paths
      const g: number[] = [];
      const q: number[] = [];
      // Interleave so both see the same cache state and machine load.
      for (let i = 0; i < n; i++) {
        let t0 = performance.now();
        await c.cypher(i);
        q.push(performance.now() - t0);
        t0 = performance.now();
        await c.gql(i);
        g.push(performance.now() - t0);
      }
      const row = [percentile(g, 50), percentile(g, 95), percentile(q, 50), percentile(q, 95)];
      console.log(`| ${c.name} | ${row.map((x) => x.toFixed(2)).join(' | ')} | ${(row[0]! / row[2]!).toFixed(2)} | ${(row[1]! / row[3]!).toFixed(2)} |`);
    }
    // The single 1-hop Cypher query on its own, warm.
    const one: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      await read('explore/expand-neighbors', { ids: [ids[i % ids.length]], exclude: [], limit: neo4j.int(50), ...filter });
      one.push(performance.now() - t0);
    }
    console.log(`\n1-hop expand-neighbors alone (driver, warm): p50 ${percentile(one, 50).toFixed(2)} ms, p95 ${percentile(one, 95).toFixed(2)} ms`);
    await app.close();
  } finally {
    await driver.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
