import { AppError } from '../domain/errors.ts';
import { listArticleFiles, readArticleFile } from '../pipeline/read-article-file.ts';
import type { IngestOutcome, IngestService } from './ingest-service.ts';

/** The result of ingesting one file. */
export type FileOutcome = { file: string; ok: true; outcome: IngestOutcome } | { file: string; ok: false; error: string };

/**
 * Ingests every article file under `paths`, one transaction each, reporting progress.
 * A bad file is reported and skipped; the others still go in. Errors that are not about
 * the file (Neo4j down, a bug) stop the run.
 */
export async function ingestFiles(
  service: IngestService,
  paths: string[],
  maxBytes: number,
  onProgress: (done: number, total: number, result: FileOutcome) => void = () => {},
): Promise<FileOutcome[]> {
  const files = await listArticleFiles(paths);
  const results: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    let result: FileOutcome;
    try {
      const input = await readArticleFile(file, maxBytes);
      const outcome = await service.ingest(input);
      result = { file, ok: true, outcome };
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'SERVICE_UNAVAILABLE') throw err;
      result = { file, ok: false, error: err.message.startsWith(file) ? err.message : `${file}: ${err.message}` };
    }
    results.push(result);
    onProgress(i + 1, files.length, result);
  }
  return results;
}
