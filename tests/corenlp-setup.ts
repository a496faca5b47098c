import type { TestProject } from 'vitest/node';
import { startLocalCoreNLP, type LocalCoreNLP } from '../server/src/pipeline/annotate/local-corenlp.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the CoreNLP server the tests annotate with. */
    corenlpUrl: string;
  }
}

// Both test projects (unit and neo4j) use this setup; they run in one process, so one JVM is
// shared through a process-wide handle and stopped when the last project is done.
interface Shared {
  starting: Promise<LocalCoreNLP>;
  users: number;
}
const KEY = Symbol.for('newsgraph.test.corenlp');
const store = globalThis as typeof globalThis & { [KEY]?: Shared };

/**
 * One real CoreNLP server for the run: the local one (started once, models loaded once) or
 * the server named by CORENLP_TEST_URL.
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.CORENLP_TEST_URL;
  if (external) {
    project.provide('corenlpUrl', external);
    return;
  }
  let shared = store[KEY];
  if (!shared) {
    shared = { starting: startLocalCoreNLP({ heap: '3g', threads: 2, log: (l) => console.log(l) }), users: 0 };
    store[KEY] = shared;
  }
  shared.users++;
  project.provide('corenlpUrl', (await shared.starting).url);
}

export async function teardown(): Promise<void> {
  const shared = store[KEY];
  if (!shared) return;
  shared.users--;
  if (shared.users > 0) return;
  delete store[KEY];
  await (await shared.starting).stop();
}
