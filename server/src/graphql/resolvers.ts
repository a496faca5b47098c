import type { ArticleInput, EntityType } from '../domain/types.ts';
import type { AppContext } from './context.ts';

/** Resolvers stay thin: argument plumbing only; the services hold the logic. */
export const resolvers = {
  Query: {
    search: (_: unknown, args: { query: string; types?: EntityType[] | null; limit?: number | null }, ctx: AppContext) =>
      ctx.graph.search(args.query, args.types, args.limit),
    entity: (_: unknown, args: { id: string }, ctx: AppContext) => ctx.graph.entity(args.id),
    neighborhood: (_: unknown, args: { ids: string[]; depth?: number | null; limit?: number | null }, ctx: AppContext) =>
      ctx.graph.neighborhood(args.ids, args.depth, args.limit),
  },
  Mutation: {
    ingestArticle: (_: unknown, args: { input: ArticleInput }, ctx: AppContext) => ctx.ingest.ingest(args.input),
  },
};
