import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { annotate, annotateAndExtract } from '../helpers/annotate.ts';
import { prepareArticle } from '../../server/src/pipeline/prepare-article.ts';
import { resolve } from '../../server/src/pipeline/resolve.ts';
import { ingestFiles } from '../../server/src/services/ingest-files.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { IngestService, extractInProcess } from '../../server/src/services/ingest-service.ts';
import { batch, entity, rel } from '../helpers/graph-fixtures.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';
import { splitFrontMatter } from '../../server/src/pipeline/front-matter.ts';

const limits = { maxBytes: 2_000_000 };
/** A demo article's text, without its front matter. */
const demo = (name: string): string => splitFrontMatter(readFileSync(path.join(ROOT_DIR, 'data', 'articles', name), 'utf8'), name).body;

describe('ingesting articles into the real Neo4j', () => {
  let repo: GraphRepository;
  let service: IngestService;
  let services: Services;
  beforeEach(async () => {
    repo ??= await freshRepository();
    services ??= testServices(repo);
    await repo.deleteEverything();
    service = services.ingest;
  });
  afterAll(async () => {
    await services.close();
    await repo.close();
  });

  it('stores an article with its entities, relations and evidence', async () => {
    const r = await service.ingest({ text: demo('01-ice-arrests-tajik-nationals.txt') });
    expect(r.created).toBe(true);
    const counts = await repo.countGraph();
    expect(counts.articles).toBe(1);
    expect(counts.entities).toBe(r.entityCount);
    expect(counts.relations).toBe(r.relationCount);
    expect(counts.evidence).toBeGreaterThanOrEqual(counts.relations);
    const [ice] = await repo.getEntities(['agency:immigration-and-customs-enforcement']);
    expect(ice).toMatchObject({ name: 'Immigration and Customs Enforcement', type: 'AGENCY', articleCount: 1 });
    expect(ice?.aliases).toContain('ICE');
  });

  it('treats re-ingesting the same text as a no-op', async () => {
    const text = demo('02-uzbek-man-arrested-baltimore.txt');
    await service.ingest({ text });
    const before = await repo.countGraph();
    const again = await service.ingest({ text: text.replace(/\n/g, '\r\n') + '\n\n' });
    expect(again.created).toBe(false);
    expect(await repo.countGraph()).toEqual(before);
  });

  it('keeps one node per entity across articles and weights edges by distinct articles', async () => {
    await service.ingest({ text: demo('01-ice-arrests-tajik-nationals.txt') });
    await service.ingest({ text: demo('04-oig-vetting-report.txt') });
    const [ice] = await repo.getEntities(['agency:immigration-and-customs-enforcement']);
    expect(ice?.articleCount).toBe(2);
    const edges = await repo.edgesAmong(['agency:immigration-and-customs-enforcement', 'agency:department-of-homeland-security']);
    expect(edges).toEqual([expect.objectContaining({ type: 'PART_OF', weight: 2 })]);
  });

  it('writes nothing when any part of an article fails (one transaction)', async () => {
    await service.ingest({ text: demo('02-uzbek-man-arrested-baltimore.txt') });
    const before = await repo.countGraph();
    const article = prepareArticle({ text: demo('03-kharwin-watchlist-release.txt') }, limits);
    const batch = resolve(article, await annotateAndExtract(article));
    // A map is not a valid property value: Neo4j fails the entity write after the article was merged.
    const broken = { ...batch, entities: batch.entities.map((e, i) => (i === 1 ? { ...e, name: { not: 'a string' } as unknown as string } : e)) };
    await expect(repo.writeArticle(broken)).rejects.toThrow();
    expect(await repo.countGraph()).toEqual(before);
    expect(await repo.getEntities(['person:mohammad-kharwin'])).toEqual([]);
  });

  it('ingests a folder, reporting a binary file and going on with the rest', async () => {
    const dir = path.join(ROOT_DIR, 'tests', 'fixtures', 'ingest-folder');
    const progress: string[] = [];
    const results = await ingestFiles(service, [dir], limits.maxBytes, (done, total, r) => progress.push(`${done}/${total} ${r.ok}`));
    expect(progress).toEqual(['1/3 true', '2/3 false', '3/3 true']);
    const bad = results.find((r) => !r.ok);
    expect(bad && !bad.ok && bad.error).toMatch(/binary\.txt.*(binary|UTF-8)/);
    expect((await repo.countGraph()).articles).toBe(2);
  });

  it('ingests a folder several articles at a time: results in file order, each stored once, bad files still reported', async () => {
    await repo.deleteEverything();
    const dirs = [path.join(ROOT_DIR, 'data', 'articles'), path.join(ROOT_DIR, 'tests', 'fixtures', 'ingest-folder')];
    const progress: number[] = [];
    const parallel = await ingestFiles(service, dirs, limits.maxBytes, (done) => progress.push(done), { concurrency: 3 });
    expect(progress).toEqual(parallel.map((_, i) => i + 1));
    const counts = await repo.countGraph();
    expect(counts.articles).toBe(parallel.filter((r) => r.ok).length);
    expect(parallel.filter((r) => !r.ok).map((r) => path.basename(r.file))).toEqual(['binary.txt']);
    // The same run one at a time finds everything stored, in the same order.
    const again = await ingestFiles(service, dirs, limits.maxBytes, () => {}, { concurrency: 1 });
    expect(again.map((r) => r.file)).toEqual(parallel.map((r) => r.file));
    expect(again.filter((r) => r.ok && r.outcome.created)).toEqual([]);
    expect(await repo.countGraph()).toEqual(counts);
  });

  it('writes several articles in one transaction: the same graph as writing them one at a time', async () => {
    const names = ['01-ice-arrests-tajik-nationals.txt', '02-uzbek-man-arrested-baltimore.txt', '04-oig-vetting-report.txt'];
    const batches = await Promise.all(
      names.map(async (n) => {
        const article = prepareArticle({ text: demo(n) }, limits);
        return resolve(article, await annotateAndExtract(article));
      }),
    );
    for (const b of batches) await repo.writeArticle(b);
    const oneByOne = await repo.countGraph();
    const ice = await repo.getEntities(['agency:immigration-and-customs-enforcement']);
    await repo.deleteEverything();
    // The same text twice in one batch is written once.
    const outcomes = await repo.writeArticles([...batches, batches[0] as (typeof batches)[0]]);
    expect(outcomes).toEqual([...names.map(() => ({ created: true, reprocessed: false })), { created: false, reprocessed: false }]);
    expect(await repo.countGraph()).toEqual(oneByOne);
    expect(await repo.getEntities(['agency:immigration-and-customs-enforcement'])).toEqual(ice);
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
    expect(await repo.writeArticles(batches)).toEqual(names.map(() => ({ created: false, reprocessed: false })));
  });

  it('keeps every alias that articles of one batch add to the same entity, and finds the entity by each', async () => {
    const ice = (aliases: string[]) => ({ ...entity('agency:immigration-and-customs-enforcement', 'AGENCY'), name: 'Immigration and Customs Enforcement', aliases });
    await repo.writeArticles([
      batch('art_alias_a', [ice(['ICE'])], []),
      batch('art_alias_b', [ice(['ICE', 'U.S. Immigration and Customs Enforcement'])], []),
      batch('art_alias_c', [ice(['Immigration and Customs Enforcement', 'ERO'])], []),
    ]);
    const [stored] = await repo.getEntities(['agency:immigration-and-customs-enforcement']);
    expect(stored?.aliases).toEqual(['ICE', 'U.S. Immigration and Customs Enforcement', 'ERO']);
    expect(stored?.articleCount).toBe(3);
    expect((await repo.searchEntities('ERO', null, 3))[0]?.id).toBe('agency:immigration-and-customs-enforcement');
  });

  it('counts a relation an article gives twice (after a curated merge) once, and stores each evidence sentence once', async () => {
    const [a, b] = [entity('org:alpha'), entity('org:beta')];
    const twice = [rel('org:alpha', 'org:beta', 'MENTIONED_WITH', 0), rel('org:alpha', 'org:beta', 'MENTIONED_WITH', 0), rel('org:alpha', 'org:beta', 'MENTIONED_WITH', 60)];
    await repo.writeArticles([batch('art_twice_1', [a, b, a], twice), batch('art_twice_2', [a, b], [rel('org:alpha', 'org:beta')])]);
    const stored = await repo.getRelation(twice[0]?.id ?? '');
    expect(stored?.weight).toBe(2);
    const [evidence] = await repo.getEvidencePages([{ relationId: twice[0]?.id ?? '', after: '' }], 10);
    expect(evidence?.map((ev) => ev.start).sort((x, y) => x - y)).toEqual([0, 0, 60]);
    expect((await repo.getEntities(['org:alpha']))[0]?.articleCount).toBe(2);
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
  });

  it('stores the others when one article of a write batch is refused by Neo4j, and names the bad file', async () => {
    const dir = path.join(ROOT_DIR, 'data', 'articles');
    const bad = '03-kharwin-watchlist-release.txt';
    const breaking = new IngestService({
      repo,
      limits,
      fetchPolicy: { allowPrivate: false, maxBytes: limits.maxBytes, timeoutMs: 1000 },
      // A map is not a valid property value: the write of the batch holding this article fails.
      curate: async (b) => (b.article.text.includes('Kharwin') ? { ...b, entities: b.entities.map((e, i) => (i === 0 ? { ...e, name: { not: 'a string' } as unknown as string } : e)) } : b),
      annotate: (t) => annotate(t),
      extract: extractInProcess,
    });
    const results = await ingestFiles(breaking, [dir], limits.maxBytes, () => {}, { concurrency: 4, batchSize: 10 });
    const refused = results.filter((r) => !r.ok);
    expect(refused.map((r) => path.basename(r.file))).toEqual([bad]);
    expect(refused[0] && !refused[0].ok && refused[0].error).toMatch(/03-kharwin-watchlist-release\.txt: Neo4j could not store it/);
    expect((await repo.countGraph()).articles).toBe(results.length - 1);
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
  });

  it('answers a text it already holds from the database, without extracting it again', async () => {
    let extractions = 0;
    const counting = new IngestService({
      repo,
      limits,
      fetchPolicy: { allowPrivate: false, maxBytes: limits.maxBytes, timeoutMs: 1000 },
      curate: async (b) => b,
      annotate: (t) => annotate(t),
      extract: (article, annotation) => {
        extractions++;
        return extractInProcess(article, annotation);
      },
    });
    const text = demo('03-kharwin-watchlist-release.txt');
    const first = await counting.ingest({ text });
    const again = await counting.ingest({ text: `${text}\n\n` });
    expect(extractions).toBe(1);
    expect(again).toMatchObject({ created: false, reprocessed: false, entityCount: first.entityCount, relationCount: first.relationCount, article: { id: first.article.id } });
  });

  it('finds "ICE" by alias and by prefix through the fulltext index', async () => {
    await service.ingest({ text: demo('01-ice-arrests-tajik-nationals.txt') });
    expect((await repo.searchEntities('ICE', null, 5))[0]?.id).toBe('agency:immigration-and-customs-enforcement');
    expect((await repo.searchEntities('tajik', null, 5))[0]?.id).toBe('country:tajikistan');
    expect((await repo.searchEntities('Immigr', ['AGENCY'], 5)).map((e) => e.id)).toContain('agency:immigration-and-customs-enforcement');
    expect(await repo.searchEntities('ICE', ['PERSON'], 5)).toEqual([]);
    expect(await repo.searchEntities('"(*:', null, 5)).toEqual([]);
  });
});

