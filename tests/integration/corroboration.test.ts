import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { relationId } from '../../server/src/pipeline/resolve.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

const fixture = (name: string): string => readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'near-duplicates', name), 'utf8');
const ICE = 'agency:immigration-and-customs-enforcement';
const DHS = 'agency:department-of-homeland-security';
// Written for this test: a third outlet names the same link.
const LAKESHORE = 'Lake Patrol Notes\n\nAgents of Immigration and Customs Enforcement, part of the Department of Homeland Security, questioned a fisherman near Two Harbors on Monday.';

describe('independent corroboration: a relation counts outlets, not articles (real Neo4j, real CoreNLP)', () => {
  let repo: GraphRepository;
  let services: Services;
  const link = relationId(ICE, 'PART_OF', DHS);
  const counts = async (): Promise<{ weight: number; articleCount: number } | undefined> => {
    const r = await services.graph.relation(link);
    return r ? { weight: r.weight, articleCount: r.articleCount ?? -1 } : undefined;
  };

  beforeAll(async () => {
    repo = await freshRepository();
    services = testServices(repo);
  });
  afterAll(async () => {
    await services.close();
    await repo.close();
  });

  it('records each article\'s outlet: its source, else its address\'s host', async () => {
    const first = await services.ingest.ingest({ text: fixture('story.txt'), source: 'Northland Ledger (evening edition)' });
    expect(first.article.outlet).toBe('Northland Ledger');
    expect(await counts()).toEqual({ weight: 1, articleCount: 1 });
  });

  it('counts a second article of the same outlet as one more article but not one more source', async () => {
    await services.ingest.ingest({ text: fixture('same-event-other-report.txt'), source: 'northland ledger' });
    expect(await counts()).toEqual({ weight: 1, articleCount: 2 });
  });

  it('counts another outlet as another source', async () => {
    const third = await services.ingest.ingest({ text: LAKESHORE, url: 'https://www.lakeshore-news.example/patrol' });
    expect(third.article.outlet).toBe('lakeshore-news.example');
    expect(await counts()).toEqual({ weight: 2, articleCount: 3 });
  });

  it('counts a syndicated copy (the same story with another site\'s boilerplate) once: it adds neither an article nor a source', async () => {
    const copy = await services.ingest.ingest({ html: fixture('story-copy.html'), url: 'https://metro-daily.example/kyrgyz', source: 'Metro Daily' });
    expect(copy.duplicateOf).toBeDefined();
    expect(await counts()).toEqual({ weight: 2, articleCount: 3 });
  });

  it('recounts when an article is deleted, and leaves the graph consistent', async () => {
    const second = await services.ingest.ingest({ text: fixture('same-event-other-report.txt') });
    expect(second.created).toBe(false);
    expect(await services.ingest.deleteArticle(second.article.id)).toBe(true);
    expect(await counts()).toEqual({ weight: 2, articleCount: 2 });
    expect(Object.values(await repo.checkIntegrity()).every((n) => n === 0)).toBe(true);
  });
});
