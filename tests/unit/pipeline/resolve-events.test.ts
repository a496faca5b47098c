import { describe, expect, it } from 'vitest';
import type { EntityType, EventRole, GraphBatch, ResolvedEntity, ResolvedRelation } from '../../../server/src/domain/types.ts';
import { APART_RULES, MATCH_RULES, kindredTypes, timeSpan, type EventFacts } from '../../../server/src/pipeline/event-match-rules.ts';
import { compareEvents, resolveEvents, type KnownEvent } from '../../../server/src/pipeline/resolve-events.ts';
import { relationId } from '../../../server/src/pipeline/resolve.ts';

type Who = Partial<Record<'people' | 'nationals' | 'groups' | 'agents' | 'cities' | 'countries', string[]>>;

/** Facts of a report, from short names ("attoev" → person:attoev). */
function facts(eventType: string, who: Who, more: Partial<Pick<EventFacts, 'date' | 'count' | 'reportedBy'>> = {}): EventFacts {
  const p = (names: string[] | undefined, type: EntityType, role: EventRole) => (names ?? []).map((n) => ({ id: `${type.toLowerCase()}:${n}`, type, role }));
  return {
    eventType,
    date: more.date ?? null,
    count: more.count ?? null,
    reportedBy: more.reportedBy ?? null,
    participants: [
      ...p(who.people, 'PERSON', 'subject'),
      ...p(who.nationals, 'COUNTRY', 'subject'),
      ...p(who.groups, 'ORGANIZATION', 'subject'),
      ...p(who.agents, 'AGENCY', 'agent'),
      ...p(who.cities, 'LOCATION', 'place'),
      ...p(who.countries, 'COUNTRY', 'place'),
    ],
  };
}

