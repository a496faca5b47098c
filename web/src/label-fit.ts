import type { Core, NodeSingular } from 'cytoscape';
import { LABELS } from './graph-style.ts';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const CELL = 64;
/** Past this many nodes the canvas is too dense to read labels anyway; Cytoscape's own min font size decides. */
const MAX_NODES = 1500;

/** A grid of boxes, for overlap tests that do not compare every pair. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();

  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let x = Math.floor(b.x1 / CELL); x <= Math.floor(b.x2 / CELL); x++) for (let y = Math.floor(b.y1 / CELL); y <= Math.floor(b.y2 / CELL); y++) out.push(`${x},${y}`);
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  hits(b: Box, except?: Box): boolean {
    for (const k of this.keys(b)) for (const o of this.cells.get(k) ?? []) if (o !== except && o.x1 < b.x2 && b.x1 < o.x2 && o.y1 < b.y2 && b.y1 < o.y2) return true;
    return false;
  }
}

/** How much a node's label matters: the selection, then seeds and "+N more", then entities by links in view and articles, then events. */
function importance(n: NodeSingular, links: number): number {
  if (n.selected()) return 1e9;
  if (n.hasClass('seed') || n.hasClass('more')) return 1e6 + Number(n.data('articleCount') ?? 0);
  const score = links * 10 + Number(n.data('articleCount') ?? 0);
  return n.data('type') === 'EVENT' ? score - 1e5 : score;
}

/**
 * Shows the labels that fit: in order of importance, a node keeps its label when the label's box
 * (estimated from its length and the font) overlaps no label kept before it and no other node;
 * the rest get `label-hidden` (hover or selection shows them in full). Call after the layout, a
 * zoom or a change of what is visible. Returns how many labels were hidden.
 */
export function fitLabels(cy: Core): number {
  const nodes = cy.nodes().not('.filtered').not('.grouped');
  if (nodes.length > MAX_NODES) {
    cy.nodes('.label-hidden').removeClass('label-hidden');
    return 0;
  }
  const zoom = cy.zoom();
  const bodies = new BoxGrid();
  const bodyOf = new Map<string, Box>();
  nodes.forEach((n) => {
    const p = n.renderedPosition();
    const w = n.renderedWidth() / 2;
    const h = n.renderedHeight() / 2;
    const b = { x1: p.x - w, y1: p.y - h, x2: p.x + w, y2: p.y + h };
    bodies.add(b);
    bodyOf.set(n.id(), b);
  });
  const labels = new BoxGrid();
  const hide: NodeSingular[] = [];
  const show: NodeSingular[] = [];
  // Links in view per node, counted once (the sort would otherwise ask for each many times).
  const links = new Map<string, number>();
  cy.edges()
    .not('.filtered')
    .not('.grouped')
    .forEach((e) => {
      for (const end of [e.data('source') as string, e.data('target') as string]) links.set(end, (links.get(end) ?? 0) + 1);
    });
  const ranked = (nodes.toArray() as NodeSingular[]).map((n) => ({ n, score: importance(n, links.get(n.id()) ?? 0) })).sort((a, b) => b.score - a.score);
  for (const { n } of ranked) {
    const event = n.data('type') === 'EVENT';
    const font = (event ? LABELS.eventFontSize : LABELS.fontSize) * zoom;
    const text = String(n.data('caption') ?? n.data('label') ?? '');
    const body = bodyOf.get(n.id());
    if (!body || text.length === 0 || font < LABELS.minZoomedFontSize || n.hasClass('more')) {
      show.push(n);
      continue;
    }
    const width = Math.min(text.length * font * LABELS.charWidth, LABELS.maxWidth * zoom);
    const p = n.renderedPosition();
    const y1 = body.y2 + LABELS.marginY * zoom;
    const box = { x1: p.x - width / 2, y1, x2: p.x + width / 2, y2: y1 + font * 1.25 };
    if (!n.selected() && (labels.hits(box) || bodies.hits(box, body))) hide.push(n);
    else {
      labels.add(box);
      show.push(n);
    }
  }
  cy.batch(() => {
    for (const n of hide) if (!n.hasClass('label-hidden')) n.addClass('label-hidden');
    for (const n of show) if (n.hasClass('label-hidden')) n.removeClass('label-hidden');
  });
  return hide.length;
}
