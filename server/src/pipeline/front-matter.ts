import { parseDocument } from 'yaml';
import type { ArticleInput } from '../domain/types.ts';
import { badInput } from '../domain/errors.ts';

/** The article fields a front-matter block may give, and the keys each is read from (first wins). */
const KEYS: Record<'title' | 'source' | 'url' | 'publishedAt', readonly string[]> = {
  title: ['title', 'headline'],
  source: ['source', 'outlet', 'publisher'],
  url: ['url', 'link'],
  publishedAt: ['published', 'publishedAt', 'published_at', 'date'],
};

/** The fields of a file's front matter and the article text after it. */
export interface FrontMatter {
  fields: Pick<ArticleInput, 'title' | 'source' | 'url' | 'publishedAt'>;
  body: string;
}

const BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits a YAML front-matter block (`---` on the first line, `---` or `...` closing it), as
 * static-site generators and note tools write it, off an article file. Known keys (title, source,
 * url, published and their usual synonyms) become article fields; other keys are ignored.
 * Without a block the text is returned whole. Invalid YAML, or a known key that is not a single
 * value, is refused naming `name` and the problem.
 */
export function splitFrontMatter(text: string, name: string): FrontMatter {
  const m = BLOCK.exec(text);
  if (!m) return { fields: {}, body: text };
  const doc = parseDocument(m[1] ?? '', { schema: 'core', uniqueKeys: true });
  const error = doc.errors[0];
  if (error) throw badInput(`${name}: the front matter is not valid YAML (${error.message.split('\n')[0]}).`);
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { fields: {}, body: text.slice(m[0].length) };
  if (typeof data !== 'object' || Array.isArray(data)) throw badInput(`${name}: the front matter must be "key: value" lines.`);
  const record = data as Record<string, unknown>;
  const fields: FrontMatter['fields'] = {};
  for (const [field, keys] of Object.entries(KEYS) as Array<[keyof typeof KEYS, readonly string[]]>) {
    const key = keys.find((k) => record[k] !== undefined && record[k] !== null);
    if (key === undefined) continue;
    const value = record[key];
    if (typeof value !== 'string' && typeof value !== 'number') throw badInput(`${name}: front-matter "${key}" must be a single value.`);
    fields[field] = String(value);
  }
  return { fields, body: text.slice(m[0].length) };
}
