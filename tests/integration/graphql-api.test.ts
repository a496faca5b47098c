import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { GraphQLClient, ClientError } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { batch, entity, rel } from '../helpers/graph-fixtures.ts';
import { startFeedSite } from '../helpers/feed-site.ts';
import { freshRepository, testConfig } from '../helpers/test-db.ts';

interface Hood {
  neighborhood: { nodes: Array<{ id: string }>; edges: Array<{ id: string; type: string; weight: number; source?: string; target?: string }>; truncated: boolean; hiddenCount: number };
}

const ICE = 'agency:immigration-and-customs-enforcement';
const DHS = 'agency:department-of-homeland-security';
const KHARWIN = 'person:mohammad-kharwin';

async function errorOf(p: Promise<unknown>): Promise<{ message: string; code: string | undefined; status: number }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ClientError) {
      const first = err.response.errors?.[0];
      return { message: first?.message ?? '', code: first?.extensions?.code as string | undefined, status: err.response.status };
    }
    throw err;
  }
  throw new Error('expected an error');
}

describe('the exploration API (graphql-request over real HTTP, real Neo4j)', () => {
  let app: RunningApp;
  let client: GraphQLClient;
  let pages: Server;
  let pagesUrl: string;

  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig({ ALLOW_PRIVATE_URLS: 'true' }), () => {});
    client = new GraphQLClient(`${app.url}/graphql`);
    // A hub (many links) and a specific neighbour, to check association ranking.
    const spokes = Array.from({ length: 30 }, (_, i) => entity(`organization:spoke-${i}`));
    await app.repo.writeArticle(
      batch('art_hub1', [entity('organization:seed'), entity('country:hubland', 'COUNTRY'), entity('organization:specific'), ...spokes], [
        rel('organization:seed', 'country:hubland'),
        rel('organization:seed', 'organization:specific', 'PART_OF'),
        ...spokes.map((s) => rel('country:hubland', s.id)),
      ]),
    );
    await app.repo.writeArticle(batch('art_hub2', [entity('organization:seed'), entity('country:hubland', 'COUNTRY')], [rel('organization:seed', 'country:hubland')]));
    pages = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(
          '<html><head><title>CBP Releases Afghan</title><script>document.title = "pwned"</script></head><body><nav>Menu Home</nav><article><h1>CBP Releases Afghan</h1><p>Customs and Border Protection released an Afghan man in El Paso after a review by the FBI, officials in Texas said on Monday.</p><p>The man was later arrested by ICE in San Antonio, according to Department of Homeland Security records reviewed by reporters this week.</p></article></body></html>',
        );
      } else if (req.url === '/dated') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(
          '<html><head><title>Afghan Man Held</title><meta property="og:site_name" content="Plains Courier"><meta property="article:published_time" content="2024-02-14T09:00:00Z"></head><body><article><h1>Afghan Man Held</h1><p>ICE agents arrested an Afghan man in Omaha on Tuesday after the FBI flagged his name, officials in Nebraska said.</p><p>The Department of Homeland Security did not say how long he had been in the country before the arrest.</p></article></body></html>',
        );
      } else if (req.url === '/redirect-home') {
        res.writeHead(302, { Location: 'http://127.0.0.1:1/secret' }).end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => pages.listen(0, '127.0.0.1', () => r()));
    pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => pages?.close(r));
  });

  it('ingestFeed stores a feed\'s new items with the feed as source, reports a dead link, skips them the second time; a page that is not a feed is BAD_USER_INPUT', async () => {
    const site = await startFeedSite();
    try {
      const q = 'mutation($u: String!) { ingestFeed(url: $u) { feed title items known remaining results { url error result { created article { title source publishedAt } } } } }';
      type Feed = { ingestFeed: { title: string; items: number; known: number; remaining: number; results: Array<{ url: string; error: string | null; result: { created: boolean; article: { title: string; source: string; publishedAt: string } } | null }> } };
      const first = await client.request<Feed>(q, { u: `${site.base}/rss.xml` });
      expect(first.ingestFeed).toMatchObject({ title: 'Test Wire', items: 3, known: 0, remaining: 0 });
      expect(first.ingestFeed.results[0]?.result).toEqual({ created: true, article: { title: 'Agents detain three Tajik men in Denver', source: 'Test Wire', publishedAt: '2024-06-11T09:00:00.000Z' } });
      expect(first.ingestFeed.results[2]).toMatchObject({ url: `${site.base}/news/missing.html`, result: null, error: expect.stringMatching(/404/) });
      const again = await client.request<Feed>(q, { u: `${site.base}/rss.xml` });
      expect(again.ingestFeed).toMatchObject({ known: 2, results: [{ url: `${site.base}/news/missing.html` }] });
      expect(await errorOf(client.request(q, { u: `${site.base}/not-a-feed.xml` }))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/is not an RSS or Atom feed/) });
    } finally {
      await site.close();
    }
  });

  it('ranks a specific neighbour above a hub and says what the limit hid', async () => {
    const r = await client.request<Hood>('query($ids:[ID!]!){ neighborhood(ids:$ids, limit: 1){ nodes{id} edges{id type weight} truncated hiddenCount } }', { ids: ['organization:seed'] });
    expect(r.neighborhood.nodes.map((n) => n.id)).toEqual(['organization:seed', 'organization:specific']);
    expect(r.neighborhood).toMatchObject({ truncated: true, hiddenCount: 1 });
  });

  it('pages with exclude: the next neighbours, edges to what is already shown, and what is still left', async () => {
    const q = 'query($ids:[ID!]!,$exclude:[ID!]){ neighborhood(ids:$ids, limit: 10, exclude:$exclude){ nodes{id} edges{source target} truncated hiddenCount } }';
    const first = await client.request<Hood>(q, { ids: ['country:hubland'] });
    expect(first.neighborhood).toMatchObject({ truncated: true, hiddenCount: 21 }); // 31 neighbours, 10 shown
    const shown = first.neighborhood.nodes.map((n) => n.id);
    const next = await client.request<Hood>(q, { ids: ['country:hubland'], exclude: shown });
    const fresh = next.neighborhood.nodes.map((n) => n.id).filter((id) => id !== 'country:hubland');
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((id) => shown.includes(id))).toEqual([]);
    expect(next.neighborhood).toMatchObject({ truncated: true, hiddenCount: 11 });
    // The seed's link to an entity shown by the first page comes back, so the view can draw it.
    expect(next.neighborhood.edges.some((e) => e.source === 'organization:seed' || e.target === 'organization:seed')).toBe(true);
  });

  it('redraws exactly a list of entities with subgraph: no neighbours, every edge among them, unknown ids left out', async () => {
    const first = await client.request<Hood>('query($ids:[ID!]!){ neighborhood(ids:$ids, limit: 3){ nodes{id} edges{id} truncated hiddenCount } }', { ids: ['organization:seed'] });
    const ids = [...first.neighborhood.nodes.map((n) => n.id), 'person:nobody-at-all'];
    const r = await client.request<{ subgraph: Hood['neighborhood'] }>('query($ids:[ID!]!){ subgraph(ids:$ids){ nodes{id} edges{id} truncated hiddenCount } }', { ids });
    expect(r.subgraph.nodes.map((n) => n.id).sort()).toEqual(first.neighborhood.nodes.map((n) => n.id).sort());
    expect(r.subgraph.edges.map((e) => e.id).sort()).toEqual(first.neighborhood.edges.map((e) => e.id).sort());
    expect(r.subgraph).toMatchObject({ truncated: false, hiddenCount: 0 });
    const tooMany = client.request('query($ids:[ID!]!){ subgraph(ids:$ids){ nodes{id} } }', { ids: Array.from({ length: 2001 }, (_, i) => `person:p${i}`) });
    expect(await errorOf(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('the limit is 2000') });
  });

  it.each([
    ['types', { types: ['COUNTRY'] }, ['country:hubland']],
    ['relationTypes', { relationTypes: ['PART_OF'] }, ['organization:specific']],
    ['minWeight', { minWeight: 2 }, ['country:hubland']],
  ])('filters neighbours by %s', async (_, filter, expected) => {
    const r = await client.request<Hood>('query($ids:[ID!]!,$types:[EntityType!],$relationTypes:[String!],$minWeight:Int){ neighborhood(ids:$ids, types:$types, relationTypes:$relationTypes, minWeight:$minWeight){ nodes{id} truncated hiddenCount } }', {
      ids: ['organization:seed'],
      ...filter,
    });
    expect(r.neighborhood.nodes.map((n) => n.id).filter((id) => id !== 'organization:seed')).toEqual(expected);
  });

  it('filters edges by date with since and until', async () => {
    await app.repo.writeArticle(batch('art_dated', [entity('organization:seed'), entity('organization:dated')], [rel('organization:seed', 'organization:dated', 'AFFILIATED_WITH')], '2020-03-01T00:00:00.000Z'));
    const q = 'query($since:String,$until:String){ neighborhood(ids:["organization:seed"], since:$since, until:$until){ nodes{id} } }';
    const before = await client.request<Hood>(q, { until: '2020-03-01' });
    expect(before.neighborhood.nodes.map((n) => n.id)).toEqual(['organization:seed', 'organization:dated']);
    const after = await client.request<Hood>(q, { since: '2020-03-02' });
    expect(after.neighborhood.nodes.map((n) => n.id)).not.toContain('organization:dated');
    expect((await errorOf(client.request(q, { since: 'someday' }))).code).toBe('BAD_USER_INPUT');
  });

  it('finds paths whose every hop carries its evidence', async () => {
    const r = await client.request<{ paths: Array<{ nodes: Array<{ id: string }>; edges: Array<{ type: string; evidence: Array<{ sentence: string; article: { title: string } }> }> }> }>(
      `query { paths(from: "${KHARWIN}", to: "${DHS}", maxLength: 4, limit: 3) { nodes { id } edges { type evidence(first: 2) { sentence article { title } } } } }`,
    );
    expect(r.paths.length).toBeGreaterThan(0);
    const [first] = r.paths;
    expect(first?.nodes[0]?.id).toBe(KHARWIN);
    expect(first?.nodes.at(-1)?.id).toBe(DHS);
    for (const edge of first?.edges ?? []) {
      expect(edge.evidence.length).toBeGreaterThan(0);
      expect(edge.evidence[0]?.sentence.length).toBeGreaterThan(10);
    }
    expect((await errorOf(client.request(`query { paths(from: "${KHARWIN}", to: "person:nobody") { nodes { id } } }`))).code).toBe('NOT_FOUND');
    expect((await errorOf(client.request(`query { paths(from: "person:nobody", to: "${KHARWIN}") { nodes { id } } }`))).message).toBe('No entity with id "person:nobody".');
  });

  it('gives no paths, not an error, between known entities that are not linked', async () => {
    await app.repo.writeArticle(batch('art_island', [entity('organization:island-a'), entity('organization:island-b')], [rel('organization:island-a', 'organization:island-b')]));
    const r = await client.request<{ paths: unknown[] }>(`query { paths(from: "${KHARWIN}", to: "organization:island-a") { nodes { id } } }`);
    expect(r.paths).toEqual([]);
  });

  it('pages through a relation’s evidence with a cursor', async () => {
    const hood = await client.request<Hood>(`query { neighborhood(ids: ["${ICE}"], limit: 50) { nodes { id } edges { id type weight } } }`);
    const edge = hood.neighborhood.edges.find((e) => e.weight >= 2);
    expect(edge).toBeDefined();
    const q = 'query($id:ID!,$after:String){ relation(id:$id){ id firstSeen lastSeen evidence(first:1, after:$after){ id sentence start end article{ id title } } } }';
    type R = { relation: { evidence: Array<{ id: string; sentence: string }> } };
    const page1 = await client.request<R>(q, { id: edge?.id });
    const page2 = await client.request<R>(q, { id: edge?.id, after: page1.relation.evidence[0]?.id });
    expect(page1.relation.evidence).toHaveLength(1);
    expect(page2.relation.evidence).toHaveLength(1);
    expect(page2.relation.evidence[0]?.id).not.toBe(page1.relation.evidence[0]?.id);
  });

  it('says why each link is on the graph: every evidence sentence carries the ids of the rules that read it', async () => {
    const hood = await client.request<{ neighborhood: { edges: Array<{ type: string; evidence: Array<{ rules: string[] }> }> } }>(
      `query { neighborhood(ids: ["${ICE}"], limit: 50) { edges { type evidence(first: 5) { rules } } } }`,
    );
    const evidence = hood.neighborhood.edges.flatMap((e) => e.evidence.map((v) => ({ type: e.type, rules: v.rules })));
    expect(evidence.length).toBeGreaterThan(0);
    for (const v of evidence) expect(v.rules.length, JSON.stringify(v)).toBeGreaterThan(0);
    expect(evidence.find((v) => v.type === 'MENTIONED_WITH')?.rules).toEqual(['co-mention']);
  });

  it('reads the evidence of every relation a response shows in one query, each page after its own cursor', async () => {
    const reads: number[] = [];
    const read = app.repo.getEvidencePages.bind(app.repo);
    app.repo.getEvidencePages = (pages, first) => {
      reads.push(pages.length);
      return read(pages, first);
    };
    try {
      type E = { id: string; weight: number; evidence: Array<{ id: string; sentence: string }> };
      const hood = await client.request<{ neighborhood: { edges: E[] } }>(`query { neighborhood(ids: ["${ICE}"], limit: 50) { edges { id weight evidence(first: 1) { id sentence } } } }`);
      const edges = hood.neighborhood.edges;
      expect(edges.length).toBeGreaterThan(3);
      expect(reads).toEqual([edges.length]);
      for (const edge of edges.slice(0, 3)) {
        const alone = await client.request<{ relation: E }>('query($id:ID!){ relation(id:$id){ id weight evidence(first: 1) { id sentence } } }', { id: edge.id });
        expect(edge.evidence).toEqual(alone.relation.evidence);
      }

      // Pages of different sizes and cursors asked for together each get their own answer.
      const id = edges.find((e) => e.weight >= 2)?.id ?? '';
      const all = await app.graph.evidence(id, 100, null);
      expect(all.length).toBeGreaterThanOrEqual(2);
      reads.length = 0;
      const [first, again, next, both] = await Promise.all([
        app.graph.evidence(id, 1, null),
        app.graph.evidence(id, 1, null),
        app.graph.evidence(id, 1, all[0]?.id),
        app.graph.evidence(id, 2, null),
      ]);
      expect(reads).toHaveLength(2); // one query per page size
      expect(first.map((e) => e.id)).toEqual(all.slice(0, 1).map((e) => e.id));
      expect(again).toEqual(first);
      expect(next.map((e) => e.id)).toEqual(all.slice(1, 2).map((e) => e.id));
      expect(both.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    } finally {
      app.repo.getEvidencePages = read;
    }
  });

  it('lists articles page by page and opens one with its text and entities', async () => {
    type Page = { articles: { nodes: Array<{ id: string; title: string }>; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const seen: Array<{ id: string; title: string }> = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: Page = await client.request<Page>('query($after:String){ articles(first: 2, after: $after) { nodes { id title } pageInfo { endCursor hasNextPage } } }', { after });
      seen.push(...page.articles.nodes);
      if (!page.articles.pageInfo.hasNextPage) break;
      after = page.articles.pageInfo.endCursor;
    }
    const total = (await client.request<{ stats: { articles: number } }>('{ stats { articles } }')).stats.articles;
    expect(seen.length).toBe(total);
    expect(new Set(seen.map((a) => a.id)).size).toBe(total);
    const demo = seen.find((a) => /Kharwin|Afghan on Terror/.test(a.title));
    const one = await client.request<{ article: { text: string; entities: Array<{ id: string }> } }>('query($id:ID!){ article(id:$id){ text entities { id } } }', { id: demo?.id });
    expect(one.article.text).toMatch(/Kharwin/);
    expect(one.article.entities.map((e) => e.id)).toContain(KHARWIN);
  });

  it('gives a timeline of events in date order, and stats by type', async () => {
    const t = await client.request<{ timeline: Array<{ eventType: string; date: string; participants: Array<{ entity: { id: string }; role: string }> }> }>(
      `query { timeline(ids: ["${KHARWIN}"]) { eventType date participants { entity { id } role } } }`,
    );
    expect(t.timeline.length).toBeGreaterThan(0);
    expect(t.timeline.map((e) => e.eventType)).toEqual(expect.arrayContaining(['Release', 'Arrest']));
    const dates = t.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    // An event's own date is on the entity too, for the explorer's timeline strip.
    await app.repo.writeArticle(
      batch('art_dated_event', [entity('organization:raid-target'), { ...entity('event:dated-raid', 'EVENT'), eventType: 'Raid', date: '2024-05-02' }], [rel('event:dated-raid', 'organization:raid-target', 'PARTICIPATED_IN')]),
    );
    const hood = await client.request<{ neighborhood: { nodes: Array<{ id: string; date: string | null }> } }>('query { neighborhood(ids: ["organization:raid-target"]) { nodes { id date } } }');
    expect(hood.neighborhood.nodes).toEqual(expect.arrayContaining([{ id: 'event:dated-raid', date: '2024-05-02' }, { id: 'organization:raid-target', date: null }]));
    const s = await client.request<{ stats: { articles: number; entities: number; byType: Array<{ type: string; count: number }> } }>('{ stats { articles entities relations evidence byType { type count } } }');
    expect(s.stats.entities).toBe(s.stats.byType.reduce((n, x) => n + x.count, 0));
    expect(s.stats.byType.map((x) => x.type)).toContain('EVENT');
  });

  it('ingests HTML without running its scripts, keeping only the article text', async () => {
    const html = '<html><head><title>T</title><script>throw new Error("ran")</script></head><body><p>ICE agents detained two Uzbek men in Baltimore on Tuesday, according to officials at the Department of Homeland Security.</p><script>window.evil = 1</script></body></html>';
    const r = await client.request<{ ingestArticle: { created: boolean; article: { id: string } } }>('mutation($i:ArticleInput!){ ingestArticle(input:$i){ created article { id } } }', { i: { html } });
    const art = await client.request<{ article: { text: string } }>('query($id:ID!){ article(id:$id){ text } }', { id: r.ingestArticle.article.id });
    expect(art.article.text).toMatch(/^ICE agents detained two Uzbek men/);
    expect(art.article.text).not.toMatch(/evil|throw/);
  });

  it('ingests a URL served by a local HTTP server (ALLOW_PRIVATE_URLS=true), taking the title from the page', async () => {
    const r = await client.request<{ ingestArticle: { article: { title: string; url: string }; entityCount: number } }>('mutation($i:ArticleInput!){ ingestArticle(input:$i){ article { title url } entityCount } }', { i: { url: `${pagesUrl}/article` } });
    expect(r.ingestArticle.article).toEqual({ title: 'CBP Releases Afghan', url: `${pagesUrl}/article` });
    expect(r.ingestArticle.entityCount).toBeGreaterThan(3);
  });

  it.each([
    ['a non-http scheme', 'file:///etc/passwd', /http or https/],
    ['a page that does not exist', '/missing', /answered 404/],
  ])('refuses %s with BAD_USER_INPUT', async (_, url, message) => {
    const input = { url: url.startsWith('/') ? `${pagesUrl}${url}` : url };
    const e = await errorOf(client.request('mutation($i:ArticleInput!){ ingestArticle(input:$i){ created } }', { i: input }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(message);
  });

  it('takes source and publication date from a fetched page\'s metadata; fields given win', async () => {
    const q = 'mutation($i:ArticleInput!){ ingestArticle(input:$i){ article { id title source publishedAt url } } }';
    type Res = { ingestArticle: { article: Record<string, string> } };
    const fetched = await client.request<Res>(q, { i: { url: `${pagesUrl}/dated` } });
    expect(fetched.ingestArticle.article).toMatchObject({ title: 'Afghan Man Held', source: 'Plains Courier', publishedAt: '2024-02-14T09:00:00.000Z', url: `${pagesUrl}/dated` });
    // The same text again would be a no-op: delete it first.
    await client.request('mutation($id:ID!){ deleteArticle(id:$id) }', { id: fetched.ingestArticle.article.id });
    const given = await client.request<Res>(q, { i: { url: `${pagesUrl}/dated`, source: 'Desk copy', publishedAt: '2024-02-15' } });
    expect(given.ingestArticle.article).toMatchObject({ source: 'Desk copy', publishedAt: '2024-02-15T00:00:00.000Z' });
  });

  it('records a url given with text or html as the source without fetching it', async () => {
    const q = 'mutation($i:ArticleInput!){ ingestArticle(input:$i){ article { title url source } } }';
    // The address answers 404: a fetch would have refused the article.
    const missing = `${pagesUrl}/missing`;
    const withText = await client.request<{ ingestArticle: { article: Record<string, string | null> } }>(q, { i: { text: 'Tip reviewed\n\nThe FBI reviewed a tip about two Uzbek men in Reno, an agent said.', url: missing } });
    expect(withText.ingestArticle.article).toEqual({ title: 'Tip reviewed', url: missing, source: null });
    const withHtml = await client.request<{ ingestArticle: { article: Record<string, string | null> } }>(q, {
      i: { html: '<html><head><title>Border note</title><meta property="og:site_name" content="Line Review"></head><body><p>CBP officers in Laredo stopped a truck carrying migrants from Honduras, the agency said.</p></body></html>', url: missing },
    });
    expect(withHtml.ingestArticle.article).toEqual({ title: 'Border note', url: missing, source: 'Line Review' });
  });

  it.each([
    ['text and html together', { text: 'x', html: '<p>x</p>' }, /text or html, not both/],
    ['fetch: true with text', { text: 'x', url: 'https://news.example/a', fetch: true }, /fetch: true reads the page at url; leave out text/],
    ['fetch: false with only a url', { url: 'https://news.example/a', fetch: false }, /fetch: false, give the text or html/],
    ['a recorded url that is not http', { text: 'x', url: 'file:///etc/passwd' }, /http or https/],
  ])('refuses %s with BAD_USER_INPUT', async (_, input, message) => {
    const e = await errorOf(client.request('mutation($i:ArticleInput!){ ingestArticle(input:$i){ created } }', { i: input }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(message);
  });

  it('answers a near-duplicate with duplicateOf naming the stored article', async () => {
    const fixture = (name: string): string => readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'near-duplicates', name), 'utf8');
    const q = 'mutation($i:ArticleInput!){ ingestArticle(input:$i){ created article { id } duplicateOf { id title } } }';
    type Res = { ingestArticle: { created: boolean; article: { id: string }; duplicateOf: { id: string; title: string } | null } };
    const first = await client.request<Res>(q, { i: { text: fixture('story.txt') } });
    expect(first.ingestArticle).toMatchObject({ created: true, duplicateOf: null });
    const copy = await client.request<Res>(q, { i: { html: fixture('story-copy.html') } });
    expect(copy.ingestArticle).toEqual({ created: false, article: first.ingestArticle.article, duplicateOf: { id: first.ingestArticle.article.id, title: "Sheriff's Office Hands Two Kyrgyz Men to ICE After Traffic Stop" } });
  });

  it('reports each item of ingestArticles on its own', async () => {
    const r = await client.request<{ ingestArticles: Array<{ index: number; result: { created: boolean } | null; error: string | null; code: string | null }> }>(
      'mutation($is:[ArticleInput!]!){ ingestArticles(inputs:$is){ index result { created } error code } }',
      { is: [{ text: 'Note\n\nThe FBI met officials in Kabul.' }, { text: '' }] },
    );
    expect(r.ingestArticles[0]).toMatchObject({ index: 0, result: { created: true }, error: null });
    expect(r.ingestArticles[1]).toMatchObject({ index: 1, result: null, code: 'BAD_USER_INPUT' });
  });

  it('curates through the API: merge, list decisions, undo', async () => {
    type Res = { decisions: Array<{ id: string; kind: string; undone: boolean }>; entity: { id: string; aliases: string[] } | null };
    const merged = await client.request<{ mergeEntities: Res }>('mutation { mergeEntities(into: "organization:seed", from: ["organization:specific"]) { decisions { id kind undone } entity { id aliases } } }');
    expect(merged.mergeEntities.entity?.aliases).toContain('specific');
    const listed = await client.request<{ decisions: Array<{ id: string }> }>('{ decisions(limit: 5) { id } }');
    expect(listed.decisions[0]?.id).toBe(merged.mergeEntities.decisions[0]?.id);
    const undone = await client.request<{ undoDecision: Res }>('mutation($id:ID!){ undoDecision(id:$id) { decisions { undone } } }', { id: merged.mergeEntities.decisions[0]?.id });
    expect(undone.undoDecision.decisions[0]?.undone).toBe(true);
    expect((await client.request<{ entity: { id: string } | null }>('{ entity(id: "organization:specific") { id } }')).entity).toEqual({ id: 'organization:specific' });
    expect((await errorOf(client.request('mutation { undoDecision(id: "dec_missing") { decisions { id } } }'))).code).toBe('NOT_FOUND');
  });

  it('saves named views in Neo4j, replaces one by name, lists them newest first and deletes them', async () => {
    const save = 'mutation($n:String!,$s:String!){ saveView(name:$n, state:$s){ name state savedAt } }';
    await client.request(save, { n: 'ICE network', s: '#ids=a&layout=grid' });
    await client.request(save, { n: 'Border', s: '#ids=b&layout=fcose' });
    await client.request(save, { n: 'ICE network', s: '#ids=a,c&layout=grid' });
    const { views } = await client.request<{ views: Array<{ name: string; state: string }> }>('{ views { name state } }');
    expect(views).toEqual([{ name: 'ICE network', state: '#ids=a,c&layout=grid' }, { name: 'Border', state: '#ids=b&layout=fcose' }]);
    await client.request('mutation($n:String!){ deleteView(name:$n) }', { n: 'Border' });
    const gone = await errorOf(client.request('mutation($n:String!){ deleteView(name:$n) }', { n: 'Border' }));
    expect(gone).toMatchObject({ code: 'NOT_FOUND', message: 'No saved view is named "Border".' });
    const bad = await errorOf(client.request(save, { n: ' ', s: '#ids=a' }));
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', message: 'name must not be empty.' });
  });

  it('deletes an article and exactly what only it supported', async () => {
    const before = await app.repo.countGraph();
    const text = 'Lone Note\n\nThe Zorblax Freedom Front (ZFF) met the FBI in Kabul.';
    const created = await client.request<{ ingestArticle: { article: { id: string } } }>('mutation($i:ArticleInput!){ ingestArticle(input:$i){ article { id } } }', { i: { text } });
    expect((await app.repo.countGraph()).articles).toBe(before.articles + 1);
    const del = await client.request<{ deleteArticle: boolean }>('mutation($id:ID!){ deleteArticle(id:$id) }', { id: created.ingestArticle.article.id });
    expect(del.deleteArticle).toBe(true);
    expect(await app.repo.countGraph()).toEqual(before);
    expect((await client.request<{ deleteArticle: boolean }>('mutation { deleteArticle(id: "art_none") }')).deleteArticle).toBe(false);
  });
});

describe('API safety (real HTTP)', () => {
  let app: RunningApp;
  const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

  beforeAll(async () => {
    app = await startApp(testConfig({ INGEST_DEMO: 'false', API_TOKEN: 'test-token-0123456789', MAX_REQUEST_BYTES: '40000', GRAPHIQL: 'false' }), () => {});
  });
  afterAll(() => app?.close());

  it('refuses a mutation without the API token (401), and accepts it with one', async () => {
    const body = JSON.stringify({ query: 'mutation { deleteArticle(id: "art_none") }' });
    const denied = await post(body);
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const ok = await post(body, { 'Content-Type': 'application/json', Authorization: 'Bearer test-token-0123456789' });
    expect(((await ok.json()) as { data: unknown }).data).toEqual({ deleteArticle: false });
  });

  it('refuses a body over MAX_REQUEST_BYTES with 413', async () => {
    const res = await post(JSON.stringify({ query: `{ search(query: "${'x'.repeat(50000)}") { id } }` }));
    expect(res.status).toBe(413);
  });

  it('refuses a chunked body (no Content-Length) over MAX_REQUEST_BYTES with 413', async () => {
    const url = new URL(`${app.url}/graphql`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(`{"query":"{ search(query: \\"`);
      for (let i = 0; i < 10; i++) req.write('x'.repeat(5000));
      req.end('\\") { id } }"}');
    });
    expect(status).toBe(413);
  });

  it('refuses a mutation over GET and a non-JSON POST (CSRF)', async () => {
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('mutation { deleteArticle(id: "x") }')}`, { headers: { Accept: 'application/json' } });
    expect(get.status).toBe(405);
    const form = await post('query=mutation%20%7B%20deleteArticle(id%3A%22x%22)%20%7D', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it.each([
    ['too deep', `{ ${'relation(id: "x") { evidence { article { entities { '.repeat(4)}id${' } } } }'.repeat(4)} }`],
    ['too many aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: stats { articles }`).join(' ')} }`],
  ])('refuses a query that is %s with QUERY_TOO_COMPLEX', async (_, query) => {
    const body = (await (await post(JSON.stringify({ query }))).json()) as { errors: Array<{ extensions?: { code?: string } }> };
    expect(body.errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it.each([
    ['too many tokens', `{ stats { ${'articles '.repeat(3100)}} }`],
    ['too costly', `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: neighborhood(ids: ["x"]) { nodes { id name type aliases articleCount } edges { id type source target weight evidence(first: 100) { id sentence start end article { id title url source publishedAt text entities { id name type aliases articleCount } } } } }`).join(' ')} }`],
  ])('refuses a query with %s with QUERY_TOO_COMPLEX', async (_, query) => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors: Array<{ message: string; extensions?: { code?: string } }> };
    expect(body.errors[0]?.extensions?.code, body.errors[0]?.message).toBe('QUERY_TOO_COMPLEX');
  });

  it('turns introspection off when GraphiQL is off', async () => {
    const body = (await (await post(JSON.stringify({ query: '{ __schema { types { name } } }' }))).json()) as { errors?: unknown[] };
    expect(body.errors?.length).toBeGreaterThan(0);
  });

  it('caps list sizes with a clear BAD_USER_INPUT', async () => {
    const body = (await (await post(JSON.stringify({ query: '{ search(query: "a", limit: 1000) { id } }' }))).json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors[0]?.message).toMatch(/limit is 1000; the most allowed is 100/);
  });
});
