import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { batch } from '../helpers/graph-fixtures.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

const fixture = (name: string): string => readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'near-duplicates', name), 'utf8');

describe('near-duplicate articles (real Neo4j, real CoreNLP)', () => {
  let repo: GraphRepository;
  let services: Services;
  beforeEach(async () => {
    repo ??= await freshRepository();
    services ??= testServices(repo);
    await repo.deleteEverything();
  });
  afterAll(async () => {
    await services.close();
    await repo.close();
  });

  it('does not store the same story twice when it comes back as an HTML page with a footer, and says which article it repeats', async () => {
    const first = await services.ingest.ingest({ text: fixture('story.txt') });
    expect(first.created).toBe(true);
    const counts = await repo.countGraph();
    const again = await services.ingest.ingest({ html: fixture('story-copy.html'), url: 'https://ledger.example/kyrgyz' });
    expect(again).toMatchObject({ created: false, reprocessed: false, duplicateOf: { id: first.article.id, title: first.article.title } });
    expect(again.article.id).toBe(first.article.id);
    expect(await repo.countGraph()).toEqual(counts);
  });

  it('stores another report of the same event in its own words', async () => {
    await services.ingest.ingest({ text: fixture('story.txt') });
    const other = await services.ingest.ingest({ text: fixture('same-event-other-report.txt') });
    expect(other.created).toBe(true);
    expect(other.duplicateOf).toBeUndefined();
    expect((await repo.countGraph()).articles).toBe(2);
  });

  it('fingerprints articles stored before detection existed, once, so their copies are recognised too', async () => {
    const old = batch('art_old_story', [], []);
    await repo.writeArticle({ ...old, article: { ...old.article, text: fixture('story.txt'), title: 'Old story' } });
    expect(await services.ingest.backfillFingerprints(1)).toBe(1);
    expect(await services.ingest.backfillFingerprints()).toBe(0);
    const copy = await services.ingest.ingest({ html: fixture('story-copy.html') });
    expect(copy.duplicateOf?.id).toBe('art_old_story');
    expect((await repo.countGraph()).articles).toBe(1);
  });
});
