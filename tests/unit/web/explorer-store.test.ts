import cytoscape, { type Core } from 'cytoscape';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity, Relation } from '../../../web/src/api.ts';
import { emptyState, unplaced, type ExplorerState } from '../../../web/src/explorer-state.ts';
import { ExplorerStore } from '../../../web/src/explorer-store.ts';
import { GraphCache } from '../../../web/src/graph-cache.ts';
import { positionsOf, renderView } from '../../../web/src/render-view.ts';
import { decodeView, encodeView } from '../../../web/src/view-url.ts';

const entity = (id: string, type: Entity['type'] = 'ORGANIZATION'): Entity => ({ id, name: id.toUpperCase(), type, aliases: [], articleCount: 1, date: null });
const link = (source: string, target: string, weight = 1, type = 'MENTIONED_WITH', seen = '2024-03-01T00:00:00Z'): Relation => ({ id: `${source}>${target}`, source, target, type, weight, firstSeen: seen, lastSeen: seen });

/** A hub with five spokes, one spoke linked on to two more entities, and a dated event. */
function sampleCache(): GraphCache {
  const cache = new GraphCache();
  cache.add({
    nodes: [entity('hub'), ...['s1', 's2', 's3', 's4', 's5'].map((id) => entity(id)), entity('far1', 'PERSON'), entity('far2', 'COUNTRY'), { ...entity('ev', 'EVENT'), date: '2024-06-02' }],
    edges: [
      ...['s1', 's2', 's3', 's4', 's5'].map((id) => link('hub', id, id === 's1' ? 3 : 1, 'PART_OF')),
      link('s1', 'far1', 1, 'MENTIONED_WITH', '2024-06-10T00:00:00Z'),
      link('s1', 'far2', 2, 'LOCATED_IN'),
      link('far2', 's2'),
      link('ev', 's1', 1, 'INVOLVED_IN', '2024-06-02T00:00:00Z'),
    ],
  });
  return cache;
}

/** A store at time `now` (ms), with its clock under the test's control. */
function storeAt(clock: { now: number }): ExplorerStore {
  return new ExplorerStore(emptyState('fcose'), 100, () => clock.now);
}

/** A headless Cytoscape that draws the store, as the page does (without the layout). */
function drawn(store: ExplorerStore, cache: GraphCache): Core {
  const cy = cytoscape({ headless: true });
  let previous: ExplorerState = emptyState(store.state.layout);
  renderView(cy, store.state, previous, cache);
  previous = store.state;
  store.subscribe((s) => {
    renderView(cy, s, previous, cache);
    previous = s;
  });
  return cy;
}

const ids = (cy: Core, selector = 'node'): string[] => cy.$(selector).map((n) => n.id()).sort();

