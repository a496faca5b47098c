import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { fetchArticle, fetchEntityDetails, fetchEvidence, fetchNeighborhood, searchEntities, type CurationOutcome, type EntityType } from './api.ts';
import { articleView } from './article-view.ts';
import { curationSection } from './curation-panel.ts';
import { edgeDetails, entityDetails } from './details-panel.ts';
import { byId, el } from './dom.ts';
import { mountExportMenu } from './export-menu.ts';
import { applyFilters, renderLegend, renderRelationTypes, type FilterState } from './filters.ts';
import { DEFAULT_LAYOUT, LAYOUTS } from './graph-style.ts';
import { addSubgraph, createGraph, runLayout, wantsWebgl, WEBGL_THRESHOLD } from './graph-view.ts';
import { ingestPanel } from './ingest-panel.ts';
import { mountMenu } from './menu.ts';
import { collapse, focus, hide, moreId, setMoreNode, togglePin } from './node-actions.ts';
import { findPaths } from './path-finder.ts';
import { savedViewsPanel } from './saved-views-panel.ts';
import { mountSearchBox } from './search-box.ts';
import { mountTimeline } from './timeline-strip.ts';
import { ViewHistory } from './view-history.ts';
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
const undoButton = byId<HTMLButtonElement>('undo');
const redoButton = byId<HTMLButtonElement>('redo');

let view = decodeView(location.hash, DEFAULT_LAYOUT, Object.keys(LAYOUTS));
const filters: FilterState = {
  hiddenTypes: new Set<EntityType>(view.hiddenTypes),
  hiddenRelationTypes: new Set(view.hiddenRelationTypes),
  minWeight: view.minWeight,
  since: view.since,
  until: view.until,
};

/** Shows a message in the status bar, with an optional action button (e.g. Undo). */
function say(message: string, isError = false, action?: { label: string; run: () => void }): void {
  status.replaceChildren(message);
  status.classList.toggle('error', isError);
  if (action) {
    const b = el('button', { type: 'button', class: 'status-action' }, action.label);
    b.addEventListener('click', () => {
      b.disabled = true;
      action.run();
    });
    status.append(' ', b);
  }
}

let cy = createGraph(byId('cy'), false);
window.cy = cy;
const viewHistory = new ViewHistory(
  () => cy,
  { get: () => view.ids, set: (ids) => (view.ids = ids) },
  () => {
    undoButton.disabled = !viewHistory.canUndo;
    redoButton.disabled = !viewHistory.canRedo;
  },
);
undoButton.disabled = true;
redoButton.disabled = true;

const expanded = (): ReadonlySet<string> => new Set(view.ids);
const entityNodes = () => cy.nodes(':not(.more)');

function saveView(): void {
  view.hiddenTypes = [...filters.hiddenTypes];
  view.hiddenRelationTypes = [...filters.hiddenRelationTypes];
  view.minWeight = filters.minWeight;
  view.since = filters.since;
  view.until = filters.until;
  window.history.replaceState(null, '', encodeView(view));
}

const timeline = mountTimeline(byId('timeline'), filters, () => refilter());

/** Re-applies every filter, redraws the relation-type list and the timeline, saves the view. */
function refilter(): void {
  filters.minWeight = Number(minWeight.value);
  minWeightValue.textContent = minWeight.value;
  applyFilters(cy, filters, expanded());
  renderRelationTypes(byId('relation-types'), cy, filters.hiddenRelationTypes, refilter);
  saveView();
  summary();
}

function summary(): void {
  emptyState.hidden = cy.nodes().length > 0;
  say(`${entityNodes().filter(':visible').length} entities · ${cy.edges(':visible').not('.more').length} links — click for details, double-click to expand`);
}

/** After any change to what is in view: refresh the weight slider, timeline, filters and URL. */
function afterViewChange(): void {
  const maxWeight = Math.max(1, ...cy.edges(':not(.more)').map((e) => Number(e.data('weight'))));
  minWeight.max = String(Math.min(maxWeight, 50));
  timeline.refresh(cy);
  refilter();
}

let pendingLoads = 0;
/**
 * Marks the graph busy (`aria-busy`) while a neighbourhood loads, for assistive technology and
 * for automation that must not act on a view still being replaced; returns the "done" call.
 */
