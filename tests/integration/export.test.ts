import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import cytoscape from 'cytoscape';
import { strFromU8, unzipSync } from 'fflate';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { cypherValue, type ExportFormat } from '../../server/src/pipeline/export/export-data.ts';
import { batch, entity, rel } from '../helpers/graph-fixtures.ts';
import { postGraphql } from '../helpers/graphql-client.ts';
import { freshRepository, testConfig, testNeo4jPassword, testNeo4jUri } from '../helpers/test-db.ts';

const ICE = 'agency:immigration-and-customs-enforcement';
const HOSTILE = ['<img src=x onerror=alert(1)>', "x'}) DETACH DELETE n //", '=cmd|\' /C calc\'!A0', 'quote " and \\ backslash', 'ctrl\u0001char\nnewline'];

/** Entities, relations, evidence and cited articles in the test database. */
async function countGraph(): Promise<{ entities: number; relations: number; evidence: number; articles: number }> {
  const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()), { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery(
      'RETURN COUNT { (:Entity) } AS entities, COUNT { ()-[:RELATED]->() } AS relations, COUNT { (:Evidence) } AS evidence, COUNT { (a:Article) WHERE EXISTS { (:Evidence)-[:FROM]->(a) } } AS articles',
    );
    return records[0]?.toObject() as { entities: number; relations: number; evidence: number; articles: number };
  } finally {
    await driver.close();
  }
}

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;

describe('exports read back by independent tools', () => {
  let app: RunningApp;
  let dir: string;
  let json: { nodes: Array<{ id: string; name: string }>; edges: Array<{ id: string }>; evidence: unknown[]; articles: unknown[] };
  const ids = [ICE, 'organization:hostile-0'];

  async function exportFile(format: ExportFormat): Promise<{ content: string; encoding: string; filename: string }> {
    const r = await postGraphql<{ exportSubgraph: { content: string; encoding: string; filename: string } }>(
      app.url,
      'query($ids:[ID!]!,$f:ExportFormat!){ exportSubgraph(ids:$ids, depth:1, format:$f){ filename mimeType encoding content } }',
      { ids, f: format },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.exportSubgraph;
  }
  const save = (name: string, content: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig(), () => {});
    const hostile = HOSTILE.map((name, i) => ({ ...entity(`organization:hostile-${i}`), name, aliases: [name] }));
    await app.repo.writeArticle(batch('art_hostile', [...hostile, entity(ICE, 'AGENCY')], hostile.map((h, i) => rel('organization:hostile-0', h.id === 'organization:hostile-0' ? ICE : h.id, 'MENTIONED_WITH', i * 20))));
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-export-'));
    json = JSON.parse((await exportFile('JSON')).content) as typeof json;
  });
  afterAll(() => app?.close());

  it('JSON carries nodes, edges, evidence and articles', () => {
    expect(json.nodes.length).toBeGreaterThan(10);
    expect(json.edges.length).toBeGreaterThan(10);
    expect(json.evidence.length).toBeGreaterThanOrEqual(json.edges.length);
    expect(json.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(HOSTILE.map((h) => h)));
  });

  it.runIf(hasNetworkx)('networkx reads GraphML and GEXF with the same counts and attributes', async () => {
    const graphml = save('g.graphml', (await exportFile('GRAPHML')).content);
    const gexf = save('g.gexf', (await exportFile('GEXF')).content);
    const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1]); x = nx.read_gexf(sys.argv[2])
n = g.nodes["${ICE}"]
print(json.dumps({"gn": g.number_of_nodes(), "ge": g.number_of_edges(), "xn": x.number_of_nodes(), "xe": x.number_of_edges(),
  "label": n.get("label"), "type": n.get("type"), "articles": n.get("articleCount"),
  "edge": sorted(k for k in next(iter(g.edges(data=True)))[2].keys() if k != "id"), "hostile": g.nodes["organization:hostile-0"].get("label")}))`;
    // (networkx keeps an edge's GraphML id among its attributes in a simple graph and as its key in a
    // multigraph, which it makes when two edges join the same pair: whether it does depends on the
    // corpus, so "id" is left out of the attributes compared.)
    const r = spawnSync('python3', ['-c', script, graphml, gexf], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ gn: json.nodes.length, ge: json.edges.length, xn: json.nodes.length, xe: json.edges.length, label: 'Immigration and Customs Enforcement', type: 'AGENCY', hostile: HOSTILE[0] });
    expect(out.edge).toEqual(['alleged', 'articleCount', 'asserted', 'attributed', 'denied', 'evidenceCount', 'firstSeen', 'lastSeen', 'relationType', 'uncertain', 'weight']);
  });

  it.runIf(hasXmllint)('xmllint finds GraphML and GEXF well-formed', async () => {
    for (const format of ['GRAPHML', 'GEXF'] as const) {
      const file = save(`w.${format}`, (await exportFile(format)).content);
      const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('Cytoscape JSON loads into headless Cytoscape with the same counts', async () => {
    const doc = JSON.parse((await exportFile('CYTOSCAPE_JSON')).content) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect(cy.nodes().length).toBe(json.nodes.length);
    expect(cy.edges().length).toBe(json.edges.length);
  });

  it('the CSV zip parses with a standard CSV parser', async () => {
    const file = await exportFile('CSV');
    const files = unzipSync(Buffer.from(file.content, 'base64'));
    const nodes = parse(strFromU8(files['nodes.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    const edges = parse(strFromU8(files['edges.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    const evidence = parse(strFromU8(files['evidence.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    expect([nodes.length, edges.length, evidence.length]).toEqual([json.nodes.length, json.edges.length, json.evidence.length]);
    expect(nodes.find((n) => n.Id === 'organization:hostile-2')?.Label).toBe(`'${HOSTILE[2]}`);
  });

  it('the Cypher script recreates the same subgraph in an empty Neo4j, and hostile names create nothing extra', async () => {
    const script = (await exportFile('CYPHER')).content;
    const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()), { disableLosslessIntegers: true });
    try {
      const repo = await freshRepository(); // empty the database
      await repo.close();
      const session = driver.session();
      try {
        for (const statement of script.split(/;\n/).map((s) => s.replace(/^\/\/.*$/gm, '').trim()).filter(Boolean)) await session.run(statement);
        const counts = (await session.run('RETURN COUNT { (:Entity) } AS n, COUNT { ()-[:RELATED]->() } AS e, COUNT { (:Evidence) } AS v, COUNT { (n) WHERE NOT n:Entity AND NOT n:Article AND NOT n:Evidence } AS other')).records[0]?.toObject();
        expect(counts).toEqual({ n: json.nodes.length, e: json.edges.length, v: json.evidence.length, other: 0 });
        const names = (await session.run('MATCH (e:Entity) WHERE e.id STARTS WITH "organization:hostile" RETURN e.name AS name ORDER BY e.id')).records.map((r) => r.get('name') as string);
        expect(names).toEqual(HOSTILE);
      } finally {
        await session.close();
      }
    } finally {
      await driver.close();
    }
  });
});

