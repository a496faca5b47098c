import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/src/db/local-neo4j.ts';
import { testCorenlpUrl } from '../helpers/annotate.ts';
import { ingestSummary, NOTHING_HALF_WRITTEN } from '../helpers/ingest-run.ts';
import { shortArticleFolder } from '../helpers/short-articles.ts';

const CLI = path.join(ROOT_DIR, 'server/src/cli/ingest.ts');
const ARTICLES = 40;

// This file starts (and kills) a Neo4j of its own, so the shared test database is untouched.
describe('a bulk ingest whose Neo4j is killed (kill -9) mid-run, then restarted', () => {
  let dataDir: string;
  let neo4j: LocalNeo4j;
  let port: number;
  let dir: string;
  const start = async (): Promise<LocalNeo4j> => startLocalNeo4j({ dataDir, port, heap: '512m', pagecache: '64m' });
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password, CORENLP_URL: testCorenlpUrl() });
  const repository = async (): Promise<GraphRepository> => {
    const repo = GraphRepository.create({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' });
    await repo.waitUntilReady(30_000);
    return repo;
  };
  const ingestCli = (): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, dir, '--concurrency', '3'], { cwd: ROOT_DIR, env: env(), encoding: 'utf8', timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-restart-neo4j-'));
    port = 0;
    neo4j = await start();
    port = Number(new URL(neo4j.uri).port);
    dir = shortArticleFolder(ARTICLES);
  }, 180_000);
  afterAll(async () => {
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops with an error naming Neo4j, leaves no half-written article, and a re-run finishes: the graph of one uninterrupted run', async () => {
    // Kill Neo4j (not the CLI) once three articles are reported stored.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string; storedLines: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, dir, '--concurrency', '3'], { cwd: ROOT_DIR, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let storedLines = 0;
      let killed = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        storedLines = (stdout.match(/: stored ·/g) ?? []).length;
        if (storedLines >= 3 && !killed) {
          killed = true;
          process.kill(neo4j.pid ?? 0, 'SIGKILL');
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('exit', (status) => resolve({ status, stdout, stderr, storedLines }));
    });
    await neo4j.exited;
    // The run stops (nothing new is started once the store is gone) and says why.
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Neo4j/);
    expect(run.storedLines).toBeLessThan(ARTICLES);

    neo4j = await start();
    const repo = await repository();
    try {
      const afterCrash = await repo.countGraph();
      // Everything reported stored survived the crash; what was under way is whole or absent.
      expect(afterCrash.articles).toBeGreaterThanOrEqual(run.storedLines);
      expect(afterCrash.articles).toBeLessThan(ARTICLES);
      expect(await repo.checkIntegrity()).toEqual(expect.objectContaining(NOTHING_HALF_WRITTEN));

      const resumed = ingestCli();
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(ingestSummary(resumed.stdout)).toEqual({ stored: ARTICLES - afterCrash.articles, unchanged: afterCrash.articles });
      const afterResume = await repo.countGraph();
      expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);

      await repo.deleteEverything();
      const clean = ingestCli();
      expect(clean.status, clean.stderr).toBe(0);
      expect(ingestSummary(clean.stdout)).toEqual({ stored: ARTICLES, unchanged: 0 });
      expect(afterResume).toEqual(await repo.countGraph());
    } finally {
      await repo.close();
    }
  }, 300_000);
});
