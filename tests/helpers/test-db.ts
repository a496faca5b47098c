import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { GraphRepository } from '../../server/src/db/graph-repository.ts';

/** The Bolt URI the global setup started (or NEO4J_TEST_URI). */
export function testNeo4jUri(): string {
  return inject('neo4jUri');
}

/** A repository on the test Neo4j with the schema applied and every node deleted. */
export async function freshRepository(): Promise<GraphRepository> {
  const repo = GraphRepository.create({ uri: testNeo4jUri(), user: 'neo4j', password: 'unused-locally', database: 'neo4j' });
  await repo.waitUntilReady(30_000);
  await repo.applySchema();
  await repo.deleteEverything();
  return repo;
}

/** App configuration pointing at the test Neo4j, on a free port. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: 'unused-locally', PORT: '0', ...overrides });
}
