/**
 * Finds where the reports of one thing (an event, a relation, a person's nationality) disagree:
 * runs each conflict rule over every pair of reports from different articles, and lists, per
 * rule that fires, the values in dispute with the reports behind each.
 */
import { CONFLICT_RULES, type ConflictKind, type ConflictRule, type ReportValue } from './conflict-rules.ts';

/** What one article (or one evidence sentence of it) said: its values by kind, and what proves them. */
export interface Report<E> {
  articleId: string;
  /** When the article was published, else ingested (ISO): what "newest" sorts by. */
  seenAt: string | null;
  values: Partial<Record<ConflictKind, readonly ReportValue[]>>;
  evidence: readonly E[];
}

/** One side of a disagreement: a value and the reports that give it. */
export interface ConflictValue<E> {
  key: string;
  label: string;
  articleIds: string[];
  evidence: E[];
}

/** A disagreement of one kind among the reports of one thing. */
export interface Conflict<E> {
  kind: ConflictKind;
  /** Id of the rule that found it. */
  rule: string;
  values: Array<ConflictValue<E>>;
  /** The latest seenAt among the reports in dispute: when the disagreement arose. */
  at: string | null;
}

/**
 * The conflicts among `reports`, one per rule that fires, in rule order; each lists its values
 * in the order they were first reported. A value every
 * disputing report shares (the country both arrests were in, when they disagree on the city)
 * is left out when at least two values remain: it is not in dispute.
 */
export function findConflicts<E>(reports: ReadonlyArray<Report<E>>, rules: readonly ConflictRule[] = CONFLICT_RULES): Array<Conflict<E>> {
  const out: Array<Conflict<E>> = [];
  for (const rule of rules) {
    const involved = new Set<Report<E>>();
    for (let i = 0; i < reports.length; i++) {
      for (let j = i + 1; j < reports.length; j++) {
        const [a, b] = [reports[i], reports[j]];
        if (!a || !b || a.articleId === b.articleId) continue;
        if (rule.disagree(a.values[rule.kind] ?? [], b.values[rule.kind] ?? [])) {
          involved.add(a);
          involved.add(b);
        }
      }
    }
    if (involved.size === 0) continue;
    out.push(conflictOf(rule, [...involved]));
  }
  return out;
}

function conflictOf<E>(rule: ConflictRule, reports: ReadonlyArray<Report<E>>): Conflict<E> {
  const byKey = new Map<string, ConflictValue<E>>();
  const holders = new Map<string, Set<string>>();
  // Values in the order they were first reported: "first said 8, then 7".
  const ordered = [...reports].sort((a, b) => (a.seenAt ?? '').localeCompare(b.seenAt ?? ''));
  for (const r of ordered) {
    for (const v of r.values[rule.kind] ?? []) {
      const value = byKey.get(v.key) ?? { key: v.key, label: v.label, articleIds: [], evidence: [] };
      if (!value.articleIds.includes(r.articleId)) value.articleIds.push(r.articleId);
      value.evidence.push(...r.evidence);
      byKey.set(v.key, value);
      holders.set(v.key, (holders.get(v.key) ?? new Set()).add(r.articleId));
    }
  }
  const articles = new Set(reports.map((r) => r.articleId));
  const disputed = [...byKey.values()].filter((v) => (holders.get(v.key)?.size ?? 0) < articles.size);
  // (Unless that leaves one side only: an article that both asserts and denies a link shares the assertion.)
  const values = disputed.length > 1 ? disputed : [...byKey.values()];
  const at = reports.map((r) => r.seenAt).filter((s): s is string => s !== null).sort().at(-1) ?? null;
  return { kind: rule.kind, rule: rule.id, values, at };
}
