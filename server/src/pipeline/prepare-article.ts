import { createHash } from 'node:crypto';
import type { Article, ArticleInput } from '../domain/types.ts';
import { badInput } from '../domain/errors.ts';

/** Limits applied to every article before extraction. */
export interface ArticleLimits {
  maxBytes: number;
}

const MAX_TITLE_CHARS = 500;

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
  const text = normaliseText(raw);
  if (text.length === 0) throw badInput('Article text is empty.');

  const title = (input.title ?? '').trim() || firstLine(text);
  return {
    id: articleId(text),
    title: title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title,
    text,
    url: emptyToNull(input.url),
    source: emptyToNull(input.source),
    publishedAt: normaliseDate(input.publishedAt),
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

function normaliseDate(value: string | null | undefined): string | null {
  const v = emptyToNull(value);
  if (v === null) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw badInput(`publishedAt "${v}" is not a date (use ISO 8601, e.g. 2024-06-12).`);
  return new Date(t).toISOString();
}

function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(n % 1000 === 0 ? 0 : 1)} kB`;
  return `${n} bytes`;
}
