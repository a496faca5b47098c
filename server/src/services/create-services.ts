import type { Config } from '../config.ts';
import type { GraphRepository } from '../db/graph-repository.ts';
import type { Annotator } from '../pipeline/annotate/annotation.ts';
import { createExtractPool, type ExtractPool } from '../pipeline/extract-pool/extract-pool.ts';
import { CurationService } from './curation-service.ts';
import { ExportService } from './export-service.ts';
import { GraphService } from './graph-service.ts';
import { IngestService, extractInProcess } from './ingest-service.ts';
import { TrustService } from './trust-service.ts';
import { ViewsService } from './views-service.ts';

/** Every service over one repository, wired one way for the server, the CLIs and the tests. */
export interface Services {
  graph: GraphService;
  ingest: IngestService;
  curation: CurationService;
  exports: ExportService;
  views: ViewsService;
  trust: TrustService;
  /** Ends the extraction threads (the repository is the caller's to close). */
  close(): Promise<void>;
}

/** Settings the services read. */
export type ServicesConfig = Pick<Config, 'MAX_ARTICLE_BYTES' | 'ALLOW_PRIVATE_URLS' | 'FETCH_TIMEOUT_MS' | 'EXTRACT_WORKERS'>;

/**
 * The one factory for the pipeline: ingest annotates with the given annotator (CoreNLP), always applies curation (merged entities stay
 * merged whichever entry point brings an article in) and extracts in a worker pool
 * (EXTRACT_WORKERS threads; 0 runs extraction on the calling thread, for one-off tools).
 */
export function createServices(repo: GraphRepository, config: ServicesConfig, annotator: Annotator): Services {
  const curation = new CurationService(repo);
  const pool: ExtractPool | undefined = config.EXTRACT_WORKERS > 0 ? createExtractPool({ size: config.EXTRACT_WORKERS }) : undefined;
  const ingest = new IngestService({
    repo,
    limits: { maxBytes: config.MAX_ARTICLE_BYTES },
    fetchPolicy: { allowPrivate: config.ALLOW_PRIVATE_URLS, maxBytes: config.MAX_ARTICLE_BYTES, timeoutMs: config.FETCH_TIMEOUT_MS },
    curate: (batch) => curation.applyMerges(batch),
    annotate: (text) => annotator.annotate(text),
    extract: pool ? (article, annotation) => pool.run(article, annotation) : (article, annotation) => extractInProcess(article, annotation),
  });
  const graph = new GraphService(repo);
  return {
    graph,
    ingest,
    curation,
    exports: new ExportService(repo, graph),
    views: new ViewsService(repo),
    trust: new TrustService(repo),
    close: async () => {
      await pool?.close();
    },
  };
}