describe('event-match rules', () => {
  it('each has a unique id, a description and an example', () => {
    const rules = [...APART_RULES, ...MATCH_RULES];
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.description.length * r.example.length).toBeGreaterThan(0);
  });

  // Each rule's example, as the facts the extractor reads from it.
  it.each([
    ['event-apart.type', facts('Arrest', { people: ['attoev'] }), facts('Release', { people: ['attoev'] })],
    ['event-apart.date', facts('Arrest', { people: ['kharwin'] }, { date: '2023-03-01' }), facts('Arrest', { people: ['kharwin'] }, { date: '2024-02-01' })],
    ['event-apart.person', facts('Arrest', { people: ['attoev'], agents: ['ice'] }), facts('Arrest', { people: ['kharwin'], agents: ['ice'] })],
    ['event-apart.nationality', facts('Arrest', { nationals: ['tajikistan'], agents: ['ice'] }, { count: 8 }), facts('Arrest', { nationals: ['uzbekistan'], agents: ['ice'] })],
    ['event-apart.place', facts('Arrest', { agents: ['ice'], cities: ['baltimore'] }), facts('Arrest', { agents: ['ice'], cities: ['san-antonio'] })],
  ])('%s keeps its example apart', (rule, a, b) => {
    expect(compareEvents(a, b).apartBy).toBe(rule);
  });

  it.each([
    ['event-match.person', facts('Arrest', { people: ['attoev'], agents: ['ice'] }, { date: '2024-04-17' }), facts('Arrest', { people: ['attoev'], agents: ['ice'], cities: ['baltimore'] }), 3],
    ['event-match.subject', facts('Arrest', { nationals: ['tajikistan'], agents: ['ice'] }, { count: 8 }), facts('Detention', { nationals: ['tajikistan'] }, { count: 8 }), 1],
    ['event-match.agent', facts('Arrest', { agents: ['ice'] }, { count: 8 }), facts('Arrest', { agents: ['ice'] }, { count: 8 }), 2],
    ['event-match.place', facts('Arrest', { cities: ['philadelphia', 'new-york', 'los-angeles'] }), facts('Arrest', { cities: ['philadelphia', 'new-york'] }), 2],
    ['event-match.date', facts('Arrest', { people: ['attoev'] }, { date: '2024-04-17' }), facts('Arrest', { people: ['attoev'], cities: ['baltimore'] }, { date: '2024-04-17' }), 3],
    ['event-match.count', facts('Arrest', { cities: ['philadelphia'] }, { count: 8 }), facts('Arrest', { cities: ['philadelphia'] }, { count: 8 }), 2],
  ])('%s finds its example agreeing', (rule, a, b, score) => {
    const c = compareEvents(a, b);
    expect(c.apartBy).toBeNull();
    expect(c.matchedBy).toContain(rule);
    expect(c.score).toBe(score);
  });

  it('asks one more agreement of an arrest and a detention (kindred types) than of two arrests', () => {
    const arrest = facts('Arrest', { people: ['manuchekhri'], nationals: ['tajikistan'] });
    const detention = facts('Detention', { people: ['manuchekhri'], nationals: ['tajikistan'] });
    expect(compareEvents(arrest, detention)).toMatchObject({ apartBy: null, score: 2 });
    expect(compareEvents(arrest, arrest).score).toBe(3);
    expect(kindredTypes(['Arrest', 'Report']).sort()).toEqual(['Arrest', 'Detention', 'Report']);
  });

  it('reads dates at the precision given: a 1st stands for its month, 1 January for its year, a day for three either side', () => {
    const day = 86_400_000;
    expect(timeSpan({ date: '2023-03-01', reportedBy: null })).toEqual({ from: Date.UTC(2023, 2, 1), to: Date.UTC(2023, 2, 31), dated: true });
    expect(timeSpan({ date: '2023-01-01', reportedBy: null })).toEqual({ from: Date.UTC(2023, 0, 1), to: Date.UTC(2023, 11, 31), dated: true });
    expect(timeSpan({ date: '2024-06-08', reportedBy: null })).toEqual({ from: Date.UTC(2024, 5, 8) - 3 * day, to: Date.UTC(2024, 5, 8) + 3 * day, dated: true });
    // March 10 lies in "March 2023"; June 8 and June 11 are three days apart.
    expect(compareEvents(facts('Arrest', { people: ['kharwin'] }, { date: '2023-03-10' }), facts('Arrest', { people: ['kharwin'] }, { date: '2023-03-01' })).apartBy).toBeNull();
    expect(compareEvents(facts('Arrest', { nationals: ['tajikistan'] }, { date: '2024-06-08' }), facts('Arrest', { nationals: ['tajikistan'] }, { date: '2024-06-11' })).apartBy).toBeNull();
  });

  it('keeps an undated report apart from an event dated after the report was published', () => {
    const undated = facts('Arrest', { people: ['kharwin'], agents: ['ice'] }, { reportedBy: '2024-03-01' });
    const later = facts('Arrest', { people: ['kharwin'], agents: ['ice'] }, { date: '2024-04-11' });
    expect(compareEvents(undated, later).apartBy).toBe('event-apart.date');
    expect(compareEvents(undated, { ...later, date: '2024-02-20' }).apartBy).toBeNull();
  });
});

/** A batch reporting one event, with its participants. */
function report(articleId: string, eventId: string, f: EventFacts, publishedAt: string | null = null): GraphBatch {
  const event: ResolvedEntity = { id: eventId, name: `${f.eventType} ${eventId}`, type: 'EVENT', aliases: [], mentionCount: 1, eventType: f.eventType, count: f.count, date: f.date };
  const others: ResolvedEntity[] = f.participants.map((p) => ({ id: p.id, name: p.id, type: p.type, aliases: [], mentionCount: 1, eventType: null, count: null, date: null }));
  const relations: ResolvedRelation[] = f.participants.map((p, i) => ({
    id: relationId(p.id, 'PARTICIPATED_IN', eventId),
    source: p.id,
    target: eventId,
    type: 'PARTICIPATED_IN',
    role: p.role,
    evidence: [{ sentence: `${p.id} took part.`, start: i * 10, end: i * 10 + 9, confidence: 0.9, rules: ['test'], stance: 'ASSERTED', stanceRules: [] }],
  }));
  return { article: { id: articleId, title: articleId, text: articleId, url: null, source: null, publishedAt, extractorVersion: 'test' }, entities: [event, ...others], relations };
}

