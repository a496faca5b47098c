import path from 'node:path';
import { openDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openAnnotator } from '../pipeline/annotate/open-annotator.ts';
import { ingestFiles, summarize, type FileOutcome } from '../services/ingest-files.ts';
import { INGEST_USAGE as USAGE, parseIngestArgs } from './ingest-args.ts';
import { createServices } from '../services/create-services.ts';
import { createIngestProgress } from './ingest-progress.ts';
import { AppError, isNotAboutInput } from '../domain/errors.ts';
import { ingestFeed, type FeedRun, type FeedValidators } from '../services/ingest-feed.ts';
import { runCli } from './run-cli.ts';

/** One line per article: what happened to it. */
function outcomeLine(done: number, total: number, r: FileOutcome): string {
  if (!r.ok) return `[${done}/${total}] error: ${r.error}`;
  const name = path.relative(process.cwd(), r.file) || r.file;
  const what = r.outcome.created ? 'stored' : r.outcome.reprocessed ? 're-processed (newer extractor)' : r.outcome.duplicateOf ? `duplicate of “${r.outcome.duplicateOf.title}” (${r.outcome.duplicateOf.id}), not stored` : 'unchanged (already ingested)';
  return `[${done}/${total}] ${name}: ${what} · ${r.outcome.entityCount} entities · ${r.outcome.relationCount} relations · ${r.outcome.article.id}`;
}

/** The lines a feed run prints before its items. */
function feedLine(run: FeedRun): string {
  const at = new Date().toISOString().slice(11, 19);
  if (run.notModified) return `${at} feed ${run.feed}: not modified since the last poll`;
  return `${at} feed ${run.feed} (${run.title ?? 'untitled'}): ${run.items} items, ${run.known} already stored, ${run.results.length} new`;
}

/**
 * Polls `feeds` every `everySeconds` until `stopped()` (Ctrl-C): conditional requests, and after a
 * failed poll a feed waits twice as long each time (at most 8×) before it is tried again.
 */
async function follow(feeds: ReadonlyMap<string, FeedValidators | undefined>, everySeconds: number, stopped: () => boolean, sleep: (ms: number) => Promise<void>, poll: (feed: string, validators: FeedValidators | undefined) => Promise<FeedRun | null>): Promise<void> {
  const state = new Map([...feeds].map(([f, validators]) => [f, { validators, failures: 0, dueAt: Date.now() + everySeconds * 1000 }]));
  while (!stopped()) {
    const due = Math.min(...[...state.values()].map((s) => s.dueAt));
    if (due > Date.now()) {
      await sleep(due - Date.now());
      continue;
    }
    for (const [feed, s] of state) {
      if (stopped() || s.dueAt > Date.now()) continue;
      const run = await poll(feed, s.validators);
      s.failures = run ? 0 : s.failures + 1;
      if (run) s.validators = run.validators;
      s.dueAt = Date.now() + everySeconds * 1000 * Math.min(2 ** s.failures, 8);
    }
  }
}

/** `npm run ingest -- [PATH...] [--feed URL...] [--follow] [--concurrency N]`: stores articles; exits 1 if any was refused. */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.error(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const { paths, feeds, follow: following, everySeconds, concurrency, defaults } = parseIngestArgs(argv);
  if (paths.length === 0 && feeds.length === 0) {
    console.error(`No files, folders or feeds given.\n${USAGE}`);
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
  const results: FileOutcome[] = [];
  let feedErrors = 0;
  let stop = false;
  let wake = (): void => {};
  const onSigint = (): void => {
    stop = true;
    wake();
  };
  // A plain line per item for feeds: their runs are small and, when followed, endless.
  const itemLine = (done: number, total: number, r: FileOutcome): void => (r.ok ? console.log : console.error)(outcomeLine(done, total, r));
  const poll = async (feed: string, validators: FeedValidators | undefined): Promise<FeedRun | null> => {
    try {
      const run = await ingestFeed(services.ingest, feed, { concurrency, validators, onStart: () => {}, onProgress: itemLine });
      console.log(feedLine(run));
      results.push(...run.results);
      return run;
    } catch (err) {
      if (isNotAboutInput(err) || !(err instanceof AppError)) throw err;
      feedErrors++;
      console.error(`error: ${err.message}`);
      return null;
    }
  };
  try {
    if (paths.length > 0) {
      const progress = createIngestProgress();
      const fileResults = await ingestFiles(
        services.ingest,
        paths,
        config.MAX_ARTICLE_BYTES,
        (done, total, r) => progress.done(done, outcomeLine(done, total, r), !r.ok),
        { concurrency, defaults, onStart: (total) => progress.start(total) },
      ).finally(() => progress.stop());
      if (fileResults.length === 0 && feeds.length === 0) {
        console.error(`No .txt or .md articles found in: ${paths.join(', ')}`);
        return 1;
      }
      results.push(...fileResults);
    }
    const first = await Promise.all(feeds.map(async (feed) => [feed, await poll(feed, undefined)] as const));
    if (following) {
      process.on('SIGINT', onSigint);
      console.log(`Following ${feeds.length} feed${feeds.length === 1 ? '' : 's'} every ${everySeconds} s; Ctrl-C stops.`);
      const sleep = (ms: number): Promise<void> =>
        new Promise((r) => {
          const timer = setTimeout(r, ms);
          wake = () => {
            clearTimeout(timer);
            r();
          };
        });
      await follow(new Map(first.map(([feed, run]) => [feed, run?.validators])), everySeconds, () => stop, sleep, poll);
    }
    const s = summarize(results, Date.now() - started);
    console.log(`${results.length - s.refused} ingested, ${s.refused} refused${feeds.length > 0 ? `, ${feedErrors} feed error${feedErrors === 1 ? '' : 's'}` : ''}.`);
    console.log(
      `Done in ${s.seconds.toFixed(1)} s: ${s.stored} stored, ${s.unchanged} unchanged, ${s.reprocessed} re-processed, ${s.refused} refused · ${s.perSecond.toFixed(2)} articles/s (concurrency ${concurrency}).`,
    );
    return s.refused > 0 || feedErrors > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await services.close();
    await db.repo.close();
    await Promise.all([db.local?.stop(), nlp.close()]);
  }
}

runCli(main);