function busy(): () => void {
  pendingLoads += 1;
  byId('cy').setAttribute('aria-busy', 'true');
  return () => {
    pendingLoads -= 1;
    if (pendingLoads === 0) byId('cy').removeAttribute('aria-busy');
  };
}

/**
 * Shows the neighbourhoods of `ids` (with `replace`, instead of the current view). Entities
 * already in view are excluded, so an expand brings new neighbours and their links to what is
 * shown; when the limit left some out, a "+N more" node pages them in.
 */
async function open(ids: string[], replace: boolean, record = true): Promise<void> {
  say('Loading…');
  const done = busy();
  try {
    const shown = replace ? [] : entityNodes().map((n) => n.id());
    const sub = await fetchNeighborhood(ids, 1, 40, shown);
    if (record && (cy.nodes().length > 0 || !replace)) viewHistory.record();
    addSubgraph(cy, sub, { replace, seeds: ids });
    if (ids.length === 1 && ids[0]) setMoreNode(cy, ids[0], sub.hiddenCount);
    for (const id of view.removed) if (!ids.includes(id)) hide(cy, id);
    view.ids = replace ? [...ids] : [...new Set([...view.ids, ...ids])];
    view.removed = view.removed.filter((id) => !ids.includes(id));
    runLayout(cy, view.layout);
    afterViewChange();
    if (sub.hiddenCount > 0) say(`${entityNodes().filter(':visible').length} entities shown; ${sub.hiddenCount} weaker neighbours left out — click “+${sub.hiddenCount} more” to add them`);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err), true);
  } finally {
    done();
  }
}

/** Pages in the next neighbours of an entity (its "+N more" node). */
async function more(forId: string): Promise<void> {
  say('Loading more…');
  const done = busy();
  try {
    const sub = await fetchNeighborhood([forId], 1, 40, entityNodes().map((n) => n.id()));
    viewHistory.record();
    addSubgraph(cy, sub, { replace: false, seeds: [] });
    setMoreNode(cy, forId, sub.hiddenCount);
    runLayout(cy, view.layout);
    afterViewChange();
  } catch (err) {
    say(err instanceof Error ? err.message : String(err), true);
  } finally {
    done();
  }
}

/** A view change made by a node action: remembered for undo, then filters and URL refreshed. */
function change(action: () => void): void {
  viewHistory.record();
  action();
  afterViewChange();
}

function closeDetails(): void {
  details.hidden = true;
  details.replaceChildren();
}

function show(nodes: HTMLElement[]): void {
  details.replaceChildren(...nodes);
  details.hidden = false;
}

/** Brings an entity into view (expanding it if it is not there), selects and centres it. */
async function reveal(id: string): Promise<void> {
  if (cy.getElementById(id).empty()) await open([id], false);
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.elements().unselect();
  node.select();
  cy.animate({ center: { eles: node } }, { duration: 250 });
  void showNode(node);
}

async function readArticle(articleId: string): Promise<void> {
  const article = await fetchArticle(articleId);
  if (!article) {
    say('That article is no longer stored.', true);
    return;
  }
  show(articleView(article, (entity) => void reveal(entity.id), closeDetails));
}

/** After a curation change or its undo: refetch the entities it touched and their links. */
async function refreshEntities(outcome: CurationOutcome): Promise<void> {
  const ids = [...new Set(outcome.decisions.flatMap((d) => [d.entityId, d.otherId]).filter((id): id is string => Boolean(id)))];
  const present: string[] = [];
  for (const id of ids) {
    const node = cy.getElementById(id);
    // Its links are refetched below; its "+N more" node keeps its tie.
    node.connectedEdges().not('.more').remove();
    const entity = await fetchEntityDetails(id);
    if (!entity) {
      setMoreNode(cy, id, 0);
      node.remove();
      continue;
    }
    present.push(id);
    if (node.nonempty()) node.data({ label: entity.name, type: entity.type, aliases: entity.aliases, articleCount: entity.articleCount });
  }
  if (present.length > 0) await open(present, false, false);
}

