import { parseFeed } from '@rowanmanning/feed-parser';
import { badInput } from '../domain/errors.ts';

/** One item of a feed, as ingest needs it: the page to fetch and what the feed says about it. */
export interface FeedEntry {
  url: string;
  title: string | null;
  /** ISO date the feed gives for the item (published, else updated), or null. */
  publishedAt: string | null;
}

/** A parsed feed: its name (the source of its articles) and its items that link to a page. */
export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom document with @rowanmanning/feed-parser (lenient with
 * real feeds; relative links resolved against the feed). Items without an http(s) link are left
 * out; a document that is not a feed is refused, naming `feedUrl`.
 */
export function readFeed(xml: string, feedUrl: string): ParsedFeed {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw badInput(`${feedUrl} is not an RSS or Atom feed (${why}).`);
  }
  const entries: FeedEntry[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    if (!item.url?.trim()) continue;
    let url: URL;
    try {
      url = new URL(item.url, feedUrl);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || seen.has(url.href)) continue;
    seen.add(url.href);
    const date = item.published ?? item.updated;
    entries.push({ url: url.href, title: item.title?.trim() || null, publishedAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null });
  }
  return { title: feed.title?.trim() || null, entries };
}
