import { createHash } from 'node:crypto';
import type { Article, EntityType, Evidence, Extraction, GraphBatch, RelationType, ResolvedEntity, ResolvedRelation } from '../domain/types.ts';

/** Relation types whose direction carries no meaning: stored once, ends ordered by id. */
const SYMMETRIC: ReadonlySet<RelationType> = new Set(['MENTIONED_WITH']);

/**
 * Gives every extracted entity its stable graph id (type plus a slug of the canonical
 * name, so the same thing named in two articles is one node) and every relation an id
 * derived from its ends and type; gathers each relation's evidence sentences.
 */
export function resolve(article: Article, extraction: Extraction): GraphBatch {
  const idOfKey = new Map<string, string>();
  const entities = new Map<string, ResolvedEntity>();
  for (const e of extraction.entities) {
    const id = entityId(e.type, e.name);
    idOfKey.set(e.key, id);
    const existing = entities.get(id);
    if (existing) {
      existing.aliases = union(existing.aliases, e.aliases);
      existing.mentionCount += e.mentions.length;
    } else {
      entities.set(id, { id, name: e.name, type: e.type, aliases: union([], e.aliases), mentionCount: e.mentions.length, eventType: null, count: null, date: null });
    }
  }
  // Events are read from one sentence of one article: their ids are scoped to it.
  for (const ev of extraction.events) {
    // A second event of the same type in the same sentence (two attacks at two places) gets a suffix.
    const base = `event:${article.id.slice(4, 16)}-${ev.evidence.start}-${ev.type.toLowerCase()}`;
    let id = base;
    for (let n = 2; entities.has(id); n++) id = `${base}-${n}`;
    idOfKey.set(ev.key, id);
    entities.set(id, { id, name: ev.name, type: 'EVENT', aliases: [], mentionCount: 1, eventType: ev.type, count: ev.count ?? null, date: ev.date ?? null });
  }

  const relations = new Map<string, ResolvedRelation>();
  for (const r of extraction.relations) {
    let source = idOfKey.get(r.source);
    let target = idOfKey.get(r.target);
    if (!source || !target || source === target) continue;
    if (SYMMETRIC.has(r.type) && target < source) [source, target] = [target, source];
    const id = relationId(source, r.type, target);
    const rel = relations.get(id) ?? { id, source, target, type: r.type, role: r.role ?? null, evidence: [] };
    if (!rel.evidence.some((ev) => ev.start === r.evidence.start && ev.end === r.evidence.end)) rel.evidence.push(withSourceId(r.evidence, idOfKey));
    relations.set(id, rel);
  }

  return {
    article: { ...article, extractorVersion: extraction.extractorVersion },
    entities: [...entities.values()],
    relations: [...relations.values()],
  };
}

/** The evidence with its attribution's extraction key replaced by the entity's graph id. */
function withSourceId(ev: Evidence, idOfKey: ReadonlyMap<string, string>): Evidence {
  const { attributedTo, ...rest } = ev;
  const id = attributedTo ? idOfKey.get(attributedTo) : undefined;
  return id ? { ...rest, attributedTo: id } : rest;
}

/** Stable entity id: "agency:immigration-and-customs-enforcement". */
export function entityId(type: EntityType, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const safe = /^[a-z0-9-]+$/.test(slug) && slug.length > 0 && slug.length <= 80 ? slug : hash(name).slice(0, 16);
  return `${type.toLowerCase()}:${safe}`;
}

/** Stable relation id from its ends and type. */
export function relationId(source: string, type: RelationType, target: string): string {
  return `rel_${hash(`${source}|${type}|${target}`).slice(0, 24)}`;
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
