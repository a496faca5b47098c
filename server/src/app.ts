import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT_DIR, type Config } from './config.ts';
import { GraphRepository } from './db/graph-repository.ts';
import { findRunningLocalNeo4j, startLocalNeo4j, superviseLocalNeo4j, type LocalNeo4j } from './db/local-neo4j.ts';
import { openAnnotator, pendingAnnotator } from './pipeline/annotate/open-annotator.ts';
import { createHttpServer } from './http/create-server.ts';
import { createGraphqlApp } from './http/create-yoga.ts';
import { originPolicy } from './http/origin-guard.ts';
import { Slots } from './http/slots.ts';
import type { CurationService } from './services/curation-service.ts';
import { createServices, type Services } from './services/create-services.ts';
import type { ExportService } from './services/export-service.ts';
import type { GraphService } from './services/graph-service.ts';
import { checkHealth } from './services/health.ts';
import { ingestFiles } from './services/ingest-files.ts';
import type { IngestService } from './services/ingest-service.ts';
import type { TrustService } from './services/trust-service.ts';
import type { ViewsService } from './services/views-service.ts';

/** A running Newsgraph: HTTP server, repository and (when NEO4J_URI is unset) its own Neo4j. */
export interface RunningApp {
  url: string;
  port: number;
  neo4jUri: string;
  repo: GraphRepository;
  graph: GraphService;
  ingest: IngestService;
  curation: CurationService;
  exports: ExportService;
  views: ViewsService;
  trust: TrustService;
  /** The local Neo4j this app started and supervises (undefined with NEO4J_URI). */
  localNeo4j: LocalNeo4j | undefined;
  close(): Promise<void>;
}

/** An open repository and, if this process started it, the local Neo4j behind it. */
export interface OpenDatabase {
  repo: GraphRepository;
  uri: string;
  local: LocalNeo4j | undefined;
}

/**
 * Connects to NEO4J_URI, or to the local Neo4j another Newsgraph process runs on the same
 * data folder, or starts one; then applies the schema.
 */
export async function openDatabase(config: Config, log: (line: string) => void, opts: { supervise?: boolean; restartDelayMs?: number } = {}): Promise<OpenDatabase> {
  let local: LocalNeo4j | undefined;
  let conn = config.NEO4J_URI ? { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD } : undefined;
  const dataDir = path.join(config.NEWSGRAPH_DATA_DIR, 'neo4j');
  if (!conn) conn = await findRunningLocalNeo4j(dataDir);
  if (!conn) {
    const launch = { dataDir, heap: config.LOCAL_NEO4J_HEAP, pagecache: config.LOCAL_NEO4J_PAGECACHE, log };
    // A long-running server restarts its Neo4j when it dies; a one-off CLI run does not need to.
    local = opts.supervise ? await superviseLocalNeo4j({ ...launch, restartDelayMs: opts.restartDelayMs }) : await startLocalNeo4j(launch);
    conn = { uri: local.uri, user: local.user, password: local.password };
  }
  const uri = conn.uri;
  const repo = GraphRepository.create({ ...conn, database: config.NEO4J_DATABASE });
  try {
    await repo.waitUntilReady();
    await repo.applySchema();
  } catch (err) {
    await repo.close().catch(() => {});
    await local?.stop().catch(() => {});
    throw err;
  }
  return { repo, uri, local };
}

/** Where the built web app lives. */
export const WEB_ROOT = path.join(ROOT_DIR, 'web', 'dist');

/**
 * Starts everything in order: Neo4j (local unless NEO4J_URI is set), schema, demo corpus
 * when the database is empty, then the HTTP server. On failure, whatever started is stopped.
 */
export async function startApp(config: Config, log: (line: string) => void = console.log, opts: { neo4jRestartDelayMs?: number } = {}): Promise<RunningApp> {
  let local: LocalNeo4j | undefined;
  let repo: GraphRepository | undefined;
  let services: Services | undefined;
  // CoreNLP loads its models while Neo4j starts; the graph is served without waiting for them.
  const nlpOpening = openAnnotator(config, log, { supervise: true });
  nlpOpening.catch((err: unknown) => log(`CoreNLP is not available, so ingesting is not: ${err instanceof Error ? err.message : String(err)}`));
  const closeNlp = (): Promise<void> => nlpOpening.then((nlp) => nlp.close()).catch(() => {});
  const annotator = pendingAnnotator(nlpOpening);
  try {
    const db = await openDatabase(config, log, { supervise: true, restartDelayMs: opts.neo4jRestartDelayMs });
    local = db.local;
    repo = db.repo;
    const neo4jUri = db.uri;

    services = createServices(repo, config, annotator);
    const { graph, ingest, curation, exports, views } = services;
    const openRepo = repo;

    // Articles stored before near-duplicate detection get their fingerprints once.
    const fingerprinted = await ingest.backfillFingerprints();
    if (fingerprinted > 0) log(`Fingerprinted ${fingerprinted} stored article${fingerprinted === 1 ? '' : 's'} for near-duplicate detection.`);

    if (config.INGEST_DEMO && (await repo.countArticles()) === 0) {
      log(`Empty database: ingesting the demo corpus from ${path.relative(ROOT_DIR, config.DEMO_CORPUS_DIR) || config.DEMO_CORPUS_DIR}…`);
      await ingestFiles(ingest, [config.DEMO_CORPUS_DIR], config.MAX_ARTICLE_BYTES, (done, total, r) =>
        log(`  [${done}/${total}] ${path.basename(r.file)}: ${r.ok ? `${r.outcome.entityCount} entities, ${r.outcome.relationCount} relations` : r.error}`),
      );
    }

    const graphiql = config.GRAPHIQL ?? config.NODE_ENV !== 'production';
    const yoga = createGraphqlApp(services, { graphiql, apiToken: config.API_TOKEN, corsOrigins: config.CORS_ORIGINS });
    const server = createHttpServer(
      yoga,
      WEB_ROOT,
      { maxRequestBytes: config.MAX_REQUEST_BYTES, origin: originPolicy(config.PUBLIC_HOST, config.CORS_ORIGINS), health: () => checkHealth({ neo4j: () => openRepo.ping(), corenlp: () => annotator.check() }), exportSlots: new Slots(config.EXPORT_CONCURRENCY) },
      exports,
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    const openLocal = local;
    const openServices = services;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      neo4jUri,
      repo: openRepo,
      graph,
      ingest,
      curation,
      exports,
      views,
      trust: services.trust,
      localNeo4j: openLocal,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await openServices.close();
        await openRepo.close();
        await Promise.all([openLocal?.stop(), closeNlp()]);
      },
    };
  } catch (err) {
    await services?.close().catch(() => {});
    await repo?.close().catch(() => {});
    await Promise.all([local?.stop().catch(() => {}), closeNlp()]);
    throw err;
  }
}
