import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, QUERY_NAMES, listCypherFiles, loadCypherCatalog, splitStatements } from '../../../server/src/db/cypher-catalog.ts';
import { escapeLucene } from '../../../server/src/db/graph-repository.ts';

describe('cypher catalog', () => {
  it('loads every query the server names, and there is no query file it does not use', () => {
    const catalog = loadCypherCatalog();
    expect(catalog.entries().map(([name]) => name).sort()).toEqual([...QUERY_NAMES].sort());
    expect(listCypherFiles()).toEqual([...QUERY_NAMES].sort());
  });

  it('stops startup with the file name when a query file is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cypher-'));
    cpSync(CYPHER_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'explore', 'get-entities.cypher'), '');
    expect(() => loadCypherCatalog(dir)).toThrow(/cypher\/explore\/get-entities\.cypher|get-entities\.cypher.*header/);
    const empty = mkdtempSync(path.join(tmpdir(), 'cypher-'));
    mkdirSync(path.join(empty, 'ingest'));
    expect(() => loadCypherCatalog(empty)).toThrow(/Missing Cypher file .*ingest\/lock-articles\.cypher/);
  });

  it('splits the schema script into its statements without comments', () => {
    const statements = loadCypherCatalog().schema;
    expect(statements.length).toBeGreaterThanOrEqual(6);
    expect(statements.every((s) => !s.includes('//'))).toBe(true);
    expect(splitStatements('// c\nRETURN 1;\nRETURN 2;\n')).toEqual(['RETURN 1', 'RETURN 2']);
  });

  it('never builds Cypher from strings: no query text contains a template placeholder', () => {
    for (const [, text] of loadCypherCatalog().entries()) expect(text).not.toMatch(/\$\{/);
  });
});

describe('escapeLucene', () => {
  it.each([
    ['ICE', 'ICE'],
    ['ISIS-K', 'ISIS\\-K'],
    ['a:b', 'a\\:b'],
    ['(x)', '\\(x\\)'],
    ['x*', 'x\\*'],
    ['"q"', '\\"q\\"'],
  ])('escapes %s as %s', (input, output) => {
    expect(escapeLucene(input)).toBe(output);
  });
});
