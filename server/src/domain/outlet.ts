/**
 * Which outlet published an article: what its independence is counted by. Two articles of one
 * outlet are one source; an article with no outlet known is a source of its own.
 */

/**
 * The outlet's name: the article's source as given ("Associated Press"), else the host of its
 * address without "www." ("apnews.com"), else null. A note in parentheses after the name ("Kabul
 * Now (English edition)", "(an outlet made up for the demo)") is not part of it.
 */
export function outletOf(source: string | null | undefined, url: string | null | undefined): string | null {
  const named = (source ?? '').replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').trim();
  if (named) return named;
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, '');
    return host || null;
  } catch {
    return null;
  }
}

/**
 * The key two articles share when they are one source: the outlet's name folded ("The
 * Associated Press" and "associated press" are one); null for an article with no outlet known,
 * which is a source of its own.
 */
export function outletKey(outlet: string | null): string | null {
  if (!outlet) return null;
  return `outlet:${outlet.normalize('NFKC').toLowerCase().replace(/^the\s+/, '').replace(/[.\s]+/g, ' ').trim()}`;
}
