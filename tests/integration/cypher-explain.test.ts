import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_NAMES } from '../../server/src/db/cypher-catalog.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { freshRepository } from '../helpers/test-db.ts';

describe('every Cypher file compiles against the real Neo4j', () => {
  let repo: GraphRepository;
  beforeAll(async () => {
    repo = await freshRepository();
  });
  afterAll(() => repo.close());

  it.each(QUERY_NAMES.filter((n) => n !== 'admin/delete-everything'))('EXPLAIN %s', async (name) => {
    await expect(repo.explain(name)).resolves.toBeUndefined();
  });

  // CALL … IN TRANSACTIONS cannot run under EXPLAIN in a managed transaction; it is run for real instead.
  it('runs admin/delete-everything', async () => {
    await repo.deleteEverything();
    expect((await repo.countGraph()).entities).toBe(0);
  });

  it('applies the schema twice without error (idempotent)', async () => {
    await repo.applySchema();
    await expect(repo.applySchema()).resolves.toBeUndefined();
  });
});
