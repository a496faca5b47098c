/**
 * The rules that decide whether two reports tell one real-world event (docs/events.md). Each is
 * a named record with its example: apart-rules veto a match, match-rules add evidence that the
 * reports agree. Two reports are one event when no apart-rule fires and the match-rules' weights
 * reach MATCH_THRESHOLD. Run in order by resolve-events.ts; a resolved event records the ids of
 * the match-rules that joined each report to it.
 */
import type { EntityType, EventRole } from '../domain/types.ts';

/** One report of an event, or an event as stored (its reports' facts together). */
export interface EventFacts {
  eventType: string;
  /** For an event told by several reports: every type they told it as. */
  toldAs?: readonly string[];
  /** ISO date as the report gives it (YYYY-MM-DD; a 1st of a month stands for the month, 1 January for the year). */
  date: string | null;
  count: number | null;
  participants: ReadonlyArray<{ id: string; type: EntityType; role: EventRole }>;
  /** The earliest publication date (YYYY-MM-DD) of a report: an undated event happened by then. */
  reportedBy: string | null;
}

/** A rule that keeps two reports apart. */
export interface ApartRule {
  id: string;
  description: string;
  example: string;
  apart: (a: EventFacts, b: EventFacts) => boolean;
}

/** A rule that weighs how the reports agree; `score` is the weight it adds (0: nothing to say; below 0: a doubt). */
export interface MatchRule {
  id: string;
  description: string;
  example: string;
  score: (a: EventFacts, b: EventFacts) => number;
}

/** Weight two reports must reach to be one event. */
export const MATCH_THRESHOLD = 3;

/** Event types one real-world happening is reported as ("arrested" in one outlet, "detained" in another). */
const TYPE_FAMILIES: ReadonlyArray<ReadonlySet<string>> = [new Set(['Arrest', 'Detention'])];

/** The types a report of one of `types` may be one event with: themselves and their kin. */
export function kindredTypes(types: readonly string[]): string[] {
  return [...new Set(types.flatMap((t) => [t, ...(TYPE_FAMILIES.find((f) => f.has(t)) ?? [])]))];
}

/** Days either side of a day-precise date that still agree: "over the weekend" against "on Monday". */
const DAY_SLACK = 3;

const DAY_MS = 86_400_000;

/**
 * The days [first, last] (ms since the epoch) an ISO date stands for at the precision reports
 * write it with: a 1st of a month stands for the month, 1 January for the year; null when it is not a date.
 */
export function dateSpan(date: string | null): { from: number; to: number; precision: 'day' | 'month' | 'year' } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo === 1 && d === 1) return { from: Date.UTC(y, 0, 1), to: Date.UTC(y + 1, 0, 1) - DAY_MS, precision: 'year' };
  if (d === 1) return { from: Date.UTC(y, mo - 1, 1), to: Date.UTC(y, mo, 1) - DAY_MS, precision: 'month' };
  const day = Date.UTC(y, mo - 1, d);
  return { from: day, to: day, precision: 'day' };
}

/** The days [first, last] (ms since the epoch) a report's date stands for, or when an undated one happened by. */
export function timeSpan(f: Pick<EventFacts, 'date' | 'reportedBy'>): { from: number; to: number; dated: boolean } {
  const span = dateSpan(f.date);
  if (span) {
    if (span.precision !== 'day') return { from: span.from, to: span.to, dated: true };
    return { from: span.from - DAY_SLACK * DAY_MS, to: span.to + DAY_SLACK * DAY_MS, dated: true };
  }
  const by = dateSpan(f.reportedBy);
  return { from: -Infinity, to: by ? by.from + DAY_SLACK * DAY_MS : Infinity, dated: false };
}

/** Some report of each tells it as the same type. */
const toldAlike = (a: EventFacts, b: EventFacts): boolean => {
  const x = new Set([a.eventType, ...(a.toldAs ?? [])]);
  return [b.eventType, ...(b.toldAs ?? [])].some((t) => x.has(t));
};

/** A report's participants sorted into the groups the rules compare. */
interface Groups {
  people: Set<string>;
  subjectGroups: Set<string>;
  nationalities: Set<string>;
  agents: Set<string>;
  places: Set<string>;
  cities: Set<string>;
  countries: Set<string>;
}

// Sorted once per participant list: a write compares each report with hundreds of known events.
const groupCache = new WeakMap<EventFacts['participants'], Groups>();
function groups(f: EventFacts): Groups {
  const cached = groupCache.get(f.participants);
  if (cached) return cached;
  const g: Groups = { people: new Set(), subjectGroups: new Set(), nationalities: new Set(), agents: new Set(), places: new Set(), cities: new Set(), countries: new Set() };
  for (const p of f.participants) {
    if (p.type === 'PERSON' && p.role !== 'place') g.people.add(p.id);
    if (p.role === 'subject' && p.type !== 'PERSON') g.subjectGroups.add(p.id);
    if (p.role === 'subject' && p.type === 'COUNTRY') g.nationalities.add(p.id);
    if (p.role === 'agent' && p.type !== 'PERSON') g.agents.add(p.id);
    if (p.role === 'place') g.places.add(p.id);
    if (p.role === 'place' && p.type === 'LOCATION') g.cities.add(p.id);
    if (p.role === 'place' && p.type === 'COUNTRY') g.countries.add(p.id);
  }
  groupCache.set(f.participants, g);
  return g;
}

