import { AppError } from '../domain/errors.ts';
import { listArticleFiles, readArticleFile } from '../pipeline/read-article-file.ts';
import type { IngestOutcome, IngestService } from './ingest-service.ts';

/** The result of ingesting one file. */
export type FileOutcome = { file: string; ok: true; outcome: IngestOutcome } | { file: string; ok: false; error: string };

/** Most articles a run works on at once: each holds a CoreNLP request and a Neo4j transaction. */
export const MAX_CONCURRENCY = 32;

/**
 * Ingests every article file under `paths`, one transaction each, reporting progress as each
 * finishes. With `concurrency` above 1 that many articles are read, annotated, extracted and
 * written at once (CoreNLP's threads and the extraction pool do the work in parallel); results
 * come back in file order. A bad file is reported and skipped; the others still go in. Errors
 * that are not about the file (Neo4j or CoreNLP down, a bug) stop the run: no new file is
 * started, those under way finish, and the first such error is thrown.
 */
export async function ingestFiles(
  service: IngestService,
  paths: string[],
  maxBytes: number,
  onProgress: (done: number, total: number, result: FileOutcome) => void = () => {},
  concurrency = 1,
): Promise<FileOutcome[]> {
  const files = await listArticleFiles(paths);
  const results: FileOutcome[] = new Array<FileOutcome>(files.length);
  let next = 0;
  let done = 0;
  let fatal: { error: unknown } | undefined;
  const work = async (): Promise<void> => {
    while (!fatal && next < files.length) {
      const index = next++;
      const file = files[index] as string;
      let result: FileOutcome;
      try {
        const input = await readArticleFile(file, maxBytes);
        const outcome = await service.ingest(input);
        result = { file, ok: true, outcome };
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'SERVICE_UNAVAILABLE') {
          fatal ??= { error: err };
          return;
        }
        result = { file, ok: false, error: err.message.startsWith(file) ? err.message : `${file}: ${err.message}` };
      }
      results[index] = result;
      onProgress(++done, files.length, result);
    }
  };
  const workers = Math.max(1, Math.min(concurrency, MAX_CONCURRENCY, files.length));
  await Promise.all(Array.from({ length: workers }, work));
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