describe('Cypher literals (property-based, against the real Neo4j)', () => {
  it('any string or list of strings comes back unchanged from the literal the exporter writes', async () => {
    const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()));
    const session = driver.session();
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }), fc.array(fc.string({ unit: 'grapheme-ascii' }), { maxLength: 4 })), async (value) => {
          const record = (await session.run(`RETURN ${cypherValue(value)} AS v, 1 AS marker`)).records[0];
          expect(record?.get('v')).toEqual(value);
          expect(record?.keys).toEqual(['v', 'marker']);
        }),
        { numRuns: 150 },
      );
    } finally {
      await session.close();
      await driver.close();
    }
  });
});

describe('export downloads and CLI', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig(), () => {});
  });
  afterAll(() => app?.close());

  it('GET /export/graphml downloads a file with a name', async () => {
    const res = await fetch(`${app.url}/export/graphml?ids=${encodeURIComponent(ICE)}&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="newsgraph-\d{4}-\d{2}-\d{2}\.graphml"/);
    expect(await res.text()).toMatch(/<graphml/);
    const bad = await fetch(`${app.url}/export/pdf?ids=x`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/Unknown export format/);
  });

  it('streams a download in chunks, and the whole graph with all=true', async () => {
    const res = await fetch(`${app.url}/export/json?all=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const file = (await res.json()) as { nodes: unknown[]; edges: unknown[]; evidence: unknown[]; articles: unknown[]; query: { all?: boolean } };
    const counts = await countGraph();
    expect(file.query.all).toBe(true);
    expect([file.nodes.length, file.edges.length, file.evidence.length, file.articles.length]).toEqual([counts.entities, counts.relations, counts.evidence, counts.articles]);
  });

  it.each([
    ['/export/json?ids=nope', 404, /No entity has the id "nope"/],
    ['/export/json', 400, /ids must name at least one entity/],
    ['/export/json?all=maybe', 400, /all must be true or false/],
    [`/export/json?ids=${ICE}&depth=9`, 400, /depth must be between 0 \(exactly the ids\) and 3; got 9/],
    [`/export/json?ids=${ICE}&limit=200000`, 400, /limit is 200000; the most allowed is 100000/],
    ['/export/json?all=true&since=yesterday', 400, /since "yesterday" is not an ISO 8601 date/],
    ['/export/json?all=true&types=PLANET', 400, /"PLANET" is not an entity type/],
  ])('refuses %s with %i before sending any of the file', async (url, status, message) => {
    const res = await fetch(`${app.url}${url}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(message);
  });

  it('POST /export/<format> with depth 0 exports exactly the entities named, with their positions', async () => {
    const ids = [ICE, 'agency:department-of-homeland-security'];
    const post = (format: string, body: unknown): Promise<Response> =>
      fetch(`${app.url}/export/${format}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const res = await post('cytoscape_json', { ids, depth: 0, positions: { [ICE]: { x: 12.5, y: -3 } } });
    expect(res.status).toBe(200);
    const file = (await res.json()) as { elements: { nodes: Array<{ data: { id: string }; position?: unknown }>; edges: Array<{ data: { source: string; target: string } }> } };
    expect(file.elements.nodes.map((n) => n.data.id).sort()).toEqual([...ids].sort());
    expect(file.elements.nodes.find((n) => n.data.id === ICE)?.position).toEqual({ x: 12.5, y: -3 });
    for (const e of file.elements.edges) expect(ids).toEqual(expect.arrayContaining([e.data.source, e.data.target]));

    const bad = await post('json', { ids, depth: 0, positions: { [ICE]: { x: 'left' } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/positions/);
    const unknown = await post('json', { ids, colour: 'red' });
    expect(unknown.status).toBe(400);
    const form = await fetch(`${app.url}/export/json`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'ids=x' });
    expect(form.status).toBe(400);
  });

  it('npm run export -- --all streams the whole graph', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/export.ts'), '--format', 'graphml', '--all'], {
      cwd: ROOT_DIR,
      env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/<\/graphml>\n$/);
    expect(r.stderr).toMatch(/newsgraph-\d{4}-\d{2}-\d{2}\.graphml: \d+ bytes/);
  });

  it('npm run export writes the export to stdout', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/export.ts'), '--format', 'json', '--ids', ICE, '--depth', '1'], {
      cwd: ROOT_DIR,
      env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { nodes: Array<{ id: string }> };
    expect(out.nodes.map((n) => n.id)).toContain(ICE);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/export.ts'), '--format', 'pdf'], { cwd: ROOT_DIR, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run export/);
  });
});

