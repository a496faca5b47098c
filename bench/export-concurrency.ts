/**
 * bench/export-concurrency: ten whole-graph JSON downloads at once against the app, with
 * EXPORT_CONCURRENCY 10 (no effective cap: the baseline) and 2 (the default), in the same run
 * on the same graph (1,500 generated articles plus the demo corpus). Reports each setting's
 * statuses, peak RSS growth of the server process and wall time.
 *
 *   npx tsx bench/export-concurrency.ts [--articles 1500] [--downloads 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { startLocalNeo4j } from '../server/src/db/local-neo4j.ts';
import { numberArg } from './generated-graph.ts';

const ARTICLES = numberArg('articles', 1500);
const DOWNLOADS = numberArg('downloads', 10);
const NAMES = ['Dilshod Rakhimov', 'Aziz Karimov', 'Farrukh Saidov', 'Rustam Nazarov', 'Bekzod Aliev', 'Timur Usmonov', 'Jamshid Tursunov', 'Sardor Yusupov'];
const PLACES = ['New York', 'Philadelphia', 'Los Angeles', 'Baltimore', 'Houston', 'El Paso', 'Chicago', 'Seattle'];

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-export-concurrency-'));
  const db = await startLocalNeo4j({ dataDir: dir, heap: '1g', pagecache: '256m' });
  try {
    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · node ${process.version} · ${DOWNLOADS} concurrent downloads of /export/json?all=true`);
    console.log('| EXPORT_CONCURRENCY | statuses | RSS before MB | peak RSS MB | growth MB | wall s |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [i, slots] of ['10', '2'].entries()) {
      const app = await startApp(loadConfig({ NEO4J_URI: db.uri, NEO4J_PASSWORD: db.password, PORT: '0', INGEST_DEMO: i === 0 ? 'true' : 'false', EXPORT_CONCURRENCY: slots }), () => {});
      try {
        for (let n = 0; i === 0 && n < ARTICLES; n++) {
          const who = `${NAMES[n % NAMES.length]} ${n}`;
          await app.ingest.ingest({
            text: `Report ${n}\n\nImmigration and Customs Enforcement arrested ${who} in ${PLACES[(n * 3) % 8]} on case ${n}. The FBI said ${who} had travelled from Tajikistan to ${PLACES[(n * 5 + 1) % 8]}. DHS and CBP reviewed the vetting of ${n + 2} Uzbek nationals.`,
            publishedAt: `2024-0${1 + (n % 9)}-1${n % 10}`,
          });
        }
        await new Promise((r) => setTimeout(r, 2000));
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        const t0 = performance.now();
        const statuses = await Promise.all(
          Array.from({ length: DOWNLOADS }, async () => {
            const res = await fetch(`${app.url}/export/json?all=true`);
            await res.arrayBuffer();
            return res.status;
          }),
        );
        clearInterval(sampler);
        const mb = (b: number): string => (b / 1e6).toFixed(0);
        const counted = [...new Set(statuses)].map((s) => `${s} ×${statuses.filter((x) => x === s).length}`).join(', ');
        console.log(`| ${slots} | ${counted} | ${mb(before)} | ${mb(peak)} | ${mb(peak - before)} | ${((performance.now() - t0) / 1000).toFixed(1)} |`);
        if (i === 0) console.log(`(graph: ${JSON.stringify(await app.repo.countGraph())})`);
      } finally {
        await app.close();
      }
    }
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
