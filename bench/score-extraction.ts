/**
 * Scores the extractor on every gold file in tests/fixtures/extraction (and on the seed
 * article when ../shared is present) and prints a Markdown table for docs/extraction.md.
 *   npx tsx bench/score-extraction.ts [--verbose]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, ROOT_DIR } from '../server/src/config.ts';
import type { Annotator } from '../server/src/pipeline/annotate/annotation.ts';
import { openAnnotator } from '../server/src/pipeline/annotate/open-annotator.ts';
import { extract } from '../server/src/pipeline/extract/extract.ts';
import { toEvalJson } from '../server/src/pipeline/extract/to-eval-json.ts';
import { prepareArticle } from '../server/src/pipeline/prepare-article.ts';
import { scoreExtraction, type Gold, type Score } from '../tests/helpers/score-extraction.ts';

/** Article text and gold file pairs to score. */
export function goldCases(): Array<{ name: string; text: string; gold: Gold }> {
  const dir = path.join(ROOT_DIR, 'tests', 'fixtures', 'extraction');
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.gold\.json$/, '.txt'),
      text: readFileSync(path.join(dir, f.replace(/\.gold\.json$/, '.txt')), 'utf8'),
      gold: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Gold,
    }));
  const shared = path.join(ROOT_DIR, '..', 'shared');
  if (existsSync(path.join(shared, 'eval', 'seed-gold.json'))) {
    cases.unshift({
      name: 'seed (../shared)',
      text: readFileSync(path.join(shared, 'seeds', '000_80a1eec3beda30c1.txt'), 'utf8'),
      gold: JSON.parse(readFileSync(path.join(shared, 'eval', 'seed-gold.json'), 'utf8')) as Gold,
    });
  }
  return cases;
}

/** Annotates, extracts and scores one article text. */
export async function scoreText(text: string, gold: Gold, annotator: Annotator): Promise<Score> {
  const article = prepareArticle({ text }, { maxBytes: 2_000_000 });
  return scoreExtraction(gold, toEvalJson(extract(article, await annotator.annotate(article.text))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  const f = (x: number): string => x.toFixed(2);
  console.log('| article | entities P | entities R | entities F1 | relations R | events P | events R | events F1 |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const config = loadConfig();
  const nlp = await openAnnotator(config, (line) => console.error(line));
  for (const c of goldCases()) {
    const s = await scoreText(c.text, c.gold, nlp.annotator);
    console.log(`| ${c.name} | ${f(s.entities.p)} | ${f(s.entities.r)} | ${f(s.entities.f1)} | ${f(s.relations.recall)} | ${f(s.events.p)} | ${f(s.events.r)} | ${f(s.events.f1)} |`);
    if (verbose) console.error(JSON.stringify({ article: c.name, ...s }, null, 2));
  }
  await nlp.close();
}
