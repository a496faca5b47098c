import path from 'node:path';
import type { Config } from '../../config.ts';
import { AppError } from '../../domain/errors.ts';
import type { Annotator } from './annotation.ts';
import { createAnnotatorPool, splitUrls } from './annotator-pool.ts';
import { createCoreNLPAnnotator } from './corenlp-client.ts';
import { findRunningLocalCoreNLP, startLocalCoreNLP, superviseLocalCoreNLP, type LocalCoreNLP } from './local-corenlp.ts';

/** An annotator ready for use, and the local server behind it if this process started one. */
export interface OpenAnnotator {
  annotator: Annotator;
  url: string;
  local: LocalCoreNLP | undefined;
  close(): Promise<void>;
}

/** The settings the annotate stage reads. */
export type AnnotatorConfig = Pick<Config, 'CORENLP_URL' | 'CORENLP_HEAP' | 'CORENLP_THREADS' | 'CORENLP_TIMEOUT_MS' | 'NEWSGRAPH_DATA_DIR'>;

/**
 * CORENLP_URL when set (several comma-separated URLs make a round-robin pool); else the local CoreNLP another Newsgraph process runs for the same data
 * folder; else a new local one (built and its models downloaded from Maven Central on first use).
 */
export async function openAnnotator(config: AnnotatorConfig, log: (line: string) => void = () => {}, opts: { supervise?: boolean; restartDelayMs?: number } = {}): Promise<OpenAnnotator> {
  const dataDir = path.join(config.NEWSGRAPH_DATA_DIR, 'corenlp');
  const client = (url: string): Annotator => createCoreNLPAnnotator({ url, timeoutMs: config.CORENLP_TIMEOUT_MS, concurrency: config.CORENLP_THREADS });
  if (config.CORENLP_URL) {
    // Several servers (comma-separated) are one pool: round-robin, an unavailable one skipped.
    const urls = splitUrls(config.CORENLP_URL);
    return { annotator: createAnnotatorPool(urls.map((u) => ({ url: u, annotator: client(u) }))), url: urls.join(','), local: undefined, close: async () => {} };
  }
  const url = await findRunningLocalCoreNLP(dataDir);
  if (url) return { annotator: client(url), url, local: undefined, close: async () => {} };
  const launch = { heap: config.CORENLP_HEAP, threads: config.CORENLP_THREADS, timeoutMs: config.CORENLP_TIMEOUT_MS, dataDir, log };
  // A long-running server restarts its CoreNLP when it dies; a one-off CLI run does not need to.
  const local = opts.supervise ? await superviseLocalCoreNLP({ ...launch, restartDelayMs: opts.restartDelayMs }) : await startLocalCoreNLP(launch);
  return { annotator: client(local.url), url: local.url, local, close: () => local.stop() };
}

/**
 * An annotator usable before its server is ready: calls wait for `opening`; if it failed,
 * they fail with SERVICE_UNAVAILABLE and the reason. Lets the app serve the graph while the
 * models load, and ingest as soon as they have.
 */
export function pendingAnnotator(opening: Promise<OpenAnnotator>): Annotator {
  const ready = async (): Promise<Annotator> => {
    try {
      return (await opening).annotator;
    } catch (err) {
      throw new AppError('SERVICE_UNAVAILABLE', `The annotation service (CoreNLP) is not available: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { cause: err });
    }
  };
  return {
    annotate: async (text) => (await ready()).annotate(text),
    check: async () => (await ready()).check(),
  };
}
