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

  it('takes one CoreNLP URL or several separated by commas, and names CORENLP_URL when one is not a URL', () => {
    expect(loadConfig({ CORENLP_URL: 'http://nlp:9000' }).CORENLP_URL).toBe('http://nlp:9000');
    expect(loadConfig({ CORENLP_URL: 'http://nlp-a:9000, http://nlp-b:9000' }).CORENLP_URL).toBe('http://nlp-a:9000, http://nlp-b:9000');
    expect(() => loadConfig({ CORENLP_URL: 'http://nlp-a:9000,nlp-b:9000' })).toThrow(/CORENLP_URL.*several separated by commas/);
    expect(() => loadConfig({ CORENLP_URL: 'ftp://nlp:9000' })).toThrow(/CORENLP_URL/);
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).NEO4J_URI).toBeUndefined();
  });
});

describe('loadConfig: who may call the API', () => {
  it('allows no other origin by default, and lists the ones CORS_ORIGINS names', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://desk.example.org, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://desk.example.org', 'http://localhost:5173']);
    expect(loadConfig({ PUBLIC_HOST: 'Newsgraph.Example.org' }).PUBLIC_HOST).toEqual(['newsgraph.example.org']);
  });

  it.each([
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS.*"\*" is never allowed/],
    [{ CORS_ORIGINS: 'https://desk.example.org/path' }, /CORS_ORIGINS.*no path/],
    [{ CORS_ORIGINS: 'desk.example.org' }, /CORS_ORIGINS/],
    [{ PUBLIC_HOST: 'https://newsgraph.example.org' }, /PUBLIC_HOST/],
    [{ EXPORT_CONCURRENCY: '0' }, /EXPORT_CONCURRENCY/],
    [{ EXTRACT_WORKERS: '-1' }, /EXTRACT_WORKERS/],
  ])('names the variable when %o is invalid', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
