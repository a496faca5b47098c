import { defineConfig } from 'vitest/config';

// Three projects, two files at a time (vitest's default on a 2-core machine would be one, which
// made the whole suite serial):
// - unit: fast tests, annotating with one real CoreNLP;
// - neo4j: integration and end-to-end tests sharing one real local Neo4j (started once by the
//   global setup), one file at a time since Neo4j Community has a single user database; it
//   shares the CoreNLP JVM with unit (tests/corenlp-setup.ts);
// - own-services: files that start (and kill) their own Neo4j, so they disturb no shared
//   database and can run beside the neo4j project; mostly waiting on JVMs.
const OWN_SERVICES = ['tests/integration/server-lifecycle.test.ts', 'tests/integration/neo4j-outage.test.ts', 'tests/integration/ingest-neo4j-restart.test.ts'];
export default defineConfig({
  // graphql 16 has no "exports" map: Node loads its CJS build for @graphql-tools while Vite
  // would pick index.mjs for our code — two realms. Point both at the same build.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    reporters: ['default'],
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/corenlp-setup.ts'],
          // Extraction tests annotate with the real CoreNLP, shared by the parallel workers.
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          exclude: OWN_SERVICES,
          globalSetup: ['tests/global-setup.ts', 'tests/corenlp-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'own-services',
          include: OWN_SERVICES,
          // Their own Neo4j; the shared CoreNLP where they do not start one.
          globalSetup: ['tests/corenlp-setup.ts'],
          // Parallel like unit, so vitest runs them in one group with the unit files (two at a
          // time); projects without file parallelism all run afterwards, one file at a time.
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
