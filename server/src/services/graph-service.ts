import DataLoader from 'dataloader';
import type { GraphRepository } from '../db/graph-repository.ts';
import { parseIsoDate } from '../pipeline/prepare-article.ts';
import { AppError, badInput } from '../domain/errors.ts';
import {
  isRelationType,
  type EdgeFilter,
  type EntityType,
  type EvidenceRecord,
  type GraphEntity,
  type GraphPath,
  type GraphRelation,
  type Stance,
  type StoredArticle,
  type Subgraph,
  type TimelineEntry,
} from '../domain/types.ts';

/** Hard caps on what one request may ask for: every list the API returns is bounded. */
export const LIMITS = {
  searchDefault: 20,
  searchMax: 100,
  queryMaxChars: 200,
  depthDefault: 1,
  depthMax: 3,
  neighborhoodDefault: 50,
  neighborhoodMax: 500,
  seedIdsMax: 100,
  excludeMax: 2000,
  pathLengthDefault: 4,
  pathLengthMax: 6,
  pathsDefault: 3,
  pathsMax: 20,
  /** An intermediate node with more links than this is a hub for excludeHubs. */
  hubDegree: 200,
  evidenceDefault: 10,
  evidenceMax: 100,
  /** Evidence pages read in one transaction (one response can show many relations). */
  evidenceBatchMax: 200,
  articlesDefault: 20,
  articlesMax: 100,
  timelineMax: 500,
} as const;

/** Arguments of the neighborhood query. */
export interface NeighborhoodArgs {
  ids: string[];
  /** Entities the client already shows: not returned again, but edges to them are. */
  exclude?: string[] | null;
  depth?: number | null;
  limit?: number | null;
  types?: EntityType[] | null;
  relationTypes?: string[] | null;
  /** Only edges with evidence presented in one of these ways. */
  stances?: Stance[] | null;
  since?: string | null;
  until?: string | null;
  minWeight?: number | null;
}

/** One page of one relation's evidence. */
interface EvidencePage {
  relationId: string;
  first: number;
  after: string;
  /** Only evidence presented in one of these ways (null: all). */
  stances: Stance[] | null;
}

/** Exploration: search, neighbourhoods, paths, evidence, articles, timeline — with input checks and caps. */
export class GraphService {
  /**
   * Evidence pages asked for in the same tick (one per relation a response shows: a path's
   * hops, say) are read in one transaction. No cache: each request sees the stored evidence.
   */
  private readonly evidencePages: DataLoader<EvidencePage, EvidenceRecord[]>;

  constructor(private readonly repo: GraphRepository) {
    this.evidencePages = new DataLoader((pages) => this.loadEvidencePages(pages), { cache: false, maxBatchSize: LIMITS.evidenceBatchMax });
  }

  /** Entities whose names or aliases match `query`, best first. */
  async search(query: string, types: EntityType[] | null | undefined, limit: number | null | undefined): Promise<GraphEntity[]> {
    const q = query.trim();
    if (q.length > LIMITS.queryMaxChars) throw badInput(`query is ${q.length} characters; the limit is ${LIMITS.queryMaxChars}.`);
    if (q.length === 0) return [];
    const n = clampLimit('limit', limit, LIMITS.searchDefault, LIMITS.searchMax);
    return this.repo.searchEntities(q, types && types.length > 0 ? types : null, n);
  }

  /** One entity, or null when the id is unknown. */
  async entity(id: string): Promise<GraphEntity | null> {
    const [e] = await this.repo.getEntities([id]);
    return e ?? null;
  }

  /**
   * The seeds plus up to `limit` neighbours reached within `depth` hops, strongest first at
   * each hop, and every edge among them that passes the filters; says how many were left out.
   */
  async neighborhood(args: NeighborhoodArgs, maxLimit: number = LIMITS.neighborhoodMax): Promise<Subgraph> {
    const { nodes, filter, hiddenCount } = await this.selectNodes(args, maxLimit);
    const edges = await this.repo.edgesAmong([...nodes.map((n) => n.id), ...(args.exclude ?? [])], filter);
    return { nodes, edges, truncated: hiddenCount > 0, hiddenCount };
  }

  /**
   * Exactly the given entities (unknown ids are skipped) and every edge among them: what a
   * client needs to redraw a view it described by its entity ids (a shared link, a saved view).
   */
  async subgraph(ids: string[]): Promise<Subgraph> {
    const unique = [...new Set(ids)];
    if (unique.length > LIMITS.excludeMax) throw badInput(`ids names ${unique.length} entities; the limit is ${LIMITS.excludeMax}.`);
    if (unique.length === 0) return { nodes: [], edges: [], truncated: false, hiddenCount: 0 };
    const nodes = await this.repo.getEntities(unique);
    const edges = await this.repo.edgesAmong(nodes.map((n) => n.id));
    return { nodes, edges, truncated: false, hiddenCount: 0 };
  }

