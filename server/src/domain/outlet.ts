/**
 * Which outlet published an article: what its independence is counted by. Two articles of one
 * outlet are one source; an article with no outlet known is a source of its own.
 */

/** Wire services as datelines credit them ("WASHINGTON (AP) —", "LONDON, March 29. /TASS/."). */
const WIRE_NAMES: Readonly<Record<string, string>> = {
  AP: 'Associated Press', AFP: 'Agence France-Presse', UPI: 'United Press International', DPA: 'dpa', ANI: 'ANI',
  PTI: 'Press Trust of India', IANS: 'IANS', TASS: 'TASS', XINHUA: 'Xinhua', EFE: 'EFE', ANSA: 'ANSA', REUTERS: 'Reuters', CNN: 'CNN',
};

/** Words that make a byline's tail a job, not an outlet ("By Ann Lee, Staff Writer"). */
const NOT_AN_OUTLET = /\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|senior|special|chief|bureau|and)\b/i;

/**
 * The outlet a text credits in its first lines: a wire dateline ("WASHINGTON (AP) —",
 * "LONDON, March 29. /TASS/.") or a byline naming one ("By Josh Campbell, CNN"; "By A. Writer |
 * Reuters"). Null when it credits none.
 */
export function creditedOutlet(text: string): string | null {
  const head = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 8);
  for (const line of head) {
    const wire = /^(?:[\p{Lu}][\p{Lu}\p{M} .,'-]*(?:,[^()]{0,30})?\s*)?[(/]([A-Za-z]{2,8})[)/]\s*\.?\s*(?:[—–-]|$|[A-Z])/u.exec(line);
    const code = wire?.[1]?.toUpperCase();
    if (code && WIRE_NAMES[code]) return WIRE_NAMES[code] ?? null;
    const byline = /^By\s+[^,|\n]{3,60}?\s*[,|]\s*((?:The\s+)?[\p{Lu}][\p{L}&.'-]*(?:\s+[\p{Lu}&][\p{L}&.'-]*){0,4})\s*$/u.exec(line);
    if (byline?.[1] && !NOT_AN_OUTLET.test(byline[1])) return byline[1];
  }
  return null;
}

/**
 * The outlet's name: the article's source as given ("Associated Press"), else the outlet its
 * text credits in a dateline or byline ("(AP) —", "By …, Reuters"), else the host of its address
 * without "www." ("apnews.com"), else null. A note in parentheses after the name ("Kabul Now
 * (English edition)", "(an outlet made up for the demo)") is not part of it. A wire's credit
 * goes before the host because a wire story on a site is the wire's report, not the site's.
 */
export function outletOf(source: string | null | undefined, url: string | null | undefined, text = ''): string | null {
  const named = (source ?? '').replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').trim();
  if (named) return named;
  const credited = creditedOutlet(text);
  if (credited) return credited;
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
