import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { ingestFeed } from '../../server/src/services/ingest-feed.ts';
import { startFeedSite, type FeedSite } from '../helpers/feed-site.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

describe('ingesting RSS and Atom feeds (real local HTTP server, real Neo4j)', () => {
  let repo: GraphRepository;
  let services: Services;
  let site: FeedSite;
  beforeAll(async () => {
    repo = await freshRepository();
    services = testServices(repo, { ALLOW_PRIVATE_URLS: 'true' });
    site = await startFeedSite();
  });
  beforeEach(() => repo.deleteEverything());
  afterAll(async () => {
    await site.close();
    await services.close();
    await repo.close();
  });

  it('stores each item of an RSS feed with the feed as source and the item title and date; a dead link is reported, an item without a link skipped', async () => {
    const run = await ingestFeed(services.ingest, `${site.base}/rss.xml`, { concurrency: 2 });
    expect(run).toMatchObject({ title: 'Test Wire', notModified: false, items: 3, known: 0 });
    expect(run.results.map((r) => [r.file.replace(site.base, ''), r.ok])).toEqual([
      ['/news/tajik-arrests.html', true],
      ['/news/uzbek-charged.html', true],
      ['/news/missing.html', false],
    ]);
    const bad = run.results[2];
    expect(bad && !bad.ok && bad.error).toMatch(/missing\.html.*404/);
    const articles = (await services.graph.articles(10, null)).nodes;
    const tajik = articles.find((a) => a.url === `${site.base}/news/tajik-arrests.html`);
    expect(tajik).toMatchObject({ title: 'Agents detain three Tajik men in Denver', source: 'Test Wire', publishedAt: '2024-06-11T09:00:00.000Z' });
    expect((await repo.searchEntities('Tajikistan', ['COUNTRY'], 3))[0]?.id).toBe('country:tajikistan');
  });

  it('skips items already stored without fetching them again, and reads Atom', async () => {
    await ingestFeed(services.ingest, `${site.base}/rss.xml`);
    const fetched = site.requests.length;
    const again = await ingestFeed(services.ingest, `${site.base}/rss.xml`);
    expect(again).toMatchObject({ items: 3, known: 2 });
    expect(again.results.map((r) => r.file.replace(site.base, ''))).toEqual(['/news/missing.html']);
    expect(site.requests.slice(fetched).map((r) => r.path)).toEqual(['/rss.xml', '/news/missing.html']);
    const atom = await ingestFeed(services.ingest, `${site.base}/atom.xml`);
    expect(atom).toMatchObject({ title: 'Border Desk', items: 2, known: 1 });
    expect(atom.results).toEqual([expect.objectContaining({ ok: true, file: `${site.base}/go/border-report` })]);
    expect((await repo.countGraph()).articles).toBe(3);
    // Its link redirected: the article is stored under the page's address, and a later poll
    // still knows the link and fetches nothing but the feed.
    expect((await services.graph.articles(10, null)).nodes.map((a) => a.url)).toContain(`${site.base}/news/border-report.html`);
    const seen = site.requests.length;
    expect(await ingestFeed(services.ingest, `${site.base}/atom.xml`)).toMatchObject({ items: 2, known: 2, results: [] });
    expect(site.requests.slice(seen).map((r) => r.path)).toEqual(['/atom.xml']);
  });

  it('sends the validators back and reads nothing when the server answers 304', async () => {
    const first = await ingestFeed(services.ingest, `${site.base}/rss.xml`);
    expect(first.validators).toEqual({ etag: '"rss-v1"', lastModified: 'Wed, 12 Jun 2024 15:00:00 GMT' });
    const before = site.requests.length;
    const second = await ingestFeed(services.ingest, `${site.base}/rss.xml`, { validators: first.validators });
    expect(second).toMatchObject({ notModified: true, results: [], validators: first.validators });
    expect(site.requests.slice(before)).toEqual([{ path: '/rss.xml', headers: expect.objectContaining({ 'if-none-match': '"rss-v1"' }) }]);
  });

  it('refuses a page that is not a feed and a feed that cannot be fetched, naming them', async () => {
    await expect(ingestFeed(services.ingest, `${site.base}/not-a-feed.xml`)).rejects.toThrow(/not-a-feed\.xml is not an RSS or Atom feed/);
    site.failFeed(true);
    await expect(ingestFeed(services.ingest, `${site.base}/rss.xml`)).rejects.toThrow(/rss\.xml: the server answered 500/);
    site.failFeed(false);
    expect((await repo.countGraph()).articles).toBe(0);
  });
});
