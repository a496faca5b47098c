/**
 * Export speed and memory: the generated graph (default 100k entities, 1M relations, one
 * relation in ten with an evidence sentence) exported whole in every format, and a 100k-entity
 * subgraph, each in its own process so its peak memory is its own. Baselines in the same run:
 * the same catalog queries read through the bare driver as a stream (the reading floor) and
 * collected eagerly with executeQuery (what an export held in memory would start from).
 *   npx tsx bench/export.ts [--entities 100000] [--relations 1000000] [--formats GRAPHML,CSV]
 * BENCH_DATA_DIR keeps the generated graph between runs.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../server/src/config.ts';
import { GraphRepository } from '../server/src/db/graph-repository.ts';
import { loadCypherCatalog, type QueryName } from '../server/src/db/cypher-catalog.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../server/src/pipeline/export/export-data.ts';
import { ExportService } from '../server/src/services/export-service.ts';
import { GraphService } from '../server/src/services/graph-service.ts';
import { numberArg, openGeneratedGraph } from './generated-graph.ts';

const ALL_PARTS: QueryName[] = ['export/stream-all-entities', 'export/stream-all-relations', 'export/stream-all-evidence', 'export/stream-all-articles'];
const NO_FILTER = { types: null, relationTypes: null, minWeight: neo4j.int(0), since: null, until: null };

interface Measured {
  ms: number;
  bytes: number;
  rows: number;
  maxRssMb: number;
  peakHeapMb: number;
}

/** Runs one case in this (child) process and prints what it measured as JSON. */
async function child(kind: string, uri: string): Promise<void> {
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100);
  const t0 = performance.now();
  let bytes = 0;
  let rows = 0;
  if (kind === 'driver-stream' || kind === 'driver-eager') {
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.BENCH_NEO4J_PASSWORD ?? ''), { disableLosslessIntegers: true });
    const catalog = loadCypherCatalog();
    try {
      for (const name of ALL_PARTS) {
        if (kind === 'driver-eager') {
          const { records } = await driver.executeQuery(catalog.query(name), NO_FILTER, { routing: neo4j.routing.READ });
          rows += records.length;
        } else {
          const session = driver.session({ defaultAccessMode: neo4j.session.READ, fetchSize: 2000 });
          try {
            for await (const record of session.run(catalog.query(name), NO_FILTER)) if (record) rows++;
          } finally {
            await session.close();
          }
        }
      }
    } finally {
      await driver.close();
    }
  } else {
    const [format, scope] = kind.split(':') as [ExportFormat, string];
    const repo = GraphRepository.create({ uri, user: 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '', database: loadConfig({ NEO4J_URI: uri }).NEO4J_DATABASE });
    try {
      const exports = new ExportService(repo, new GraphService(repo));
      const request = scope === 'all' ? { ids: [], all: true } : { ids: ['e:0'], depth: 2, limit: 100_000 };
      const file = await exports.open(format, request);
      for await (const chunk of file.chunks) bytes += chunk.byteLength;
    } finally {
      await repo.close();
    }
  }
  clearInterval(sampler);
  const result: Measured = { ms: performance.now() - t0, bytes, rows, maxRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 1024 / 1024 };
  console.log(JSON.stringify(result));
}

function runChild(kind: string, uri: string, password: string): Measured {
  // The password goes by environment: a process's arguments are visible to other users.
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, '--uri', uri], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, BENCH_NEO4J_PASSWORD: password },
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${kind} failed: ${r.stderr}`);
  return JSON.parse(line) as Measured;
}

async function main(): Promise<void> {
  const entities = numberArg('entities', 100_000);
  const relations = numberArg('relations', 1_000_000);
  const i = process.argv.indexOf('--formats');
  const formats = (i > 0 ? (process.argv[i + 1] ?? '').split(',') : [...EXPORT_FORMATS]) as ExportFormat[];
  const graph = await openGeneratedGraph({ name: 'export', entities, relations, evidencePerTen: 1, articles: 1000 });
  try {
    const uri = graph.db.uri;
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · node ${process.version} · ${entities} entities, ${relations} relations`);
    console.log('| case | time s | output MB | MB/s | peak RSS MB | peak heap MB |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    const row = (name: string, m: Measured): void =>
      console.log(`| ${name} | ${(m.ms / 1000).toFixed(1)} | ${m.bytes ? mb(m.bytes) : `${m.rows} rows`} | ${m.bytes ? (m.bytes / 1024 / 1024 / (m.ms / 1000)).toFixed(1) : '–'} | ${m.maxRssMb.toFixed(0)} | ${m.peakHeapMb.toFixed(0)} |`);
    row('baseline: bare driver, the same 4 queries streamed', runChild('driver-stream', uri, graph.db.password));
    row('baseline: bare driver, the same 4 queries with executeQuery (in memory)', runChild('driver-eager', uri, graph.db.password));
    for (const format of formats) row(`${format}, whole graph`, runChild(`${format}:all`, uri, graph.db.password));
    row('GRAPHML, subgraph: 2 hops around the top hub, limit 100k', runChild('GRAPHML:subgraph', uri, graph.db.password));
  } finally {
    await graph.close();
  }
}

const childAt = process.argv.indexOf('--child');
const run = childAt > 0 ? child(process.argv[childAt + 1] ?? '', process.argv[process.argv.indexOf('--uri') + 1] ?? '') : main();
run.catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
