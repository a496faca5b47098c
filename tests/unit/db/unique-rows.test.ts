import { describe, expect, it } from 'vitest';
import { uniqueRows } from '../../../server/src/db/unique-rows.ts';
import { batch, entity, rel } from '../../helpers/graph-fixtures.ts';

describe('uniqueRows', () => {
  it('leaves a batch whose ids are already unique as it is (the same object)', () => {
    const b = batch('art_1', [entity('org:a'), entity('org:b')], [rel('org:a', 'org:b')]);
    expect(uniqueRows(b)).toBe(b);
  });

  it('pools the evidence of two relations that a curated merge made one, once per start, the later winning', () => {
    const first = rel('org:a', 'org:b', 'MENTIONED_WITH', 0);
    const again = rel('org:a', 'org:b', 'MENTIONED_WITH', 40);
    const sameStart = { ...rel('org:a', 'org:b', 'MENTIONED_WITH', 0), evidence: [{ sentence: 'Longer.', start: 0, end: 30, confidence: 0.9, rules: ['r2'], stance: 'ASSERTED' as const, stanceRules: [] }] };
    const out = uniqueRows(batch('art_1', [entity('org:a'), entity('org:b')], [first, again, sameStart]));
    expect(out.relations).toHaveLength(1);
    expect(out.relations[0]?.evidence.map((ev) => [ev.start, ev.end, ev.rules])).toEqual([
      [0, 30, ['r2']],
      [40, 50, ['test']],
    ]);
  });

  it('keeps each entity once, with the aliases united and the mentions summed', () => {
    const out = uniqueRows(batch('art_1', [{ ...entity('org:a'), aliases: ['A'], mentionCount: 2 }, { ...entity('org:a'), aliases: ['A', 'AA'], mentionCount: 3 }], []));
    expect(out.entities).toEqual([{ ...entity('org:a'), aliases: ['A', 'AA'], mentionCount: 5 }]);
  });
});
