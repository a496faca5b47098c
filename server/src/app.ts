import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT_DIR, type Config } from './config.ts';
import { GraphRepository } from './db/graph-repository.ts';
import { findRunningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from './db/local-neo4j.ts';
import { createHttpServer } from './http/create-server.ts';
import { createGraphqlApp } from './http/create-yoga.ts';
import { CurationService } from './services/curation-service.ts';
import { ExportService } from './services/export-service.ts';
import { ViewsService } from './services/views-service.ts';
import { GraphService } from './services/graph-service.ts';
import { ingestFiles } from './services/ingest-files.ts';
import { IngestService } from './services/ingest-service.ts';

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
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  const dataDir = path.join(config.NEWSGRAPH_DATA_DIR, 'neo4j');
  if (!uri) uri = await findRunningLocalNeo4j(dataDir);
  if (!uri) {
    local = await startLocalNeo4j({ dataDir, heap: config.LOCAL_NEO4J_HEAP, pagecache: config.LOCAL_NEO4J_PAGECACHE, log });
    uri = local.uri;
  }
  const repo = GraphRepository.create({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
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
export async function startApp(config: Config, log: (line: string) => void = console.log): Promise<RunningApp> {
  let local: LocalNeo4j | undefined;
  let repo: GraphRepository | undefined;
  try {
    const db = await openDatabase(config, log);
    local = db.local;
    repo = db.repo;
    const neo4jUri = db.uri;

    const limits = { maxBytes: config.MAX_ARTICLE_BYTES };
    const curation = new CurationService(repo);
    const ingest = new IngestService(
      repo,
      limits,
      { allowPrivate: config.ALLOW_PRIVATE_URLS, maxBytes: config.MAX_ARTICLE_BYTES, timeoutMs: config.FETCH_TIMEOUT_MS },
      (batch) => curation.applyMerges(batch),
    );
    const graph = new GraphService(repo);
    const exports = new ExportService(repo, graph);
    const views = new ViewsService(repo);

    if (config.INGEST_DEMO && (await repo.countArticles()) === 0) {
      log(`Empty database: ingesting the demo corpus from ${path.relative(ROOT_DIR, config.DEMO_CORPUS_DIR) || config.DEMO_CORPUS_DIR}…`);
      await ingestFiles(ingest, [config.DEMO_CORPUS_DIR], limits.maxBytes, (done, total, r) =>
        log(`  [${done}/${total}] ${path.basename(r.file)}: ${r.ok ? `${r.outcome.entityCount} entities, ${r.outcome.relationCount} relations` : r.error}`),
      );
    }

    const graphiql = config.GRAPHIQL ?? config.NODE_ENV !== 'production';
    const yoga = createGraphqlApp({ graph, ingest, curation, exports, views }, { graphiql, apiToken: config.API_TOKEN });
    const server = createHttpServer(yoga, WEB_ROOT, { maxRequestBytes: config.MAX_REQUEST_BYTES }, exports);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    const openRepo = repo;
    const openLocal = local;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      neo4jUri,
      repo: openRepo,
      graph,
      ingest,
      curation,
      exports,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await openRepo.close();
        await openLocal?.stop();
      },
    };
  } catch (err) {
    await repo?.close().catch(() => {});
    await local?.stop().catch(() => {});
    throw err;
  }
}