describe('re-processing an article stored by an older extractor', () => {
  let repo: GraphRepository;
  beforeEach(async () => {
    repo ??= await freshRepository();
    await repo.deleteEverything();
  });
  afterAll(() => repo.close());

  it('replaces its evidence and removes what only the old extraction supported', async () => {
    const text = 'Border Note\n\nICE agents arrested a man in Baltimore on Tuesday.';
    const article = prepareArticle({ text }, limits);
    const current = resolve(article, await annotateAndExtract(article));
    // The "old" extraction also found an entity the current one does not.
    const ghost = { id: 'person:ghost-name', name: 'Ghost Name', type: 'PERSON' as const, aliases: [], mentionCount: 1, eventType: null, count: null, date: null };
    const oldBatch = {
      ...current,
      article: { ...current.article, extractorVersion: 'old-version' },
      entities: [...current.entities, ghost],
      relations: [
        ...current.relations,
        { id: 'rel_ghost', source: ghost.id, target: 'agency:immigration-and-customs-enforcement', type: 'MENTIONED_WITH' as const, role: null, evidence: [{ sentence: 'x', start: 0, end: 1, confidence: 0.3, rules: ['co-mention'], stance: 'ASSERTED' as const, stanceRules: [] }] },
      ],
    };
    expect(await repo.writeArticle(oldBatch)).toEqual({ created: true, reprocessed: false });
    expect(await repo.getEntities([ghost.id])).toHaveLength(1);

    expect(await repo.writeArticle(current)).toEqual({ created: false, reprocessed: true });
    expect(await repo.getEntities([ghost.id])).toEqual([]);
    const counts = await repo.countGraph();
    expect(counts).toMatchObject({ articles: 1, entities: current.entities.length, relations: current.relations.length });
    expect(await repo.writeArticle(current)).toEqual({ created: false, reprocessed: false });
  });

  it('stores events as nodes linked to their participants', async () => {
    const services = testServices(repo);
    await services.ingest.ingest({ text: demo('01-ice-arrests-tajik-nationals.txt'), publishedAt: '2024-06-12' });
    const events = await repo.searchEntities('Detention', ['EVENT'], 5);
    expect(events[0]?.name).toMatch(/^Detention: Immigration and Customs Enforcement/);
    const id = events[0]?.id ?? '';
    const edges = await repo.edgesAmong([id, 'agency:immigration-and-customs-enforcement', 'country:tajikistan']);
    expect(edges.filter((e) => e.type === 'PARTICIPATED_IN' && e.target === id)).toHaveLength(2);
    expect(edges).toContainEqual(expect.objectContaining({ type: 'ARRESTED', source: 'agency:immigration-and-customs-enforcement', target: 'country:tajikistan' }));
    await services.close();
  });
});
