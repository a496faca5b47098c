import type { Core, EdgeSingular } from 'cytoscape';

/** The id of the "+N more" node that pages in the rest of an entity's neighbours. */
export const moreId = (forId: string): string => `more:${forId}`;

/**
 * Collapses an entity: removes the neighbours that hang only on it (no other link in view and
 * not themselves expanded). Returns how many were removed.
 */
export function collapse(cy: Core, id: string, expanded: ReadonlySet<string>): number {
  const node = cy.getElementById(id);
  const leaves = node
    .neighborhood()
    .nodes()
    .filter((n) => !expanded.has(n.id()) && n.connectedEdges().every((e) => (e as EdgeSingular).source().id() === id || (e as EdgeSingular).target().id() === id));
  const count = leaves.filter((n) => !n.hasClass('more')).length;
  leaves.remove();
  return count;
}

/** Hides an entity: takes it (and its links, and its "+N more" node) out of the view. */
export function hide(cy: Core, id: string): void {
  cy.getElementById(moreId(id)).remove();
  cy.getElementById(id).remove();
}

/** Focuses on an entity: keeps it and its direct neighbours, removes everything else. */
export function focus(cy: Core, id: string): void {
  const keep = cy.getElementById(id).closedNeighborhood();
  cy.elements().difference(keep).remove();
}

/** Pins an entity where it is (layouts leave it there) or unpins it; returns whether it is pinned now. */
export function togglePin(cy: Core, id: string): boolean {
  const node = cy.getElementById(id);
  if (node.locked()) {
    node.unlock();
    node.removeClass('pinned');
    return false;
  }
  node.lock();
  node.addClass('pinned');
  return true;
}

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
