// The baseline page of bench/web: Cytoscape alone, with the app's stylesheet and nothing else.
// ?webgl=1 asks for the WebGL renderer, as the app uses past its threshold. The hidden
// #relayout button runs fcose with the app's options from graph-style.json (draft quality past
// the large-graph size, as the app does), so the initial-draw baseline lays out the same way.
// ?floor=preset makes it place the nodes where they are (no layout algorithm); ?floor=plain
// also drops labels and curved edges: bench/web --floor measures what Cytoscape alone costs.
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import config from '../../web/src/graph-style.json';
import { stylesheet } from '../../web/src/graph-style.ts';

declare global {
  interface Window {
    cy: Core;
  }
}

cytoscape.use(fcose);
const params = new URLSearchParams(location.search);
const webgl = params.get('webgl') === '1';
const floor = params.get('floor');
const container = document.getElementById('cy');
if (!container) throw new Error('missing #cy');
const style = stylesheet().map((rule) => {
  if (floor !== 'plain' || !('style' in rule)) return rule;
  if (rule.selector === 'node') return { ...rule, style: { ...rule.style, label: '' } };
  if (rule.selector === 'edge') return { ...rule, style: { ...rule.style, 'curve-style': 'haystack' } };
  return rule;
});
const cy = cytoscape({ container, style, minZoom: 0.1, maxZoom: 4, ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}) } as cytoscape.CytoscapeOptions);
window.cy = cy;
cy.scratch('webgl', webgl);
document.getElementById('relayout')?.addEventListener('click', () => {
  if (floor) {
    cy.layout({ name: 'preset', fit: true, padding: 40 }).run();
    return;
  }
  const large = cy.nodes().length > config.largeGraph.nodes ? config.largeGraph.overrides.fcose : {};
  cy.layout({ ...config.layouts.fcose, ...large, fit: true } as cytoscape.LayoutOptions).run();
});
