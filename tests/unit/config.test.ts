import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';

describe('loadConfig', () => {
  it('defaults to port 4000 and the local Neo4j', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.MAX_ARTICLE_BYTES).toBe(2_000_000);
  });

  it.each(['bolt://db:7687', 'neo4j://cluster.example:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+ssc://h:7687'])('accepts NEO4J_URI %s', (uri) => {
    expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI/],
    [{ MAX_ARTICLE_BYTES: '-5' }, /MAX_ARTICLE_BYTES/],
    [{ INGEST_DEMO: 'maybe' }, /INGEST_DEMO/],
  ])('names the variable when %o is invalid', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).NEO4J_URI).toBeUndefined();
  });
});
