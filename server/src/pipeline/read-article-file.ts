import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput } from '../domain/types.ts';
import { badInput } from '../domain/errors.ts';
import { splitFrontMatter } from './front-matter.ts';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

/**
 * Reads one article file (.txt or .md, first line is the title) as strict UTF-8; a YAML
 * front-matter block gives its title, source, URL and publication date (see `splitFrontMatter`).
 * A file that is not valid UTF-8 or holds NUL bytes is refused as binary.
 */
export async function readArticleFile(file: string, maxBytes: number): Promise<ArticleInput> {
  const info = await stat(file).catch(() => {
    throw badInput(`${file}: no such file.`);
  });
  if (!info.isFile()) throw badInput(`${file}: not a regular file.`);
  if (info.size > maxBytes) {
    throw badInput(`${file}: ${info.size} bytes, over the ${maxBytes}-byte limit (MAX_ARTICLE_BYTES).`);
  }
  const bytes = await readFile(file);
  if (bytes.includes(0)) throw badInput(`${file}: looks binary (contains NUL bytes); articles must be UTF-8 text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badInput(`${file}: is not valid UTF-8 text.`);
  }
  const { fields, body } = splitFrontMatter(text, file);
  return { ...fields, text: body };
}

/**
 * Expands files and folders into the sorted list of article files they hold.
 * Folders are walked recursively; only .txt and .md files are taken from them.
 */
export async function listArticleFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info === null) throw badInput(`${p}: no such file or folder.`);
    if (info.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && ARTICLE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      out.push(...files);
    } else {
      out.push(p);
    }
  }
  return out;
}
