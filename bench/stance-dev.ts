/**
 * Measures stance on hand-labelled evidence from the real dev articles (../shared/eval/dev): the
 * labels (tests/fixtures/stance/dev-labels.json) name each piece of evidence by article, offset,
 * relation type and the names at its ends; the sentences themselves stay in ../shared.
 *   npx tsx bench/stance-dev.ts           accuracy and confusion matrix (Markdown, for docs/stance.md)
 *   npx tsx bench/stance-dev.ts --sample  the evidence to label, without the extractor's stance
 *   npx tsx bench/stance-dev.ts --errors  each label the extractor disagrees with, with its sentence
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { loadConfig, ROOT_DIR } from '../server/src/config.ts';
import { STANCES, type Stance } from '../server/src/domain/types.ts';
import type { Annotator } from '../server/src/pipeline/annotate/annotation.ts';
import { openAnnotator } from '../server/src/pipeline/annotate/open-annotator.ts';
import { extract } from '../server/src/pipeline/extract/extract.ts';
import { prepareArticle } from '../server/src/pipeline/prepare-article.ts';

/** Where the dev articles are, when ../shared is present. */
export const DEV_DIR = path.join(ROOT_DIR, '..', 'shared', 'eval', 'dev', 'articles');
/** The labels file. */
export const LABELS_FILE = path.join(ROOT_DIR, 'tests', 'fixtures', 'stance', 'dev-labels.json');

/** One piece of evidence as the extractor read it. */
export interface DevEvidence {
  article: string;
  start: number;
  type: string;
  source: string;
  target: string;
  sentence: string;
  stance: Stance;
  rules: string[];
}

/** A hand label. */
export interface StanceLabel {
  article: string;
  start: number;
  type: string;
  source: string;
  target: string;
  stance: Stance;
}

const keyOf = (x: Pick<StanceLabel, 'article' | 'start' | 'type' | 'source' | 'target'>): string => `${x.article}|${x.start}|${x.type}|${x.source}|${x.target}`;

/** Extracts every dev article and lists each relation's evidence with its stance. */
export async function devEvidence(annotator: Annotator): Promise<DevEvidence[]> {
  const files = readdirSync(DEV_DIR).filter((f) => f.endsWith('.txt')).sort();
  const out: DevEvidence[] = [];
  for (const file of files) {
    const article = prepareArticle({ text: readFileSync(path.join(DEV_DIR, file), 'utf8') }, { maxBytes: 2_000_000 });
    const x = extract(article, await annotator.annotate(article.text));
    const name = (key: string): string => x.entities.find((e) => e.key === key)?.name ?? x.events.find((e) => e.key === key)?.name ?? key;
    for (const r of x.relations) {
      out.push({ article: file, start: r.evidence.start, type: r.type, source: name(r.source), target: name(r.target), sentence: r.evidence.sentence, stance: r.evidence.stance, rules: r.evidence.stanceRules });
    }
  }
  return out;
}

/** Accuracy and confusion matrix (rows: label, columns: extractor) of the labelled evidence found again. */
export function scoreStance(labels: readonly StanceLabel[], found: readonly DevEvidence[]): { accuracy: number; n: number; missing: number; matrix: Record<Stance, Record<Stance, number>>; errors: Array<StanceLabel & { got: DevEvidence }> } {
  const byKey = new Map(found.map((f) => [keyOf(f), f]));
  const matrix = Object.fromEntries(STANCES.map((a) => [a, Object.fromEntries(STANCES.map((b) => [b, 0]))])) as Record<Stance, Record<Stance, number>>;
  let right = 0;
  let n = 0;
  let missing = 0;
  const errors: Array<StanceLabel & { got: DevEvidence }> = [];
  for (const l of labels) {
    const got = byKey.get(keyOf(l));
    if (!got) {
      missing++;
      continue;
    }
    n++;
    matrix[l.stance][got.stance]++;
    if (got.stance === l.stance) right++;
    else errors.push({ ...l, got });
  }
  return { accuracy: n ? right / n : 0, n, missing, matrix, errors };
}

/** A deterministic sample for labelling: one piece of evidence per sentence, hedged wording over-represented. */
function sample(all: readonly DevEvidence[], size: number): DevEvidence[] {
  const hash = (s: string): string => createHash('sha256').update(s).digest('hex');
  const bySentence = new Map<string, DevEvidence[]>();
  for (const e of all) {
    const k = `${e.article}|${e.start}`;
    bySentence.set(k, [...(bySentence.get(k) ?? []), e]);
  }
  // (Wording, not the extractor's reading, decides what is over-represented.)
  const hedged = /\b(?:alleg|accus|suspect|charg|indict|deni|deny|disput|reject|may|might|could|reportedly|possibl|whether|according|said|says|told|not|no|never|believ|claim)/i;
  const picks = [...bySentence.values()].map((list) => [...list].sort((a, b) => hash(keyOf(a)).localeCompare(hash(keyOf(b))))[0] as DevEvidence);
  const ranked = picks.sort((a, b) => Number(hedged.test(b.sentence)) - Number(hedged.test(a.sentence)) || hash(keyOf(a)).localeCompare(hash(keyOf(b))));
  const hedgedPart = ranked.filter((e) => hedged.test(e.sentence)).slice(0, Math.ceil(size * 0.6));
  const rest = ranked.filter((e) => !hedgedPart.includes(e)).sort((a, b) => hash(keyOf(a)).localeCompare(hash(keyOf(b)))).slice(0, size - hedgedPart.length);
  return [...hedgedPart, ...rest].sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(DEV_DIR)) throw new Error(`The dev articles are not at ${DEV_DIR}`);
  const nlp = await openAnnotator(loadConfig(), (line) => console.error(line));
  const found = await devEvidence(nlp.annotator);
  await nlp.close();
  if (process.argv.includes('--sample')) {
    for (const e of sample(found, 130)) console.log(JSON.stringify({ article: e.article, start: e.start, type: e.type, source: e.source, target: e.target, sentence: e.sentence }));
  } else {
    const labels = (JSON.parse(readFileSync(LABELS_FILE, 'utf8')) as { labels: StanceLabel[] }).labels;
    const s = scoreStance(labels, found);
    console.log(`Accuracy ${s.accuracy.toFixed(3)} on ${s.n} labelled pieces of evidence (${s.missing} no longer extracted).\n`);
    console.log(`| label \\ read | ${STANCES.join(' | ')} |`);
    console.log(`| --- |${STANCES.map(() => ' ---: |').join('')}`);
    for (const a of STANCES) console.log(`| ${a} | ${STANCES.map((b) => s.matrix[a][b]).join(' | ')} |`);
    if (process.argv.includes('--errors')) for (const e of s.errors) console.error(`${e.stance} read as ${e.got.stance} [${e.got.rules.join(',')}] ${e.type} ${e.source} → ${e.target}\n   ${e.got.sentence}`);
  }
}