describe('explorer store: actions', () => {
  let clock: { now: number };
  let store: ExplorerStore;
  beforeEach(() => {
    clock = { now: 0 };
    store = storeAt(clock);
  });

  it('opens a neighbourhood, then expands a neighbour into the view; what each expansion added is remembered', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2', 's3'], hiddenCount: 2, replace: true });
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['far1', 'far2'], hiddenCount: 0, replace: false });
    expect(store.state).toMatchObject({ shown: ['hub', 's1', 's2', 's3', 'far1', 'far2'], expanded: ['hub', 's1'], more: { hub: 2 }, addedBy: { hub: ['s1', 's2', 's3'], s1: ['far1', 'far2'] } });
  });

  it('collapses exactly what the expansion it follows added, and keeps entities that are expanded in turn', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2'], hiddenCount: 3, replace: true });
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['far1', 'far2'], hiddenCount: 0, replace: false });
    store.dispatch({ type: 'collapse', id: 's1' });
    expect(store.state.shown).toEqual(['hub', 's1', 's2']);
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['far1', 'far2'], hiddenCount: 0, replace: false });
    store.dispatch({ type: 'collapse', id: 'hub' });
    expect(store.state).toMatchObject({ shown: ['hub', 's1', 'far1', 'far2'], expanded: ['s1'], more: {} });
  });

  it('keeps a hidden entity out of later expansions until it is opened by name', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2'], hiddenCount: 0, replace: true });
    store.dispatch({ type: 'hide', id: 's2' });
    store.dispatch({ type: 'open', seeds: ['far2'], added: ['s1', 's2'], hiddenCount: 0, replace: false });
    expect(store.state.shown).toEqual(['hub', 's1', 'far2']);
    expect(store.state.removed).toEqual(['s2']);
    store.dispatch({ type: 'open', seeds: ['s2'], added: [], hiddenCount: 0, replace: false });
    expect(store.state.shown).toContain('s2');
    expect(store.state.removed).toEqual([]);
  });

  it('focuses on an entity and its neighbours; the rest goes, and the kept ones are laid out again', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2', 's3'], hiddenCount: 0, replace: true });
    store.dispatch({ type: 'place', positions: { hub: { x: 0, y: 0 }, s1: { x: 1, y: 1 }, s2: { x: 2, y: 2 }, s3: { x: 3, y: 3 } }, viewport: { zoom: 1, pan: { x: 0, y: 0 } } });
    store.dispatch({ type: 'focus', id: 's1', neighbours: ['hub'] });
    expect(store.state).toMatchObject({ shown: ['hub', 's1'], expanded: ['s1'] });
    expect(unplaced(store.state)).toEqual(['hub', 's1']);
  });

  it('undoes and redoes every step, hide, filters and the date range included; placement, zoom and selection make no step', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2'], hiddenCount: 0, replace: true });
    store.dispatch({ type: 'place', positions: { hub: { x: 0, y: 0 }, s1: { x: 50, y: 0 }, s2: { x: 0, y: 50 } }, viewport: { zoom: 1, pan: { x: 0, y: 0 } } });
    const placed = store.state;
    store.dispatch({ type: 'viewport', viewport: { zoom: 2, pan: { x: 5, y: 5 } } });
    store.dispatch({ type: 'select', id: 's1' });
    store.dispatch({ type: 'hide', id: 's2' });
    clock.now += 5000;
    store.dispatch({ type: 'filters', filters: { hiddenTypes: ['EVENT'] } });
    clock.now += 5000;
    store.dispatch({ type: 'filters', filters: { since: '2024-06-01', until: '2024-06-30' } });
    expect(store.undo()).toBe(true);
    expect(store.state.filters).toMatchObject({ hiddenTypes: ['EVENT'], since: null });
    expect(store.undo()).toBe(true);
    expect(store.state.filters.hiddenTypes).toEqual([]);
    expect(store.undo()).toBe(true);
    expect(store.state.shown).toEqual(['hub', 's1', 's2']);
    // The step before the hide had its placement, zoom and selection.
    expect(store.state).toEqual({ ...placed, viewport: { zoom: 2, pan: { x: 5, y: 5 } }, selection: 's1' });
    expect(store.redo()).toBe(true);
    expect(store.state.shown).toEqual(['hub', 's1']);
    expect(store.canRedo).toBe(true);
    store.dispatch({ type: 'pin', id: 'hub', pinned: true });
    expect(store.canRedo).toBe(false);
  });

  it('makes one undo step of a slider dragged through several values, and two of changes seconds apart', () => {
    for (const w of [2, 3, 4]) {
      store.dispatch({ type: 'filters', filters: { minWeight: w } });
      clock.now += 100;
    }
    clock.now += 3000;
    store.dispatch({ type: 'filters', filters: { minWeight: 5 } });
    store.undo();
    expect(store.state.filters.minWeight).toBe(4);
    store.undo();
    expect(store.state.filters.minWeight).toBe(1);
    expect(store.canUndo).toBe(false);
  });

  it('forgets entities that no longer exist without an undo step', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1'], hiddenCount: 0, replace: true });
    store.dispatch({ type: 'forget', ids: ['s1'] });
    expect(store.state).toMatchObject({ shown: ['hub'], addedBy: { hub: [] } });
    store.undo();
    expect(store.state.shown).toEqual([]);
  });
});