const eventIds = (b: GraphBatch): string[] => b.entities.filter((e) => e.type === 'EVENT').map((e) => e.id);

describe('resolveEvents', () => {
  const tajik = facts('Arrest', { nationals: ['tajikistan'], agents: ['ice'], cities: ['philadelphia'] }, { count: 8 });

  it('gives a second outlet\'s report of one arrest the first report\'s id, re-keys its links and says which rules agreed', () => {
    const { batches, joins } = resolveEvents([report('art_a', 'event:a-0-arrest', tajik), report('art_b', 'event:b-5-arrest', tajik)], []);
    expect(eventIds(batches[1] as GraphBatch)).toEqual(['event:a-0-arrest']);
    const moved = (batches[1] as GraphBatch).relations.map((r) => r.target);
    expect(new Set(moved)).toEqual(new Set(['event:a-0-arrest']));
    expect((batches[1] as GraphBatch).relations.every((r) => r.id === relationId(r.source, r.type, r.target))).toBe(true);
    expect(joins).toEqual([{ articleId: 'art_b', reportId: 'event:b-5-arrest', eventId: 'event:a-0-arrest', rules: ['event-match.subject', 'event-match.agent', 'event-match.place', 'event-match.count'] }]);
    expect((batches[1] as GraphBatch).entities.find((e) => e.type === 'EVENT')).toMatchObject({ reportId: 'event:b-5-arrest', resolvedBy: joins[0]?.rules });
  });

  it('joins a stored event, and leaves two arrests of different people apart', () => {
    const stored: KnownEvent = { ...facts('Arrest', { people: ['attoev'], agents: ['ice'], cities: ['baltimore'] }, { date: '2024-04-17' }), id: 'event:old-0-arrest', articleIds: ['art_old'] };
    const same = report('art_c', 'event:c-0-arrest', facts('Arrest', { people: ['attoev'], agents: ['ice'] }, { date: '2024-04-17' }));
    const other = report('art_d', 'event:d-0-arrest', facts('Arrest', { people: ['kharwin'], agents: ['ice'] }, { date: '2024-04-17' }));
    const { batches } = resolveEvents([same, other], [stored]);
    expect(batches.map(eventIds)).toEqual([['event:old-0-arrest'], ['event:d-0-arrest']]);
  });

  it('keeps an event whose id is already stored (a re-processed article, a curated merge) as it is', () => {
    const stored: KnownEvent = { ...tajik, id: 'event:a-0-arrest', articleIds: ['art_a'] };
    const other: KnownEvent = { ...tajik, id: 'event:z-0-arrest', articleIds: ['art_z'] };
    const { batches, joins } = resolveEvents([report('art_a', 'event:a-0-arrest', tajik)], [other, stored]);
    expect(eventIds(batches[0] as GraphBatch)).toEqual(['event:a-0-arrest']);
    expect(joins).toEqual([]);
  });

  it('never joins an article to an event a curated split took it off', () => {
    const stored: KnownEvent = { ...tajik, id: 'event:a-0-arrest', articleIds: ['art_a'] };
    const { batches } = resolveEvents([report('art_b', 'event:b-0-arrest', tajik)], [stored], [{ eventId: 'event:a-0-arrest', articleIds: ['art_b'] }]);
    expect(eventIds(batches[0] as GraphBatch)).toEqual(['event:b-0-arrest']);
  });

  it('leaves a batch with no match untouched', () => {
    const b = report('art_a', 'event:a-0-arrest', tajik);
    expect(resolveEvents([b], []).batches[0]).toBe(b);
  });
});
