import type { Core, NodeSingular } from 'cytoscape';
import type { Entity } from './api.ts';
import { caption } from './event-caption.ts';
import { emptyState, type ExplorerState, type Point } from './explorer-state.ts';
import { groupEvents, placeGroups } from './event-groups.ts';
import { applyFilters } from './filters.ts';
import type { GraphCache } from './graph-cache.ts';
import { disputed, edgeElement, nodeElement } from './graph-view.ts';
import { moreId, setMoreNode } from './more-node.ts';

const CLOSE = 0.01;
const same = (a: Point, b: Point): boolean => Math.abs(a.x - b.x) < CLOSE && Math.abs(a.y - b.y) < CLOSE;

/** Sets a node's position, pinned or not (a locked node ignores moves). */
function place(node: NodeSingular, p: Point): void {
  if (same(node.position(), p)) return;
  const locked = node.locked();
  if (locked) node.unlock();
  node.position({ x: p.x, y: p.y });
  if (locked) node.lock();
}

/** Where a node with no place yet starts: by the drawn neighbours it has, else the middle. */
function startAt(cy: Core, cache: GraphCache, id: string, shown: ReadonlySet<string>): Point {
  const anchors = cache
    .neighbours(id, shown)
    .map((n) => cy.getElementById(n))
    .filter((n) => n.nonempty());
  if (anchors.length === 0) return { x: 0, y: 0 };
  const x = anchors.reduce((s, n) => s + n.position().x, 0) / anchors.length;
  const y = anchors.reduce((s, n) => s + n.position().y, 0) / anchors.length;
  return { x: x + 30, y: y + 30 };
}

const drawnData = (e: Entity, cache: GraphCache) => ({ label: e.name, caption: caption(e, e.type === 'EVENT' ? cache.linked(e.id) : []), type: e.type, aliases: e.aliases, articleCount: e.articleCount, date: e.date ?? null, disputed: disputed(e).disputed });

/**
 * Draws a view state on a Cytoscape instance: adds and removes what changed since `previous`
 * (elements added from outside the state, by a test or an extension, are left alone), sets
 * positions, pins, the seeds, selection, filters and viewport. Entities not in `cache` yet are
 * skipped; draw again once they are fetched. Returns whether what is drawn (elements, their data
 * or the filters) changed, as opposed to only places, pins, selection or viewport.
 */
export function renderView(cy: Core, state: ExplorerState, previous: ExplorerState = emptyState(state.layout), cache: GraphCache): boolean {
  let changed = previous.filters !== state.filters || previous.shown !== state.shown || previous.expanded !== state.expanded || previous.openGroups !== state.openGroups || previous.pinned !== state.pinned;
  const touch = (): void => {
    changed = true;
  };
  const shown = new Set(state.shown);
  const expanded = new Set(state.expanded);
  const pinned = new Set(state.pinned);
  cy.batch(() => {
    for (const id of previous.shown) if (!shown.has(id)) cy.getElementById(id).remove();
    for (const id of Object.keys(previous.more)) if (!(id in state.more)) cy.getElementById(moreId(id)).remove();

    for (const id of state.shown) {
      const entity = cache.node(id);
      if (!entity) continue;
      const node = cy.getElementById(id);
      if (node.empty()) {
        cy.add(nodeElement(entity, state.positions[id] ?? startAt(cy, cache, id, shown), entity.type === 'EVENT' ? cache.linked(id) : []));
        touch();
      } else if (node.scratch('entity') !== entity) {
        node.data(drawnData(entity, cache));
        touch();
      }
      cy.getElementById(id).scratch('entity', entity);
    }

    const edges = cache.edgesAmong(shown);
    const wanted = new Set(edges.map((e) => e.id));
    cy.edges().not('.more').forEach((e) => {
      if (!wanted.has(e.id()) && shown.has(e.source().id()) && shown.has(e.target().id())) {
        e.remove();
        touch();
      }
    });
    for (const e of edges) {
      const edge = cy.getElementById(e.id);
      if (edge.empty()) {
        if (cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty()) {
          cy.add(edgeElement(e));
          touch();
        }
      } else if (edge.data('weight') !== e.weight || edge.data('disputed') !== disputed(e).disputed) {
        edge.data({ weight: e.weight, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null, disputed: disputed(e).disputed });
        touch();
      }
    }

    if (previous.more !== state.more) touch();
    for (const [id, count] of Object.entries(state.more)) if (cy.getElementById(id).nonempty()) setMoreNode(cy, id, count);

    for (const [id, p] of Object.entries(state.positions)) {
      const node = cy.getElementById(id);
      if (node.nonempty()) place(node, p);
    }
    for (const id of state.shown) {
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      const pin = pinned.has(id);
      if (pin && !node.locked()) node.lock();
      if (!pin && node.locked()) node.unlock();
      node.toggleClass('pinned', pin);
      node.toggleClass('seed', expanded.has(id));
    }
    const selected = state.selection ? cy.getElementById(state.selection) : cy.collection();
    cy.$(':selected').difference(selected).unselect();
    if (selected.nonempty() && !selected.selected()) selected.select();
  });
  if (changed) {
    applyFilters(cy, state.filters, expanded);
    groupEvents(cy, new Set(state.openGroups), new Set([...state.expanded, ...state.pinned]));
  } else placeGroups(cy);
  const v = state.viewport;
  if (v && (Math.abs(cy.zoom() - v.zoom) > 1e-6 || !same(cy.pan(), v.pan))) cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
  return changed;
}

/** Where the state's nodes (entities and "+N more") are drawn now: for the state, after a layout or a drag. */
export function positionsOf(cy: Core, state: ExplorerState): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const id of [...state.shown, ...Object.keys(state.more).map(moreId)]) {
    const n = cy.getElementById(id);
    if (n.empty()) continue;
    const p = n.position();
    out[id] = { x: p.x, y: p.y };
  }
  return out;
}
