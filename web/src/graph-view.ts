import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Entity, Relation } from './api.ts';
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
export function nodeElement(n: Entity, position?: Point): ElementDefinition {
  return { group: 'nodes', data: { id: n.id, label: n.name, type: n.type, articleCount: n.articleCount, aliases: n.aliases, date: n.date ?? null }, ...(position ? { position: { ...position } } : {}) };
}

/** The Cytoscape element of a link. */
export function edgeElement(e: Relation): ElementDefinition {
  return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null } };
}

/** Fits what is visible to the canvas, without over-zooming a small view. */
export function fitVisible(cy: Core): void {
  const visible = cy.elements().not('.filtered'); // not ':visible': that waits for the next style pass
  if (visible.empty()) return;
  cy.fit(visible, 40);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(visible);
  }
}

/**
 * Runs a named layout over the visible elements and fits the view, without over-zooming small
 * graphs; `done` is called once the nodes have their places. Past `largeGraph.nodes` visible nodes the layout takes its `largeGraph` overrides
 * (fcose: draft quality, i.e. the spectral layout without the slow polishing phase), so a big
 * view appears in about a second instead of several.
 */
export function runLayout(cy: Core, name: string, done: () => void = () => undefined): void {
  const options = LAYOUTS[name] ?? LAYOUTS.cose;
  const visible = cy.elements().not('.filtered'); // not ':visible': that waits for the next style pass
  const large = visible.nodes().length > LARGE_GRAPH.nodes ? (LARGE_GRAPH.overrides[name] ?? {}) : {};
  const layout = visible.layout({ ...options, ...large, fit: true } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => {
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    done();
  });
  layout.run();
}

const LARGE_GRAPH = config.largeGraph as { nodes: number; overrides: Record<string, Record<string, unknown>> };
