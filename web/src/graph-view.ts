import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Entity, Relation, StanceCounts } from './api.ts';
import { caption } from './event-caption.ts';
import type { Point } from './explorer-state.ts';
import config from './graph-style.json';
import { LAYOUTS, MAX_FIT_ZOOM, stylesheet } from './graph-style.ts';
import { batchTextureFills } from './texture-batching.ts';

cytoscape.use(fcose);

/**
 * Creates the Cytoscape instance in `container`, with the WebGL renderer (Cytoscape 3.31+)
 * when asked; the page asks once the view grows past WEBGL_THRESHOLD elements.
 */
export function createGraph(container: HTMLElement, webgl: boolean): Core {
  const cy = cytoscape({ container, style: stylesheet(), minZoom: 0.1, maxZoom: 4, ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}) } as cytoscape.CytoscapeOptions);
  cy.scratch('webgl', webgl);
  if (!webgl) batchTextureFills(cy);
  return cy;
}

/** Past this many elements the canvas renderer struggles and the WebGL one takes over. */
export const WEBGL_THRESHOLD = Number(config.webglThreshold);

/** Whether the view is big enough for the WebGL renderer. */
export function wantsWebgl(cy: Core): boolean {
  return cy.elements().length > WEBGL_THRESHOLD;
}

/** The Cytoscape element of an entity. */
export function nodeElement(n: Entity, position?: Point, participants: readonly Entity[] = []): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: n.id, label: n.name, caption: caption(n, participants), type: n.type, articleCount: n.articleCount, aliases: n.aliases, date: n.date ?? null, eventType: n.eventType ?? null, ...disputed(n) },
    ...(position ? { position: { ...position } } : {}),
  };
}

/** The Cytoscape element of a link. */
export function edgeElement(e: Relation): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type,
      caption: e.type.toLowerCase().replace(/_/g, ' '),
      weight: e.weight,
      articleCount: e.articleCount ?? e.weight,
      firstSeen: e.firstSeen ?? null,
      lastSeen: e.lastSeen ?? null,
      ...(e.stances ? { stances: e.stances, look: stanceLook(e.stances) } : {}),
      ...disputed(e),
    },
  };
}

/** `disputed`: the kinds of disagreement among its reports (DATE COUNT …), when there is one: drawn in red. */
export function disputed(x: Entity | Relation): { disputed?: string } {
  const kinds = x.conflicts?.map((c) => c.kind) ?? [];
  return kinds.length > 0 ? { disputed: kinds.join(' ') } : {};
}

/**
 * How an edge is drawn for what its evidence says: solid when some sentence asserts it or reports
 * someone saying it, dotted when it is mostly denied, dashed when it is only alleged or hedged.
 */
export function stanceLook(s: StanceCounts): 'stated' | 'denied' | 'hedged' | 'unknown' {
  if (s.asserted + s.attributed > 0) return 'stated';
  if (s.denied + s.alleged + s.uncertain === 0) return 'unknown';
  return s.denied >= s.alleged + s.uncertain ? 'denied' : 'hedged';
}

/** Parts of the canvas covered by panels (px from each side), which a fit keeps clear. */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const NO_INSETS: Insets = { left: 0, right: 0, top: 0, bottom: 0 };
const FIT_PADDING = 30;

/**
 * Fits what is visible into the part of the canvas no panel covers, without over-zooming a
 * small view (Cytoscape's own fit pads every side alike and would tuck nodes under the panels).
 */
export function fitVisible(cy: Core, insets: Insets = NO_INSETS): void {
  // Not ':visible': that waits for the next style pass.
  const visible = cy.elements().not('.filtered').not('.grouped');
  if (visible.empty()) return;
  const bb = visible.boundingBox();
  const width = Math.max(1, cy.width() - insets.left - insets.right - 2 * FIT_PADDING);
  const height = Math.max(1, cy.height() - insets.top - insets.bottom - 2 * FIT_PADDING);
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, width / Math.max(bb.w, 1), height / Math.max(bb.h, 1)));
  const cx = insets.left + FIT_PADDING + width / 2;
  const cy0 = insets.top + FIT_PADDING + height / 2;
  cy.viewport({ zoom, pan: { x: cx - zoom * (bb.x1 + bb.w / 2), y: cy0 - zoom * (bb.y1 + bb.h / 2) } });
}

/**
 * Runs a named layout over the visible elements and fits the view, without over-zooming small
 * graphs; `done` is called once the nodes have their places. Past `largeGraph.nodes` visible nodes the layout takes its `largeGraph` overrides
 * (fcose: draft quality, i.e. the spectral layout without the slow polishing phase), so a big
 * view appears in about a second instead of several.
 */
export function runLayout(cy: Core, name: string, done: () => void = () => undefined, insets: Insets = NO_INSETS): void {
  const options = LAYOUTS[name] ?? LAYOUTS.cose;
  // Folded events are laid out with the rest (so their group sits by its entity); group nodes follow them.
  const visible = cy.elements().not('.filtered').not('.group');
  const large = visible.nodes().length > LARGE_GRAPH.nodes ? (LARGE_GRAPH.overrides[name] ?? {}) : {};
  const layout = visible.layout({ ...options, ...hubAware(name, (options ?? {}) as Record<string, unknown>, visible), ...large, fit: false } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => {
    fitVisible(cy, insets);
    done();
  });
  layout.run();
}

/**
 * Force-layout settings per node and edge, so a hub (United States, linked to everything) does
 * not pull the whole view into a ball: links at a hub are longer and pull more weakly, hubs push
 * harder, and co-occurrence ("mentioned with") pulls least of all.
 */
function hubAware(name: string, options: Record<string, unknown>, laidOut: cytoscape.CollectionReturnValue): Record<string, unknown> {
  if (name !== 'fcose' && name !== 'cose') return {};
  const length = Number(options.idealEdgeLength ?? 100);
  const repulsion = Number(options.nodeRepulsion ?? 4500);
  // Degrees among what is laid out, counted once: the layout asks for every edge and node.
  const degree = new Map<string, number>();
  laidOut.edges().forEach((e) => {
    for (const end of [e.data('source') as string, e.data('target') as string]) degree.set(end, (degree.get(end) ?? 0) + 1);
  });
  const degreeInView = (n: NodeSingular): number => degree.get(n.id()) ?? 0;
  const hub = (e: EdgeSingular): number => Math.max(degree.get(e.data('source') as string) ?? 0, degree.get(e.data('target') as string) ?? 0);
  const faint = (e: EdgeSingular): boolean => e.data('type') === 'MENTIONED_WITH';
  return {
    idealEdgeLength: (e: EdgeSingular) => length * (1 + 0.12 * Math.sqrt(hub(e))) * (faint(e) ? 1.3 : 1),
    edgeElasticity: (e: EdgeSingular) => (faint(e) ? 0.1 : 0.45) / (1 + Math.log10(hub(e))),
    nodeRepulsion: (n: NodeSingular) => repulsion * (1 + degreeInView(n) / 8),
  };
}

const LARGE_GRAPH = config.largeGraph as { nodes: number; overrides: Record<string, Record<string, unknown>> };
