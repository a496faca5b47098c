import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { fetchEntityDetails, fetchEvidence, fetchNeighborhood, searchEntities, type EntityType } from './api.ts';
import { edgeDetails, entityDetails } from './details-panel.ts';
import { byId, el } from './dom.ts';
import { mountExportMenu } from './export-menu.ts';
import { applyFilters, renderLegend } from './filters.ts';
import { DEFAULT_LAYOUT, LAYOUTS } from './graph-style.ts';
import { addSubgraph, createGraph, runLayout } from './graph-view.ts';
import { ingestPanel } from './ingest-panel.ts';
import { mountMenu } from './menu.ts';
import { findPaths } from './path-finder.ts';
import { mountSearchBox } from './search-box.ts';
import { decodeView, encodeView } from './view-state.ts';

declare global {
  interface Window {
    /** The Cytoscape instance, exposed for automation and debugging. */
    cy: Core;
  }
}

const status = byId<HTMLParagraphElement>('status');
const emptyState = byId<HTMLDivElement>('empty-state');
const details = byId<HTMLElement>('details');
const layoutButton = byId<HTMLButtonElement>('layout-button');
const minWeight = byId<HTMLInputElement>('min-weight');
const minWeightValue = byId<HTMLOutputElement>('min-weight-value');

const view = decodeView(location.hash, DEFAULT_LAYOUT, Object.keys(LAYOUTS));
const hidden = new Set<EntityType>(view.hiddenTypes);

function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

const cy = createGraph(byId('cy'));
window.cy = cy;

function saveView(): void {
  view.hiddenTypes = [...hidden];
  view.minWeight = Number(minWeight.value);
  history.replaceState(null, '', encodeView(view));
}

function refilter(): void {
  applyFilters(cy, hidden, Number(minWeight.value));
  minWeightValue.textContent = minWeight.value;
  saveView();
}

function summary(): void {
  emptyState.hidden = cy.nodes().length > 0;
  say(`${cy.nodes(':visible').length} entities · ${cy.edges(':visible').length} links — click for details, double-click to expand`);
}

async function open(ids: string[], replace: boolean): Promise<void> {
  say('Loading…');
  try {
    const sub = await fetchNeighborhood(ids, 1, 40);
    addSubgraph(cy, sub, { replace, seeds: ids });
    const maxWeight = Math.max(1, ...cy.edges().map((e) => Number(e.data('weight'))));
    minWeight.max = String(Math.min(maxWeight, 50));
    applyFilters(cy, hidden, Number(minWeight.value));
    runLayout(cy, view.layout);
    view.ids = replace ? [...ids] : [...new Set([...view.ids, ...ids])];
    saveView();
    summary();
    if (sub.truncated) say(`${cy.nodes(':visible').length} entities shown; ${sub.hiddenCount} weaker neighbours left out — double-click to expand`);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err), true);
  }
}

function closeDetails(): void {
  details.hidden = true;
  details.replaceChildren();
}

async function showNode(node: NodeSingular): Promise<void> {
  const entity = await fetchEntityDetails(node.id());
  if (!entity) return;
  const links = node
    .connectedEdges(':visible')
    .map((e) => ({ other: e.source().id() === node.id() ? e.target() : e.source(), e }))
    .sort((a, b) => Number(b.e.data('weight')) - Number(a.e.data('weight')))
    .map(({ other, e }) => ({ name: String(other.data('label')), type: String(e.data('type')), weight: Number(e.data('weight')) }));
  const actions = el('p', { class: 'actions' });
  const start = el('button', { type: 'button' }, 'Start a path here');
  start.addEventListener('click', () => {
    pathFrom = { id: entity.id, name: entity.name };
    say(`Path from ${entity.name}: now click another entity and choose “Paths … to here”.`);
  });
  actions.append(start);
  const from = pathFrom;
  if (from && from.id !== entity.id) {
    const go = el('button', { type: 'button' }, `Paths from ${from.name} to here`);
    go.addEventListener('click', () => {
      say('Finding paths…');
      const before = cy.nodes().length;
      findPaths(cy, from, { id: entity.id, name: entity.name }, show, closeDetails).then(
        () => {
          // Paths can bring in entities that were not in view: place them.
          if (cy.nodes().length > before) runLayout(cy, view.layout);
          applyFilters(cy, hidden, Number(minWeight.value));
          summary();
        },
        (err: unknown) => say(String(err), true),
      );
    });
    actions.append(go);
  }
  show([...entityDetails(entity, links, closeDetails), actions]);
}

let pathFrom: { id: string; name: string } | undefined;

function show(nodes: HTMLElement[]): void {
  details.replaceChildren(...nodes);
  details.hidden = false;
}

async function showEdge(edge: EdgeSingular): Promise<void> {
  const end = (n: NodeSingular) => ({ name: String(n.data('label')), aliases: (n.data('aliases') as string[] | undefined) ?? [] });
  const evidence = await fetchEvidence(edge.id());
  details.replaceChildren(...edgeDetails({ type: String(edge.data('type')), weight: Number(edge.data('weight')), source: end(edge.source()), target: end(edge.target()) }, evidence, closeDetails));
  details.hidden = false;
}

renderLegend(byId('legend'), hidden, refilter);
const showLayout = (): void => {
  layoutButton.textContent = `Layout: ${view.layout}`;
};
showLayout();
mountMenu(layoutButton, Object.keys(LAYOUTS).map((name) => ({ value: name, label: name })), (name) => {
  view.layout = name;
  showLayout();
  runLayout(cy, view.layout);
  saveView();
});
byId<HTMLButtonElement>('relayout').addEventListener('click', () => runLayout(cy, view.layout));
minWeight.value = String(view.minWeight);
minWeight.addEventListener('input', refilter);
byId<HTMLButtonElement>('ingest-button').addEventListener('click', () =>
  show(
    ingestPanel((results) => {
      const added = results.filter((r) => r.created || r.reprocessed).length;
      say(`${added} article${added === 1 ? '' : 's'} added — search for what they mention.`);
    }, closeDetails),
  ),
);
byId<HTMLButtonElement>('share').addEventListener('click', () => {
  saveView();
  navigator.clipboard?.writeText(location.href).then(
    () => say('Link to this view copied.'),
    () => say(`Link to this view: ${location.href}`),
  );
});
mountExportMenu(byId<HTMLButtonElement>('export-button'), cy, () => view.ids.length > 0 ? view.ids : cy.nodes().map((n) => n.id()), say);

mountSearchBox({
  input: byId<HTMLInputElement>('search-input'),
  list: byId<HTMLUListElement>('search-results'),
  search: (q) => searchEntities(q),
  onChoose: (entity) => void open([entity.id], true),
  onError: (message) => say(message, true),
});

cy.on('tap', 'node', (ev) => void showNode(ev.target as NodeSingular).catch((err: unknown) => say(String(err), true)));
cy.on('tap', 'edge', (ev) => void showEdge(ev.target as EdgeSingular).catch((err: unknown) => say(String(err), true)));
cy.on('tap', (ev) => {
  if (ev.target === cy) closeDetails();
});
cy.on('dbltap', 'node', (ev) => void open([String((ev.target as NodeSingular).id())], false));

if (view.ids.length > 0) void open(view.ids, true);