function curationHooks() {
  return {
    done: (message: string, outcome: CurationOutcome, undo: () => Promise<CurationOutcome>) => {
      void refreshEntities(outcome).then(() => {
        const target = outcome.entity ? cy.getElementById(outcome.entity.id) : null;
        if (target?.nonempty()) void showNode(target);
        say(message, false, {
          label: 'Undo',
          run: () =>
            undo().then(
              (o) => refreshEntities(o).then(() => say('Undone.')),
              (err: unknown) => say(err instanceof Error ? err.message : String(err), true),
            ),
        });
      });
    },
    failed: (message: string) => say(message, true),
  };
}

let pathFrom: { id: string; name: string } | undefined;

function actionButton(label: string, run: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', run);
  return b;
}

async function showNode(node: NodeSingular): Promise<void> {
  if (node.hasClass('more')) return;
  const entity = await fetchEntityDetails(node.id());
  if (!entity) return;
  const id = entity.id;
  const links = node
    .connectedEdges(':visible')
    .not('.more')
    .edges()
    .map((e) => ({ other: e.source().id() === id ? e.target() : e.source(), e }))
    .sort((a, b) => Number(b.e.data('weight')) - Number(a.e.data('weight')))
    .map(({ other, e }) => ({ name: String(other.data('label')), type: String(e.data('type')), weight: Number(e.data('weight')) }));
  const viewActions = el(
    'p',
    { class: 'actions', 'aria-label': 'View actions' },
    actionButton('Expand', () => void open([id], false)),
    actionButton('Collapse', () =>
      change(() => {
        const n = collapse(cy, id, expanded());
        cy.getElementById(moreId(id)).remove();
        view.ids = view.ids.filter((x) => x !== id);
        say(`Collapsed ${n} neighbour${n === 1 ? '' : 's'}.`);
      }),
    ),
    actionButton('Hide', () =>
      change(() => {
        hide(cy, id);
        view.ids = view.ids.filter((x) => x !== id);
        view.removed = [...new Set([...view.removed, id])];
        closeDetails();
      }),
    ),
    actionButton('Focus', () =>
      change(() => {
        focus(cy, id);
        view.ids = [id];
        view.removed = [];
        runLayout(cy, view.layout);
      }),
    ),
    actionButton(cy.getElementById(id).locked() ? 'Unpin' : 'Pin', () => {
      change(() => {
        const pinned = togglePin(cy, id);
        say(pinned ? `${entity.name} is pinned: layouts leave it where it is.` : `${entity.name} is unpinned.`);
      });
      void showNode(cy.getElementById(id));
    }),
  );
  const pathActions = el('p', { class: 'actions' });
  pathActions.append(
    actionButton('Start a path here', () => {
      pathFrom = { id, name: entity.name };
      say(`Path from ${entity.name}: now click another entity and choose “Paths … to here”.`);
    }),
  );
  const from = pathFrom;
  if (from && from.id !== id) {
    pathActions.append(
      actionButton(`Paths from ${from.name} to here`, () => {
        say('Finding paths…');
        viewHistory.record();
        const before = cy.nodes().length;
        findPaths(cy, from, { id, name: entity.name }, show, closeDetails).then(
          () => {
            // Paths can bring in entities that were not in view: place them.
            if (cy.nodes().length > before) runLayout(cy, view.layout);
            afterViewChange();
          },
          (err: unknown) => say(String(err), true),
        );
      }),
    );
  }
  show([...entityDetails(entity, links, closeDetails, (articleId) => void readArticle(articleId)), viewActions, pathActions, curationSection(entity, curationHooks())]);
}

async function showEdge(edge: EdgeSingular): Promise<void> {
  if (edge.hasClass('more')) return;
  const end = (n: NodeSingular) => ({ name: String(n.data('label')), aliases: (n.data('aliases') as string[] | undefined) ?? [] });
  const evidence = await fetchEvidence(edge.id());
  show(edgeDetails({ type: String(edge.data('type')), weight: Number(edge.data('weight')), source: end(edge.source()), target: end(edge.target()) }, evidence, closeDetails));
}

let rendererCheck: number | undefined;

/**
 * The renderer follows the view's size: WebGL past the threshold, canvas again below half of
 * it (the gap keeps a view near the threshold from flipping back and forth).
 */
