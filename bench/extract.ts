/**
 * Extraction speed: words/s and articles/s over at least 1M words on one core, against a
 * baseline measured in the same run (sentence splitting + tokenising alone, the floor any
 * extractor over our tokens pays).
 *   npx tsx bench/extract.ts [--words 1000000]
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../server/src/config.ts';
import { extract } from '../server/src/pipeline/extract/extract.ts';
import { defaultLexicon } from '../server/src/pipeline/extract/lexicon.ts';
import { splitSentences, tokenize } from '../server/src/pipeline/extract/tokenize.ts';

const arg = process.argv.indexOf('--words');
const targetWords = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;

function corpusTexts(): string[] {
  const dirs = [path.join(ROOT_DIR, 'data', 'articles'), path.join(ROOT_DIR, 'tests', 'fixtures', 'extraction')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(d, f), 'utf8')));
}

const countWords = (t: string): number => t.split(/\s+/).filter(Boolean).length;
const base = corpusTexts();
const articles: string[] = [];
let words = 0;
for (let i = 0; words < targetWords; i++) {
  // Vary each copy a little so nothing can be memoised by text.
  const text = `${base[i % base.length] ?? ''}\n\nFile ${i}.`;
  articles.push(text);
  words += countWords(text);
}

const t0 = performance.now();
defaultLexicon();
const lexiconMs = performance.now() - t0;

function time(label: string, fn: (text: string) => unknown): number {
  fn(articles[0] ?? ''); // warm up
  const start = performance.now();
  let sink = 0;
  for (const a of articles) sink += fn(a) ? 1 : 0;
  const s = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(28)} ${(words / s).toFixed(0).padStart(9)} words/s  ${(articles.length / s).toFixed(0).padStart(7)} articles/s  ${s.toFixed(2)} s  (${sink} runs)`);
  return words / s;
}

console.log(`corpus: ${articles.length} articles, ${words} words · ${os.cpus()[0]?.model ?? 'cpu'} · node ${process.version}`);
console.log(`lexicon load (once): ${lexiconMs.toFixed(0)} ms`);
const floor = time('baseline: split + tokenize', (t) => splitSentences(t).map((s) => tokenize(t.slice(s.start, s.end), s.start)).length);
const ours = time('extract (full pipeline)', (t) => extract({ text: t, publishedAt: '2024-06-12T00:00:00.000Z' }).entities.length);
console.log(`extract / baseline speed: ${(ours / floor).toFixed(2)}`);
