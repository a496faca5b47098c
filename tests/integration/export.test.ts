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
import { freshRepository, testConfig, testNeo4jUri } from '../helpers/test-db.ts';

const ICE = 'agency:immigration-and-customs-enforcement';
const HOSTILE = ['<img src=x onerror=alert(1)>', "x'}) DETACH DELETE n //", '=cmd|\' /C calc\'!A0', 'quote " and \\ backslash', 'ctrl\u0001char\nnewline'];

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
  "edge": sorted(list(next(iter(g.edges(data=True)))[2].keys())), "hostile": g.nodes["organization:hostile-0"].get("label")}))`;
    const r = spawnSync('python3', ['-c', script, graphml, gexf], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ gn: json.nodes.length, ge: json.edges.length, xn: json.nodes.length, xe: json.edges.length, label: 'Immigration and Customs Enforcement', type: 'AGENCY', hostile: HOSTILE[0] });
    expect(out.edge).toEqual(['evidenceCount', 'firstSeen', 'lastSeen', 'relationType', 'weight']);
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
    const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', 'x'), { disableLosslessIntegers: true });
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
    const driver = neo4j.driver(testNeo4jUri(), neo4j.auth.basic('neo4j', 'x'));
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

  it('npm run export writes the export to stdout', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/export.ts'), '--format', 'json', '--ids', ICE, '--depth', '1'], {
      cwd: ROOT_DIR,
      env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: 'x' },
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
