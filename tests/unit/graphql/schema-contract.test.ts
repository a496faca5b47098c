import { GraphQLNonNull, GraphQLList, isEnumType, isObjectType, isInputObjectType, type GraphQLOutputType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../server/src/graphql/schema.ts';

const schema = buildSchema();

function typeString(t: GraphQLOutputType | GraphQLInputType): string {
  if (t instanceof GraphQLNonNull) return `${typeString(t.ofType)}!`;
  if (t instanceof GraphQLList) return `[${typeString(t.ofType)}]`;
  return t.name;
}

function fields(typeName: string): Record<string, string> {
  const t = schema.getType(typeName);
  if (!isObjectType(t) && !isInputObjectType(t)) throw new Error(`${typeName} is not an object type`);
  return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, typeString(f.type)]));
}

describe('GraphQL contract (names other checks rely on)', () => {
  it('has the EntityType enum', () => {
    const e = schema.getType('EntityType');
    expect(isEnumType(e) && e.getValues().map((v) => v.name)).toEqual(['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT']);
  });

  it.each([
    ['Entity', { id: 'ID!', name: 'String!', type: 'EntityType!', aliases: '[String!]!', articleCount: 'Int!' }],
    ['Subgraph', { nodes: '[Entity!]!', edges: '[Relation!]!' }],
    ['Relation', { id: 'ID!', type: 'String!', source: 'ID!', target: 'ID!', weight: 'Int!' }],
    ['Article', { id: 'ID!', title: 'String!', url: 'String', source: 'String', publishedAt: 'String' }],
    ['ArticleInput', { title: 'String', text: 'String', url: 'String', source: 'String', publishedAt: 'String' }],
    ['IngestResult', { article: 'Article!', created: 'Boolean!' }],
  ])('type %s has the contract fields', (name, expected) => {
    expect(fields(name)).toMatchObject(expected);
  });

  it('has the contract operations with their arguments', () => {
    const q = schema.getQueryType()?.getFields() ?? {};
    const args = (f: string) => Object.fromEntries((q[f]?.args ?? []).map((a) => [a.name, typeString(a.type)]));
    expect(typeString(q.search!.type)).toBe('[Entity!]!');
    expect(args('search')).toEqual({ query: 'String!', types: '[EntityType!]', limit: 'Int' });
    expect(args('entity')).toEqual({ id: 'ID!' });
    expect(typeString(q.neighborhood!.type)).toBe('Subgraph!');
    expect(args('neighborhood')).toMatchObject({ ids: '[ID!]!', depth: 'Int', limit: 'Int' });
    const m = schema.getMutationType()?.getFields() ?? {};
    expect(typeString(m.ingestArticle!.type)).toBe('IngestResult!');
    expect(Object.fromEntries(m.ingestArticle!.args.map((a) => [a.name, typeString(a.type)]))).toEqual({ input: 'ArticleInput!' });
  });
});

describe('printed schema', () => {
  it('docs/schema.graphql matches the .graphql files (run `npm run schema:print` after changing them)', async () => {
    const { readFileSync } = await import('node:fs');
    const { PRINTED_SCHEMA, printedSchema } = await import('../../../server/src/cli/print-schema.ts');
    expect(readFileSync(PRINTED_SCHEMA, 'utf8')).toBe(printedSchema());
  });
});
