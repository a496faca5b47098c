import { describe, expect, it } from 'vitest';
import { CONFLICT_RULES, type ConflictKind, type ReportValue } from '../../../server/src/pipeline/conflict-rules.ts';
import { findConflicts, type Report } from '../../../server/src/pipeline/find-conflicts.ts';

const v = (key: string, group?: string): ReportValue => ({ key, label: key, ...(group ? { group } : {}) });
const report = (articleId: string, kind: ConflictKind, values: ReportValue[], seenAt = '2025-04-16'): Report<string> => ({
  articleId,
  seenAt,
  values: { [kind]: values },
  evidence: [`${articleId}: ${values.map((x) => x.key).join(', ')}`],
});

// Each rule's example as two reports' values, with a pair the rule lets stand.
const EXAMPLES: Record<string, { disagree: [ReportValue[], ReportValue[]]; agree: [ReportValue[], ReportValue[]] }> = {
  'conflict.date': { disagree: [[v('2025-06-09')], [v('2025-06-11')]], agree: [[v('2025-06-01')], [v('2025-06-11')]] },
  'conflict.count': { disagree: [[v('8')], [v('7')]], agree: [[v('8')], []] },
  'conflict.place': {
    disagree: [[v('location:philadelphia', 'LOCATION')], [v('location:baltimore', 'LOCATION')]],
    agree: [[v('location:philadelphia', 'LOCATION')], [v('country:united-states', 'COUNTRY')]],
  },
  'conflict.nationality': { disagree: [[v('country:tajikistan')], [v('country:uzbekistan')]], agree: [[v('country:tajikistan'), v('country:russia')], [v('country:russia')]] },
  'conflict.stance': { disagree: [[v('ATTRIBUTED')], [v('DENIED')]], agree: [[v('ALLEGED')], [v('UNCERTAIN')]] },
};

describe('conflict rules', () => {
  it('has an example case for every rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(CONFLICT_RULES.map((r) => r.id).sort());
  });

  for (const rule of CONFLICT_RULES) {
    it(`${rule.id}: ${rule.example}`, () => {
      const ex = EXAMPLES[rule.id];
      if (!ex) throw new Error(`no example for ${rule.id}`);
      expect(rule.disagree(...ex.disagree)).toBe(true);
      expect(rule.disagree(...ex.agree)).toBe(false);
    });
  }
});

describe('findConflicts', () => {
  it('lists the disputed values side by side with the reports behind each, latest report as its time', () => {
    const [c] = findConflicts([report('a', 'COUNT', [v('8')], '2025-04-16'), report('b', 'COUNT', [v('7')], '2025-04-18'), report('c', 'COUNT', [v('8')], '2025-04-17')]);
    expect(c).toMatchObject({ kind: 'COUNT', rule: 'conflict.count', at: '2025-04-18' });
    expect(c?.values.map((x) => [x.key, x.articleIds])).toEqual([
      ['8', ['a', 'c']],
      ['7', ['b']],
    ]);
    expect(c?.values[1]?.evidence).toEqual(['b: 7']);
  });

  it('finds nothing within one article: a story that gives both sides is not two reports', () => {
    expect(findConflicts([report('a', 'STANCE', [v('ASSERTED')]), report('a', 'STANCE', [v('DENIED')])])).toEqual([]);
  });

  it('reads dates at the precision each report gives: a month agrees with any day in it', () => {
    const reports = [report('a', 'DATE', [v('2025-06-01')]), report('b', 'DATE', [v('2025-06-09')]), report('c', 'DATE', [v('2025-06-11')])];
    const [c] = findConflicts(reports);
    expect(c?.values.map((x) => x.key)).toEqual(['2025-06-09', '2025-06-11']);
  });

  it('leaves out a value every disputing report shares (the country both cities are in)', () => {
    const us = v('country:united-states', 'COUNTRY');
    const [place] = findConflicts([report('a', 'PLACE', [v('location:philadelphia', 'LOCATION'), us]), report('b', 'PLACE', [v('location:baltimore', 'LOCATION'), us])]);
    expect(place?.values.map((x) => x.key)).toEqual(['location:philadelphia', 'location:baltimore']);
  });

  it('sets an article that both asserts and denies a link against another that asserts it, by its denial', () => {
    const stance = findConflicts([report('a', 'STANCE', [v('ASSERTED')]), report('a', 'STANCE', [v('DENIED')]), report('b', 'STANCE', [v('ASSERTED')])]);
    expect(stance[0]?.values.map((x) => [x.key, x.articleIds])).toEqual([
      ['DENIED', ['a']],
      ['ASSERTED', ['b']],
    ]);
  });

  it('finds nothing when reports agree or say nothing', () => {
    expect(findConflicts([report('a', 'DATE', [v('2025-06-09')]), report('b', 'DATE', [])])).toEqual([]);
    expect(findConflicts([report('a', 'COUNT', [v('8')]), report('b', 'COUNT', [v('8')])])).toEqual([]);
  });
});
