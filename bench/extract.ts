/**
 * Extraction speed against CoreNLP's own annotation time for the same articles in the same run:
 * CoreNLP alone (the annotate stage: one HTTP request per article, sequential, so one article
 * at a time), then our stages on top (extract + resolve on the annotations already made), and
 * the whole (annotate + extract + resolve). Words/s, warm: each pass runs after a warm-up pass.
 *   npx tsx bench/extract.ts [--words 100000]
 * Uses CORENLP_URL, or starts the local CoreNLP (its start-up time and heap are printed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, ROOT_DIR } from '../server/src/config.ts';
import type { Annotation } from '../server/src/pipeline/annotate/annotation.ts';
import { CORENLP_PROPERTIES } from '../server/src/pipeline/annotate/corenlp-settings.ts';
import { openAnnotator } from '../server/src/pipeline/annotate/open-annotator.ts';
import { extract } from '../server/src/pipeline/extract/extract.ts';
import { prepareArticle } from '../server/src/pipeline/prepare-article.ts';
import { resolve } from '../server/src/pipeline/resolve.ts';
import { splitFrontMatter } from '../server/src/pipeline/front-matter.ts';

const arg = process.argv.indexOf('--words');
const targetWords = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

function corpusTexts(): string[] {
  const dirs = [path.join(ROOT_DIR, 'data', 'articles'), path.join(ROOT_DIR, 'tests', 'fixtures', 'extraction')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => splitFrontMatter(readFileSync(path.join(d, f), 'utf8'), f).body));
}

const countWords = (t: string): number => t.split(/\s+/).filter(Boolean).length;
const base = corpusTexts();
const texts: string[] = [];
let words = 0;
for (let i = 0; words < targetWords; i++) {
  // Vary each copy a little so nothing can be memoised by text.
  const text = `${base[i % base.length] ?? ''}\n\nFile ${i}.`;
  texts.push(text);
  words += countWords(text);
}
const articles = texts.map((text) => prepareArticle({ text, publishedAt: '2024-06-12' }, { maxBytes: 2_000_000 }));

const config = loadConfig();
const started = performance.now();
const nlp = await openAnnotator(config, (line) => console.log(line));
const startup = (performance.now() - started) / 1000;
const rate = (s: number): string => `${(words / s).toFixed(0).padStart(7)} words/s  ${s.toFixed(2).padStart(7)} s`;

try {
  console.log(`corpus: ${articles.length} articles, ${words} words · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} · node ${process.version}`);
  console.log(`CoreNLP: ${nlp.url} · ${nlp.local ? `local, started in ${startup.toFixed(1)} s, heap ${config.CORENLP_HEAP}` : 'CORENLP_URL'} · annotators ${CORENLP_PROPERTIES.annotators ?? ''}`);
  // Warm-up: the JIT and the models' caches.
  for (const a of articles.slice(0, 20)) await nlp.annotator.annotate(a.text);

  let t = performance.now();
  const annotations: Annotation[] = [];
  for (const a of articles) annotations.push(await nlp.annotator.annotate(a.text));
  const corenlp = (performance.now() - t) / 1000;

  articles.slice(0, 20).forEach((a, i) => resolve(a, extract(a, annotations[i] as Annotation)));
  t = performance.now();
  let sink = 0;
  articles.forEach((a, i) => (sink += resolve(a, extract(a, annotations[i] as Annotation)).entities.length));
  const ours = (performance.now() - t) / 1000;

  console.log(`CoreNLP alone (annotate)        ${rate(corenlp)}`);
  console.log(`our stages (extract + resolve)  ${rate(ours)}  (${sink} entities)`);
  console.log(`whole (annotate + ours)         ${rate(corenlp + ours)}`);
  console.log(`our stages add ${((ours / corenlp) * 100).toFixed(1)}% to CoreNLP's time`);
  const mem = process.memoryUsage();
  console.log(`node heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
} finally {
  await nlp.close();
}