describe('explorer store drawn on headless Cytoscape', () => {
  let cache: GraphCache;
  let store: ExplorerStore;
  let cy: Core;
  beforeEach(() => {
    cache = sampleCache();
    store = storeAt({ now: 0 });
    cy = drawn(store, cache);
  });

  it('draws the entities of the state, the links among them, and the "+N more" node', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2'], hiddenCount: 3, replace: true });
    expect(ids(cy, 'node')).toEqual(['hub', 'more:hub', 's1', 's2']);
    expect(ids(cy, 'edge').filter((id) => !id.startsWith('more-edge:'))).toEqual(['hub>s1', 'hub>s2']);
    expect(cy.getElementById('more:hub').data('label')).toBe('+3 more');
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['far2'], hiddenCount: 0, replace: false });
    expect(ids(cy, 'edge').filter((id) => !id.startsWith('more-edge:'))).toEqual(['far2>s2', 'hub>s1', 'hub>s2', 's1>far2']);
    expect(ids(cy, 'node.seed')).toEqual(['hub', 's1']);
  });

  it('collapse after expand gives back exactly the elements drawn before', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2', 's3'], hiddenCount: 0, replace: true });
    const before = ids(cy, '*');
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['far1', 'far2', 'ev'], hiddenCount: 0, replace: false });
    expect(ids(cy, 'node')).toHaveLength(7);
    store.dispatch({ type: 'collapse', id: 's1' });
    expect(ids(cy, '*')).toEqual(before);
  });

  it('applies filters as classes and sets positions, pins and the viewport; undo puts each back', () => {
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['hub', 'far1', 'far2', 'ev'], hiddenCount: 0, replace: true });
    const places = { s1: { x: 0, y: 0 }, hub: { x: 100, y: 0 }, far1: { x: 0, y: 100 }, far2: { x: -100, y: 0 }, ev: { x: 0, y: -100 } };
    store.dispatch({ type: 'place', positions: places, viewport: { zoom: 1.5, pan: { x: 40, y: 60 } } });
    expect(positionsOf(cy, store.state)).toEqual(places);
    expect(cy.zoom()).toBe(1.5);

    store.dispatch({ type: 'filters', filters: { hiddenTypes: ['PERSON'], minWeight: 2 } });
    // The event's one link is under the weight: it is left unlinked, and goes too.
    expect(ids(cy, 'node.filtered')).toEqual(['ev', 'far1']);
    store.dispatch({ type: 'filters', filters: { hideOrphans: false } });
    expect(ids(cy, 'node.filtered')).toEqual(['far1']);
    store.undo();
    expect(ids(cy, 'edge').filter((id) => !cy.getElementById(id).hasClass('filtered'))).toEqual(['hub>s1', 's1>far2']);
    store.dispatch({ type: 'filters', filters: { hiddenTypes: [], minWeight: 1, since: '2024-06-01', until: '2024-06-30' } });
    expect(ids(cy, 'edge').filter((id) => !cy.getElementById(id).hasClass('filtered'))).toEqual(['ev>s1', 's1>far1']);

    store.dispatch({ type: 'move', positions: { hub: { x: 500, y: 500 } } });
    store.dispatch({ type: 'pin', id: 'hub', pinned: true });
    expect(cy.getElementById('hub').locked()).toBe(true);
    store.dispatch({ type: 'viewport', viewport: { zoom: 0.5, pan: { x: 0, y: 0 } } });
    store.undo(); // the pin
    expect(cy.getElementById('hub').locked()).toBe(false);
    store.undo(); // the move
    expect(cy.getElementById('hub').position()).toEqual({ x: 100, y: 0 });
    store.undo(); // the date range: back to the type and weight filters
    expect(ids(cy, 'edge.filtered')).toEqual(['ev>s1', 's1>far1']);
    expect(ids(cy, 'node.filtered')).toEqual(['ev', 'far1']);
    store.undo(); // type and weight filters
    expect(ids(cy, '.filtered')).toEqual([]);
    expect(cy.zoom()).toBe(1.5);
  });

  it('redraws the same view from its URL on another Cytoscape: entities, links, positions, pins, filters, viewport', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2', 's3'], hiddenCount: 2, replace: true });
    store.dispatch({ type: 'open', seeds: ['s1'], added: ['far1', 'far2'], hiddenCount: 0, replace: false });
    store.dispatch({ type: 'hide', id: 's3' });
    store.dispatch({ type: 'place', positions: { hub: { x: 1.25, y: 2 }, s1: { x: 40, y: 41 }, s2: { x: -7, y: 8 }, far1: { x: 99.9, y: 0 }, far2: { x: 3, y: 3 }, 'more:hub': { x: 60, y: 60 } }, viewport: { zoom: 0.8, pan: { x: 10, y: -4 } } });
    store.dispatch({ type: 'pin', id: 'far2', pinned: true });
    store.dispatch({ type: 'filters', filters: { hiddenRelationTypes: ['LOCATED_IN'] } });

    const { state, complete } = decodeView(encodeView(store.state), 'fcose', ['fcose']);
    expect(complete).toBe(true);
    const other = cytoscape({ headless: true });
    renderView(other, state, emptyState('fcose'), sampleCache());
    expect(ids(other, '*')).toEqual(ids(cy, '*'));
    expect(ids(other, '.filtered')).toEqual(ids(cy, '.filtered'));
    for (const n of cy.nodes()) {
      const p = other.getElementById(n.id()).position();
      expect(Math.abs(p.x - n.position().x)).toBeLessThan(0.1);
      expect(Math.abs(p.y - n.position().y)).toBeLessThan(0.1);
    }
    expect(other.getElementById('far2').locked()).toBe(true);
    expect({ zoom: other.zoom(), pan: other.pan() }).toEqual({ zoom: 0.8, pan: { x: 10, y: -4 } });
  });

  it('leaves elements added from outside the state alone', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1'], hiddenCount: 0, replace: true });
    cy.add({ group: 'nodes', data: { id: 'outsider', type: 'EVENT', label: 'x' } });
    store.dispatch({ type: 'filters', filters: { minWeight: 2 } });
    expect(cy.getElementById('outsider').nonempty()).toBe(true);
  });

  it('updates a renamed entity and drops links the server no longer has', () => {
    store.dispatch({ type: 'open', seeds: ['hub'], added: ['s1', 's2'], hiddenCount: 0, replace: true });
    cache.setNode({ ...entity('s1'), name: 'Spoke One' });
    cache.replaceEdgesAmong(new Set(store.state.shown), [link('hub', 's1', 3, 'PART_OF')]);
    store.dispatch({ type: 'select', id: 's1' });
    expect(cy.getElementById('s1').data('label')).toBe('Spoke One');
    expect(ids(cy, 'edge')).toEqual(['hub>s1']);
    expect(ids(cy, ':selected')).toEqual(['s1']);
  });
});
