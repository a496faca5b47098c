import type { ArticleInput, EntityType, Gain, GraphEntity, GraphRelation, Stance, StoredArticle, Watch } from '../domain/types.ts';
import type { ExportFormat } from '../pipeline/export/export-data.ts';
import type { NeighborhoodArgs } from '../services/graph-service.ts';
import { ingestFeed } from '../services/ingest-feed.ts';
import { MAX_BATCH, type IngestInput } from '../services/ingest-service.ts';
import type { AppContext } from './context.ts';

type Args<T> = T & Record<string, unknown>;

const relationChange = (g: Gain<GraphRelation>) => ({ relation: g.item, before: g.before, now: g.now });

/** Resolvers stay thin: argument plumbing only; the services hold the logic. */
export const resolvers = {
  Query: {
    search: (_: unknown, a: Args<{ query: string; types?: EntityType[] | null; limit?: number | null }>, ctx: AppContext) =>
      ctx.graph.search(a.query, a.types, a.limit),
    entity: (_: unknown, a: Args<{ id: string }>, ctx: AppContext) => ctx.graph.entity(a.id),
    neighborhood: (_: unknown, a: Args<NeighborhoodArgs>, ctx: AppContext) => ctx.graph.neighborhood(a),
    subgraph: (_: unknown, a: { ids: string[] }, ctx: AppContext) => ctx.graph.subgraph(a.ids),
    paths: (_: unknown, a: Args<{ from: string; to: string; maxLength?: number | null; limit?: number | null; excludeHubs?: boolean | null }>, ctx: AppContext) =>
      ctx.graph.paths(a.from, a.to, a.maxLength, a.limit, a.excludeHubs),
    relation: (_: unknown, a: Args<{ id: string }>, ctx: AppContext) => ctx.graph.relation(a.id),
    timeline: async (_: unknown, a: Args<{ ids: string[]; since?: string | null; until?: string | null }>, ctx: AppContext) =>
      (await ctx.graph.timeline(a.ids, a.since, a.until)).map((t) => ({
        ...t,
        participants: t.participants.map(({ role, ...entity }) => ({ entity, role })),
      })),
    stats: async (_: unknown, __: unknown, ctx: AppContext) => {
      const s = await ctx.graph.stats();
      return { ...s, entities: s.byType.reduce((n, t) => n + t.count, 0) };
    },
    articles: async (_: unknown, a: Args<{ first?: number | null; after?: string | null }>, ctx: AppContext) => {
      const page = await ctx.graph.articles(a.first, a.after);
      return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
    },
    article: (_: unknown, a: Args<{ id: string }>, ctx: AppContext) => ctx.graph.article(a.id),
    exportSubgraph: async (_: unknown, a: Args<{ ids: string[]; depth?: number | null; format: ExportFormat; types?: EntityType[] | null; since?: string | null; until?: string | null }>, ctx: AppContext) => {
      const { bytes: _bytes, ...file } = await ctx.exports.export(a.format, a);
      return file;
    },
    decisions: (_: unknown, a: Args<{ limit?: number | null }>, ctx: AppContext) => ctx.curation.decisions(a.limit ?? 50),
    views: (_: unknown, __: unknown, ctx: AppContext) => ctx.views.list(),
    contradictions: async (_: unknown, a: Args<{ first?: number | null; after?: string | null }>, ctx: AppContext) => {
      const page = await ctx.trust.contradictions(a.first, a.after);
      return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
    },
    changes: async (_: unknown, a: Args<{ since: string; limit?: number | null }>, ctx: AppContext) => {
      const c = await ctx.trust.changes(a.since, a.limit);
      const entity = (g: Gain<GraphEntity>) => ({ entity: g.item, before: g.before, now: g.now });
      return { ...c, entities: c.entities.map(entity), events: c.events.map(entity), relations: c.relations.map(relationChange) };
    },
    watches: (_: unknown, __: unknown, ctx: AppContext) => ctx.trust.watches(),
  },
  Entity: {
    conflicts: (e: GraphEntity, _: unknown, ctx: AppContext) => ctx.trust.conflictsOfEntity(e),
    articles: (e: { id: string }, a: Args<{ first?: number | null }>, ctx: AppContext) => ctx.graph.entityArticles(e.id, a.first),
  },
  Relation: {
    conflicts: (r: GraphRelation, _: unknown, ctx: AppContext) => ctx.trust.conflictsOfRelation(r),
    evidence: (r: GraphRelation, a: Args<{ first?: number | null; after?: string | null; stances?: Stance[] | null }>, ctx: AppContext) => ctx.graph.evidence(r.id, a.first, a.after, a.stances),
    // (A relation built outside the repository, as the curation preview does, has no counts.)
    stances: (r: GraphRelation) => r.stances ?? { asserted: 0, alleged: 0, denied: 0, attributed: 0, uncertain: 0 },
    articleCount: (r: GraphRelation) => r.articleCount ?? r.weight,
  },
  Watch: {
    entities: (w: Watch, _: unknown, ctx: AppContext) => ctx.trust.watchEntities(w),
    newLinks: async (w: Watch, _: unknown, ctx: AppContext) => (await ctx.trust.newLinks(w)).map(relationChange),
  },
  Article: {
    // Lists carry no text or entities: fetch them only when a query asks.
    text: async (a: StoredArticle & { text?: string }, _: unknown, ctx: AppContext) => a.text ?? (await ctx.graph.article(a.id))?.text ?? null,
    entities: async (a: StoredArticle & { entities?: unknown[] }, _: unknown, ctx: AppContext) => a.entities ?? (await ctx.graph.article(a.id))?.entities ?? [],
  },
  Mutation: {
    ingestArticle: (_: unknown, a: Args<{ input: IngestInput }>, ctx: AppContext) => ctx.ingest.ingest(a.input),
    ingestArticles: (_: unknown, a: Args<{ inputs: ArticleInput[] }>, ctx: AppContext) => ctx.ingest.ingestMany(a.inputs),
    ingestFeed: async (_: unknown, a: Args<{ url: string }>, ctx: AppContext) => {
      const run = await ingestFeed(ctx.ingest, a.url, { maxItems: MAX_BATCH, concurrency: 2 });
      return { ...run, results: run.results.map((r) => ({ url: r.file, result: r.ok ? r.outcome : null, error: r.ok ? null : r.error })) };
    },
    deleteArticle: (_: unknown, a: Args<{ id: string }>, ctx: AppContext) => ctx.ingest.deleteArticle(a.id),
    mergeEntities: (_: unknown, a: Args<{ into: string; from: string[] }>, ctx: AppContext) => ctx.curation.merge(a.into, a.from),
    splitEntity: (_: unknown, a: Args<{ id: string; aliases: string[]; name?: string | null; type?: EntityType | null }>, ctx: AppContext) =>
      ctx.curation.split(a.id, a.aliases, a.name, a.type),
    splitEvent: (_: unknown, a: Args<{ id: string; articleIds: string[] }>, ctx: AppContext) => ctx.curation.splitEvent(a.id, a.articleIds),
    renameEntity: (_: unknown, a: Args<{ id: string; name: string }>, ctx: AppContext) => ctx.curation.rename(a.id, a.name),
    setEntityType: (_: unknown, a: Args<{ id: string; type: EntityType }>, ctx: AppContext) => ctx.curation.setType(a.id, a.type),
    undoDecision: (_: unknown, a: Args<{ id: string }>, ctx: AppContext) => ctx.curation.undo(a.id),
    saveView: (_: unknown, a: Args<{ name: string; state: string }>, ctx: AppContext) => ctx.views.save(a.name, a.state),
    deleteView: (_: unknown, a: Args<{ name: string }>, ctx: AppContext) => ctx.views.delete(a.name),
    watchEntities: (_: unknown, a: Args<{ name: string; ids: string[] }>, ctx: AppContext) => ctx.trust.watch(a.name, a.ids),
    markWatchSeen: (_: unknown, a: Args<{ name: string }>, ctx: AppContext) => ctx.trust.markSeen(a.name),
    deleteWatch: (_: unknown, a: Args<{ name: string }>, ctx: AppContext) => ctx.trust.deleteWatch(a.name),
  },
};
