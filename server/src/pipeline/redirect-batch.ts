import { isRelationType, type GraphBatch, type ResolvedEntity } from '../domain/types.ts';
import { relationId } from './resolve.ts';

/**
 * A batch with entity ids sent elsewhere (`redirect`: old id → new id), as a curated merge or
 * the resolution of an event across articles asks: entities that land on one id become one
 * (mentions summed, the first one's fields kept, aliases kept only where the id is unchanged,
 * since a merged-away name lives on the entity merged into), relations are re-keyed from their
 * new ends, and a relation whose ends meet is dropped.
 */
export function redirectBatch(batch: GraphBatch, redirect: ReadonlyMap<string, string>): GraphBatch {
  if (redirect.size === 0) return batch;
  const to = (id: string): string => redirect.get(id) ?? id;
  const entities = new Map<string, ResolvedEntity>();
  for (const e of batch.entities) {
    const id = to(e.id);
    const prev = entities.get(id);
    const aliases = id === e.id ? e.aliases : [];
    if (prev) {
      prev.aliases = [...new Set([...prev.aliases, ...aliases])];
      prev.mentionCount += e.mentionCount;
      if (e.resolvedBy) prev.resolvedBy = [...new Set([...(prev.resolvedBy ?? []), ...e.resolvedBy])];
    } else {
      entities.set(id, { ...e, id, aliases });
    }
  }
  const relations = batch.relations.flatMap((r) => {
    let source = to(r.source);
    let target = to(r.target);
    if (source === target || !isRelationType(r.type)) return [];
    if (r.type === 'MENTIONED_WITH' && target < source) [source, target] = [target, source];
    const attributedTo = r.evidence.some((ev) => ev.attributedTo && redirect.has(ev.attributedTo));
    const evidence = attributedTo ? r.evidence.map((ev) => (ev.attributedTo ? { ...ev, attributedTo: to(ev.attributedTo) } : ev)) : r.evidence;
    return [{ ...r, source, target, id: relationId(source, r.type, target), evidence }];
  });
  return { ...batch, entities: [...entities.values()], relations };
}
