// The baseline page of bench/web: Cytoscape alone, with the app's stylesheet and nothing else.
// ?webgl=1 asks for the WebGL renderer, as the app uses past its threshold.
import cytoscape, { type Core } from 'cytoscape';
import { stylesheet } from '../../web/src/graph-style.ts';

declare global {
  interface Window {
    cy: Core;
  }
}

const webgl = new URLSearchParams(location.search).get('webgl') === '1';
const container = document.getElementById('cy');
if (!container) throw new Error('missing #cy');
window.cy = cytoscape({ container, style: stylesheet(), minZoom: 0.1, maxZoom: 4, ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}) } as cytoscape.CytoscapeOptions);
window.cy.scratch('webgl', webgl);
