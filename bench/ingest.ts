/**
 * Bulk ingest speed, against baselines measured in the same run:
 *  0. CoreNLP alone annotating the same texts, as many at once: what the whole path cannot beat;
 *  1. the whole path (`ingestFiles`: read → annotate (CoreNLP) → extract → resolve → curate →
 *     batched write) at each concurrency, on the same articles (the graph emptied between runs):
 *     articles/s, words/s, how busy the preparing and the writing were, the mean articles per
 *     write transaction, the Node process's peak memory;
 *  2. the write part alone: our `writeArticles` over exactly the batches the run produced, in
 *     groups of `--batch` articles, against a bare-driver `UNWIND` load of the same rows (articles,
 *     entities, mentions, relations, evidence) in the same groups. write ratio = bare time / ours.
 *     Alternating passes of each (`--passes`, the first a dropped warm-up); the medians give the ratio.
 *   npx tsx bench/ingest.ts [--articles 1000] [--batch 25] [--linger 0] [--passes 5] [--concurrency 1,2,4]
 * (--linger MS: how long a finished article waits for others to share its write transaction)
 * Uses CORENLP_URL, or starts the local CoreNLP; always a fresh local Neo4j in a temporary folder.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig, ROOT_DIR } from '../server/src/config.ts';
import { GraphRepository } from '../server/src/db/graph-repository.ts';
import { startLocalNeo4j } from '../server/src/db/local-neo4j.ts';
import type { GraphBatch } from '../server/src/domain/types.ts';
import { openAnnotator } from '../server/src/pipeline/annotate/open-annotator.ts';
import { createServices } from '../server/src/services/create-services.ts';
import { ingestFiles } from '../server/src/services/ingest-files.ts';
import type { IngestOutcome } from '../server/src/services/ingest-service.ts';
import { numberArg } from './generated-graph.ts';
import { splitFrontMatter } from '../server/src/pipeline/front-matter.ts';
import { eventResolver } from '../server/src/pipeline/resolve-events.ts';

const ARTICLES = numberArg('articles', 1000);
const BATCH = numberArg('batch', 25);
const LINGER = numberArg('linger', 0);
const PASSES = numberArg('passes', 5);
// --save-batches FILE keeps the batches the run produced; --load-batches FILE times only the write
// part on batches saved before (comparing write paths on exactly the same rows, without CoreNLP).
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SAVE_BATCHES = argValue('--save-batches');
const LOAD_BATCHES = argValue('--load-batches');
// --no-event-resolution: the write part without resolving events across articles (its own cost).
const RESOLVER = process.argv.includes('--no-event-resolution') ? undefined : eventResolver;
const ci = process.argv.indexOf('--concurrency');
const CONCURRENCY = (ci > 0 ? (process.argv[ci + 1] ?? '') : '1,2,4').split(',').map(Number);

// The demo corpus and the extraction fixtures (our own words). Each copy keeps its source's
// paragraphs but swaps about half of its sentences for sentences of other sources and adds one
// to each paragraph (seeded), and is numbered: every article is a new text (a new id) and no two
// are near-duplicates (the most similar pair of 300 scores 0.67), so nothing is answered from the
// database or skipped as a copy of another.
const sources = [path.join(ROOT_DIR, 'data', 'articles'), path.join(ROOT_DIR, 'tests', 'fixtures', 'extraction')].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => splitFrontMatter(readFileSync(path.join(d, f), 'utf8'), f).body),
);
const sentencesOf = (paragraph: string): string[] => paragraph.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z])/);
const pool = sources.flatMap((t) => t.split(/\n\s*\n/).slice(1).flatMap(sentencesOf));
/** mulberry32: a small seeded generator, so every run of the bench reads the same corpus. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const texts = Array.from({ length: ARTICLES }, (_, i) => {
  const random = seeded(i + 1);
  const [title, ...paragraphs] = (sources[i % sources.length] ?? '').split(/\n\s*\n/);
  const pick = (): string => pool[Math.floor(random() * pool.length)] ?? '';
  const body = paragraphs.map((p) => [...sentencesOf(p).map((s) => (random() < 1 / 2 ? pick() : s)), pick()].join(' '));
  return [title, ...body, `File ${i + 1}.`].join('\n\n');
});
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
const folder = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-ingest-'));
for (const [i, t] of texts.entries()) writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}.txt`), t);

const config = loadConfig();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-ingest-db-'));
const db = await startLocalNeo4j({ dataDir, port: 0, heap: '3g', pagecache: '2g', log: console.log });
const repo = GraphRepository.create({ uri: db.uri, user: db.user, password: db.password, database: 'neo4j' });
await repo.applySchema();
const driver: Driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { disableLosslessIntegers: true });
const nlp = await openAnnotator(config, console.log);
const services = createServices(repo, config, nlp.annotator);

/** Peak resident memory of this process while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    return [result, Math.max(peak, process.memoryUsage().rss)];
  } finally {
    clearInterval(timer);
  }
}

const groups = <T>(xs: T[], size: number): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The bare baseline: the same rows as our write, in one UNWIND per kind, one transaction per group. */
async function bareLoad(group: GraphBatch[]): Promise<void> {
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(
        'UNWIND $rows AS r CREATE (a:Article {id: r.id}) SET a.title = r.title, a.text = r.text, a.url = r.url, a.source = r.source, a.publishedAt = datetime(r.publishedAt), a.extractorVersion = r.extractorVersion, a.ingestedAt = toString(datetime())',
        { rows: group.map((b) => b.article) },
      );
      await tx.run(
        'UNWIND $rows AS r MERGE (n:Entity {id: r.id}) ON CREATE SET n.name = r.name, n.type = r.type, n.aliases = r.aliases, n.eventType = r.eventType, n.count = r.count, n.date = r.date',
        { rows: group.flatMap((b) => b.entities) },
      );
      await tx.run('UNWIND $rows AS r MATCH (a:Article {id: r.a}) MATCH (n:Entity {id: r.e}) CREATE (a)-[:MENTIONS {count: r.c}]->(n)', {
        rows: group.flatMap((b) => b.entities.map((e) => ({ a: b.article.id, e: e.id, c: e.mentionCount }))),
      });
      await tx.run(
        'UNWIND $rows AS r MATCH (s:Entity {id: r.source}) MATCH (t:Entity {id: r.target}) MERGE (s)-[x:RELATED {id: r.id}]->(t) ON CREATE SET x.type = r.type, x.role = r.role, x.weight = 0 SET x.weight = x.weight + 1',
        { rows: group.flatMap((b) => b.relations.map((r) => ({ id: r.id, source: r.source, target: r.target, type: r.type, role: r.role }))) },
      );
      await tx.run(
        'UNWIND $rows AS r MATCH (a:Article {id: r.a}) CREATE (v:Evidence {id: r.id})-[:FROM]->(a) SET v.relationId = r.rel, v.sentence = r.sentence, v.start = r.start, v.end = r.end, v.confidence = r.confidence, v.rules = r.rules',
        {
          rows: group.flatMap((b) =>
            b.relations.flatMap((r) => r.evidence.map((ev) => ({ a: b.article.id, id: `${b.article.id}:${r.id}:${ev.start}`, rel: r.id, ...ev }))),
          ),
        },
      );
    });
  } finally {
    await session.close();
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
}

