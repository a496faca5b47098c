import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { stylesheet } from '../../../web/src/graph-style.ts';
import { fitLabels } from '../../../web/src/label-fit.ts';

/** Nodes at the given places, with their names as captions; the hub has links, the others one each. */
function graph(nodes: Array<{ id: string; x: number; y: number; articleCount?: number; type?: string }>) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
  cy.add(nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: `${n.id} with a fairly long name`, caption: `${n.id} with a fairly long name`, type: n.type ?? 'ORGANIZATION', articleCount: n.articleCount ?? 1 }, position: { x: n.x, y: n.y } })));
  return cy;
}

const hidden = (cy: cytoscape.Core): string[] => cy.$('.label-hidden').map((n) => n.id()).sort();

describe('fitting labels', () => {
  it('keeps the more important of two labels that would overlap, and every label with room', () => {
    const cy = graph([
      { id: 'big', x: 0, y: 0, articleCount: 9 },
      { id: 'small', x: 30, y: 4 },
      { id: 'far', x: 600, y: 0 },
    ]);
    expect(fitLabels(cy)).toBe(1);
    expect(hidden(cy)).toEqual(['small']);
  });

  it('gives way to the selected node, and shows every label again once there is room', () => {
    const cy = graph([
      { id: 'big', x: 0, y: 0, articleCount: 9 },
      { id: 'small', x: 30, y: 4 },
    ]);
    cy.getElementById('small').select();
    fitLabels(cy);
    expect(hidden(cy)).toEqual(['big']);
    cy.getElementById('small').unselect();
    cy.getElementById('small').position({ x: 0, y: 400 });
    fitLabels(cy);
    expect(hidden(cy)).toEqual([]);
  });

  it('puts events after entities', () => {
    const cy = graph([
      { id: 'event', x: 0, y: 0, articleCount: 9, type: 'EVENT' },
      { id: 'entity', x: 20, y: 2 },
    ]);
    fitLabels(cy);
    expect(hidden(cy)).toEqual(['event']);
  });
});
