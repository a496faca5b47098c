import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { postGraphql } from '../helpers/graphql-client.ts';

async function until(what: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// The app with its own supervised local Neo4j (NEO4J_URI unset), so killing it disturbs no other test.
describe('when the local Neo4j dies under the running server', () => {
  let dataDir: string;
  let app: RunningApp;
  const lines: string[] = [];
  const search = () => postGraphql<{ search: Array<{ id: string }> }>(app.url, '{ search(query: "ICE") { id } }');

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-outage-'));
    app = await startApp(
      loadConfig({ NEWSGRAPH_DATA_DIR: dataDir, PORT: '0', INGEST_DEMO: 'false', LOCAL_NEO4J_HEAP: '512m', LOCAL_NEO4J_PAGECACHE: '64m', EXTRACT_WORKERS: '1' }),
      (l) => lines.push(l),
      // Long enough for the assertions made while it is down (a failing query retries for 5 s).
      { neo4jRestartDelayMs: 8000 },
    );
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the local Neo4j with auth on: a password of its own in a 0600 file, so an empty or wrong one is refused', async () => {
    const secret = path.join(dataDir, 'neo4j', 'newsgraph-neo4j-secret');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret, 'utf8').trim()).toHaveLength(48);
    for (const password of ['', 'neo4j', 'wrong-password-123']) {
      const driver = neo4j.driver(app.neo4jUri, neo4j.auth.basic('neo4j', password));
      try {
        await expect(driver.verifyConnectivity(), `password "${password}"`).rejects.toMatchObject({ code: expect.stringMatching(/Security\.(Unauthorized|AuthenticationRateLimit)/) });
      } finally {
        await driver.close();
      }
    }
  });

  it('answers SERVICE_UNAVAILABLE and 503 on /health, restarts Neo4j by itself after kill -9, and recovers', async () => {
    expect((await search()).data).toEqual({ search: [] });
    const healthy = await fetch(`${app.url}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true, dependencies: { neo4j: { ok: true } } });

    const pid = app.localNeo4j?.pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, 'SIGKILL');

    // While it is down: an error that names no internal address, and an honest health check.
    const down = await search();
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/unavailable/);
    expect(down.errors?.[0]?.message).not.toMatch(/bolt:|127\.0\.0\.1/);
    const sick = await fetch(`${app.url}/health`);
    expect(sick.status).toBe(503);
    const report = (await sick.json()) as { ok: boolean; dependencies: { neo4j: { ok: boolean; error?: string } } };
    expect(report).toMatchObject({ ok: false, dependencies: { neo4j: { ok: false } } });
    expect(JSON.stringify(report)).not.toMatch(/bolt:|127\.0\.0\.1/);

    // Nobody restarts it but the app.
    expect(await until(async () => (await search()).data !== undefined, 90_000)).toBe(true);
    // The first check on the freshly restarted JVM can take longer than the 3 s health budget
    // (seen in CI, never alone: its first queries are cold); it must come back by itself, and
    // then answer within the budget every time.
    expect(await until(async () => (await fetch(`${app.url}/health`)).status === 200, 30_000)).toBe(true);
    for (let i = 0; i < 5; i++) {
      const recovered = await fetch(`${app.url}/health`);
      expect(recovered.status, JSON.stringify(await recovered.clone().json())).toBe(200);
    }
    expect(await until(async () => lines.some((l) => /is back at/.test(l)), 60_000)).toBe(true);
    expect(app.localNeo4j?.pid).not.toBe(pid);
    expect(lines.join('\n')).toMatch(/stopped unexpectedly; restarting it in 8 s/);
  }, 150_000);
});
