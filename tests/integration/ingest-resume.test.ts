import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { testCorenlpUrl } from '../helpers/annotate.ts';
import { ingestSummary, NOTHING_HALF_WRITTEN } from '../helpers/ingest-run.ts';
import { shortArticleFolder } from '../helpers/short-articles.ts';
import { freshRepository, testNeo4jPassword, testNeo4jUri } from '../helpers/test-db.ts';

const CLI = path.join(ROOT_DIR, 'server/src/cli/ingest.ts');
const ARTICLES = 40;

function env(): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword(), CORENLP_URL: testCorenlpUrl() };
}

function ingestCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT_DIR, env: env(), encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI and kills it with SIGKILL (no clean-up of any kind) once `after` articles are reported stored. */
function ingestAndKill(args: string[], after: number): Promise<{ storedLines: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT_DIR, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let storedLines = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      storedLines = (out.match(/: stored ·/g) ?? []).length;
      if (storedLines >= after && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_, signal) => resolvePromise({ storedLines, signal }));
  });
}

describe('a bulk ingest killed mid-run (kill -9) and run again', () => {
  let repo: GraphRepository;
  let dir: string;
  beforeAll(async () => {
    repo = await freshRepository();
    dir = shortArticleFolder(ARTICLES);
  });
  afterAll(() => repo.close());

  it('left no half-written article, skips what was stored and finishes the rest: the graph of one uninterrupted run', async () => {
    await repo.deleteEverything();
    const killed = await ingestAndKill([dir, '--concurrency', '3'], 3);
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = await repo.countGraph();
    // Everything reported stored is there; what was under way is either whole or absent.
    expect(afterKill.articles).toBeGreaterThanOrEqual(killed.storedLines);
    expect(afterKill.articles).toBeLessThan(ARTICLES);
    expect(await repo.checkIntegrity()).toEqual(expect.objectContaining(NOTHING_HALF_WRITTEN));

    const resumed = ingestCli([dir, '--concurrency', '3']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(ingestSummary(resumed.stdout)).toEqual({ stored: ARTICLES - afterKill.articles, unchanged: afterKill.articles });
    const afterResume = await repo.countGraph();
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);

    await repo.deleteEverything();
    const clean = ingestCli([dir, '--concurrency', '3']);
    expect(clean.status, clean.stderr).toBe(0);
    expect(ingestSummary(clean.stdout)).toEqual({ stored: ARTICLES, unchanged: 0 });
    expect(afterResume).toEqual(await repo.countGraph());
  }, 300_000);
});
