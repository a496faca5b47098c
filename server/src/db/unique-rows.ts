import type { GraphBatch, ResolvedEntity, ResolvedRelation } from '../domain/types.ts';

/**
 * One row per id in an article's batch, as the write creates them: each entity once (aliases
 * united, mentions summed), each relation once (two that a curated merge made one have their
 * evidence pooled) and each of a relation's evidence sentences once per start (the evidence id
 * is article, relation and start; of two with one start the later wins, as a second write would).
 * Without it, a new article's write would create a node or link twice, or count a relation twice.
 */
export function uniqueRows(batch: GraphBatch): GraphBatch {
  const entities = new Map<string, ResolvedEntity>();
  for (const e of batch.entities) {
    const prev = entities.get(e.id);
    entities.set(e.id, prev ? { ...prev, aliases: [...new Set([...prev.aliases, ...e.aliases])], mentionCount: prev.mentionCount + e.mentionCount } : e);
  }
  const relations = new Map<string, ResolvedRelation>();
  for (const r of batch.relations) {
    const prev = relations.get(r.id);
    relations.set(r.id, prev ? { ...prev, evidence: [...prev.evidence, ...r.evidence] } : r);
  }
  const byStart = (r: ResolvedRelation): ResolvedRelation => {
    const evidence = [...new Map(r.evidence.map((ev) => [ev.start, ev])).values()];
    return evidence.length === r.evidence.length ? r : { ...r, evidence };
  };
  if (entities.size === batch.entities.length && relations.size === batch.relations.length && batch.relations.every((r) => byStart(r) === r)) return batch;
  return { ...batch, entities: [...entities.values()], relations: [...relations.values()].map(byStart) };
}
