import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import type { ArticleInput } from '../../server/src/domain/types.ts';
import { readArticleFile } from '../../server/src/pipeline/read-article-file.ts';
import { relationId } from '../../server/src/pipeline/resolve.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

// Written for this test: two outlets report one arrest; a third reports another arrest the same day.
const fixture = (name: string): Promise<ArticleInput> => readArticleFile(path.join(ROOT_DIR, 'tests', 'fixtures', 'events', name), 1_000_000);
const ICE = 'agency:immigration-and-customs-enforcement';
const VASKO = 'person:teodor-vasko';

describe('events resolved across articles (real Neo4j, real CoreNLP)', () => {
  let repo: GraphRepository;
  let services: Services;
  let firstId = '';
  let secondId = '';
  /** Stored events of these types that `participant` took part in. */
  const eventsWith = async (participant: string, types: string[]) => repo.readRecords('ingest/find-event-candidates', { participantIds: [participant], eventTypes: types, limit: 50 });
  const eventOf = async (person: string): Promise<string | undefined> => {
    const around = await services.graph.neighborhood({ ids: [person], depth: 1, limit: 50 });
    return around.nodes.find((n) => n.type === 'EVENT' && n.eventType === 'Arrest')?.id;
  };

  beforeAll(async () => {
    repo = await freshRepository();
    services = testServices(repo);
  });
  afterAll(async () => {
    await services.close();
    await repo.close();
  });

  it('makes a second outlet\'s report of an arrest one more report of the same event node, with both links\' evidence on it', async () => {
    firstId = (await services.ingest.ingest(await fixture('harbor-arrest-first.txt'))).article.id;
    const event = await eventOf(VASKO);
    expect(event).toBeDefined();
    secondId = (await services.ingest.ingest(await fixture('harbor-arrest-second.txt'))).article.id;
    expect(await eventOf(VASKO)).toBe(event);
    const node = await services.graph.entity(event ?? '');
    expect(node).toMatchObject({ eventType: 'Arrest', date: '2025-03-03', articleCount: 2 });
    // ICE took part in it: one link, with a sentence from each outlet behind it.
    const link = await services.graph.relation(relationId(ICE, 'PARTICIPATED_IN', event ?? ''));
    expect(link).toMatchObject({ weight: 2, articleCount: 2 });
    const [known] = await repo.readRecords('ingest/find-event-candidates', { participantIds: [VASKO], eventTypes: ['Arrest'], limit: 10 });
    expect(known).toMatchObject({ id: event, toldAs: ['Arrest'], reportedBy: '2025-03-05' });
    expect((known?.articleIds as string[]).sort()).toEqual([firstId, secondId].sort());
  });

  it('keeps an arrest of another person the same day in another city apart', async () => {
    await services.ingest.ingest(await fixture('desert-arrest.txt'));
    expect(await eventsWith(ICE, ['Arrest'])).toHaveLength(2);
    expect(await eventOf('person:lena-morrow')).not.toBe(await eventOf(VASKO));
  });

  it('changes nothing when a report is ingested again, and keeps the event when one of its reports is deleted', async () => {
    const again = await services.ingest.ingest(await fixture('harbor-arrest-second.txt'));
    expect(again.created).toBe(false);
    const event = await eventOf(VASKO);
    expect((await services.graph.entity(event ?? ''))?.articleCount).toBe(2);
    expect(await services.ingest.deleteArticle(firstId)).toBe(true);
    expect(await services.graph.entity(event ?? '')).toMatchObject({ articleCount: 1, date: '2025-03-03' });
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
    // The first report comes back to the event its outlet's article left behind.
    await services.ingest.ingest(await fixture('harbor-arrest-first.txt'));
    expect(await eventOf(VASKO)).toBe(event);
    expect((await services.graph.entity(event ?? ''))?.articleCount).toBe(2);
  });

  it('lets a curator merge two events like entities, and a re-ingested report stays on the merged event', async () => {
    const event = (await eventOf(VASKO)) ?? '';
    // "He remains in federal custody": a detention the rules keep apart (nothing but the person in common).
    const [detention] = (await eventsWith(VASKO, ['Detention'])).map((r) => String(r.id));
    expect(detention).toBeDefined();
    await services.curation.merge(event, [detention ?? '']);
    expect(await services.graph.entity(detention ?? '')).toBeNull();
    expect(await services.ingest.deleteArticle(firstId)).toBe(true);
    await services.ingest.ingest(await fixture('harbor-arrest-first.txt'));
    expect(await services.graph.entity(detention ?? '')).toBeNull();
    expect(await eventOf(VASKO)).toBe(event);
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
  });

  it('lets a curator split an event by report, undo it, and keeps a split-off report apart when its article is ingested again', async () => {
    const event = (await eventOf(VASKO)) ?? '';
    const arrestsOfVasko = async () => (await eventsWith(VASKO, ['Arrest'])).map((r) => String(r.id));
    const split = await services.curation.splitEvent(event, [secondId]);
    const other = split.entity?.id ?? '';
    expect(other).not.toBe(event);
    expect(await services.graph.entity(other)).toMatchObject({ type: 'EVENT', eventType: 'Arrest', date: '2025-03-03', articleCount: 1 });
    expect((await services.graph.entity(event))?.articleCount).toBe(1);
    expect(await services.graph.relation(relationId(ICE, 'PARTICIPATED_IN', event))).toMatchObject({ weight: 1, articleCount: 1 });
    expect((await arrestsOfVasko()).sort()).toEqual([event, other].sort());
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);

    await services.curation.undo(split.decisions[0]?.id ?? '');
    expect(await arrestsOfVasko()).toEqual([event]);
    expect((await services.graph.entity(event))?.articleCount).toBe(2);

    await services.curation.splitEvent(event, [secondId]);
    expect(await services.ingest.deleteArticle(secondId)).toBe(true);
    await services.ingest.ingest(await fixture('harbor-arrest-second.txt'));
    expect(await arrestsOfVasko()).toHaveLength(2);
    expect((await services.graph.entity(event))?.articleCount).toBe(1);
    await expect(services.curation.splitEvent(event, [firstId])).rejects.toThrow(/Every report/);
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
  });
});
