import type { Core } from 'cytoscape';

/** The id of the "+N more" node that pages in the rest of an entity's neighbours. */
export const moreId = (forId: string): string => `more:${forId}`;

/** Shows (or updates, or removes when nothing is left) the "+N more" node of an entity. */
export function setMoreNode(cy: Core, forId: string, hiddenCount: number): void {
  const id = moreId(forId);
  const existing = cy.getElementById(id);
  if (hiddenCount <= 0) {
    existing.remove();
    return;
  }
  const label = `+${hiddenCount} more`;
  if (existing.nonempty()) {
    existing.data({ label, count: hiddenCount });
    return;
  }
  const anchor = cy.getElementById(forId).position();
  cy.add([
    { group: 'nodes', data: { id, label, type: 'MORE', moreFor: forId, count: hiddenCount, articleCount: 1 }, classes: 'more', position: { x: anchor.x + 60, y: anchor.y + 60 } },
    { group: 'edges', data: { id: `more-edge:${forId}`, source: forId, target: id, type: 'MORE', weight: 1 }, classes: 'more' },
  ]);
}