  /**
   * The entities of a neighbourhood without its edges (exports stream those): the seeds plus
   * up to `limit` neighbours within `depth` hops, strongest first; with the checked filter.
   */
  async selectNodes(args: NeighborhoodArgs, maxLimit: number): Promise<{ nodes: GraphEntity[]; filter: EdgeFilter; hiddenCount: number }> {
    const { ids } = args;
    if (ids.length === 0) throw badInput('ids must name at least one entity.');
    if (ids.length > LIMITS.seedIdsMax) throw badInput(`ids names ${ids.length} entities; the limit is ${LIMITS.seedIdsMax}.`);
    const d = args.depth ?? LIMITS.depthDefault;
    if (!Number.isInteger(d) || d < 1 || d > LIMITS.depthMax) throw badInput(`depth must be between 1 and ${LIMITS.depthMax}; got ${d}.`);
    const max = clampLimit('limit', args.limit, Math.min(LIMITS.neighborhoodDefault, maxLimit), maxLimit);
    const exclude = args.exclude ?? [];
    if (exclude.length > LIMITS.excludeMax) throw badInput(`exclude names ${exclude.length} entities; the limit is ${LIMITS.excludeMax}.`);
    const filter = edgeFilter(args);

    const seeds = await this.repo.getEntities([...new Set(ids)]);
    const nodes = new Map(seeds.map((e) => [e.id, e]));
    const skip = new Set([...nodes.keys(), ...exclude]);
    let frontier = seeds.map((e) => e.id);
    let added = 0;
    let hidden = 0;
    for (let hop = 0; hop < d && frontier.length > 0; hop++) {
      const room = max - added;
      const { entities, total } = await this.repo.expandNeighbors(frontier, [...skip], Math.max(room, 0), filter);
      hidden += Math.max(0, total - entities.length);
      if (room <= 0) break;
      for (const e of entities) {
        nodes.set(e.id, e);
        skip.add(e.id);
      }
      added += entities.length;
      frontier = entities.map((e) => e.id);
    }
    return { nodes: [...nodes.values()], filter, hiddenCount: hidden };
  }

  /**
   * The best few paths between two entities, each hop a relation. An unknown id is NOT_FOUND;
   * known entities with no path between them give []. The existence check runs only when no path
   * is found: a found path proves both ends exist, and saves a transaction.
   */
  async paths(from: string, to: string, maxLength: number | null | undefined, limit: number | null | undefined, excludeHubs: boolean | null | undefined): Promise<GraphPath[]> {
    if (from === to) throw badInput('from and to must be different entities.');
    const length = maxLength ?? LIMITS.pathLengthDefault;
    if (!Number.isInteger(length) || length < 1 || length > LIMITS.pathLengthMax) {
      throw badInput(`maxLength must be between 1 and ${LIMITS.pathLengthMax}; got ${length}.`);
    }
    const n = clampLimit('limit', limit, LIMITS.pathsDefault, LIMITS.pathsMax);
    const paths = await this.repo.findPaths(from, to, { maxLength: length, limit: n, excludeHubs: excludeHubs ?? false, hubDegree: LIMITS.hubDegree });
    if (paths.length > 0) return paths;
    const found = await this.repo.getEntities([from, to]);
    for (const id of [from, to]) if (!found.some((e) => e.id === id)) throw new AppError('NOT_FOUND', `No entity with id "${id}".`);
    return [];
  }

  /** One relation, or null. */
  async relation(id: string): Promise<GraphRelation | null> {
    return (await this.repo.getRelation(id)) ?? null;
  }

  /** A page of a relation's evidence; `after` is the cursor (an evidence id) of the last item seen. */
  async evidence(relationId: string, first: number | null | undefined, after: string | null | undefined, stances?: Stance[] | null): Promise<EvidenceRecord[]> {
    const n = clampLimit('first', first, LIMITS.evidenceDefault, LIMITS.evidenceMax);
    return this.evidencePages.load({ relationId, first: n, after: after ?? '', stances: stances && stances.length > 0 ? [...new Set(stances)].sort() : null });
  }

