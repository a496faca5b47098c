/**
 * How many event nodes a corpus yields with events resolved across articles and without (one
 * node per report), and every merge with its sentences, for checking by hand (docs/events.md).
 *   npx tsx bench/event-resolution.ts FOLDER...       counts, then each merged event and its reports
 *   npx tsx bench/event-resolution.ts --quiet FOLDER  counts only
 * Articles are read in name order and resolved as one write would resolve them (resolve-events,
 * the rules of event-match-rules); CORENLP_URL selects the annotator as for the server.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import type { GraphBatch } from '../server/src/domain/types.ts';
import { openAnnotator } from '../server/src/pipeline/annotate/open-annotator.ts';
import { prepareArticle } from '../server/src/pipeline/prepare-article.ts';
import { readArticleFile } from '../server/src/pipeline/read-article-file.ts';
import { resolveEvents } from '../server/src/pipeline/resolve-events.ts';
import { extractInProcess } from '../server/src/services/ingest-service.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const folders = args.filter((a) => !a.startsWith('--'));
if (folders.length === 0) {
  console.error('usage: npx tsx bench/event-resolution.ts [--quiet] FOLDER...');
  process.exit(2);
}
const nlp = await openAnnotator(loadConfig(), (line) => console.error(line));
try {
  const batches: GraphBatch[] = [];
  const names = new Map<string, string>();
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
      const article = prepareArticle(await readArticleFile(path.join(folder, file), 5_000_000), { maxBytes: 5_000_000 });
      names.set(article.id, file);
      batches.push(await extractInProcess(article, await nlp.annotator.annotate(article.text)));
    }
  }
  const before = batches.reduce((n, b) => n + b.entities.filter((e) => e.type === 'EVENT').length, 0);
  const { batches: resolved, joins } = resolveEvents(batches, []);
  const after = new Set(resolved.flatMap((b) => b.entities.filter((e) => e.type === 'EVENT').map((e) => e.id)));
  console.log(`${batches.length} articles · event nodes: ${before} one per report → ${after.size} resolved (${before - after.size} reports joined another's event)`);
  if (quiet) process.exit(0);
  // Each event told by more than one report: its reports, sentence by sentence.
  const reports = new Map<string, string[]>();
  for (const original of batches) {
    for (const e of original.entities.filter((x) => x.type === 'EVENT')) {
      const join = joins.find((j) => j.articleId === original.article.id && j.reportId === e.id);
      const into = join?.eventId ?? e.id;
      const sentence = original.relations.find((r) => r.target === e.id)?.evidence[0]?.sentence ?? '';
      const line = `  ${names.get(original.article.id)} · ${e.eventType} ${e.date ?? ''} · ${join ? join.rules.join(', ') : 'first report'}\n    ${sentence.replace(/\s+/g, ' ').slice(0, 220)}`;
      reports.set(into, [...(reports.get(into) ?? []), line]);
    }
  }
  let n = 0;
  for (const [id, lines] of reports) {
    if (lines.length < 2) continue;
    console.log(`\n#${++n} ${id} (${lines.length} reports)\n${lines.join('\n')}`);
  }
} finally {
  await nlp.close();
}
