import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { StanceCounts } from '../../../web/src/api.ts';
import { emptyState } from '../../../web/src/explorer-state.ts';
import { applyFilters } from '../../../web/src/filters.ts';
import { edgeElement, stanceLook } from '../../../web/src/graph-view.ts';
import { showsWith, stanceSummary } from '../../../web/src/stance.ts';

const counts = (c: Partial<StanceCounts>): StanceCounts => ({ asserted: 0, alleged: 0, denied: 0, attributed: 0, uncertain: 0, ...c });

describe('stance on the canvas', () => {
  it('summarises a link\'s evidence by stance, most certain first', () => {
    expect(stanceSummary(counts({ denied: 1, asserted: 3, alleged: 2 }))).toBe('3 asserted · 2 alleged · 1 denied');
    expect(stanceSummary(undefined)).toBe('');
  });

  it('draws a link solid when something states it, dotted when mostly denied, dashed when only alleged or hedged', () => {
    expect(stanceLook(counts({ alleged: 4, attributed: 1 }))).toBe('stated');
    expect(stanceLook(counts({ denied: 2, alleged: 1 }))).toBe('denied');
    expect(stanceLook(counts({ alleged: 1, uncertain: 1, denied: 1 }))).toBe('hedged');
    expect(stanceLook(counts({}))).toBe('unknown');
    expect(edgeElement({ id: 'r', type: 'MEMBER_OF', source: 'a', target: 'b', weight: 1, stances: counts({ alleged: 1 }) }).data).toMatchObject({ look: 'hedged' });
  });

  it('keeps a link while any of its evidence is presented a way not hidden, and links stored before stances always', () => {
    const hidden = new Set(['ALLEGED', 'DENIED']);
    expect(showsWith(counts({ alleged: 2, denied: 1 }), hidden)).toBe(false);
    expect(showsWith(counts({ alleged: 2, uncertain: 1 }), hidden)).toBe(true);
    expect(showsWith(counts({}), hidden)).toBe(true);
    expect(showsWith(undefined, hidden)).toBe(true);
  });

  it('filters a headless Cytoscape view by hidden stances, and entities left with no link go too', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    cy.add([
      { data: { id: 'a', type: 'PERSON' } },
      { data: { id: 'b', type: 'ORGANIZATION' } },
      { data: { id: 'c', type: 'COUNTRY' } },
      edgeElement({ id: 'ab', type: 'MEMBER_OF', source: 'a', target: 'b', weight: 1, stances: counts({ alleged: 1, denied: 1 }) }),
      edgeElement({ id: 'ac', type: 'NATIONAL_OF', source: 'a', target: 'c', weight: 1, stances: counts({ asserted: 1 }) }),
    ]);
    const filters = { ...emptyState('fcose').filters, hiddenStances: ['ALLEGED' as const, 'DENIED' as const] };
    applyFilters(cy, filters);
    expect(cy.$('.filtered').map((e) => e.id()).sort()).toEqual(['ab', 'b']);
    applyFilters(cy, { ...filters, hiddenStances: ['DENIED'] });
    expect(cy.$('.filtered').length).toBe(0);
  });
});
