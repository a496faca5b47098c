/**
 * API speed: builds a generated graph (default 100k entities, 1M relations, power-law degrees)
 * in its own local Neo4j, then measures `neighborhood` and `paths` through GraphQL over HTTP
 * against the same Cypher run through the bare driver, in the same run.
 *   npx tsx bench/api.ts [--entities 100000] [--relations 1000000] [--samples 300]
 * The bench imports neo4j-driver itself: the bare driver is the baseline being compared with.
 */
import { Agent, request } from 'node:http';
import os from 'node:os';
import neo4j from 'neo4j-driver';
import { startApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { loadCypherCatalog } from '../server/src/db/cypher-catalog.ts';
import { createGraphqlApp } from '../server/src/http/create-yoga.ts';
import { STANCES } from '../server/src/domain/types.ts';
import { numberArg, openGeneratedGraph, percentile, seededRandom } from './generated-graph.ts';

const ENTITIES = numberArg('entities', 100_000);
const RELATIONS = numberArg('relations', 1_000_000);
const SAMPLES = numberArg('samples', 300);

async function main(): Promise<void> {
  // One relation in ten carries an evidence sentence (as in bench/export), so evidence reads find some.
  const graph = await openGeneratedGraph({ name: 'api', entities: ENTITIES, relations: RELATIONS, evidencePerTen: 1, articles: 1000 });
  const { db, driver } = graph;
  try {
    const catalog = loadCypherCatalog();
    const app = await startApp(loadConfig({ NEO4J_URI: db.uri, PORT: '0', INGEST_DEMO: 'false', NEO4J_PASSWORD: db.password }), () => {});
    // A keep-alive node:http client: Node's built-in fetch (undici) adds ~0.7 ms per call on
    // this machine, which is the client's cost, not the server's (measured in _floor_ below).
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const target = new URL(`${app.url}/graphql`);
    const gql = (query: string, variables: Record<string, unknown>): Promise<void> =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ query, variables });
        const req = request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: unknown[] };
              if (parsed.errors) reject(new Error(JSON.stringify(parsed.errors)));
              else resolve();
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    // The same GraphQL server without HTTP: yoga's own fetch, in process. Splits the overhead into
    // what GraphQL costs and what the HTTP round trip costs.
    const yoga = createGraphqlApp(app, { graphiql: false });
    const gqlInProcess = async (query: string, variables: Record<string, unknown>): Promise<void> => {
      const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const gqlFetch = async (query: string, variables: Record<string, unknown>): Promise<void> => {
      const res = await fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
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
    // (stanceOrder: what the repository adds to every query that reads stance counts.)
    const filter = { types: null, relationTypes: null, stances: null, minWeight: neo4j.int(0), since: null, until: null, stanceOrder: [...STANCES] };
    const rand = seededRandom(7);
    const ids = Array.from({ length: SAMPLES }, () => `e:${Math.floor(rand() * ENTITIES)}`);
    const pairs = Array.from({ length: Math.min(SAMPLES, 100) }, () => [`e:${Math.floor(rand() * ENTITIES)}`, `e:${Math.floor(rand() * ENTITIES)}`] as const);

    const HOOD = 'query($ids:[ID!]!){ neighborhood(ids:$ids, limit:50){ nodes{ id name type aliases articleCount } edges{ id type source target weight } truncated hiddenCount } }';
    const HOOD_CONFLICTS = 'query($ids:[ID!]!){ neighborhood(ids:$ids, limit:50){ nodes{ id name type aliases articleCount conflicts{ kind } } edges{ id type source target weight conflicts{ kind } } truncated hiddenCount } }';
    const PATHS = 'query($a:ID!,$b:ID!){ paths(from:$a, to:$b, maxLength:4, limit:3){ nodes{ id name type } edges{ id type source target weight } } }';
    // What the explorer's path finder asks (web/src/api.ts): each hop with its first evidence sentence.
    const PATHS_EVIDENCE =
      'query($a:ID!,$b:ID!){ paths(from:$a, to:$b, maxLength:4, limit:3){ nodes{ id name type aliases articleCount date } edges{ id type source target weight evidence(first:1){ id sentence article{ id title url source publishedAt } } } } }';
    /** The find-paths query through the driver: the ids of the relations on the paths found. */
    const findPaths = async (a: string, b: string): Promise<string[]> => {
      const session = driver.session();
      try {
        const r = await session.executeRead((tx) => tx.run(catalog.query('explore/find-paths'), { from: a, to: b, maxLength: neo4j.int(4), limit: neo4j.int(3), excludeHubs: false, hubDegree: neo4j.int(200) }));
        return r.records.flatMap((rec) => (rec.get('edges') as Array<{ id: string }>).map((e) => e.id));
      } finally {
        await session.close();
      }
    };
    const hoodVars = (i: number) => ({ ids: [ids[i % ids.length]] });
    const pairVars = (i: number) => ({ a: pairs[i % pairs.length]?.[0], b: pairs[i % pairs.length]?.[1] });
    /** The neighbourhood queries the service runs (seeds, ranked neighbours, edges among them); returns what they found. */
    const hoodCypher = async (i: number): Promise<{ nodes: Array<{ id: string; type: string; articleCount: number }>; edges: string[] }> => {
      const id = ids[i % ids.length] ?? '';
      const records = async (name: Parameters<typeof catalog.query>[0], params: Record<string, unknown>) => {
        const session = driver.session();
        try {
          return (await session.executeRead((tx) => tx.run(catalog.query(name), params))).records;
        } finally {
          await session.close();
        }
      };
      type Row = { id: string; type: string; articleCount: unknown };
      const seeds = (await records('explore/get-entities', { ids: [id] })).map((x) => x.get('entity') as Row);
      const found = ((await records('explore/expand-neighbors', { ids: [id], exclude: [id], limit: neo4j.int(50), ...filter }))[0]?.get('entities') ?? []) as Row[];
      const edges = (await records('explore/get-edges-among', { ids: [id, ...found.map((x) => x.id)], ...filter })).map((x) => String((x.get('relation') as { id: string }).id));
      return { nodes: [...seeds, ...found].map((n) => ({ id: n.id, type: n.type, articleCount: Number(n.articleCount) })), edges };
    };
    const cases: Array<{ name: string; query: string; vars: (i: number) => Record<string, unknown>; gql: (i: number) => Promise<void>; cypher: (i: number) => Promise<void> }> = [
      {
        name: 'neighborhood 1-hop, limit 50',
        query: HOOD,
        vars: hoodVars,
        gql: (i) => gql(HOOD, { ids: [ids[i % ids.length]] }),
        cypher: async (i) => {
          await hoodCypher(i);
        },
      },
      {
        name: 'paths, maxLength 4, limit 3',
        query: PATHS,
        vars: pairVars,
        gql: (i) => {
          const [a, b] = pairs[i % pairs.length] ?? ['', ''];
          return gql(PATHS, { a, b });
        },
        cypher: async (i) => {
          const [a, b] = pairs[i % pairs.length] ?? ['', ''];
          // As the service does: the existence check only when no path is found.
          if ((await findPaths(a, b)).length === 0) await read('explore/get-entities', { ids: [a, b] });
        },
      },
      {
        name: 'paths as the explorer asks (each hop with its first evidence)',
        query: PATHS_EVIDENCE,
        vars: pairVars,
        gql: (i) => {
          const [a, b] = pairs[i % pairs.length] ?? ['', ''];
          return gql(PATHS_EVIDENCE, { a, b });
        },
        cypher: async (i) => {
          const [a, b] = pairs[i % pairs.length] ?? ['', ''];
          // As the service does: the paths, then one page of evidence for every hop in one query.
          const hops = [...new Set(await findPaths(a, b))];
          if (hops.length === 0) await read('explore/get-entities', { ids: [a, b] });
          else await read('explore/get-evidence', { pages: hops.map((relationId) => ({ relationId, after: '' })), first: neo4j.int(1), stances: null });
        },
      },
      {
        // What the explorer asks since contradictions are marked: every node and edge with the kinds its reports disagree on.
        name: 'neighborhood as the explorer asks (with conflicts)',
        query: HOOD_CONFLICTS,
        vars: hoodVars,
        gql: (i) => gql(HOOD_CONFLICTS, { ids: [ids[i % ids.length]] }),
        cypher: async (i) => {
          // As the service does: the neighbourhood, then one read per kind for the shown edges, events and people.
          const { nodes, edges } = await hoodCypher(i);
          const events = nodes.filter((n) => n.type === 'EVENT' && n.articleCount > 1).map((n) => n.id);
          const people = nodes.filter((n) => n.type === 'PERSON').map((n) => n.id);
          await Promise.all([
            edges.length > 0 ? read('trust/get-relation-reports', { ids: edges, stanceOrder: filter.stanceOrder }) : undefined,
            events.length > 0 ? read('trust/get-event-reports', { ids: events }) : undefined,
            people.length > 0 ? read('trust/get-nationality-reports', { ids: people }) : undefined,
          ]);
        },
      },
    ];

    const service: Record<string, (i: number) => Promise<unknown>> = {
      'neighborhood 1-hop, limit 50': (i) => app.graph.neighborhood({ ids: [ids[i % ids.length] ?? ''], limit: 50 }),
      'neighborhood as the explorer asks (with conflicts)': async (i) => {
        const sub = await app.graph.neighborhood({ ids: [ids[i % ids.length] ?? ''], limit: 50 });
        return Promise.all([...sub.nodes.map((n) => app.trust.conflictsOfEntity(n)), ...sub.edges.map((e) => app.trust.conflictsOfRelation(e))]);
      },
      'paths, maxLength 4, limit 3': (i) => {
        const [a, b] = pairs[i % pairs.length] ?? ['', ''];
        return app.graph.paths(a, b, 4, 3, false);
      },
      'paths as the explorer asks (each hop with its first evidence)': async (i) => {
        const [a, b] = pairs[i % pairs.length] ?? ['', ''];
        const paths = await app.graph.paths(a, b, 4, 3, false);
        return Promise.all(paths.flatMap((p) => p.edges.map((e) => app.graph.evidence(e.id, 1, null))));
      },
    };

    let unlinked = 0;
    for (const [a, b] of pairs) if ((await app.graph.paths(a, b, 4, 3, false)).length === 0) unlinked++;
    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · node ${process.version} · ${ENTITIES} entities, ${RELATIONS} relations · ${pairs.length - unlinked}/${pairs.length} path pairs linked within 4 hops`);
    console.log('| case | GraphQL p50 ms | GraphQL p95 ms | Cypher p50 ms | Cypher p95 ms | p50 ratio | p95 ratio | service in-process p50 | GraphQL in-process (no HTTP) p50 | GraphQL via fetch() p50 |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const c of cases) {
      const n = c.name.startsWith('paths') ? Math.min(SAMPLES, 100) * 2 : SAMPLES;
      const runners: Array<[string, (i: number) => Promise<unknown>]> = [
        ['cypher', c.cypher],
        ['gql', c.gql],
        ['service', service[c.name] ?? c.cypher],
        ['inproc', (i) => gqlInProcess(c.query, c.vars(i))],
        ['fetch', (i) => gqlFetch(c.query, c.vars(i))],
      ];
      for (let i = 0; i < 30; i++) for (const [, run] of runners) await run(i); // warm every path
      const times = new Map<string, number[]>(runners.map(([k]) => [k, []]));
      // Interleave, rotating the order, so all see the same cache state and machine load.
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < runners.length; k++) {
          const [name, run] = runners[(i + k) % runners.length] ?? runners[0]!;
          const t0 = performance.now();
          await run(i);
          times.get(name)?.push(performance.now() - t0);
        }
      }
      const at = (name: string, p: number): number => percentile(times.get(name) ?? [], p);
      const row = [at('gql', 50), at('gql', 95), at('cypher', 50), at('cypher', 95)];
      console.log(
        `| ${c.name} | ${row.map((x) => x.toFixed(2)).join(' | ')} | ${(row[0]! / row[2]!).toFixed(2)} | ${(row[1]! / row[3]!).toFixed(2)} | ${at('service', 50).toFixed(2)} | ${at('inproc', 50).toFixed(2)} | ${at('fetch', 50).toFixed(2)} |`,
      );
    }
    // The floor: the cheapest GraphQL request over HTTP, and the cheapest read transaction.
    const floor = { gql: [] as number[], fetch: [] as number[], ret: [] as number[] };
    for (let i = 0; i < 500; i++) {
      let t0 = performance.now();
      await gql('{ __typename }', {});
      floor.gql.push(performance.now() - t0);
      t0 = performance.now();
      await gqlFetch('{ __typename }', {});
      floor.fetch.push(performance.now() - t0);
      t0 = performance.now();
      await driver.executeQuery('RETURN 1', {}, { routing: neo4j.routing.READ });
      floor.ret.push(performance.now() - t0);
    }
    console.log(
      `\nfloor p50: GraphQL { __typename } ${percentile(floor.gql, 50).toFixed(2)} ms (via fetch() ${percentile(floor.fetch, 50).toFixed(2)} ms); driver RETURN 1 ${percentile(floor.ret, 50).toFixed(2)} ms`,
    );
    // The single 1-hop Cypher query on its own, warm.
    const one: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      await read('explore/expand-neighbors', { ids: [ids[i % ids.length]], exclude: [], limit: neo4j.int(50), ...filter });
      one.push(performance.now() - t0);
    }
    console.log(`\n1-hop expand-neighbors alone (driver, warm): p50 ${percentile(one, 50).toFixed(2)} ms, p95 ${percentile(one, 95).toFixed(2)} ms`);
    agent.destroy();
    await app.close();
  } finally {
    await graph.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
