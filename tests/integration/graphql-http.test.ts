import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { postGraphql } from '../helpers/graphql-client.ts';
import { freshRepository, testConfig, testServices } from '../helpers/test-db.ts';

describe('GraphQL over real HTTP', () => {
  let app: RunningApp;
  const post = <T>(query: string, variables: Record<string, unknown> = {}) => postGraphql<T>(app.url, query, variables);

  beforeAll(async () => {
    const repo = await freshRepository(); // empty database: startApp ingests the demo corpus
    await repo.close();
    app = await startApp(testConfig({ MAX_ARTICLE_BYTES: '20000' }), () => {});
  });
  afterAll(() => app?.close());

  it('ingests the demo corpus when the database is empty', async () => {
    expect((await app.repo.countGraph()).articles).toBeGreaterThanOrEqual(4);
  });

  it('search("ICE") finds Immigration and Customs Enforcement first', async () => {
    const r = await post<{ search: Array<{ id: string; name: string; type: string }> }>('{ search(query: "ice") { id name type aliases articleCount } }');
    expect(r.data?.search[0]).toMatchObject({ name: 'Immigration and Customs Enforcement', type: 'AGENCY' });
  });

  it('neighborhood links ICE to DHS and to a country', async () => {
    const r = await post<{ neighborhood: { nodes: Array<{ id: string; type: string }>; edges: Array<{ source: string; target: string; type: string; weight: number }> } }>(
      'query($ids: [ID!]!) { neighborhood(ids: $ids, depth: 1) { nodes { id type } edges { id type source target weight } } }',
      { ids: ['agency:immigration-and-customs-enforcement'] },
    );
    const hood = r.data?.neighborhood;
    const ice = 'agency:immigration-and-customs-enforcement';
    const linked = new Set(hood?.edges.flatMap((e) => (e.source === ice ? [e.target] : e.target === ice ? [e.source] : [])));
    expect(linked.has('agency:department-of-homeland-security')).toBe(true);
    expect(hood?.nodes.some((n) => n.type === 'COUNTRY' && linked.has(n.id))).toBe(true);
    expect(hood?.edges.every((e) => e.weight >= 1)).toBe(true);
  });

  it('README worked example: two of Tajikistan\'s links rest on anything but plain statements', async () => {
    const r = await post<{ neighborhood: { edges: Array<{ type: string; source: string; target: string; stances: Record<string, number> }> } }>(
      '{ neighborhood(ids: ["country:tajikistan"], stances: [ALLEGED, DENIED, UNCERTAIN]) { edges { type source target stances { asserted alleged denied attributed uncertain } } } }',
    );
    expect(r.data?.neighborhood.edges.map((e) => [e.type, e.source, e.target, e.stances]).sort()).toEqual([
      ['ACTIVE_IN', 'organization:isis-k', 'country:tajikistan', { asserted: 0, alleged: 0, denied: 1, attributed: 0, uncertain: 0 }],
      ['MENTIONED_WITH', 'country:tajikistan', 'organization:isis', { asserted: 0, alleged: 1, denied: 0, attributed: 1, uncertain: 0 }],
    ]);
  });

  it('README worked example: the demo corpus has one contradiction, the Tajik detentions\' date and count', async () => {
    type Value = { value: string; articles: Array<{ outlet: string }>; evidence: Array<{ sentence: string }> };
    const r = await post<{ contradictions: { nodes: Array<{ entity: { name: string; eventType: string }; at: string; conflicts: Array<{ kind: string; values: Value[] }> }> } }>(
      '{ contradictions(first: 5) { nodes { entity { name eventType } at conflicts { kind values { value articles { outlet } evidence { sentence } } } } } }',
    );
    const nodes = r.data?.contradictions.nodes ?? [];
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ entity: { eventType: 'Detention' }, at: '2024-06-14T00:00:00Z' });
    const sides = (kind: string) => nodes[0]?.conflicts.find((c) => c.kind === kind)?.values.map((v) => [v.value, v.articles[0]?.outlet]);
    expect(sides('DATE')).toEqual([
      ['2024-06-08', 'Capital Ledger'],
      ['2024-06-09', 'Harbor Gazette'],
    ]);
    expect(sides('COUNT')).toEqual([
      ['8', 'Capital Ledger'],
      ['7', 'Harbor Gazette'],
    ]);
    expect(nodes[0]?.conflicts[0]?.values[1]?.evidence[0]?.sentence).toMatch(/detained seven men from Tajikistan on June 9/);
  });

  it('README worked example: ICE is part of DHS by three independent sources, and a syndicated copy adds none', async () => {
    const link = '{ relation(id: "REL") { weight articleCount } }';
    const { relationId } = await import('../../server/src/pipeline/resolve.ts');
    const id = relationId('agency:immigration-and-customs-enforcement', 'PART_OF', 'agency:department-of-homeland-security');
    const before = await post<{ relation: { weight: number; articleCount: number } }>(link.replace('REL', id));
    expect(before.data?.relation).toEqual({ weight: 3, articleCount: 3 });
    const { readFileSync } = await import('node:fs');
    const { ROOT_DIR } = await import('../../server/src/config.ts');
    const html = readFileSync(`${ROOT_DIR}/tests/fixtures/trust/tajik-detentions-syndicated.html`, 'utf8');
    const r = await post<{ ingestArticle: { created: boolean; duplicateOf: { title: string } | null } }>(
      'mutation($html: String!) { ingestArticle(input: { html: $html, url: "https://metro-wire.example/nation/tajik" }) { created duplicateOf { title } } }',
      { html },
    );
    expect(r.data?.ingestArticle).toEqual({ created: false, duplicateOf: { title: 'ICE Detains Eight Tajik Nationals With Suspected ISIS Ties' } });
    expect((await post<{ relation: { weight: number; articleCount: number } }>(link.replace('REL', id))).data?.relation).toEqual({ weight: 3, articleCount: 3 });
  });

  it('README worked example: a watch on ICE, DHS, Tajikistan and ISIS-K lists the links a later article adds or corroborates', async () => {
    const ids = ['agency:immigration-and-customs-enforcement', 'agency:department-of-homeland-security', 'country:tajikistan', 'organization:isis-k'];
    const w = await post<{ watchEntities: { seenAt: string } }>('mutation($ids: [ID!]!) { watchEntities(name: "Tajik case", ids: $ids) { seenAt } }', { ids });
    expect(w.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { readArticleFile } = await import('../../server/src/pipeline/read-article-file.ts');
    const { ROOT_DIR } = await import('../../server/src/config.ts');
    await app.ingest.ingest(await readArticleFile(`${ROOT_DIR}/tests/fixtures/trust/tajik-follow-up.txt`, 1_000_000));
    const r = await post<{ watches: Array<{ name: string; newLinks: Array<{ before: number; now: number; relation: { type: string; source: string; target: string } }> }> }>(
      '{ watches { name newLinks { before now relation { type source target } } } }',
    );
    const links = r.data?.watches[0]?.newLinks.map((l) => `${l.relation.source} ${l.relation.type} ${l.relation.target} ${l.before}→${l.now}`).sort();
    expect(links).toEqual([
      'agency:department-of-homeland-security MENTIONED_WITH country:tajikistan 1→2',
      'agency:immigration-and-customs-enforcement MENTIONED_WITH country:tajikistan 0→1',
      'agency:immigration-and-customs-enforcement PART_OF agency:department-of-homeland-security 3→4',
    ]);
    const seen = await post<{ markWatchSeen: { newLinks: unknown[] } }>('mutation { markWatchSeen(name: "Tajik case") { newLinks { before } } }');
    expect(seen.data?.markWatchSeen.newLinks).toEqual([]);
  });

  it('entity(id) returns null for an unknown id', async () => {
    const r = await post<{ entity: unknown }>('{ entity(id: "person:nobody") { id } }');
    expect(r.data?.entity).toBeNull();
  });

  it('ingestArticle stores once, then reports created: false', async () => {
    const mutation = 'mutation($input: ArticleInput!) { ingestArticle(input: $input) { created article { id title source } } }';
    const input = { text: 'Border Report\n\nCBP agents in El Paso handed a Mexican man to ICE.', source: 'Test Wire' };
    const first = await post<{ ingestArticle: { created: boolean; article: { title: string; source: string } } }>(mutation, { input });
    expect(first.data?.ingestArticle).toMatchObject({ created: true, article: { title: 'Border Report', source: 'Test Wire' } });
    const second = await post<{ ingestArticle: { created: boolean } }>(mutation, { input });
    expect(second.data?.ingestArticle.created).toBe(false);
  });

  it.each([
    ['an empty text', { text: '   ' }, /empty/],
    ['a text over MAX_ARTICLE_BYTES', { text: 'x'.repeat(20001) }, /MAX_ARTICLE_BYTES/],
    ['binary content', { text: 'PK\u0003\u0004\u0000\u0000' }, /binary/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_, input, message) => {
    const before = await app.repo.countGraph();
    const r = await post('mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }', { input });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(await app.repo.countGraph()).toEqual(before);
  });

  it('refuses a depth beyond the cap with BAD_USER_INPUT', async () => {
    const r = await post('{ neighborhood(ids: ["agency:immigration-and-customs-enforcement"], depth: 9) { nodes { id } } }');
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(r.errors?.[0]?.message).toMatch(/depth/);
  });

  it('serves the explorer page with a Content-Security-Policy and no inline scripts', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).toMatch(/role="combobox"/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('refuses paths that try to leave the web folder', async () => {
    const res = await fetch(`${app.url}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(res.status);
  });
});

describe('GraphQL through yoga.fetch (no socket)', () => {
  it('answers search and neighborhood', async () => {
    const { createGraphqlApp } = await import('../../server/src/http/create-yoga.ts');
    const repo = await freshRepository();
    const services = testServices(repo);
    try {
      await services.ingest.ingest({ text: 'Note\n\nICE and the Department of Homeland Security met in Texas.' });
      const yoga = createGraphqlApp(services, { graphiql: false });
      const res = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ search(query: "ICE") { id } neighborhood(ids: ["agency:immigration-and-customs-enforcement"]) { nodes { id } truncated } }' }),
      });
      const body = (await res.json()) as { data: { search: Array<{ id: string }>; neighborhood: { nodes: Array<{ id: string }> } } };
      expect(body.data.search[0]?.id).toBe('agency:immigration-and-customs-enforcement');
      expect(body.data.neighborhood.nodes.map((n) => n.id)).toContain('agency:department-of-homeland-security');
    } finally {
      await services.close();
      await repo.close();
    }
  });
});