  /** One query per page size among the pages asked for together (usually one). */
  private async loadEvidencePages(pages: readonly EvidencePage[]): Promise<EvidenceRecord[][]> {
    const out: EvidenceRecord[][] = pages.map(() => []);
    // (Pages asked for with the same size and stances share a query.)
    const bySize = new Map<string, Array<{ page: EvidencePage; at: number }>>();
    pages.forEach((page, at) => {
      const key = `${page.first}|${page.stances?.join(',') ?? ''}`;
      bySize.set(key, [...(bySize.get(key) ?? []), { page, at }]);
    });
    await Promise.all(
      [...bySize.values()].map(async (group) => {
        const first = group[0]?.page.first ?? LIMITS.evidenceDefault;
        const found = await this.repo.getEvidencePages(group.map((g) => g.page), first, group[0]?.page.stances ?? null);
        group.forEach((g, k) => (out[g.at] = found[k] ?? []));
      }),
    );
    return out;
  }

  /** A page of articles, newest first. */
  async articles(first: number | null | undefined, after: string | null | undefined): Promise<{ nodes: StoredArticle[]; endCursor: string | null; hasNextPage: boolean }> {
    const n = clampLimit('first', first, LIMITS.articlesDefault, LIMITS.articlesMax);
    if (after && !ARTICLE_CURSOR.test(after)) throw badInput('after is not a cursor from articles { endCursor }; leave it out for the first page.');
    const page = await this.repo.listArticles(n + 1, after ?? '');
    const shown = page.slice(0, n);
    return { nodes: shown.map((p) => p.article), endCursor: shown.at(-1)?.cursor ?? null, hasNextPage: page.length > n };
  }

  /** One article with its text and entities, or null. */
  async article(id: string): Promise<(StoredArticle & { text: string; entities: GraphEntity[] }) | null> {
    const found = await this.repo.getArticle(id);
    return found ? { ...found.article, entities: found.entities } : null;
  }

  /** The articles that mention an entity, newest first (default 20, at most 100). */
  async entityArticles(id: string, first: number | null | undefined): Promise<StoredArticle[]> {
    return this.repo.entityArticles(id, clampLimit('first', first, LIMITS.articlesDefault, LIMITS.articlesMax));
  }

  /** Events involving the given entities, in date order. */
  async timeline(ids: string[], since: string | null | undefined, until: string | null | undefined): Promise<TimelineEntry[]> {
    if (ids.length === 0) throw badInput('ids must name at least one entity.');
    if (ids.length > LIMITS.seedIdsMax) throw badInput(`ids names ${ids.length} entities; the limit is ${LIMITS.seedIdsMax}.`);
    return this.repo.timeline(ids, isoDate('since', since), isoDate('until', until), LIMITS.timelineMax);
  }

  /** Counts by kind and by entity type. */
  stats(): ReturnType<GraphRepository['stats']> {
    return this.repo.stats();
  }
}

/** The edge filter of a request, checked: unknown relation types and malformed dates are refused. */
export function edgeFilter(args: Omit<NeighborhoodArgs, 'ids'>): EdgeFilter {
  const relationTypes = args.relationTypes && args.relationTypes.length > 0 ? args.relationTypes : null;
  for (const t of relationTypes ?? []) if (!isRelationType(t)) throw badInput(`relationTypes: "${t}" is not a relation type.`);
  const minWeight = args.minWeight ?? 0;
  if (!Number.isInteger(minWeight) || minWeight < 0) throw badInput(`minWeight must be a non-negative integer; got ${minWeight}.`);
  return {
    types: args.types && args.types.length > 0 ? args.types : null,
    relationTypes,
    stances: args.stances && args.stances.length > 0 ? [...new Set(args.stances)] : null,
    minWeight,
    since: isoDate('since', args.since),
    until: isoDate('until', args.until),
  };
}

/**
 * A date argument as a string that compares correctly with stored ISO dates and timestamps:
 * a bare date is kept as YYYY-MM-DD for `since` (sorts before any time that day) and becomes
 * the day's last millisecond for `until`. Refuses what is not a date.
 */
function isoDate(name: 'since' | 'until', value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const iso = new Date(parseIsoDate(value.trim(), name)).toISOString();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return iso;
  return name === 'since' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T23:59:59.999Z`;
}

/** An articles cursor as list-articles makes it: ingestedAt|id. */
const ARTICLE_CURSOR = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})\|[^|\s]{1,200}$/;

/** A page size or limit checked against its cap; the default when none is given. */
export function clampLimit(name: string, value: number | null | undefined, fallback: number, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw badInput(`${name} must be a positive integer; got ${value}.`);
  if (value > max) throw badInput(`${name} is ${value}; the most allowed is ${max}.`);
  return value;
}
