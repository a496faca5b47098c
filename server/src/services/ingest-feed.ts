import { badInput } from '../domain/errors.ts';
import { fetchUrl } from '../pipeline/fetch-url.ts';
import { readFeed } from '../pipeline/read-feed.ts';
import { ingestEach, type FileOutcome, type IngestFilesOptions } from './ingest-files.ts';
import type { IngestService } from './ingest-service.ts';

/** What a feed's server said last time, for a conditional request (ETag / Last-Modified). */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

/** What reading one feed did. */
export interface FeedRun {
  feed: string;
  /** The feed's own title (the source its articles are recorded under), when it has one. */
  title: string | null;
  /** True when the server said nothing changed since `validators` (HTTP 304): nothing was read. */
  notModified: boolean;
  /** Items the feed lists that link to a page. */
  items: number;
  /** Items left alone because an article is already stored under their URL. */
  known: number;
  /** New items not read because of `maxItems`: left for the next call. */
  remaining: number;
  /** One outcome per item that was new, in feed order. */
  results: FileOutcome[];
  /** What to send next time. */
  validators: FeedValidators;
}

/** The host of a URL without "www.", as the source of a feed with no title. */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * Reads an RSS or Atom feed and ingests each item it has not seen: the feed is fetched through the
 * SSRF-safe fetcher (conditionally, when `validators` are given), each new item's page fetched and
 * reduced to its text by Readability, with the feed's title as its source and the item's title and
 * date. Items already stored under their URL are skipped without a fetch. A feed that cannot be
 * fetched or is not a feed is a BAD_USER_INPUT error naming it; an item whose page cannot be read
 * is reported in `results` and the others go on (`ingestEach`: batched writes, concurrency).
 */
export async function ingestFeed(
  service: Pick<IngestService, 'prepare' | 'store' | 'storedUrls' | 'fetchPolicy'>,
  feedUrl: string,
  options: IngestFilesOptions & { validators?: FeedValidators; maxItems?: number; onProgress?: (done: number, total: number, result: FileOutcome) => void } = {},
): Promise<FeedRun> {
  const page = await fetchUrl(feedUrl, service.fetchPolicy, { kind: 'feed', etag: options.validators?.etag, lastModified: options.validators?.lastModified });
  const validators = { etag: page.etag, lastModified: page.lastModified };
  if (page.notModified) return { feed: feedUrl, title: null, notModified: true, items: 0, known: 0, remaining: 0, results: [], validators };
  const feed = readFeed(page.body, page.url);
  if (feed.entries.length === 0 && !/<(rss|feed|rdf:RDF)\b/i.test(page.body)) throw badInput(`${feedUrl} is not an RSS or Atom feed.`);
  const stored = await service.storedUrls(feed.entries.map((e) => e.url));
  const unseen = feed.entries.filter((e) => !stored.has(e.url));
  const fresh = unseen.slice(0, options.maxItems ?? unseen.length);
  const byUrl = new Map(fresh.map((e) => [e.url, e]));
  const source = feed.title ?? hostOf(page.url);
  const results = await ingestEach(
    service,
    fresh.map((e) => e.url),
    async (url) => {
      const entry = byUrl.get(url);
      return { url, title: entry?.title ?? null, source, publishedAt: entry?.publishedAt ?? null };
    },
    options.onProgress,
    options,
  );
  return { feed: feedUrl, title: feed.title, notModified: false, items: feed.entries.length, known: feed.entries.length - unseen.length, remaining: unseen.length - fresh.length, results, validators };
}
