import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { createServices, type Services } from '../../server/src/services/create-services.ts';
import { testAnnotator, testCorenlpUrl } from './annotate.ts';

/** The Bolt URI the global setup started (or NEO4J_TEST_URI). */
export function testNeo4jUri(): string {
  return inject('neo4jUri');
}

/** The password of the test Neo4j (the local one's own secret, or NEO4J_TEST_PASSWORD). */
export function testNeo4jPassword(): string {
  return inject('neo4jPassword');
}

/** A repository on the test Neo4j with the schema applied and every node deleted. */
export async function freshRepository(): Promise<GraphRepository> {
  const repo = GraphRepository.create({ uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword(), database: 'neo4j' });
  await repo.waitUntilReady(30_000);
  await repo.applySchema();
  await repo.deleteEverything();
  return repo;
}

/** App configuration pointing at the test Neo4j, on a free port. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword(), CORENLP_URL: testCorenlpUrl(), PORT: '0', ...overrides });
}

/**
 * The services over a repository, from the same factory the server and the CLIs use (one
 * extraction thread unless `overrides` says otherwise). Close them when done.
 */
export function testServices(repo: GraphRepository, overrides: Record<string, string> = {}): Services {
  return createServices(repo, testConfig({ EXTRACT_WORKERS: '1', ...overrides }), testAnnotator());
}