function checkRenderer(): void {
  rendererCheck = undefined;
  emptyState.hidden = cy.nodes().length > 0;
  const webgl = cy.scratch('webgl') === true;
  if (!webgl && wantsWebgl(cy)) swapRenderer(true);
  else if (webgl && cy.elements().length < WEBGL_THRESHOLD / 2) swapRenderer(false);
}

/** Event wiring of a Cytoscape instance (again after a renderer swap). */
function bindGraph(instance: Core): void {
  instance.on('add remove', () => {
    rendererCheck ??= window.setTimeout(checkRenderer, 0);
  });
  instance.on('tap', 'node', (ev) => {
    const node = ev.target as NodeSingular;
    if (node.hasClass('more')) void more(String(node.data('moreFor')));
    else void showNode(node).catch((err: unknown) => say(String(err), true));
  });
  instance.on('tap', 'edge', (ev) => void showEdge(ev.target as EdgeSingular).catch((err: unknown) => say(String(err), true)));
  instance.on('tap', (ev) => {
    if (ev.target === instance) closeDetails();
  });
  instance.on('dbltap', 'node', (ev) => {
    const node = ev.target as NodeSingular;
    if (!node.hasClass('more')) void open([node.id()], false);
  });
}

/** Re-creates the graph with the other renderer, keeping elements, positions and viewport. */
function swapRenderer(webgl: boolean): void {
  const elements = cy.elements().jsons();
  const viewport = { zoom: cy.zoom(), pan: cy.pan() };
  cy.destroy();
  cy = createGraph(byId('cy'), webgl);
  cy.add(elements as never);
  cy.viewport(viewport);
  window.cy = cy;
  bindGraph(cy);
  say(webgl ? `${cy.elements().length} elements: drawing with WebGL.` : 'Drawing with canvas again.');
}

// On a phone the filters start folded, so the graph has the screen.
if (window.matchMedia('(max-width: 480px)').matches) byId<HTMLDetailsElement>('filters').open = false;
renderLegend(byId('legend'), filters.hiddenTypes, refilter);
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

const undo = (): void => {
  if (viewHistory.undo()) {
    afterViewChange();
    say('Undone.');
  }
};
const redo = (): void => {
  if (viewHistory.redo()) {
    afterViewChange();
    say('Redone.');
  }
};
undoButton.addEventListener('click', undo);
redoButton.addEventListener('click', redo);
document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement | null;
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (!(ev.ctrlKey || ev.metaKey)) return;
  const key = ev.key.toLowerCase();
  if (key === 'z' && !ev.shiftKey) {
    ev.preventDefault();
    undo();
  } else if ((key === 'z' && ev.shiftKey) || key === 'y') {
    ev.preventDefault();
    redo();
  }
});

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

/** Opens a view from its URL fragment (a saved view, or the page's own link). */
function applyHash(hash: string): void {
  view = decodeView(hash, DEFAULT_LAYOUT, Object.keys(LAYOUTS));
  filters.hiddenTypes = new Set(view.hiddenTypes);
  filters.hiddenRelationTypes = new Set(view.hiddenRelationTypes);
  filters.minWeight = view.minWeight;
  filters.since = view.since;
  filters.until = view.until;
  minWeight.value = String(view.minWeight);
  renderLegend(byId('legend'), filters.hiddenTypes, refilter);
  showLayout();
  if (view.ids.length > 0) void open(view.ids, true);
}

byId<HTMLButtonElement>('views-button').addEventListener('click', () =>
  show(
    savedViewsPanel(
      () => {
        saveView();
        return encodeView(view);
      },
      (saved) => {
        window.history.replaceState(null, '', saved.state);
        applyHash(saved.state);
        say(`Opened view “${saved.name}”.`);
      },
      say,
      closeDetails,
    ),
  ),
);
mountExportMenu(byId<HTMLButtonElement>('export-button'), () => cy, say);

mountSearchBox({
  input: byId<HTMLInputElement>('search-input'),
  list: byId<HTMLUListElement>('search-results'),
  search: (q) => searchEntities(q),
  onChoose: (entity) => void open([entity.id], true),
  onError: (message) => say(message, true),
});

bindGraph(cy);
if (view.ids.length > 0) void open(view.ids, true, false);
else timeline.refresh(cy);
