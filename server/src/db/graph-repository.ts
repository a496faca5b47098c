import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Record as Neo4jRecord, type Session, type Transaction } from 'neo4j-driver';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import {
  ENTITY_TYPES,
  STANCES,
  type EdgeFilter,
  type EntityType,
  type EvidenceRecord,
  type GraphBatch,
  type GraphEntity,
  type GraphPath,
  type GraphRelation,
  type SavedView,
  type Stance,
  type StanceCounts,
  type StoredArticle,
  type TimelineEntry,
  type Watch,
} from '../domain/types.ts';
import { loadCypherCatalog, type CypherCatalog, type QueryName } from './cypher-catalog.ts';
import { uniqueRows } from './unique-rows.ts';
import { outletKey } from '../domain/outlet.ts';
import type { KeepApart, KnownEvent } from '../pipeline/resolve-events.ts';

/** Resolves a write's events against stored ones they may report (pipeline/resolve-events). */
export interface EventResolver {
  /** The event types a report of these types may be one event with. */
  kindredTypes(types: readonly string[]): string[];
  /** The batches, in write order, with their events resolved. */
  resolve(batches: GraphBatch[], known: KnownEvent[], keepApart: KeepApart[]): GraphBatch[];
}

/** Most stored events compared with one write's events. */
const MAX_EVENT_CANDIDATES = 500;

/** Runs one catalog query inside a transaction and returns its records as plain objects. */
export type QueryRunner = (name: QueryName, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** How to reach Neo4j. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** A Neo4j temporal value as the ISO string the API speaks; anything else unchanged. */
function temporalToIso(value: unknown): unknown {
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  if (neo4j.isDate(value) || neo4j.isLocalDateTime(value)) return value.toString();
  return value;
}

/** Record values with temporal values as ISO strings, deeply (for services that read raw records). */
function plainValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValues);
  const converted = temporalToIso(value);
  if (converted !== value) return converted;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValues(v)]));
  }
  return value;
}

/** A stored date (a datetime, or a string from before the migration) as an ISO string. */
const isoDate = z.preprocess(temporalToIso, z.string().nullable().optional()).transform((v) => v ?? null);

const entitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(z.string()).nullable().transform((a) => a ?? []),
  articleCount: z.number().int().nullable().transform((n) => n ?? 0),
  date: z.string().nullable().optional(),
  eventType: z.string().nullable().optional(),
  count: z.number().int().nullable().optional(),
});

const relationSchema = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  weight: z.number().int().nullable().transform((n) => n ?? 0),
  // Relations stored before outlets were counted have none: their weight counted articles.
  articleCount: z.number().int().nullable().optional(),
  // Counts in the order of STANCES; relations stored before stances were read have none.
  stances: z
    .array(z.number().int())
    .nullable()
    .optional()
    .transform((counts) => Object.fromEntries(STANCES.map((s, i) => [s.toLowerCase(), counts?.[i] ?? 0])) as StanceCounts),
  firstSeen: isoDate,
  lastSeen: isoDate,
}).transform((r) => ({ ...r, articleCount: r.articleCount ?? r.weight }));

const nullableString = z.string().nullable().optional().transform((v) => v ?? null);

const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: nullableString,
  source: nullableString,
  outlet: nullableString,
  publishedAt: isoDate,
});

const viewSchema = z.object({ name: z.string(), state: z.string(), savedAt: z.string() });

const evidenceSchema = z.object({
  id: z.string(),
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  confidence: z.number().nullable().optional().transform((v) => v ?? null),
  extractorVersion: nullableString,
  // Evidence written before rule ids were recorded has none.
  rules: z.array(z.string()).optional().transform((v) => v ?? []),
  stance: z.enum(STANCES).nullable().optional().transform((v) => v ?? null),
  stanceRules: z.array(z.string()).optional().transform((v) => v ?? []),
  attributedTo: entitySchema.nullable().optional().transform((v) => v ?? null),
});

// Built once: constructing a zod schema costs more than parsing a small record with it.
const entitiesSchema = z.array(entitySchema);
const relationsSchema = z.array(relationSchema);
const stringSchema = z.string();
const integer = z.number().int();
const nullableInteger = integer.nullable();
const knownEventSchema = z.object({
  id: z.string(),
  eventType: z.string(),
  toldAs: z.array(z.string().nullable()).transform((v) => v.filter((t): t is string => t !== null)),
  date: nullableString,
  count: nullableInteger.optional().transform((v) => v ?? null),
  participants: z.array(z.object({ id: z.string(), type: z.enum(ENTITY_TYPES), role: z.enum(['agent', 'subject', 'place']).nullable().transform((r) => r ?? 'subject') })),
  reportedBy: nullableString,
  articleIds: z.array(z.string()),
  splits: z.array(z.string()),
});
const splitArticles = z.object({ articleIds: z.array(z.string()).optional() });
const touchedSchema = z.object({ relationIds: z.array(z.string()), entityIds: z.array(z.string()) });
const storedArticleSchema = articleSchema.extend({ text: z.string() });
const participantsSchema = z.array(entitySchema.extend({ role: nullableString }));
const statsSchema = z.object({ articles: integer, relations: integer, evidence: integer, byType: z.array(z.object({ type: z.enum(ENTITY_TYPES), count: integer })) });
const graphCountsSchema = z.object({ articles: integer, entities: integer, relations: integer, evidence: integer, mentions: integer });

