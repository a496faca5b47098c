/**
 * bench/fuzz: ten thousand (or --runs N) generated cases per boundary — GraphQL inputs, file
 * ingest, URL ingest, export parameters — against a real local Neo4j, then the graph's
 * integrity checks. Prints what was tried (outcomes by code or status) and every unexpected
 * answer; exits non-zero if there was one or if an integrity count is not 0.
 *
 *   npx tsx bench/fuzz.ts [--runs 10000] [--seed 42]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../server/src/config.ts';
import { GraphRepository } from '../server/src/db/graph-repository.ts';
import { startLocalNeo4j } from '../server/src/db/local-neo4j.ts';
import { AppError } from '../server/src/domain/errors.ts';
import { openAnnotator } from '../server/src/pipeline/annotate/open-annotator.ts';
import { createServices } from '../server/src/services/create-services.ts';
import { startServiceServer } from '../tests/helpers/service-server.ts';
import { exportPath, fileContent, fuzzFiles, graphqlCase, graphqlProblem, pageCase, sendGraphql, startPageServer } from '../tests/helpers/fuzz.ts';
import { numberArg } from './generated-graph.ts';

const RUNS = numberArg('runs', 10_000);
const SEED = numberArg('seed', 42);
const MAX_BYTES = 20_000;

/** Outcome counts and unexpected answers of one boundary. */
class Tally {
  readonly outcomes = new Map<string, number>();
  readonly problems: string[] = [];
  count(outcome: string, n = 1): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + n);
  }
  problem(what: string): void {
    this.problems.push(what.slice(0, 300));
  }
  summary(): string {
    return [...this.outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-fuzz-'));
  const db = await startLocalNeo4j({ dataDir: dir, port: 0, heap: '2g', pagecache: '512m', log: console.log });
  const repo = GraphRepository.create({ uri: db.uri, user: db.user, password: db.password, database: 'neo4j' });
  const config = loadConfig({ NEO4J_URI: db.uri, MAX_ARTICLE_BYTES: String(MAX_BYTES), ALLOW_PRIVATE_URLS: 'true', FETCH_TIMEOUT_MS: '2000' });
  const nlp = await openAnnotator(config, console.log);
  const services = createServices(repo, config, nlp.annotator);
  const pages = await startPageServer();
  let closeServer = async (): Promise<void> => {};
  const tallies: Record<string, Tally> = { 'GraphQL inputs': new Tally(), 'file ingest': new Tally(), 'URL ingest': new Tally(), 'export parameters': new Tally() };
  const started = Date.now();
  try {
    await repo.waitUntilReady();
    await repo.applySchema();
    await services.ingest.ingest({ text: 'Seed Note\n\nImmigration and Customs Enforcement detained eight Tajik nationals in New York.', publishedAt: '2024-06-12' });
    const server = await startServiceServer(services);
    closeServer = server.close;
    const { yoga, url: base } = server;
    const progress = (name: string, i: number): void => {
      if (i % 1000 === 0) console.error(`${name}: ${i}/${RUNS} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    };

    const gql = tallies['GraphQL inputs'] as Tally;
    for (const [i, c] of fc.sample(graphqlCase, { numRuns: RUNS, seed: SEED }).entries()) {
      progress('GraphQL', i);
      const answer = await sendGraphql((u, init) => Promise.resolve(yoga.fetch(u, init)), 'http://yoga/graphql', c);
      gql.count(answer.body?.errors?.[0]?.extensions?.code ?? (answer.body?.data ? 'data' : `HTTP ${answer.status}`));
      const problem = graphqlProblem(answer);
      if (problem) gql.problem(`${problem} ← ${JSON.stringify(c)}`);
    }

    const files = tallies['file ingest'] as Tally;
    const contents = fc.sample(fileContent, { numRuns: RUNS, seed: SEED });
    for (let i = 0; i < contents.length; i += 50) {
      progress('files', i);
      const before = await repo.countArticles();
      const problems = await fuzzFiles(services, contents.slice(i, i + 50), MAX_BYTES);
      for (const p of problems) files.problem(p);
      const stored = (await repo.countArticles()) - before;
      files.count('new article stored', stored);
      files.count('refused or already stored', Math.min(50, contents.length - i) - stored);
    }

    const urls = tallies['URL ingest'] as Tally;
    for (const [i, page] of fc.sample(pageCase, { numRuns: RUNS, seed: SEED }).entries()) {
      progress('URLs', i);
      pages.serve(page);
      try {
        const r = await services.ingest.ingest({ url: pages.url });
        urls.count(r.created ? 'stored' : 'already stored');
      } catch (err) {
        if (err instanceof AppError && err.code !== 'SERVICE_UNAVAILABLE') urls.count(err.code);
        else urls.problem(`${String(err)} ← ${JSON.stringify(page).slice(0, 200)}`);
      }
    }

    const exportsTally = tallies['export parameters'] as Tally;
    for (const [i, p] of fc.sample(exportPath, { numRuns: RUNS, seed: SEED }).entries()) {
      progress('exports', i);
      const res = await fetch(`${base}${p}`);
      await res.arrayBuffer();
      exportsTally.count(`HTTP ${res.status}`);
      if (res.status >= 500) exportsTally.problem(`HTTP ${res.status} ← ${p}`);
    }

    const integrity = await repo.checkIntegrity();
    const counts = await repo.countGraph();
    const violations = Object.values(integrity).reduce((a, b) => a + b, 0);
    const problems = Object.values(tallies).reduce((a, t) => a + t.problems.length, 0);
    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · node ${process.version} · seed ${SEED} · ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log('| boundary | cases | unexpected | what happened |');
    console.log('| --- | --- | --- | --- |');
    for (const [name, t] of Object.entries(tallies)) console.log(`| ${name} | ${RUNS} | ${t.problems.length} | ${t.summary()} |`);
    console.log(`\nGraph after the run: ${JSON.stringify(counts)}`);
    console.log(`Integrity checks: ${JSON.stringify(integrity)} → ${violations} violations`);
    for (const [name, t] of Object.entries(tallies)) for (const p of t.problems.slice(0, 20)) console.log(`- ${name}: ${p}`);
    process.exitCode = violations + problems > 0 ? 1 : 0;
  } finally {
    await pages.close();
    await closeServer();
    await services.close();
    await repo.close();
    await Promise.all([db.stop(), nlp.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