try {
  console.log(`corpus: ${ARTICLES} articles, ${words} words · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} · node ${process.version} · write batch ${BATCH}, linger ${LINGER} ms`);
  let produced: GraphBatch[] = LOAD_BATCHES ? (JSON.parse(readFileSync(LOAD_BATCHES, 'utf8')) as GraphBatch[]) : [];
  for (const concurrency of LOAD_BATCHES ? [] : CONCURRENCY) {
    // The baseline of the whole path: CoreNLP alone annotating the same texts, as many at once.
    let next = 0;
    const annotateSeconds = await timed(async () => {
      const work = async (): Promise<void> => {
        while (next < texts.length) await nlp.annotator.annotate(texts[next++] as string);
      };
      await Promise.all(Array.from({ length: concurrency }, work));
    });
    await repo.deleteEverything();
    const batches: GraphBatch[] = [];
    let prepareBusy = 0;
    let writeBusy = 0;
    let writes = 0;
    const measured = {
      prepare: async (...args: Parameters<typeof services.ingest.prepare>) => {
        const t = performance.now();
        const r = await services.ingest.prepare(...args);
        prepareBusy += performance.now() - t;
        if (r.batch) batches.push(r.batch);
        return r;
      },
      store: async (group: readonly GraphBatch[]): Promise<IngestOutcome[]> => {
        const t = performance.now();
        const r = await services.ingest.store(group);
        writeBusy += performance.now() - t;
        writes++;
        return r;
      },
    };
    const start = performance.now();
    const [results, peak] = await withPeakRss(() => ingestFiles(measured, [folder], config.MAX_ARTICLE_BYTES, () => {}, { concurrency, batchSize: BATCH, lingerMs: LINGER }));
    const seconds = (performance.now() - start) / 1000;
    const stored = results.filter((r) => r.ok && r.outcome.created).length;
    if (stored !== ARTICLES) throw new Error(`expected ${ARTICLES} stored, got ${stored}`);
    console.log(`concurrency ${concurrency}, CoreNLP alone: ${annotateSeconds.toFixed(1)} s · ${(ARTICLES / annotateSeconds).toFixed(1)} articles/s · ${(words / annotateSeconds).toFixed(0)} words/s`);
    console.log(
      `concurrency ${concurrency}, whole ingest: ${seconds.toFixed(1)} s · ${(ARTICLES / seconds).toFixed(1)} articles/s · ${(words / seconds).toFixed(0)} words/s (${((annotateSeconds / seconds) * 100).toFixed(0)}% of CoreNLP alone) · ` +
        `preparing busy ${(prepareBusy / 1000).toFixed(1)} s (summed over workers), writing busy ${(writeBusy / 1000).toFixed(1)} s (${((writeBusy / 1000 / seconds) * 100).toFixed(0)}% of the run) · ` +
        `${writes} write transactions (${(ARTICLES / writes).toFixed(1)} articles each) · peak RSS ${mb(peak)}`,
    );
    produced = batches;
  }

  if (SAVE_BATCHES) writeFileSync(SAVE_BATCHES, JSON.stringify(produced));
  // The write part alone, same rows, same groups: ours against the bare driver.
  const grouped = groups(produced, BATCH);
  const rows = produced.reduce((n, b) => n + 1 + b.entities.length * 2 + b.relations.length + b.relations.reduce((k, r) => k + r.evidence.length, 0), 0);
  // Alternating passes; the first of each side warms caches and query plans and is dropped, the
  // rest give a median (this shared 2-core VM varies by 20% between passes of the same load).
  const passes = Math.max(2, PASSES);
  const ours: number[] = [];
  const bare: number[] = [];
  for (let p = 0; p < passes; p++) {
    await repo.deleteEverything();
    ours.push(await timed(async () => {
      for (const g of grouped) await repo.writeArticles(g, RESOLVER);
    }));
    await repo.deleteEverything();
    bare.push(await timed(async () => {
      for (const g of grouped) await bareLoad(g);
    }));
  }
  const o = median(ours.slice(1));
  const b = median(bare.slice(1));
  const list = (xs: number[]): string => xs.slice(1).map((x) => x.toFixed(2)).join(', ');
  console.log(`write part, ${produced.length} articles (${rows} rows) in ${grouped.length} transactions of up to ${BATCH}, ${passes - 1} timed passes each after a warm-up:`);
  console.log(`  bare UNWIND ${list(bare)} s · ours ${list(ours)} s`);
  console.log(`  medians: bare ${b.toFixed(2)} s (${(produced.length / b).toFixed(0)} articles/s) · ours ${o.toFixed(2)} s (${(produced.length / o).toFixed(0)} articles/s) · write ratio ${(b / o).toFixed(2)} (best ${(Math.min(...bare.slice(1)) / Math.min(...ours.slice(1))).toFixed(2)})`);
} finally {
  await services.close();
  await nlp.close();
  await driver.close();
  await repo.close();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
}