const seenArticleSchema = articleSchema.extend({ seenAt: nullableString });
const bareEvidenceSchema = evidenceSchema.omit({ attributedTo: true }).transform((v) => ({ ...v, attributedTo: null }));
const reportSchema = z.object({ article: seenArticleSchema, evidence: bareEvidenceSchema });
const eventReportsSchema = z.object({
  event: entitySchema,
  reports: z.array(
    z.object({
      article: seenArticleSchema,
      date: nullableString,
      count: nullableInteger.optional().transform((v) => v ?? null),
      places: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(ENTITY_TYPES) })),
      evidence: z.array(bareEvidenceSchema),
    }),
  ),
});
const relationReportsSchema = z.object({ pair: z.array(z.string()), relations: z.array(z.object({ relation: relationSchema, reports: z.array(reportSchema) })) });
const nationalityReportsSchema = z.object({
  person: entitySchema,
  links: z.array(z.object({ relation: relationSchema, country: z.object({ id: z.string(), name: z.string() }), reports: z.array(reportSchema) })),
});
const candidatesSchema = z.object({ events: z.array(z.string()), relations: z.array(z.string()), people: z.array(z.string()) });
const relationGainsSchema = z.object({ rows: z.array(z.object({ relation: relationSchema, before: integer })), total: integer });
const entityGainsSchema = z.object({ kind: z.enum(['entity', 'event']), rows: z.array(z.object({ entity: entitySchema, before: integer, now: integer })), total: integer });
const watchSchema = z.object({ name: z.string(), ids: z.array(z.string()), createdAt: z.string(), seenAt: z.string() });

const NO_FILTER: EdgeFilter = { types: null, relationTypes: null, stances: null, minWeight: 0, since: null, until: null };

/** Records pulled from Neo4j per batch when streaming. */
const STREAM_FETCH_SIZE = 2000;

/**
 * What an export covers: the relations among a set of entities, or the whole graph (entities
 * of `filter.types`, all types when null). Either way relations pass the filter.
 */
export type ExportScope = { ids: string[]; filter: EdgeFilter } | { ids: null; filter: EdgeFilter };

/** What writing one article did. */
export interface WriteOutcome {
  /** True when the article was not stored before. */
  created: boolean;
  /** True when it was stored by another extractor version and has been written again. */
  reprocessed: boolean;
}

/** Identifies one page of one relation's evidence. */
function pageKey(relationId: string, after: string): string {
  return `${relationId}\u0000${after}`;
}

function scopeQuery(scope: ExportScope, part: 'relations' | 'evidence' | 'articles'): [QueryName, Record<string, unknown>] {
  const params = filterParams(scope.filter);
  if (scope.ids === null) return [`export/stream-all-${part}`, params];
  return [`export/stream-${part}-among`, { ...params, ids: scope.ids }];
}

function filterParams(f: EdgeFilter): Record<string, unknown> {
  return { types: f.types, relationTypes: f.relationTypes, stances: f.stances, minWeight: neo4j.int(f.minWeight), since: f.since, until: f.until };
}

/** Driver error codes that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * The repository layer: the only module that talks to Neo4j. Every query comes from the
 * Cypher catalog by name; reads go through executeRead and writes through executeWrite so
 * a cluster routes them; records are validated before they leave this module.
 */
