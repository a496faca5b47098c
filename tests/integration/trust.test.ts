import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import type { ArticleInput } from '../../server/src/domain/types.ts';
import { createGraphqlApp } from '../../server/src/http/create-yoga.ts';
import { readArticleFile } from '../../server/src/pipeline/read-article-file.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

// Written for this test: two outlets report one sweep and disagree on its date, its count, a
// man's nationality, and whether he is a member of a group.
const fixture = (name: string): Promise<ArticleInput> => readArticleFile(path.join(ROOT_DIR, 'tests', 'fixtures', 'trust', name), 1_000_000);
const ICE = 'agency:immigration-and-customs-enforcement';
const TOKOEV = 'person:almaz-tokoev';
const ISISK = 'organization:isis-k';
const KYRGYZSTAN = 'country:kyrgyzstan';

interface GqlBody<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

describe('trust layer: contradictions, changes and watches (real Neo4j, real CoreNLP)', () => {
  let repo: GraphRepository;
  let services: Services;
  let between = '';
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlBody<T>> => {
    const yoga = createGraphqlApp(services, { graphiql: false });
    const res = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GqlBody<T>;
  };

  beforeAll(async () => {
    repo = await freshRepository();
    services = testServices(repo);
    await services.ingest.ingest(await fixture('prairie-raid-first.txt'));
    await services.trust.watch('Omaha sweep', [ICE, TOKOEV, ISISK, KYRGYZSTAN]);
    // Everything the second article brings is newer than this.
    await new Promise((r) => setTimeout(r, 20));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await services.ingest.ingest(await fixture('prairie-raid-second.txt'));
  });
  afterAll(async () => {
    await services.close();
    await repo.close();
  });

  it('lists what two articles disagree on, each value with the article and sentence that give it, newest first', async () => {
    const body = await gql<{ contradictions: { nodes: Array<{ id: string; entity: { id: string } | null; relation: { type: string } | null; relationIds: string[]; at: string; conflicts: Array<{ kind: string; rule: string; values: Array<{ value: string; articles: Array<{ outlet: string }>; evidence: Array<{ sentence: string; stance: string }> }> }> }>; pageInfo: { hasNextPage: boolean } } }>(
      `{ contradictions(first: 10) { nodes { id at relationIds entity { id } relation { type } conflicts { kind rule values { value articles { outlet } evidence { sentence stance } } } } pageInfo { hasNextPage } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data?.contradictions.nodes ?? [];
    const kinds = (n: (typeof nodes)[number]) => n.conflicts.map((c) => c.kind);
    const side = (n: (typeof nodes)[number] | undefined, kind: string) =>
      Object.fromEntries((n?.conflicts.find((c) => c.kind === kind)?.values ?? []).map((v) => [v.value, v.articles.map((a) => a.outlet)]));

    const event = nodes.find((n) => n.entity?.id.startsWith('event:'));
    expect(kinds(event ?? nodes[0]!)).toEqual(['DATE', 'COUNT']);
    expect(side(event, 'DATE')).toEqual({ '2025-04-14': ['Plains Ledger'], '2025-04-11': ['Missouri Valley Wire'] });
    expect(side(event, 'COUNT')).toEqual({ '8': ['Plains Ledger'], '7': ['Missouri Valley Wire'] });

    const person = nodes.find((n) => n.entity?.id === TOKOEV);
    expect(side(person, 'NATIONALITY')).toEqual({ Kyrgyzstan: ['Plains Ledger'], Uzbekistan: ['Missouri Valley Wire'] });
    expect(person?.relationIds).toHaveLength(2);

    // "Prosecutors said … is a member of ISIS-K" against "was never a member of ISIS-K, his lawyer said".
    const link = nodes.find((n) => n.relation?.type === 'MEMBER_OF');
    const stance = link?.conflicts.find((c) => c.kind === 'STANCE');
    expect(stance?.rule).toBe('conflict.stance');
    expect(stance?.values.find((v) => v.value === 'denied')?.evidence[0]?.sentence).toMatch(/never a member of ISIS-K/);
    expect(stance?.values.find((v) => v.value === 'attributed')?.articles).toEqual([{ outlet: 'Plains Ledger' }]);
    // The denial sits on the pair's co-mention: both links are marked.
    expect(link?.relationIds).toHaveLength(2);

    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.at === '2025-04-18T00:00:00Z')).toBe(true);
    expect(body.data?.contradictions.pageInfo.hasNextPage).toBe(false);
  });

  it('pages contradictions by cursor and carries conflicts on the relation and entity themselves', async () => {
    const first = await services.trust.contradictions(2, null);
    const rest = await services.trust.contradictions(2, first.endCursor);
    expect(first.hasNextPage).toBe(true);
    expect([...first.nodes, ...rest.nodes].map((n) => n.id)).toEqual((await services.trust.contradictions(10, null)).nodes.map((n) => n.id));
    const bad = await gql(`{ contradictions(after: "nonsense") { nodes { id } } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const body = await gql<{ neighborhood: { nodes: Array<{ id: string; conflicts: Array<{ kind: string }> }>; edges: Array<{ type: string; conflicts: Array<{ kind: string }> }> } }>(
      `query($ids: [ID!]!) { neighborhood(ids: $ids, limit: 50) { nodes { id conflicts { kind } } edges { type source target conflicts { kind } } } }`,
      { ids: [TOKOEV] },
    );
    const nodes = body.data?.neighborhood.nodes ?? [];
    expect(nodes.find((n) => n.id === TOKOEV)?.conflicts.map((c) => c.kind)).toEqual(['NATIONALITY']);
    expect(nodes.find((n) => n.id === ISISK)?.conflicts).toEqual([]);
    const edges = body.data?.neighborhood.edges ?? [];
    expect(edges.filter((e) => e.type === 'NATIONAL_OF').every((e) => e.conflicts.some((c) => c.kind === 'NATIONALITY'))).toBe(true);
    expect(edges.find((e) => e.type === 'MEMBER_OF')?.conflicts.map((c) => c.kind)).toEqual(['STANCE']);
  });

  it('reports what appeared or gained independent sources since a time', async () => {
    const body = await gql<{ changes: { since: string; totals: { entities: number; events: number; relations: number }; entities: Array<{ entity: { id: string }; before: number }>; events: Array<{ entity: { eventType: string }; before: number; now: number }>; relations: Array<{ relation: { type: string; source: string; target: string }; before: number; now: number }> } }>(
      `query($since: String!) { changes(since: $since) { since totals { entities events relations } entities { entity { id } before } events { entity { eventType } before now } relations { relation { type source target } before now } } }`,
      { since: between },
    );
    expect(body.errors).toBeUndefined();
    const c = body.data?.changes;
    expect(c?.since).toBe(between);
    // Uzbekistan is new; ICE and Kyrgyzstan were known.
    expect(c?.entities.map((e) => e.entity.id)).toContain('country:uzbekistan');
    expect(c?.entities.map((e) => e.entity.id)).not.toContain(ICE);
    expect(c?.entities.every((e) => e.before === 0)).toBe(true);
    // The sweep was told by one outlet before and by two now.
    expect(c?.events).toContainEqual({ entity: { eventType: 'Arrest' }, before: 1, now: 2 });
    expect(c?.relations).toContainEqual({ relation: { type: 'ARRESTED', source: ICE, target: KYRGYZSTAN }, before: 1, now: 2 });
    expect(c?.relations).toContainEqual({ relation: { type: 'NATIONAL_OF', source: TOKOEV, target: 'country:uzbekistan' }, before: 0, now: 1 });
    expect(c?.totals.relations).toBe(c?.relations.length);

    // Since before anything: everything is new; since now: nothing.
    const all = await services.trust.changes('2000-01-01', 500);
    expect(all.relations.every((r) => r.before === 0)).toBe(true);
    const none = await services.trust.changes(new Date(Date.now() + 60_000).toISOString(), null);
    expect(none.totals).toEqual({ entities: 0, events: 0, relations: 0 });
    const bad = await gql(`{ changes(since: "last tuesday") { since } }`);
    expect(bad.errors?.[0]?.message).toMatch(/since "last tuesday" is not an ISO 8601 date/);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('tells a watch of the new links among its entities until it is marked seen', async () => {
    const body = await gql<{ watches: Array<{ name: string; entities: Array<{ id: string }>; newLinks: Array<{ relation: { type: string; source: string; target: string }; before: number }> }> }>(
      `{ watches { name entities { id } newLinks { relation { type source target } before } } }`,
    );
    const [w] = body.data?.watches ?? [];
    expect(w?.name).toBe('Omaha sweep');
    expect(w?.entities.map((e) => e.id).sort()).toEqual([ICE, TOKOEV, ISISK, KYRGYZSTAN].sort());
    const links = w?.newLinks.map((l) => `${l.relation.type} ${l.relation.source} ${l.relation.target} ${l.before}`) ?? [];
    // The sweep gained a source; the lawyer's denial is a new link between Tokoev and ISIS-K. Uzbekistan is not watched.
    expect(links).toContain(`ARRESTED ${ICE} ${KYRGYZSTAN} 1`);
    expect(links.some((l) => l.startsWith('MENTIONED_WITH') && l.includes(TOKOEV) && l.includes(ISISK) && l.endsWith(' 0'))).toBe(true);
    expect(links.some((l) => l.includes('uzbekistan'))).toBe(false);

    const seen = await gql<{ markWatchSeen: { seenAt: string; newLinks: unknown[] } }>(`mutation { markWatchSeen(name: "Omaha sweep") { seenAt newLinks { before } } }`);
    expect(seen.data?.markWatchSeen.newLinks).toEqual([]);
    // Re-ingesting a report changes nothing, so there is still nothing new.
    await services.ingest.ingest(await fixture('prairie-raid-second.txt'));
    expect(await services.trust.newLinks((await services.trust.watches())[0]!)).toEqual([]);

    const unknown = await gql(`mutation { watchEntities(name: "x", ids: ["${ICE}", "person:nobody"]) { name } }`);
    expect(unknown.errors?.[0]?.message).toMatch(/not on the graph: person:nobody/);
    const missing = await gql(`mutation { markWatchSeen(name: "no such watch") { name } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql<{ deleteWatch: boolean }>(`mutation { deleteWatch(name: "Omaha sweep") }`)).data?.deleteWatch).toBe(true);
    expect(await services.trust.watches()).toEqual([]);
  });
});
