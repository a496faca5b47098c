import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/db/local-neo4j.ts';
import { postGraphql } from '../helpers/graphql-client.ts';

// A Neo4j of its own, so stopping it does not disturb the other tests.
describe('when Neo4j goes away under the running server', () => {
  let dataDir: string;
  let port: number;
  let neo4j: LocalNeo4j | undefined;
  let app: RunningApp;
  const search = () => postGraphql<{ search: Array<{ id: string }> }>(app.url, '{ search(query: "ICE") { id } }');

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-outage-'));
    port = await freePort();
    neo4j = await startLocalNeo4j({ dataDir, port, heap: '512m', pagecache: '64m' });
    app = await startApp(loadConfig({ NEO4J_URI: neo4j.uri, PORT: '0', INGEST_DEMO: 'false' }), () => {});
  });
  afterAll(async () => {
    await app?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE, stays up, and recovers by itself when Neo4j returns', async () => {
    expect((await search()).data).toEqual({ search: [] });

    await neo4j?.stop();
    const down = await search();
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/unavailable/);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);

    neo4j = await startLocalNeo4j({ dataDir, port, heap: '512m', pagecache: '64m' });
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      recovered = (await search()).data !== undefined;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(true);
  });
});