export class GraphRepository {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly catalog: CypherCatalog,
    private readonly uri: string,
  ) {}

  /** Creates the driver (no network yet) and loads the query files. */
  static create(conn: Neo4jConnection, catalog: CypherCatalog = loadCypherCatalog()): GraphRepository {
    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: 5000,
      connectionAcquisitionTimeout: 10000,
      connectionTimeout: 5000,
      userAgent: 'newsgraph/0.1',
    });
    return new GraphRepository(driver, conn.database, catalog, conn.uri);
  }

  /** Waits until Neo4j answers, retrying for up to `timeoutMs`. */
  async waitUntilReady(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        await this.driver.verifyConnectivity({ database: this.database });
        return;
      } catch (err) {
        // Wrong credentials will not get better by waiting.
        if (err instanceof neo4j.Neo4jError && /Security\.(Unauthorized|AuthenticationRateLimit)/.test(err.code)) {
          throw new AppError('SERVICE_UNAVAILABLE', `Neo4j at ${this.uri} refused the login: check NEO4J_USER and NEO4J_PASSWORD.`);
        }
        lastError = err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    throw new AppError('SERVICE_UNAVAILABLE', `Neo4j at ${this.uri} did not answer within ${timeoutMs / 1000} s: ${describe(lastError)}`);
  }

  /** Applies cypher/schema.cypher (idempotent) and waits for its indexes to come online. */
  async applySchema(): Promise<void> {
    await this.withSession(async (session) => {
      // Schema statements cannot share a transaction with each other: one auto-commit each.
      for (const statement of this.catalog.schema) await session.run(statement);
      await session.run('CALL db.awaitIndexes(60)');
      await session.executeWrite((tx) => this.run(tx, 'admin/migrate-dates', {}));
    });
  }

  /**
   * Writes one article with its entities, relations and evidence in a single transaction:
   * all of it lands or none of it does. An article already stored with the same extractor
   * version is left untouched and reported as not created; one stored by an older extractor
   * is re-processed: its old evidence and mentions are replaced, and relations or entities
   * that only it supported are removed.
   */
  async writeArticle(batch: GraphBatch): Promise<WriteOutcome> {
    return (await this.writeArticles([batch]))[0] as WriteOutcome;
  }

  /**
   * Writes several articles in one transaction, each query an `UNWIND` over all of them:
   * all of them land or none does. Per article the outcome is what `writeArticle` would
   * report; an article given twice is written once (the second copy finds it stored).
   */
  async writeArticles(batches: readonly GraphBatch[], resolveEvents?: EventResolver): Promise<WriteOutcome[]> {
    if (batches.length === 0) return [];
    const ids = [...new Set(batches.map((b) => b.article.id))].sort();
    return this.write(async (tx) => {
      // Lock first, read after (one query): of parallel ingests of one text, exactly one sees it new.
      const locked = await this.run(tx, 'ingest/lock-articles', { ids });
      const versions = new Map(locked.records.map((r) => [stringSchema.parse(r.get('id')), nullableString.parse(r.get('extractorVersion'))]));
      const seen = new Set<string>();
      const outcomes = batches.map((b): WriteOutcome & { write: boolean } => {
        const version = versions.get(b.article.id) ?? null;
        const first = !seen.has(b.article.id);
        seen.add(b.article.id);
        if (!first || version === b.article.extractorVersion) return { created: false, reprocessed: false, write: false };
        return { created: version === null, reprocessed: version !== null, write: true };
      });
      const chosen = batches.flatMap((b, i) => (outcomes[i]?.write ? [{ batch: b, created: outcomes[i].created }] : []));
      // Events are resolved inside the write, after the lock: a report sees the events stored
      // before it and those of the articles written before it in this transaction.
      const resolved = resolveEvents && chosen.length > 0 ? resolveEvents.resolve(chosen.map((c) => c.batch), ...(await this.eventCandidates(tx, chosen.map((c) => c.batch), resolveEvents))) : chosen.map((c) => c.batch);
      const toWrite = chosen.map((c, i) => ({ batch: uniqueRows(resolved[i] ?? c.batch), created: c.created }));
      if (toWrite.length > 0) {
        // What a re-processing write makes or keeps carries its id; for the older extraction, what
        // is left without it afterwards is what only the old one had. A first write marks nothing.
        const writeIds = new Map(toWrite.map(({ batch }) => [batch.article.id, randomUUID()]));
        await this.run(tx, 'ingest/merge-articles', {
          articles: toWrite.map(({ batch }) => ({ ...batch.article, outlet: batch.article.outlet ?? null, outletKey: outletKey(batch.article.outlet ?? null) })),
        });
        await this.run(tx, 'ingest/merge-entities', {
          items: toWrite.map(({ batch, created }) => ({
            articleId: batch.article.id,
            created,
            writeId: writeIds.get(batch.article.id),
            entities: batch.entities.map((e) => ({ ...e, mentionCount: neo4j.int(e.mentionCount), count: e.count === null ? null : neo4j.int(e.count), reportId: e.reportId ?? null, resolvedBy: e.resolvedBy ?? null })),
          })),
        });
        await this.run(tx, 'ingest/merge-relations', {
          items: toWrite.map(({ batch, created }) => ({
            articleId: batch.article.id,
            created,
            extractorVersion: batch.article.extractorVersion,
            writeId: writeIds.get(batch.article.id),
            outletKey: outletKey(batch.article.outlet ?? null),
            relations: batch.relations.map((r) => ({
              ...r,
              stanceCounts: STANCES.map((s) => neo4j.int(r.evidence.filter((ev) => ev.stance === s).length)),
              evidence: r.evidence.map((ev) => ({ ...ev, start: neo4j.int(ev.start), end: neo4j.int(ev.end), attributedTo: ev.attributedTo ?? null })),
            })),
          })),
        });
        const relationIds = new Set<string>();
        const entityIds = new Set<string>();
        for (const [i, b] of batches.entries()) {
          if (!outcomes[i]?.reprocessed) continue;
          const touched = touchedSchema.parse((await this.run(tx, 'ingest/detach-stale', { articleId: b.article.id, writeId: writeIds.get(b.article.id) })).records[0]?.toObject());
          for (const id of touched.relationIds) relationIds.add(id);
          for (const id of touched.entityIds) entityIds.add(id);
        }
        if (relationIds.size > 0) await this.run(tx, 'ingest/refresh-relations', { relationIds: [...relationIds] });
        if (entityIds.size > 0) await this.run(tx, 'ingest/refresh-entities', { entityIds: [...entityIds] });
      }
      return outcomes.map(({ created, reprocessed }) => ({ created, reprocessed }));
    });
  }

  /** Stored events of the batches' event types sharing a participant with one of their events, and the curated splits that bar articles from them. */
  private async eventCandidates(tx: ManagedTransaction, batches: readonly GraphBatch[], resolver: EventResolver): Promise<[KnownEvent[], KeepApart[]]> {
    const eventTypes = [...new Set(batches.flatMap((b) => b.entities.flatMap((e) => (e.eventType ? [e.eventType] : []))))];
    if (eventTypes.length === 0) return [[], []];
    const types = resolver.kindredTypes(eventTypes);
    const eventIds = new Set(batches.flatMap((b) => b.entities.filter((e) => e.type === 'EVENT').map((e) => e.id)));
    const participantIds = [...new Set(batches.flatMap((b) => b.relations.filter((r) => r.type === 'PARTICIPATED_IN' && eventIds.has(r.target)).map((r) => r.source)))];
    if (participantIds.length === 0) return [[], []];
    const rows = (await this.run(tx, 'ingest/find-event-candidates', { participantIds, eventTypes: types, limit: neo4j.int(MAX_EVENT_CANDIDATES) })).records.map((r) => knownEventSchema.parse(r.toObject()));
    const keepApart = rows.flatMap((r) => r.splits.map((p) => ({ eventId: r.id, articleIds: splitArticles.parse(JSON.parse(p)).articleIds ?? [] }))).filter((k) => k.articleIds.length > 0);
    return [rows.map(({ splits: _, ...k }) => k), keepApart];
  }

  /** A stored article's fields, extractor version and counts, or undefined when it is not stored. */
  async getArticleSummary(id: string): Promise<{ article: StoredArticle; extractorVersion: string | null; entityCount: number; relationCount: number } | undefined> {
    const record = (await this.read('ingest/get-article-summary', { id })).records[0];
    if (!record) return undefined;
    return {
      article: articleSchema.parse(record.get('article')),
      extractorVersion: nullableString.parse(record.get('extractorVersion')),
      entityCount: integer.parse(record.get('entityCount')),
      relationCount: integer.parse(record.get('relationCount')),
    };
  }

  /** Those of `urls` an article is stored under. */
  async storedUrls(urls: readonly string[]): Promise<Set<string>> {
    if (urls.length === 0) return new Set();
    const result = await this.read('ingest/find-stored-urls', { urls });
    return new Set(result.records.map((r) => stringSchema.parse(r.get('url'))));
  }

  /** Stored articles sharing a MinHash band with `bands`, with their signatures: near-duplicate candidates. */
  async nearDuplicateCandidates(bands: readonly string[], limit = 20): Promise<Array<{ id: string; signature: number[] }>> {
    const result = await this.read('ingest/find-near-duplicates', { bands: bands.join(' '), limit: neo4j.int(limit) });
    return result.records.map((r) => ({ id: stringSchema.parse(r.get('id')), signature: z.array(z.number()).parse(r.get('signature') ?? []) }));
  }

  /** Up to `limit` articles after `after` (id order) stored without a fingerprint, with their text. */
  async articlesWithoutFingerprint(after: string, limit: number): Promise<Array<{ id: string; text: string }>> {
    const result = await this.read('ingest/list-unfingerprinted', { after, limit: neo4j.int(limit) });
    return result.records.map((r) => ({ id: stringSchema.parse(r.get('id')), text: stringSchema.parse(r.get('text')) }));
  }

  /** Stores fingerprints computed for articles stored before near-duplicate detection. */
  async setFingerprints(rows: ReadonlyArray<{ id: string; signature: number[]; bands: readonly string[] }>): Promise<void> {
    if (rows.length === 0) return;
    await this.write((tx) => this.run(tx, 'ingest/set-fingerprints', { rows: rows.map((r) => ({ id: r.id, signature: r.signature, bands: r.bands.join(' ') })) }));
  }

  /** Whether the one-off migration `id` has run on this store. */
  async migrationDone(id: string): Promise<boolean> {
    const record = (await this.read('admin/get-migration', { id })).records[0];
    return record?.get('done') === true;
  }

  /** Records that the one-off migration `id` has run. */
  async markMigration(id: string): Promise<void> {
    await this.write((tx) => this.run(tx, 'admin/mark-migration', { id }));
  }

  /** One cheap round trip; throws SERVICE_UNAVAILABLE when Neo4j does not answer. */
  async ping(): Promise<void> {
    await this.read('admin/ping', {});
  }

  /** Fulltext search over entity names and aliases. */
  async searchEntities(query: string, types: EntityType[] | null, limit: number): Promise<GraphEntity[]> {
    const terms = query
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => escapeLucene(t.toLowerCase()));
    if (terms.length === 0) return [];
    // Every term must match; the last may be a prefix (search-as-you-type).
    const lucene = terms.map((t, i) => (i === terms.length - 1 ? `+(${t} ${t}*)` : `+${t}`)).join(' ');
    const result = await this.read('explore/search-entities', {
      query: lucene,
      exact: query.trim().toLowerCase(),
      types,
      limit: neo4j.int(limit),
    });
    return result.records.map((r) => entitySchema.parse(r.get('entity')));
  }

  /** Entities by id, in no particular order; unknown ids are left out. */
  async getEntities(ids: string[]): Promise<GraphEntity[]> {
    if (ids.length === 0) return [];
    const result = await this.read('explore/get-entities', { ids });
    return result.records.map((r) => entitySchema.parse(r.get('entity')));
  }

  /** The strongest neighbours of `ids` not already in `exclude`, and how many matched in all. */
  async expandNeighbors(ids: string[], exclude: string[], limit: number, filter: EdgeFilter = NO_FILTER): Promise<{ entities: GraphEntity[]; total: number }> {
    if (ids.length === 0 || limit <= 0) return { entities: [], total: 0 };
    const result = await this.read('explore/expand-neighbors', { ids, exclude, limit: neo4j.int(limit), ...filterParams(filter) });
    const record = result.records[0];
    return {
      entities: entitiesSchema.parse(record?.get('entities') ?? []),
      total: integer.parse(record?.get('total') ?? 0),
    };
  }

  /** Every edge between two entities of the set that passes the filter. */
  async edgesAmong(ids: string[], filter: EdgeFilter = NO_FILTER): Promise<GraphRelation[]> {
    if (ids.length === 0) return [];
    const result = await this.read('explore/get-edges-among', { ids, ...filterParams(filter) });
    return result.records.map((r) => relationSchema.parse(r.get('relation')));
  }

  /** One relation, or undefined. */
  async getRelation(id: string): Promise<GraphRelation | undefined> {
    const result = await this.read('explore/get-relation', { id });
    const record = result.records[0];
    return record ? relationSchema.parse(record.get('relation')) : undefined;
  }

  /**
   * A page of evidence for each of several relations, in one transaction: each page holds up to
   * `first` sentences in a stable order, after its own cursor (an evidence id, '' for the start).
   * Returned in the order the pages were asked for.
   */
  async getEvidencePages(pages: ReadonlyArray<{ relationId: string; after: string }>, first: number, stances: readonly Stance[] | null = null): Promise<EvidenceRecord[][]> {
    // A relation on two of the paths shown is asked for twice: read it once.
    const unique = new Map(pages.map((p) => [pageKey(p.relationId, p.after), { relationId: p.relationId, after: p.after }]));
    const result = await this.read('explore/get-evidence', { pages: [...unique.values()], first: neo4j.int(first), stances });
    const byPage = new Map<string, EvidenceRecord[]>();
    for (const r of result.records) {
      const key = pageKey(stringSchema.parse(r.get('relationId')), stringSchema.parse(r.get('after')));
      const list = byPage.get(key) ?? [];
      list.push({ ...evidenceSchema.parse(r.get('evidence')), article: articleSchema.parse(r.get('article')) });
      byPage.set(key, list);
    }
    return pages.map((p) => byPage.get(pageKey(p.relationId, p.after)) ?? []);
  }

  /** Every entity of the given types (all when null), streamed: for whole-graph exports. */
  streamAllEntities(types: EntityType[] | null): AsyncGenerator<GraphEntity> {
    return this.stream('export/stream-all-entities', { types }, (r) => entitySchema.parse(r.get('entity')));
  }

  /** The relations an export carries, each with its evidence count, streamed. */
  streamExportRelations(scope: ExportScope): AsyncGenerator<GraphRelation & { evidenceCount: number }> {
    const [name, params] = scopeQuery(scope, 'relations');
    return this.stream(name, params, (r) => ({ ...relationSchema.parse(r.get('relation')), evidenceCount: integer.parse(r.get('evidenceCount')) }));
  }

  /** The evidence of the relations an export carries, each sentence with its article, streamed. */
  streamExportEvidence(scope: ExportScope): AsyncGenerator<EvidenceRecord & { relationId: string }> {
    const [name, params] = scopeQuery(scope, 'evidence');
    return this.stream(name, params, (r) => ({
      ...evidenceSchema.parse(r.get('evidence')),
      article: articleSchema.parse(r.get('article')),
      relationId: stringSchema.parse(r.get('relationId')),
    }));
  }

  /** The articles an export's evidence cites, each once, streamed. */
  streamExportArticles(scope: ExportScope): AsyncGenerator<StoredArticle> {
    const [name, params] = scopeQuery(scope, 'articles');
    return this.stream(name, params, (r) => articleSchema.parse(r.get('article')));
  }

  /** Saves (or replaces) a named view. */
  async saveView(view: SavedView): Promise<SavedView> {
    const result = await this.write((tx) => this.run(tx, 'views/save-view', { ...view }));
    return viewSchema.parse(result.records[0]?.get('view'));
  }

  /** The saved views, most recent first. */
  async listViews(limit: number): Promise<SavedView[]> {
    const result = await this.read('views/list-views', { limit: neo4j.int(limit) });
    return result.records.map((r) => viewSchema.parse(r.get('view')));
  }

  /** Deletes a saved view; says whether there was one. */
  async deleteView(name: string): Promise<boolean> {
    const result = await this.write((tx) => this.run(tx, 'views/delete-view', { name }));
    return integer.parse(result.records[0]?.get('deleted')) === 1;
  }

  /** The shortest paths between two entities, best supported first. */
  async findPaths(from: string, to: string, opts: { maxLength: number; limit: number; excludeHubs: boolean; hubDegree: number }): Promise<GraphPath[]> {
    const result = await this.read('explore/find-paths', {
      from,
      to,
      maxLength: neo4j.int(opts.maxLength),
      limit: neo4j.int(opts.limit),
      excludeHubs: opts.excludeHubs,
      hubDegree: neo4j.int(opts.hubDegree),
    });
    return result.records.map((r) => ({
      nodes: entitiesSchema.parse(r.get('nodes')),
      edges: relationsSchema.parse(r.get('edges')),
    }));
  }

  /** A page of articles, newest ingested first, with the cursor of each. */
  async listArticles(first: number, after: string): Promise<Array<{ article: StoredArticle; cursor: string }>> {
    const result = await this.read('explore/list-articles', { first: neo4j.int(first), after });
    return result.records.map((r) => ({ article: articleSchema.parse(r.get('article')), cursor: stringSchema.parse(r.get('cursor')) }));
  }

  /** One article with its text and the entities it mentions. */
  async getArticle(id: string): Promise<{ article: StoredArticle & { text: string }; entities: GraphEntity[] } | undefined> {
    const result = await this.read('explore/get-article', { id });
    const record = result.records[0];
    if (!record) return undefined;
    return {
      article: storedArticleSchema.parse(record.get('article')),
      entities: entitiesSchema.parse(record.get('entities')),
    };
  }

  /** The articles that mention an entity, newest first. */
  async entityArticles(id: string, limit: number): Promise<StoredArticle[]> {
    const result = await this.read('explore/get-entity-articles', { id, limit: neo4j.int(limit) });
    return result.records.map((r) => articleSchema.parse(r.get('article')));
  }

  /** Events involving any of `ids`, in date order. */
  async timeline(ids: string[], since: string | null, until: string | null, limit: number): Promise<TimelineEntry[]> {
    const result = await this.read('explore/get-timeline', { ids, since, until, limit: neo4j.int(limit) });
    return result.records.map((r) => ({
      event: entitySchema.parse(r.get('event')),
      eventType: nullableString.parse(r.get('eventType')),
      date: nullableString.parse(r.get('date')),
      count: nullableInteger.parse(r.get('count') ?? null),
      participants: participantsSchema.parse(r.get('participants')),
      article: articleSchema.parse(r.get('article')),
    }));
  }

  /** Counts of articles, relations, evidence, and entities by type. */
  async stats(): Promise<{ articles: number; relations: number; evidence: number; byType: Array<{ type: EntityType; count: number }> }> {
    const result = await this.read('admin/get-stats', {});
    return statsSchema.parse(result.records[0]?.toObject());
  }

  /**
   * Deletes an article and every entity, relation and evidence that only it supported, in one
   * transaction. Returns false when there is no such article.
   */
  async deleteArticle(articleId: string): Promise<boolean> {
    return this.write(async (tx) => {
      // Plan first, then delete, then apply the plan: lookups made after many deletions in one
      // transaction slow down with every deletion (seconds per thousand on a large article).
      const record = (await this.run(tx, 'ingest/plan-article-removal', { articleId })).records[0];
      if (!record) return false;
      const relations = record.get('relations') as unknown[];
      await this.run(tx, 'ingest/remove-article', { articleId });
      await this.run(tx, 'ingest/apply-relation-refresh', { relations });
      return true;
    });
  }

  /** How many articles are stored. */
  async countArticles(): Promise<number> {
    const result = await this.read('admin/count-articles', {});
    return integer.parse(result.records[0]?.get('articles'));
  }

  /** Counts of every kind of stored thing, to check what a write changed. */
  async countGraph(): Promise<{ articles: number; entities: number; relations: number; evidence: number; mentions: number }> {
    const result = await this.read('admin/count-graph', {});
    return graphCountsSchema.parse(result.records[0]?.toObject());
  }

  /** Counts of broken invariants (all 0 in a healthy graph), by name: for fuzzing and checks after a crash. */
  async checkIntegrity(): Promise<Record<string, number>> {
    const record = (await this.read('admin/check-integrity', {})).records[0];
    return z.record(z.string(), integer).parse(record?.toObject() ?? {});
  }

  /**
   * Deletes the whole graph. For tests and explicit resets only. CALL … IN TRANSACTIONS
   * needs an auto-commit transaction, so this is the one write outside executeWrite.
   */
  async deleteEverything(): Promise<void> {
    await this.withSession((session) => session.run(this.catalog.query('admin/delete-everything')));
  }

  /** What reports could disagree about: events told by several articles, relations with a denial, people with several nationalities. */
  async conflictCandidates(): Promise<{ events: string[]; relations: string[]; people: string[] }> {
    const result = await this.read('trust/list-conflict-candidates', {});
    return candidatesSchema.parse(result.records[0]?.toObject() ?? { events: [], relations: [], people: [] });
  }

  /** What each article reported of the given events (those told by more than one article). */
  async eventReports(ids: string[]): Promise<Array<z.infer<typeof eventReportsSchema>>> {
    const result = await this.read('trust/get-event-reports', { ids });
    return result.records.map((r) => eventReportsSchema.parse(plainValues(r.toObject())));
  }

  /** Each evidence sentence of the links of the given relations' pairs, with its article (pairs with a denying sentence and another link). */
  async relationReports(ids: string[]): Promise<Array<z.infer<typeof relationReportsSchema>>> {
    const result = await this.read('trust/get-relation-reports', { ids });
    return result.records.map((r) => relationReportsSchema.parse(plainValues(r.toObject())));
  }

  /** The nationalities each article gives the given people (those with more than one). */
  async nationalityReports(ids: string[]): Promise<Array<z.infer<typeof nationalityReportsSchema>>> {
    const result = await this.read('trust/get-nationality-reports', { ids });
    return result.records.map((r) => nationalityReportsSchema.parse(plainValues(r.toObject())));
  }

  /** Relations (among `ids`, or all) with evidence from articles ingested since `since`, and their independent sources before it. */
  async relationGains(since: string, ids: string[] | null, limit: number): Promise<z.infer<typeof relationGainsSchema>> {
    const result = await this.read('trust/list-relation-gains', { since, ids, limit: neo4j.int(limit) });
    return relationGainsSchema.parse(plainValues(result.records[0]?.toObject() ?? { rows: [], total: 0 }));
  }

  /** New entities and new or newly corroborated events since `since`, by kind. */
  async entityGains(since: string, limit: number): Promise<Array<z.infer<typeof entityGainsSchema>>> {
    const result = await this.read('trust/list-entity-gains', { since, limit: neo4j.int(limit) });
    return result.records.map((r) => entityGainsSchema.parse(plainValues(r.toObject())));
  }

  /** Saves a watch (ids null: only an existing one, to mark it seen); undefined when there is none to change. */
  async saveWatch(name: string, ids: string[] | null, now: string, markSeen: boolean): Promise<Watch | undefined> {
    const result = await this.write((tx) => this.run(tx, 'trust/save-watch', { name, ids, now, markSeen }));
    const record = result.records[0];
    return record ? watchSchema.parse(record.get('watch')) : undefined;
  }

  /** The watches, by name. */
  async listWatches(limit: number): Promise<Watch[]> {
    const result = await this.read('trust/list-watches', { limit: neo4j.int(limit) });
    return result.records.map((r) => watchSchema.parse(r.get('watch')));
  }

  /** Deletes a watch; says whether there was one. */
  async deleteWatch(name: string): Promise<boolean> {
    const result = await this.write((tx) => this.run(tx, 'trust/delete-watch', { name }));
    return integer.parse(result.records[0]?.get('deleted')) === 1;
  }

  /**
   * Runs several catalog queries in one write transaction, for services (curation) whose
   * logic sits between the queries. Records come back as plain objects; whole numbers in
   * params are sent as Neo4j integers.
   */
  async inWriteTransaction<T>(work: (run: QueryRunner) => Promise<T>): Promise<T> {
    return this.write((tx) =>
      work(async (name, params) => (await this.run(tx, name, toNeo4jParams(params) as Record<string, unknown>)).records.map((r) => plainValues(r.toObject()) as Record<string, unknown>)),
    );
  }

  /** Runs one read-only catalog query and returns its records as plain objects. */
  async readRecords(name: QueryName, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    return (await this.read(name, toNeo4jParams(params) as Record<string, unknown>)).records.map((r) => plainValues(r.toObject()) as Record<string, unknown>);
  }

  /** Runs EXPLAIN on a catalog query (used by tests to check every query file compiles). */
  async explain(name: QueryName): Promise<void> {
    await this.withSession((session) => session.run(`EXPLAIN ${this.catalog.query(name)}`, {}));
  }

  /** Closes the driver and its connections. */
  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Streams a read-only query's records, validated one by one, pulling more from Neo4j only as
   * the consumer takes them (the driver's fetch size bounds what is buffered). An explicit read
   * transaction rather than executeRead: rows already handed on cannot be taken back, so a
   * failure midway must reach the consumer instead of being retried. Stopping early (the
   * consumer breaks or a download is cancelled) rolls the transaction back.
   */
  private async *stream<T>(name: QueryName, params: Record<string, unknown>, parse: (record: Neo4jRecord) => T): AsyncGenerator<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, fetchSize: STREAM_FETCH_SIZE });
    let tx: Transaction | undefined;
    let records: AsyncIterator<Neo4jRecord> | undefined;
    let done = false;
    try {
      tx = await this.guard(() => session.beginTransaction());
      const result = tx.run(this.catalog.query(name), this.withConstants(name, params));
      const iterator = result[Symbol.asyncIterator]();
      records = iterator;
      for (;;) {
        const next = await this.guard(() => iterator.next());
        if (next.done) break;
        yield parse(next.value);
      }
      done = true;
      await this.guard(() => tx?.commit() ?? Promise.resolve());
    } finally {
      // Stopped early: tell Neo4j to discard the rest (a paused stream would otherwise hold the
      // transaction open), then roll back.
      if (!done) await records?.return?.().catch(() => undefined);
      if (tx?.isOpen()) await tx.rollback().catch(() => {});
      await session.close();
    }
  }

  private read(name: QueryName, params: Record<string, unknown>): Promise<QueryResult> {
    return this.withSession((session) => session.executeRead((tx) => this.run(tx, name, params)));
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession((session) => session.executeWrite(work));
  }

  /** Opens a session, runs `work`, always closes it; unavailability becomes SERVICE_UNAVAILABLE. */
  private withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      const session = this.driver.session({ database: this.database });
      try {
        return await work(session);
      } finally {
        await session.close();
      }
    });
  }

  private run(tx: ManagedTransaction, name: QueryName, params: Record<string, unknown>): Promise<QueryResult> {
    return tx.run(this.catalog.query(name), this.withConstants(name, params));
  }

  /** Queries that count evidence per stance get the stances' order from the one list that defines it. */
  private withConstants(name: QueryName, params: Record<string, unknown>): Record<string, unknown> {
    return this.catalog.query(name).includes('$stanceOrder') ? { ...params, stanceOrder: [...STANCES] } : params;
  }

  /** Turns "Neo4j is not there" into a SERVICE_UNAVAILABLE error the API can report. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (isUnavailable(err)) {
        throw new AppError('SERVICE_UNAVAILABLE', 'The graph database (Neo4j) is unavailable; try again shortly.', {
          cause: err,
        });
      }
      throw err;
    }
  }
}

// Whole numbers become Neo4j integers (JavaScript numbers would be stored as floats).
function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

function isUnavailable(err: unknown): boolean {
  if (err instanceof neo4j.Neo4jError) {
    return UNAVAILABLE_CODES.has(err.code) || err.code.startsWith('Neo.TransientError') || /ECONNREFUSED|ECONNRESET|socket/i.test(err.message);
  }
  return false;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Escapes Lucene query syntax so user text is always searched literally. */
export function escapeLucene(term: string): string {
  return term.replace(/[+\-!(){}[\]^"~*?:\\/]|&&|\|\|/g, (m) => `\\${m}`);
}
