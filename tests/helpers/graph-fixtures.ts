import type { GraphBatch, ResolvedEntity, ResolvedRelation } from '../../server/src/domain/types.ts';
import { relationId } from '../../server/src/pipeline/resolve.ts';

/** An entity for a hand-built batch. */
export function entity(id: string, type: ResolvedEntity['type'] = 'ORGANIZATION'): ResolvedEntity {
  return { id, name: id.split(':')[1] ?? id, type, aliases: [], mentionCount: 1, eventType: null, count: null, date: null };
}

/** A relation for a hand-built batch, with one evidence sentence. */
export function rel(source: string, target: string, type: ResolvedRelation['type'] = 'MENTIONED_WITH', start = 0): ResolvedRelation {
  return { id: relationId(source, type, target), source, target, type, role: null, evidence: [{ sentence: `${source} and ${target}.`, start, end: start + 10, confidence: 0.5, rules: ["test"], stance: "ASSERTED", stanceRules: [] }] };
}

/** A batch for one synthetic article. */
export function batch(articleId: string, entities: ResolvedEntity[], relations: ResolvedRelation[], publishedAt: string | null = null): GraphBatch {
  return {
    article: { id: articleId, title: articleId, text: articleId, url: null, source: 'test', publishedAt, extractorVersion: 'test' },
    entities,
    relations,
  };
}
