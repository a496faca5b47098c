import { AppError, isNotAboutInput, isOutage } from '../domain/errors.ts';
import { listArticleFiles, readArticleFile } from '../pipeline/read-article-file.ts';
import type { ArticleInput, GraphBatch } from '../domain/types.ts';
import { BatchWriter } from './batch-writer.ts';
import type { IngestInput, IngestOutcome, IngestService } from './ingest-service.ts';

/** The result of ingesting one file (`file`: its path; for a feed's item, the item's URL). */
export type FileOutcome = { file: string; ok: true; outcome: IngestOutcome } | { file: string; ok: false; error: string };

/** Most articles a run works on at once: each holds a CoreNLP request and a Neo4j transaction. */
export const MAX_CONCURRENCY = 32;

/** Most articles written in one transaction by a bulk run. */
export const WRITE_BATCH = 25;

/**
 * How long a finished article may wait for others to share its write transaction. 0: group
 * commit only (bench/ingest.ts --linger measured no gain from waiting on 2 cores, where the
 * writes compete with CoreNLP for CPU rather than wait on commits).
 */
export const WRITE_LINGER_MS = 0;

/** How a run works: articles prepared at once, the most written per transaction, how long one waits for company. */
export interface IngestFilesOptions {
  concurrency?: number;
  batchSize?: number;
  lingerMs?: number;
  /** Called once the files are listed, before any is read. */
  onStart?: (total: number) => void;
  /** Source and publication date for files whose front matter does not give them. */
  defaults?: Pick<ArticleInput, 'source' | 'publishedAt'>;
}


function fileError(file: string, err: unknown): FileOutcome {
  const message = err instanceof AppError ? err.message : `Neo4j could not store it: ${err instanceof Error ? err.message : String(err)}`;
  return { file, ok: false, error: message.startsWith(file) ? message : `${file}: ${message}` };
}

/**
 * Ingests every article file under `paths`, reporting progress as each finishes; see `ingestEach`.
 * Every article is all-or-nothing, so a run cut short and run again stores only what is missing.
 */
export async function ingestFiles(
  service: Pick<IngestService, 'prepare' | 'store'>,
  paths: string[],
  maxBytes: number,
  onProgress: (done: number, total: number, result: FileOutcome) => void = () => {},
  options: IngestFilesOptions = {},
): Promise<FileOutcome[]> {
  const files = await listArticleFiles(paths);
  const defaults = options.defaults ?? {};
  return ingestEach(service, files, async (file) => ({ ...defaults, ...(await readArticleFile(file, maxBytes)) }), onProgress, options);
}

/**
 * Ingests one article per name (a file, a feed item's URL), `read` turning a name into the input.
 * `concurrency` articles are read, annotated and extracted at once (CoreNLP's threads and the
 * extraction pool do the work in parallel); finished ones are written together, several per
 * transaction (group commit, at most `batchSize`, an article waiting at most `lingerMs` for
 * others), and when such a write fails its articles are
 * written one by one, so a bad article is reported and the others still go in. Results come
 * back, and progress is reported, in the order of `names`. Errors that are not about one article
 * (Neo4j or CoreNLP down, a bug) stop the run: nothing new is started, those under way finish,
 * and the first such error is thrown.
 */
export async function ingestEach(
  service: Pick<IngestService, 'prepare' | 'store'>,
  names: readonly string[],
  read: (name: string) => Promise<IngestInput>,
  onProgress: (done: number, total: number, result: FileOutcome) => void = () => {},
  { concurrency = 1, batchSize = WRITE_BATCH, lingerMs = WRITE_LINGER_MS, onStart = () => {} }: IngestFilesOptions = {},
): Promise<FileOutcome[]> {
  onStart(names.length);
  const results: FileOutcome[] = new Array<FileOutcome>(names.length);
  const writer = new BatchWriter<GraphBatch, IngestOutcome>((batches) => service.store(batches), Math.max(1, batchSize), isOutage, lingerMs);
  const writes: Array<Promise<void>> = [];
  let next = 0;
  let reported = 0;
  let fatal: { error: unknown } | undefined;
  // Reported in file order (a log that reads like the file list), each as soon as all before it are done.
  const finish = (index: number, result: FileOutcome): void => {
    results[index] = result;
    for (let r = results[reported]; r !== undefined; r = results[reported]) onProgress(++reported, names.length, r);
  };
  const work = async (): Promise<void> => {
    while (!fatal && next < names.length) {
      const index = next++;
      const file = names[index] as string;
      try {
        const prepared = await service.prepare(await read(file));
        if (prepared.stored) {
          finish(index, { file, ok: true, outcome: prepared.stored });
          continue;
        }
        await writer.room();
        writes.push(
          writer.write(prepared.batch).then(
            (r) => finish(index, r.ok ? { file, ok: true, outcome: r.value } : fileError(file, r.error)),
            (err: unknown) => {
              fatal ??= { error: err };
            },
          ),
        );
      } catch (err) {
        if (isNotAboutInput(err)) {
          fatal ??= { error: err };
          return;
        }
        finish(index, fileError(file, err));
      }
    }
  };
  const workers = Math.max(1, Math.min(concurrency, MAX_CONCURRENCY, names.length));
  await Promise.all(Array.from({ length: workers }, work));
  writer.flush();
  await Promise.all(writes);
  if (fatal) throw fatal.error;
  return results;
}

/** What a run did, for its closing line. */
export interface IngestSummary {
  stored: number;
  unchanged: number;
  reprocessed: number;
  refused: number;
  seconds: number;
  perSecond: number;
}

/** Counts a run's outcomes; `ms` is how long it took. */
export function summarize(results: readonly FileOutcome[], ms: number): IngestSummary {
  const ok = results.flatMap((r) => (r.ok ? [r.outcome] : []));
  const seconds = ms / 1000;
  return {
    stored: ok.filter((o) => o.created && !o.reprocessed).length,
    unchanged: ok.filter((o) => !o.created && !o.reprocessed).length,
    reprocessed: ok.filter((o) => o.reprocessed).length,
    refused: results.length - ok.length,
    seconds,
    perSecond: seconds > 0 ? results.length / seconds : 0,
  };
}
