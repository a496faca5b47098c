/**
 * Resolve events across articles: each event an article reports is matched against the events
 * already known (stored, or reported earlier in the same write) and, when the event-match rules
 * find them one real-world event, takes that event's id, so six outlets' reports of one arrest
 * are one node with six reports as evidence. Conservative: any apart-rule keeps two reports
 * apart, and a curated split keeps its articles off the event it was split from.
 */
import type { EntityType, EventRole, GraphBatch } from '../domain/types.ts';
import { APART_RULES, MATCH_RULES, MATCH_THRESHOLD, kindredTypes, type EventFacts } from './event-match-rules.ts';
import { redirectBatch } from './redirect-batch.ts';

/** An event already in the graph, with its reports' facts together. */
export interface KnownEvent extends EventFacts {
  id: string;
  /** Articles that report it. */
  articleIds: readonly string[];
}

/** A curated split: reports from these articles never join the event. */
export interface KeepApart {
  eventId: string;
  articleIds: readonly string[];
}

/** One report that joined an event known before it. */
export interface EventJoin {
  articleId: string;
  /** The report's own id (what it would be unresolved). */
  reportId: string;
  eventId: string;
  /** The match-rules that agreed. */
  rules: string[];
}

/** How two reports compare: kept apart by a rule, or the match-rules that agree and their weight. */
export interface EventComparison {
  apartBy: string | null;
  matchedBy: string[];
  score: number;
}

/** Compares two reports by the rules (exported for tests and docs). */
export function compareEvents(a: EventFacts, b: EventFacts): EventComparison {
  const veto = APART_RULES.find((r) => r.apart(a, b));
  if (veto) return { apartBy: veto.id, matchedBy: [], score: 0 };
  let score = 0;
  const matchedBy: string[] = [];
  for (const rule of MATCH_RULES) {
    const s = rule.score(a, b);
    if (s !== 0) {
      score += s;
      matchedBy.push(rule.id);
    }
  }
  return { apartBy: null, matchedBy, score };
}

/** The event facts of each event an article's batch reports, by event id. */
export function reportsOf(batch: GraphBatch): Map<string, EventFacts> {
  const types = new Map(batch.entities.map((e) => [e.id, e.type]));
  const out = new Map<string, EventFacts>();
  const reportedBy = batch.article.publishedAt ? batch.article.publishedAt.slice(0, 10) : null;
  for (const e of batch.entities) {
    if (e.type !== 'EVENT' || !e.eventType) continue;
    const participants: Array<{ id: string; type: EntityType; role: EventRole }> = [];
    for (const r of batch.relations) {
      if (r.type !== 'PARTICIPATED_IN' || r.target !== e.id) continue;
      const type = types.get(r.source);
      if (type) participants.push({ id: r.source, type, role: r.role ?? 'subject' });
    }
    out.set(e.id, { eventType: e.eventType, date: e.date, count: e.count, participants, reportedBy });
  }
  return out;
}

/** Facts of two reports of one event together: participants united, the first date and count kept. */
function combine(a: KnownEvent, b: EventFacts, articleId: string): KnownEvent {
  const seen = new Set(a.participants.map((p) => `${p.role}|${p.id}`));
  const earliest = [a.reportedBy, b.reportedBy].filter((d): d is string => d !== null).sort()[0] ?? null;
  return {
    ...a,
    toldAs: [...new Set([a.eventType, ...(a.toldAs ?? []), b.eventType, ...(b.toldAs ?? [])])],
    date: a.date ?? b.date,
    count: a.count ?? b.count,
    participants: [...a.participants, ...b.participants.filter((p) => !seen.has(`${p.role}|${p.id}`))],
    reportedBy: earliest,
    articleIds: a.articleIds.includes(articleId) ? a.articleIds : [...a.articleIds, articleId],
  };
}

/**
 * The batches (in write order) with each event that matches a known one, or one reported earlier
 * in the batches, given that event's id. An event whose id is already in the graph keeps it (the
 * article's own earlier report, or an id a curated merge sent it to). Each redirected event
 * carries `reportId` (its id before) and `resolvedBy` (the match-rules that agreed).
 */
export function resolveEvents(batches: readonly GraphBatch[], known: readonly KnownEvent[], keepApart: readonly KeepApart[] = []): { batches: GraphBatch[]; joins: EventJoin[] } {
  const pool = new Map(known.map((k) => [k.id, k]));
  const barred = (eventId: string, articleId: string): boolean => keepApart.some((k) => k.eventId === eventId && k.articleIds.includes(articleId));
  const joins: EventJoin[] = [];
  const out = batches.map((batch) => {
    const articleId = batch.article.id;
    const redirect = new Map<string, string>();
    const resolvedBy = new Map<string, string[]>();
    for (const [id, facts] of reportsOf(batch)) {
      const same = pool.get(id);
      if (same) {
        pool.set(id, combine(same, facts, articleId));
        continue;
      }
      let best: { event: KnownEvent; score: number; matchedBy: string[] } | null = null;
      for (const event of pool.values()) {
        if (barred(event.id, articleId)) continue;
        const c = compareEvents(event, facts);
        if (c.apartBy === null && c.score >= MATCH_THRESHOLD && (!best || c.score > best.score)) best = { event, score: c.score, matchedBy: c.matchedBy };
      }
      if (best) {
        redirect.set(id, best.event.id);
        resolvedBy.set(id, best.matchedBy);
        joins.push({ articleId, reportId: id, eventId: best.event.id, rules: best.matchedBy });
        pool.set(best.event.id, combine(best.event, facts, articleId));
      } else {
        pool.set(id, { ...facts, id, articleIds: [articleId] });
      }
    }
    if (redirect.size === 0) return batch;
    const marked = {
      ...batch,
      entities: batch.entities.map((e) => (redirect.has(e.id) ? { ...e, reportId: e.id, resolvedBy: resolvedBy.get(e.id) ?? [] } : e)),
    };
    return redirectBatch(marked, redirect);
  });
  return { batches: out, joins };
}

/** The resolver a write uses (db/graph-repository's EventResolver). */
export const eventResolver = {
  kindredTypes,
  resolve: (batches: GraphBatch[], known: KnownEvent[], keepApart: KeepApart[]): GraphBatch[] => resolveEvents(batches, known, keepApart).batches,
};
