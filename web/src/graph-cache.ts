import type { Entity, Relation, Subgraph } from './api.ts';

/**
 * The entity and link data fetched so far, by id. The view state names entities only; drawing
 * it takes their data from here, so undo and redo redraw without asking the server again.
 */
export class GraphCache {
  private readonly nodes = new Map<string, Entity>();
  private readonly edges = new Map<string, Relation>();

  /** Remembers a fetched subgraph (newer data replaces older). */
  add(sub: Pick<Subgraph, 'nodes' | 'edges'>): void {
    for (const n of sub.nodes) this.nodes.set(n.id, n);
    for (const e of sub.edges) this.edges.set(e.id, e);
  }

  node(id: string): Entity | undefined {
    return this.nodes.get(id);
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Replaces an entity's data (after a rename or a type change). */
  setNode(entity: Entity): void {
    this.nodes.set(entity.id, entity);
  }

  /** Every known link whose two ends are both in `ids`. */
  edgesAmong(ids: ReadonlySet<string>): Relation[] {
    return [...this.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target));
  }

  /** The links among `ids` as the server now has them (after a curation change): stale ones go. */
  replaceEdgesAmong(ids: ReadonlySet<string>, edges: Relation[]): void {
    for (const e of this.edgesAmong(ids)) this.edges.delete(e.id);
    for (const e of edges) this.edges.set(e.id, e);
  }

  /** Every known entity linked to `id` (an event's participants). */
  linked(id: string): Entity[] {
    const out: Entity[] = [];
    for (const e of this.edges.values()) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      const entity = other ? this.nodes.get(other) : undefined;
      if (entity) out.push(entity);
    }
    return out;
  }

  /** The entities in `among` linked to `id`. */
  neighbours(id: string, among: ReadonlySet<string>): string[] {
    const out = new Set<string>();
    for (const e of this.edges.values()) {
      if (e.source === id && among.has(e.target)) out.add(e.target);
      else if (e.target === id && among.has(e.source)) out.add(e.source);
    }
    return [...out];
  }
}
