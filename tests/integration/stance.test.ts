import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { freshRepository, testConfig } from '../helpers/test-db.ts';

// Written for this test: one man, one link told three ways, and a source named for another.
const FIRST = `Tajik man held in Denver

Immigration and Customs Enforcement arrested Farid Nazarov in Denver on Tuesday.

Prosecutors allege that Farid Nazarov sent money to ISIS-K last year. Farid Nazarov has denied any links to ISIS-K.

Farid Nazarov reportedly spent two years in Afghanistan. According to the Department of Homeland Security, Farid Nazarov crossed the border near El Paso.`;
const SECOND = `Denver suspect's past

Farid Nazarov lived in Afghanistan for two years before he moved to Turkey.`;

interface Edge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
  stances: Record<'asserted' | 'alleged' | 'denied' | 'attributed' | 'uncertain', number>;
}
const EDGE = 'id source target type weight stances { asserted alleged denied attributed uncertain }';

describe('stance: stored per evidence, rolled up per relation, filtered and exported (real CoreNLP, real Neo4j)', () => {
  let app: RunningApp;
  let client: GraphQLClient;
  let person: string;
  const ingest = async (text: string): Promise<string> =>
    (await client.request<{ ingestArticle: { article: { id: string } } }>('mutation($t:String!){ ingestArticle(input:{text:$t}){ article { id } } }', { t: text })).ingestArticle.article.id;
  const edges = async (extra = ''): Promise<Edge[]> =>
    (await client.request<{ neighborhood: { edges: Edge[] } }>(`query($ids:[ID!]!){ neighborhood(ids:$ids ${extra}){ edges { ${EDGE} } } }`, { ids: [person] })).neighborhood.edges;
  const between = (list: Edge[], other: RegExp, type = 'MENTIONED_WITH'): Edge | undefined =>
    list.find((e) => e.type === type && ((e.source === person && other.test(e.target)) || (e.target === person && other.test(e.source))));

  beforeAll(async () => {
    (await freshRepository()).close();
    app = await startApp(testConfig({ INGEST_DEMO: 'false' }), () => {});
    client = new GraphQLClient(`${app.url}/graphql`);
    await ingest(FIRST);
    person = (await client.request<{ search: Array<{ id: string }> }>('{ search(query: "Farid Nazarov", types: [PERSON]) { id } }')).search[0]?.id ?? '';
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('rolls a relation up by stance: one sentence alleges the link, another denies it', async () => {
    const isis = between(await edges(), /isis-k/);
    expect(isis?.stances).toEqual({ asserted: 0, alleged: 1, denied: 1, attributed: 0, uncertain: 0 });
  });

  it('gives every evidence sentence its stance and rules, and the source an attribution names', async () => {
    const list = await edges();
    const isis = between(list, /isis-k/);
    type Ev = { evidence: Array<{ sentence: string; stance: string; stanceRules: string[]; attributedTo: { id: string; name: string } | null }> };
    const q = 'query($id:ID!,$s:[Stance!]){ relation(id:$id){ evidence(stances:$s){ sentence stance stanceRules attributedTo { id name } } } }';
    const denied = (await client.request<{ relation: Ev }>(q, { id: isis?.id, s: ['DENIED'] })).relation.evidence;
    expect(denied).toEqual([{ sentence: 'Farid Nazarov has denied any links to ISIS-K.', stance: 'DENIED', stanceRules: ['denied.deny-verb'], attributedTo: null }]);
    const all = (await client.request<{ relation: Ev }>(q, { id: isis?.id, s: null })).relation.evidence;
    expect(all.map((e) => e.stance).sort()).toEqual(['ALLEGED', 'DENIED']);

    const elPaso = between(list, /el-paso/);
    const attributed = (await client.request<{ relation: Ev }>(q, { id: elPaso?.id, s: null })).relation.evidence;
    expect(attributed[0]).toMatchObject({ stance: 'ATTRIBUTED', stanceRules: ['attributed.according-to'], attributedTo: { name: 'Department of Homeland Security' } });
  });

  it('filters a neighbourhood to edges with evidence presented a given way', async () => {
    const denied = await edges('stances: [DENIED]');
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.stances.denied > 0)).toBe(true);
    expect((await edges()).length).toBeGreaterThan(denied.length);
  });

  it('adds a second article\'s stances to the relation, and takes them away when the article is deleted', async () => {
    expect(between(await edges(), /afghanistan/)?.stances).toMatchObject({ asserted: 0, uncertain: 1 });
    const second = await ingest(SECOND);
    expect(between(await edges(), /afghanistan/)).toMatchObject({ weight: 2, stances: { asserted: 1, uncertain: 1 } });
    // Ingesting it again changes nothing.
    await ingest(SECOND);
    expect(between(await edges(), /afghanistan/)).toMatchObject({ weight: 2, stances: { asserted: 1, uncertain: 1 } });
    await client.request('mutation($id:ID!){ deleteArticle(id:$id) }', { id: second });
    expect(between(await edges(), /afghanistan/)).toMatchObject({ weight: 1, stances: { asserted: 0, uncertain: 1 } });
  });

  it('exports the stance counts as edge attributes (GraphML, GEXF) and each sentence\'s stance (JSON)', async () => {
    const q = 'query($ids:[ID!]!,$f:ExportFormat!){ exportSubgraph(ids:$ids, depth: 1, format:$f){ content } }';
    const graphml = (await client.request<{ exportSubgraph: { content: string } }>(q, { ids: [person], f: 'GRAPHML' })).exportSubgraph.content;
    expect(graphml).toContain('<key id="e_denied" for="edge" attr.name="denied" attr.type="int"/>');
    expect(graphml).toContain('<data key="e_denied">1</data>');
    const gexf = (await client.request<{ exportSubgraph: { content: string } }>(q, { ids: [person], f: 'GEXF' })).exportSubgraph.content;
    expect(gexf).toContain('<attvalue for="alleged" value="1"/>');
    const json = JSON.parse((await client.request<{ exportSubgraph: { content: string } }>(q, { ids: [person], f: 'JSON' })).exportSubgraph.content) as { evidence: Array<{ stance: string; sentence: string }> };
    expect(json.evidence.find((e) => e.sentence.startsWith('Farid Nazarov has denied'))?.stance).toBe('DENIED');
  });
});