describe('large streamed exports', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig({ INGEST_DEMO: 'false' }), () => {});
    // A generated graph big enough (~10 MB of GraphML) that a download is still going when cancelled.
    const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()));
    try {
      await driver.executeQuery('UNWIND range(0, 2999) AS i CREATE (:Entity {id: "person:g" + i, name: "Generated person " + i, type: "PERSON", aliases: [], articleCount: 1})');
      await driver.executeQuery(
        'UNWIND range(0, 29999) AS i MATCH (a:Entity {id: "person:g" + (i % 3000)}), (b:Entity {id: "person:g" + ((i * 7 + 1) % 3000)}) CREATE (a)-[:RELATED {id: "rel_g" + i, type: "MENTIONED_WITH", weight: 1, firstSeen: "2024-01-01", lastSeen: "2024-01-02"}]->(b)',
      );
    } finally {
      await driver.close();
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    const repo = await freshRepository();
    await repo.close();
  });

  it('a download cancelled midway ends its Neo4j transaction and the server carries on', async () => {
    const controller = new AbortController();
    const res = await fetch(`${app.url}/export/graphml?all=true`, { signal: controller.signal });
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.byteLength).toBeGreaterThan(0);
    const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', testNeo4jPassword()));
    const openExports = async (): Promise<number> => {
      const { records } = await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'evidenceCount' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n");
      return Number(records[0]?.get('n'));
    };
    try {
      expect(await openExports()).toBe(1); // the client is not reading: the stream waits, its query open
      controller.abort();
      await reader?.cancel().catch(() => {});
      let open = -1;
      for (let i = 0; i < 50 && open !== 0; i++) {
        open = await openExports();
        if (open !== 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(open).toBe(0);
    } finally {
      await driver.close();
    }
    const again = await fetch(`${app.url}/export/csv?all=true`);
    expect(again.status).toBe(200);
    const files = unzipSync(new Uint8Array(await again.arrayBuffer()));
    expect(parse(strFromU8(files['edges.csv'] ?? new Uint8Array()), { columns: true })).toHaveLength(30_000);
  }, 60_000);
});
