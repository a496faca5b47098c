/**
 * The rules that find where reports disagree (docs/trust.md#contradictions). Each is a named
 * record with its example: it reads one kind of value from two reports (of one event, of one
 * relation, or of one person's nationality) and says whether they cannot both be true. Run by
 * find-conflicts.ts, only on reports from different articles.
 */
import { dateSpan } from './event-match-rules.ts';

/** What reports can disagree on. */
export const CONFLICT_KINDS = ['DATE', 'COUNT', 'PLACE', 'NATIONALITY', 'STANCE'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One value a report gives: `key` compares, `label` shows; `group` sorts places into kinds (cities, countries). */
export interface ReportValue {
  key: string;
  label: string;
  group?: string;
}

/** A rule that says whether two reports' values of its kind disagree. */
export interface ConflictRule {
  id: string;
  kind: ConflictKind;
  description: string;
  example: string;
  disagree: (a: readonly ReportValue[], b: readonly ReportValue[]) => boolean;
}

/** Stances that claim the link (in the writer's voice, as an allegation, or as someone's statement). */
const CLAIMS = new Set(['ASSERTED', 'ALLEGED', 'ATTRIBUTED']);

const keys = (values: readonly ReportValue[], group?: string): Set<string> =>
  new Set(values.filter((v) => group === undefined || v.group === group).map((v) => v.key));

/** Both give values (of one group) and share none. */
function disjoint(a: readonly ReportValue[], b: readonly ReportValue[], group?: string): boolean {
  const [x, y] = [keys(a, group), keys(b, group)];
  return x.size > 0 && y.size > 0 && ![...x].some((k) => y.has(k));
}

/** The rules, in the order their conflicts are listed. */
export const CONFLICT_RULES: readonly ConflictRule[] = [
  {
    id: 'conflict.date',
    kind: 'DATE',
    description: 'Reports of one event give dates that cannot both hold at the precision each gives (a day, a month, a year).',
    example: 'One outlet: the men were arrested on June 9. Another: they were arrested on June 11.',
    disagree: (a, b) => {
      const [x, y] = [dateSpan(a[0]?.key ?? null), dateSpan(b[0]?.key ?? null)];
      return x !== null && y !== null && (x.to < y.from || y.to < x.from);
    },
  },
  {
    id: 'conflict.count',
    kind: 'COUNT',
    description: 'Reports of one event give different numbers of people it involved.',
    example: 'One outlet: eight men were arrested. Another: seven men were arrested.',
    disagree: (a, b) => a.length > 0 && b.length > 0 && a[0]?.key !== b[0]?.key,
  },
  {
    id: 'conflict.place',
    kind: 'PLACE',
    description: 'Reports of one event name places of one kind (cities, countries) with none in common.',
    example: 'One outlet: the arrest was in Philadelphia. Another: it was in Baltimore.',
    disagree: (a, b) => disjoint(a, b, 'LOCATION') || disjoint(a, b, 'COUNTRY'),
  },
  {
    id: 'conflict.nationality',
    kind: 'NATIONALITY',
    description: 'Articles give one person nationalities with none in common (an article that gives two is not in conflict with itself).',
    example: 'One outlet: Attoev, a Tajik national. Another: Attoev, an Uzbek citizen.',
    disagree: (a, b) => disjoint(a, b),
  },
  {
    id: 'conflict.stance',
    kind: 'STANCE',
    description: 'One article claims a link (asserts, alleges or quotes it) that another denies.',
    example: 'One outlet: officials said the group is linked to ISIS-K. Another: the FBI has not identified any link to ISIS-K.',
    disagree: (a, b) => {
      const denies = (v: readonly ReportValue[]) => v.some((x) => x.key === 'DENIED');
      const claims = (v: readonly ReportValue[]) => v.some((x) => CLAIMS.has(x.key));
      return (denies(a) && claims(b)) || (claims(a) && denies(b));
    },
  },
];
