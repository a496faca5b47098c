/**
 * The generated graph the API and export benchmarks run on: `entities` entities and `relations`
 * relations with power-law degrees (low ids are hubs), built deterministically, in a local
 * Neo4j kept under BENCH_DATA_DIR between runs (loading takes minutes) or a temporary folder.
 * Benchmarks import neo4j-driver themselves: the bare driver is their baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadCypherCatalog } from '../server/src/db/cypher-catalog.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../server/src/db/local-neo4j.ts';

const TYPES = ['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'];
const REL_TYPES = ['MENTIONED_WITH', 'MENTIONED_WITH', 'MENTIONED_WITH', 'PART_OF', 'MEMBER_OF', 'LOCATED_IN', 'PARTICIPATED_IN', 'ARRESTED'];

/** A deterministic pseudo-random number generator, so two runs build the same graph. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

/** A number-valued command-line option (`--name value`). */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The p-th percentile of a list of numbers. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** A running benchmark database with the generated graph in it. */
export interface BenchGraph {
  db: LocalNeo4j;
  driver: Driver;
  close(): Promise<void>;
}

/**
 * Starts a local Neo4j and loads the generated graph unless it is already there. With
 * `evidencePerTen`, that many relations in every ten get one evidence sentence from one of
 * `articles` articles (what exports carry).
 */
export async function openGeneratedGraph(opts: { name: string; entities: number; relations: number; evidencePerTen?: number; articles?: number }): Promise<BenchGraph> {
  const keep = process.env.BENCH_DATA_DIR;
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), `newsgraph-bench-${opts.name}-`));
  const db = await startLocalNeo4j({ dataDir: dir, port: 0, heap: '3g', pagecache: '2g', log: console.log });
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { disableLosslessIntegers: true });
  const close = async (): Promise<void> => {
    await driver.close();
    await db.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await load(driver, opts);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, driver, close };
}

async function load(driver: Driver, opts: { entities: number; relations: number; evidencePerTen?: number; articles?: number }): Promise<void> {
  const { entities, relations } = opts;
  const catalog = loadCypherCatalog();
  const s = driver.session();
  try {
    for (const st of catalog.schema) await s.run(st);
    await s.run('CALL db.awaitIndexes(300)');
    const count = async (q: string): Promise<number> => Number((await s.run(q)).records[0]?.get('n') ?? 0);
    const existing = await count('MATCH (e:Entity) RETURN count(e) AS n');
    if (existing > 0 && existing !== entities) throw new Error(`BENCH_DATA_DIR holds ${existing} entities, not ${entities}; use an empty directory.`);

    let t = performance.now();
    if (existing === 0) {
      for (let i = 0; i < entities; i += 10_000) {
        const rows = Array.from({ length: Math.min(10_000, entities - i) }, (_, k) => {
          const n = i + k;
          return { id: `e:${n}`, name: `Entity ${n}`, type: TYPES[n % TYPES.length], aliases: [`E${n}`], aliasText: `E${n} ; `, articleCount: 1 + (n % 7) };
        });
        await s.run('UNWIND $rows AS r CREATE (e:Entity) SET e = r', { rows });
      }
      console.log(`loaded ${entities} entities in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      t = performance.now();
      const rand = seededRandom(42);
      const pick = (n: number): number => Math.min(n - 1, Math.floor(n * rand() ** 3)); // Zipf-like: low ids are hubs
      const seen = new Set<string>();
      let made = 0;
      while (made < relations) {
        const rows: Array<Record<string, unknown>> = [];
        while (rows.length < 20_000 && made + rows.length < relations) {
          const a = pick(entities);
          const b = Math.floor(rand() * entities);
          const type = REL_TYPES[Math.floor(rand() * REL_TYPES.length)] ?? 'MENTIONED_WITH';
          const id = `r:${a}:${type}:${b}`;
          if (a === b || seen.has(id)) continue;
          seen.add(id);
          const day = 1 + Math.floor(rand() * 28);
          const date = `2024-0${1 + Math.floor(rand() * 9)}-${String(day).padStart(2, '0')}T00:00:00.000Z`;
          rows.push({ s: `e:${a}`, t: `e:${b}`, id, type, w: neo4j.int(1 + Math.floor(rand() ** 4 * 20)), d: date });
        }
        await s.run(
          'UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) CREATE (a)-[:RELATED {id: r.id, type: r.type, weight: r.w, firstSeen: r.d, lastSeen: r.d}]->(b)',
          { rows },
        );
        made += rows.length;
        if (made % 200_000 === 0) console.log(`  ${made} relations…`);
      }
      console.log(`loaded ${relations} relations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }

    const perTen = opts.evidencePerTen ?? 0;
    if (perTen > 0 && (await count('MATCH (v:Evidence) RETURN count(v) AS n')) === 0) {
      t = performance.now();
      const articles = opts.articles ?? 1000;
      await s.run(
        'UNWIND range(0, $n - 1) AS i CREATE (:Article {id: "a:" + i, title: "Generated report " + i, text: "Generated report " + i + " for the benchmark.", url: "https://example.com/report/" + i, source: "Bench Wire", publishedAt: "2024-06-01T00:00:00.000Z"})',
        { n: neo4j.int(articles) },
      );
      // Evidence for relations whose running number ends in 0..perTen-1, in batches by relation.
      await s.run(
        `MATCH ()-[r:RELATED]->() WITH r, toInteger(split(r.id, ':')[1]) + toInteger(split(r.id, ':')[3]) AS k WHERE k % 10 < $perTen
         CALL (r, k) { MATCH (a:Article {id: "a:" + (k % $articles)})
           CREATE (:Evidence {id: "v:" + r.id, relationId: r.id, sentence: "Reports say the two were linked (" + r.type + ") in a statement on " + r.firstSeen + ".", start: 0, end: 10, confidence: 0.8, extractorVersion: "bench"})-[:FROM]->(a)
         } IN TRANSACTIONS OF 20000 ROWS`,
        { perTen: neo4j.int(perTen), articles: neo4j.int(articles) },
      );
      console.log(`loaded ${await count('MATCH (v:Evidence) RETURN count(v) AS n')} evidence sentences in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await s.close();
  }
}
