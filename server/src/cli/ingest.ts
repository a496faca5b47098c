import path from 'node:path';
import { openDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openAnnotator } from '../pipeline/annotate/open-annotator.ts';
import { ingestFiles, summarize, type FileOutcome } from '../services/ingest-files.ts';
import { INGEST_USAGE as USAGE, parseIngestArgs } from './ingest-args.ts';
import { createServices } from '../services/create-services.ts';
import { createIngestProgress } from './ingest-progress.ts';
import { runCli } from './run-cli.ts';

/** One line per article: what happened to it. */
function outcomeLine(done: number, total: number, r: FileOutcome): string {
  if (!r.ok) return `[${done}/${total}] error: ${r.error}`;
  const name = path.relative(process.cwd(), r.file) || r.file;
  const what = r.outcome.created ? 'stored' : r.outcome.reprocessed ? 're-processed (newer extractor)' : 'unchanged (already ingested)';
  return `[${done}/${total}] ${name}: ${what} · ${r.outcome.entityCount} entities · ${r.outcome.relationCount} relations · ${r.outcome.article.id}`;
}

/** `npm run ingest -- PATH... [--concurrency N]`: stores articles; exits 1 if any was refused. */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.error(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const { paths, concurrency } = parseIngestArgs(argv);
  if (paths.length === 0) {
    console.error(`No files or folders given.\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const log = (line: string): void => console.error(line);
  // Neo4j and CoreNLP start side by side.
  const [dbResult, nlpResult] = await Promise.allSettled([openDatabase(config, log), openAnnotator(config, log)]);
  if (dbResult.status === 'rejected' || nlpResult.status === 'rejected') {
    // Whichever did start is stopped before the error is reported.
    if (dbResult.status === 'fulfilled') await Promise.all([dbResult.value.repo.close(), dbResult.value.local?.stop()]);
    if (nlpResult.status === 'fulfilled') await nlpResult.value.close();
    throw dbResult.status === 'rejected' ? dbResult.reason : (nlpResult as PromiseRejectedResult).reason;
  }
  const db = dbResult.value;
  const nlp = nlpResult.value;
  // The same services as the server: curation (merges) applies to what the CLI brings in.
  const services = createServices(db.repo, config, nlp.annotator);
  const started = Date.now();
  const progress = createIngestProgress();
  try {
    const results = await ingestFiles(
      services.ingest,
      paths,
      config.MAX_ARTICLE_BYTES,
      (done, total, r) => progress.done(done, outcomeLine(done, total, r), !r.ok),
      { concurrency, onStart: (total) => progress.start(total) },
    ).finally(() => progress.stop());
    if (results.length === 0) {
      console.error(`No .txt or .md articles found in: ${paths.join(', ')}`);
      return 1;
    }
    const s = summarize(results, Date.now() - started);
    console.log(`${results.length - s.refused} ingested, ${s.refused} refused.`);
    console.log(
      `Done in ${s.seconds.toFixed(1)} s: ${s.stored} stored, ${s.unchanged} unchanged, ${s.reprocessed} re-processed, ${s.refused} refused · ${s.perSecond.toFixed(2)} articles/s (concurrency ${concurrency}).`,
    );
    return s.refused > 0 ? 1 : 0;
  } finally {
    await services.close();
    await db.repo.close();
    await Promise.all([db.local?.stop(), nlp.close()]);
  }
}

runCli(main);
