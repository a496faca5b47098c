import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../server/src/db/local-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the Neo4j the integration and e2e tests use. */
    neo4jUri: string;
    /** Its password. */
    neo4jPassword: string;
  }
}

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;

/**
 * Starts one real Neo4j for the run: the local embedded one in a temp folder on a free
 * port, or the server named by NEO4J_TEST_URI (which tests will wipe).
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    project.provide('neo4jUri', external);
    project.provide('neo4jPassword', process.env.NEO4J_TEST_PASSWORD ?? '');
    return;
  }
  dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-test-neo4j-'));
  local = await startLocalNeo4j({ dataDir, port: 0, heap: '1g', pagecache: '128m', log: (l) => console.log(l) });
  project.provide('neo4jUri', local.uri);
  project.provide('neo4jPassword', local.password);
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
