import type { GraphRepository } from '../db/graph-repository.ts';
import { badInput } from '../domain/errors.ts';
import type { EntityType, GraphEntity, Subgraph } from '../domain/types.ts';

/** Hard caps on what one request may ask for. */
export const LIMITS = {
  searchDefault: 20,
  searchMax: 100,
  queryMaxChars: 200,
  depthDefault: 1,
  depthMax: 3,
  neighborhoodDefault: 50,
  neighborhoodMax: 500,
  seedIdsMax: 100,
} as const;

/** Exploration: search, entity lookup and neighbourhoods, with input checks and caps. */
export class GraphService {
  constructor(private readonly repo: GraphRepository) {}

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
   * each hop, and every edge among them.
   */
  async neighborhood(ids: string[], depth: number | null | undefined, limit: number | null | undefined): Promise<Subgraph> {
    if (ids.length === 0) throw badInput('ids must name at least one entity.');
    if (ids.length > LIMITS.seedIdsMax) throw badInput(`ids names ${ids.length} entities; the limit is ${LIMITS.seedIdsMax}.`);
    const d = depth ?? LIMITS.depthDefault;
    if (!Number.isInteger(d) || d < 1 || d > LIMITS.depthMax) throw badInput(`depth must be between 1 and ${LIMITS.depthMax}; got ${d}.`);
    const max = clampLimit('limit', limit, LIMITS.neighborhoodDefault, LIMITS.neighborhoodMax);

    const seeds = await this.repo.getEntities([...new Set(ids)]);
    const nodes = new Map(seeds.map((e) => [e.id, e]));
    let frontier = seeds.map((e) => e.id);
    let added = 0;
    for (let hop = 0; hop < d && frontier.length > 0 && added < max; hop++) {
      const next = await this.repo.expandNeighbors(frontier, [...nodes.keys()], max - added);
      for (const e of next) nodes.set(e.id, e);
      added += next.length;
      frontier = next.map((e) => e.id);
    }
    const edges = await this.repo.edgesAmong([...nodes.keys()]);
    return { nodes: [...nodes.values()], edges };
  }
}

function clampLimit(name: string, value: number | null | undefined, fallback: number, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw badInput(`${name} must be a positive integer; got ${value}.`);
  if (value > max) throw badInput(`${name} is ${value}; the most allowed is ${max}.`);
  return value;
}