const shared = (a: Set<string>, b: Set<string>): number => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};
/** Both name some, and none in common. */
const disjoint = (a: Set<string>, b: Set<string>): boolean => a.size > 0 && b.size > 0 && shared(a, b) === 0;

const people = (f: EventFacts) => groups(f).people;
const subjectGroups = (f: EventFacts) => groups(f).subjectGroups;
const nationalities = (f: EventFacts) => groups(f).nationalities;
const agents = (f: EventFacts) => groups(f).agents;
const places = (f: EventFacts, type?: EntityType) => (type === 'LOCATION' ? groups(f).cities : type === 'COUNTRY' ? groups(f).countries : groups(f).places);

/** Vetoes, checked first: any one keeps the reports apart. */
export const APART_RULES: readonly ApartRule[] = [
  {
    id: 'event-apart.type',
    description: 'Different kinds of event (an arrest and a detention count as one kind).',
    example: 'An arrest of Jovokhir Attoev and his release on bond.',
    apart: (a, b) => a.eventType !== b.eventType && !TYPE_FAMILIES.some((f) => f.has(a.eventType) && f.has(b.eventType)),
  },
  {
    id: 'event-apart.date',
    description: 'Dates that cannot be one day, within the precision each report gives (a month, a year, a day give or take three).',
    example: 'Kharwin apprehended in March 2023; Kharwin arrested in February 2024.',
    apart: (a, b) => {
      const [x, y] = [timeSpan(a), timeSpan(b)];
      return x.to < y.from || y.to < x.from;
    },
  },
  {
    id: 'event-apart.person',
    description: 'Each names the people involved, and no one is in both.',
    example: 'ICE arrested Jovokhir Attoev; ICE arrested Mohammad Kharwin.',
    apart: (a, b) => disjoint(people(a), people(b)),
  },
  {
    id: 'event-apart.nationality',
    description: 'Each gives the nationality of those it happened to, and they differ.',
    example: 'Eight men from Tajikistan arrested; a man from Uzbekistan arrested.',
    apart: (a, b) => disjoint(nationalities(a), nationalities(b)),
  },
  {
    id: 'event-apart.place',
    description: 'Each names places of one kind (cities, countries) and they have none in common.',
    example: 'An arrest in Baltimore; an arrest in San Antonio.',
    apart: (a, b) => disjoint(places(a, 'LOCATION'), places(b, 'LOCATION')) || disjoint(places(a, 'COUNTRY'), places(b, 'COUNTRY')),
  },
];

/** Agreements, each adding its weight. */
export const MATCH_RULES: readonly MatchRule[] = [
  {
    id: 'event-match.kindred-type',
    description: 'Told as kindred kinds (an arrest, a detention): one more agreement is needed (−1), since an arrest is often followed by a detention of the same person.',
    example: 'A man arrested on Monday; the same man ordered detained by a judge on Wednesday.',
    score: (a, b) => (toldAlike(a, b) ? 0 : -1),
  },
  {
    id: 'event-match.person',
    description: 'A named person takes part in both (2).',
    example: 'ICE arrested Jovokhir Attoev on April 17; Attoev was arrested by ICE in Baltimore.',
    score: (a, b) => (shared(people(a), people(b)) > 0 ? 2 : 0),
  },
  {
    id: 'event-match.subject',
    description: 'It happened to the same group or nationality (1).',
    example: 'Eight men from Tajikistan arrested; eight Tajik nationals detained.',
    score: (a, b) => (shared(subjectGroups(a), subjectGroups(b)) > 0 ? 1 : 0),
  },
  {
    id: 'event-match.agent',
    description: 'The same body did it (1).',
    example: 'ICE arrested eight men; eight men were arrested by Immigration and Customs Enforcement.',
    score: (a, b) => (shared(agents(a), agents(b)) > 0 ? 1 : 0),
  },
  {
    id: 'event-match.place',
    description: 'Places in common (1 each, at most 2).',
    example: 'Arrests in Philadelphia, New York and Los Angeles; raids in Philadelphia and New York City.',
    score: (a, b) => Math.min(2, shared(places(a), places(b))),
  },
  {
    id: 'event-match.date',
    description: 'Both are dated, and the dates agree (1).',
    example: 'Arrested on April 17; arrested on April 17 in Baltimore.',
    score: (a, b) => (timeSpan(a).dated && timeSpan(b).dated ? 1 : 0),
  },
  {
    id: 'event-match.count',
    description: 'The same number of people, more than one (1).',
    example: 'Eight men arrested; eight foreign nationals arrested.',
    score: (a, b) => (a.count !== null && a.count > 1 && a.count === b.count ? 1 : 0),
  },
];
