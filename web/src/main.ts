import type { Core } from 'cytoscape';
import { fetchNeighborhood, searchEntities } from './api.ts';
import { byId } from './dom.ts';
import { createGraph, showSubgraph } from './graph-view.ts';
import { renderLegend } from './legend.ts';
import { mountSearchBox } from './search-box.ts';

declare global {
  interface Window {
    /** The Cytoscape instance, exposed for automation and debugging. */
    cy: Core;
  }
}

const status = byId<HTMLParagraphElement>('status');
const emptyState = byId<HTMLDivElement>('empty-state');

function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

const cy = createGraph(byId('cy'));
window.cy = cy;
renderLegend(byId('legend'));

async function open(ids: string[], replace: boolean): Promise<void> {
  say('Loading…');
  try {
    const sub = await fetchNeighborhood(ids, 1, 40);
    showSubgraph(cy, sub, { replace, seeds: ids });
    emptyState.hidden = cy.nodes().length > 0;
    say(`${cy.nodes().length} entities · ${cy.edges().length} links — double-click a node to expand it`);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err), true);
  }
}

mountSearchBox({
  input: byId<HTMLInputElement>('search-input'),
  list: byId<HTMLUListElement>('search-results'),
  search: (q) => searchEntities(q),
  onChoose: (entity) => void open([entity.id], true),
  onError: (message) => say(message, true),
});

cy.on('dbltap', 'node', (ev) => void open([String(ev.target.id())], false));
