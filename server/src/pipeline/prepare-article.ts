import { createHash } from 'node:crypto';
import type { Article, ArticleInput } from '../domain/types.ts';
import { cleanField, cleanLine, cleanText, FIELD_LIMITS } from '../domain/clean-text.ts';
import { badInput } from '../domain/errors.ts';
import { fingerprint } from './fingerprint.ts';
import { outletOf } from '../domain/outlet.ts';

/** Limits applied to every article before extraction. */
export interface ArticleLimits {
  maxBytes: number;
}


/**
 * Validates an article and gives it its id: a hash of the normalised text, so the same
 * text submitted twice (even with other whitespace or line endings) is the same article.
 * Refuses empty, binary-looking and oversized text with a message that names the problem.
 */
export function prepareArticle(input: ArticleInput, limits: ArticleLimits): Article {
  const raw = input.text ?? '';
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > limits.maxBytes) {
    throw badInput(
      `Article text is ${formatBytes(bytes)}, over the ${formatBytes(limits.maxBytes)} limit (MAX_ARTICLE_BYTES).`,
    );
  }
  if (looksBinary(raw)) {
    throw badInput('Article text looks binary (it contains NUL or control bytes); send plain UTF-8 text.');
  }
  const text = normaliseText(cleanText(raw));
  if (text.length === 0) throw badInput('Article text is empty.');

  // A title given is checked against its cap; one taken from the first line is shortened to fit.
  const given = cleanField(input.title ?? '', 'title');
  const derived = cleanLine(firstLine(text));
  const title = given || (derived.length > FIELD_LIMITS.title ? `${derived.slice(0, FIELD_LIMITS.title - 1)}…` : derived);
  const url = emptyToNull(cleanField(input.url ?? '', 'url'));
  const source = emptyToNull(cleanField(input.source ?? '', 'source'));
  return {
    id: articleId(text),
    title,
    text,
    url,
    ...(input.linkUrl ? { linkUrl: emptyToNull(cleanField(input.linkUrl, 'url')) } : {}),
    source,
    outlet: outletOf(source, url, text),
    publishedAt: normaliseDate(input.publishedAt),
    fingerprint: fingerprint(text),
  };
}

/** Line endings unified, BOM dropped, Unicode composed, outer blank space trimmed. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** The article id: the first 128 bits of SHA-256 over the text with whitespace folded. */
export function articleId(text: string): string {
  const canonical = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return `art_${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let odd = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.05;
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim().replace(/^#+\s*/, '');
}

function emptyToNull(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  return v.length > 0 ? v : null;
}

/** ISO 8601: a calendar date, optionally with a time and a zone (Z or ±hh:mm; none means UTC). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The earliest publication date accepted. */
export const EARLIEST_DATE = '1900-01-01';

/**
 * The instant an ISO 8601 date names (ms since 1970), or a BAD_USER_INPUT naming `field`:
 * a calendar date with optional time and zone only (no "June 5", no extended years such as
 * +099999), and a real calendar day.
 */
export function parseIsoDate(value: string, field: string): number {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  const m = ISO_DATE.exec(value);
  if (!m) throw badInput(`${field} "${shown}" is not an ISO 8601 date (e.g. 2024-06-12 or 2024-06-12T09:30:00Z).`);
  const [, y, mo, d, h, mi, , zone] = m;
  const spelled = value.replace(' ', 'T');
  const t = Date.parse(h === undefined ? `${y}-${mo}-${d}T00:00:00Z` : zone ? spelled : `${spelled}Z`);
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number.isNaN(t) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d) || Number(h ?? 0) > 23 || Number(mi ?? 0) > 59) {
    throw badInput(`${field} "${shown}" is not a real date.`);
  }
  return t;
}

/** A publication date checked (ISO 8601, from 1900 to one year from now) and normalised to an ISO instant. */
export function normaliseDate(value: string | null | undefined, field = 'publishedAt', now: Date = new Date()): string | null {
  const v = emptyToNull(value);
  if (v === null) return null;
  const t = parseIsoDate(v, field);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  if (t < Date.parse(`${EARLIEST_DATE}T00:00:00Z`) || t > latest.getTime()) {
    throw badInput(`${field} "${v.slice(0, 40)}" is out of range: dates from ${EARLIEST_DATE} to one year from today are accepted.`);
  }
  return new Date(t).toISOString();
}

function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(n % 1000 === 0 ? 0 : 1)} kB`;
  return `${n} bytes`;
}
