import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { groupEvents, groupLabel, placeGroups } from '../../../web/src/event-groups.ts';

/** ICE with five arrests and two detentions; each arrest also names a person; one arrest is shared with the FBI. */
function hub(): Core {
  const cy = cytoscape({ headless: true });
  cy.add([
    { group: 'nodes', data: { id: 'ice', type: 'AGENCY', label: 'ICE' }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'fbi', type: 'AGENCY', label: 'FBI' }, position: { x: 500, y: 0 } },
    ...[1, 2, 3, 4, 5].flatMap((i) => [
      { group: 'nodes' as const, data: { id: `arrest${i}`, type: 'EVENT', eventType: 'Arrest', label: `Arrest: ICE, P${i}` }, position: { x: 100 + i * 10, y: 100 } },
      { group: 'nodes' as const, data: { id: `p${i}`, type: 'PERSON', label: `P${i}` }, position: { x: 100 + i * 10, y: 200 } },
      { group: 'edges' as const, data: { id: `ice-arrest${i}`, source: 'ice', target: `arrest${i}`, type: 'PARTICIPATED_IN' } },
      { group: 'edges' as const, data: { id: `p-arrest${i}`, source: `p${i}`, target: `arrest${i}`, type: 'PARTICIPATED_IN' } },
    ]),
    { group: 'edges', data: { id: 'fbi-arrest1', source: 'fbi', target: 'arrest1', type: 'PARTICIPATED_IN' } },
    ...[1, 2].flatMap((i) => [
      { group: 'nodes' as const, data: { id: `det${i}`, type: 'EVENT', eventType: 'Detention', label: `Detention ${i}` }, position: { x: -100, y: i * 10 } },
      { group: 'edges' as const, data: { id: `ice-det${i}`, source: 'ice', target: `det${i}`, type: 'PARTICIPATED_IN' } },
    ]),
  ]);
  return cy;
}

const grouped = (cy: Core): string[] => cy.nodes('.grouped').map((n) => n.id()).sort();

describe('folding a hub’s events', () => {
  it('folds an entity’s events of one kind into one node when there are four or more, with a link to it', () => {
    const cy = hub();
    groupEvents(cy, new Set(), new Set());
    const group = cy.getElementById('group:ice:Arrest');
    expect(group.data('label')).toBe('5 arrests');
    expect(group.connectedEdges().map((e) => e.source().id())).toEqual(['ice']);
    expect(grouped(cy)).toEqual(['arrest1', 'arrest2', 'arrest3', 'arrest4', 'arrest5']);
    expect(cy.getElementById('ice-arrest1').hasClass('grouped')).toBe(true);
    // Two detentions are too few to fold; the people stay in view.
    expect(cy.getElementById('det1').hasClass('grouped')).toBe(false);
    expect(cy.getElementById('p1').hasClass('grouped')).toBe(false);
    expect(group.position()).toEqual({ x: 130, y: 100 });
  });

  it('leaves an opened group unfolded, never folds kept events, and folds again from scratch each time', () => {
    const cy = hub();
    groupEvents(cy, new Set(['group:ice:Arrest']), new Set());
    expect(cy.$('.group').length).toBe(0);
    expect(grouped(cy)).toEqual([]);
    groupEvents(cy, new Set(), new Set(['arrest5']));
    expect(cy.getElementById('group:ice:Arrest').data('label')).toBe('4 arrests');
    expect(grouped(cy)).toEqual(['arrest1', 'arrest2', 'arrest3', 'arrest4']);
  });

  it('moves a group to where its events went', () => {
    const cy = hub();
    groupEvents(cy, new Set(), new Set());
    cy.nodes('[eventType = "Arrest"]').positions({ x: 40, y: 40 });
    placeGroups(cy);
    expect(cy.getElementById('group:ice:Arrest').position()).toEqual({ x: 40, y: 40 });
  });

  it('names groups in the plural', () => {
    expect(groupLabel(12, 'Arrest')).toBe('12 arrests');
    expect(groupLabel(3, 'Crossing')).toBe('3 crossings');
    expect(groupLabel(4, 'Attack')).toBe('4 attacks');
    expect(groupLabel(2, 'Search')).toBe('2 searches');
    expect(groupLabel(5, 'Robbery')).toBe('5 robberies');
  });
});
