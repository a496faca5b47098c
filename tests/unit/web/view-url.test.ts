import { describe, expect, it } from 'vitest';
import { emptyState, type ExplorerState } from '../../../web/src/explorer-state.ts';
import { decodeView, encodeView } from '../../../web/src/view-url.ts';

const LAYOUTS = ['fcose', 'grid', 'circle'];
const ICE = 'agency:immigration-and-customs-enforcement';
const TJ = 'country:tajikistan';
const DHS = 'agency:department-of-homeland-security';
const FBI = 'agency:federal-bureau-of-investigation';

/** A view with every part set. */
function fullView(): ExplorerState {
  return {
    shown: [ICE, TJ, DHS, FBI],
    expanded: [ICE, TJ],
    removed: ['organization:nbc-news'],
    pinned: [DHS],
    positions: { [ICE]: { x: 10.5, y: -20 }, [TJ]: { x: 300, y: 40.2 }, [DHS]: { x: -55.1, y: 0 }, [FBI]: { x: 1, y: 2 }, [`more:${ICE}`]: { x: 70, y: 80 } },
    more: { [ICE]: 9 },
    addedBy: { [ICE]: [DHS, FBI], [TJ]: [] },
    filters: { hiddenTypes: ['EVENT'], hiddenRelationTypes: ['MENTIONED_WITH'], hiddenStances: ['DENIED', 'UNCERTAIN'], minWeight: 2, since: '2024-01-01', until: '2024-06-30', hideOrphans: false },
    layout: 'grid',
    viewport: { zoom: 1.25, pan: { x: 120.5, y: -33 } },
    selection: TJ,
    openGroups: [`group:${ICE}:Arrest`],
  };
}

describe('view state in the URL', () => {
  it('round-trips every part of a view: entities, positions, pins, "+N more", expansions, filters, viewport, selection', () => {
    const { state, complete } = decodeView(encodeView(fullView()), 'fcose', LAYOUTS);
    expect(complete).toBe(true);
    // An expansion that added nothing still in view is not written down.
    const expected = fullView();
    delete expected.addedBy[TJ];
    expect(state).toEqual(expected);
  });

  it('keeps positions to a tenth of a pixel', () => {
    const v = { ...emptyState('fcose'), shown: [ICE], positions: { [ICE]: { x: 123.456789, y: -9.87654 } } };
    expect(decodeView(encodeView(v), 'fcose', LAYOUTS).state.positions[ICE]).toEqual({ x: 123.5, y: -9.9 });
  });

  it('reads an older link that names only the expanded entities as incomplete: their neighbourhoods are fetched again', () => {
    const { state, complete } = decodeView(`#ids=${encodeURIComponent(ICE)}&x=${encodeURIComponent(FBI)}&hide=EVENT&layout=grid`, 'fcose', LAYOUTS);
    expect(complete).toBe(false);
    expect(state).toMatchObject({ expanded: [ICE], removed: [FBI], layout: 'grid', filters: { hiddenTypes: ['EVENT'] } });
  });

  it.each([
    ['an unknown layout', '#layout=spiral', { layout: 'fcose' }],
    ['an unknown entity type', '#hide=EVENT,PLANET', { filters: { hiddenTypes: ['EVENT'] } }],
    ['a relation type that is not one', '#rt=PART_OF,<script>', { filters: { hiddenRelationTypes: ['PART_OF'] } }],
    ['a weight out of range', '#w=500', { filters: { minWeight: 1 } }],
    ['a date that is not YYYY-MM-DD', '#since=yesterday&until=2024-13', { filters: { since: null, until: null } }],
    ['a position that is not one', `#n=${ICE}&p=12,abc`, { positions: {} }],
    ['an index past the entities', `#n=${ICE}&p=1,2&pin=0.7&m=5:3`, { pinned: [ICE], more: {} }],
    ['a viewport with a zero zoom', '#v=0,1,2', { viewport: null }],
    ['a selection not in view', `#n=${ICE}&p=1,2&sel=${TJ}`, { selection: null }],
  ])('falls back to the default for %s', (_, hash, expected) => {
    expect(decodeView(hash, 'fcose', LAYOUTS).state).toMatchObject(expected);
  });

  it('keeps an empty view short', () => {
    expect(encodeView(decodeView('', 'fcose', LAYOUTS).state)).toBe('#layout=fcose');
  });
});
