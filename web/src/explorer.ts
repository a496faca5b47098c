import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { CurationOutcome, ExplorerApi, Stance, StanceCounts } from './api.ts';
import { articleView } from './article-view.ts';
import { curationSection } from './curation-panel.ts';
import { edgeDetails, entityDetails, type PanelActions } from './details-panel.ts';
import { el } from './dom.ts';
import { emptyState, unplaced, type ExplorerState } from './explorer-state.ts';
import { ExplorerStore } from './explorer-store.ts';
import { mountExportMenu } from './export-menu.ts';
import { renderLegend, renderRelationTypes, renderStances } from './filters.ts';
import { GraphCache } from './graph-cache.ts';
import { fitLabels } from './label-fit.ts';
import { DEFAULT_LAYOUT, LAYOUTS } from './graph-style.ts';
import { createGraph, fitVisible, runLayout, wantsWebgl, WEBGL_THRESHOLD, type Insets } from './graph-view.ts';
import { historyPanel } from './history-panel.ts';
import { ingestPanel } from './ingest-panel.ts';
import { mountMenu } from './menu.ts';
import { clearPaths, highlightPaths, pathDetails } from './path-finder.ts';
import { positionsOf, renderView } from './render-view.ts';
import { savedViewsPanel } from './saved-views-panel.ts';
import { mountSearchBox } from './search-box.ts';
import { mountTimeline } from './timeline-strip.ts';
import { changesPanel, conflictSection, contradictionsPanel, type TrustActions } from './trust-panel.ts';
import { decodeView, encodeView } from './view-url.ts';

declare global {
  interface Window {
    /** The Cytoscape instance, exposed for automation and debugging. */
    cy: Core;
  }
}

/** Zoom and pan settle into the state this long after the last wheel or drag event. */
const VIEWPORT_SETTLE_MS = 200;
const LAYOUT_NAMES = Object.keys(LAYOUTS);

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Mounts the explorer on `root` (the page's markup: #cy, #status, #details, the toolbar…) and
 * draws the view the URL describes. All view state lives in one store; the canvas, the
 * controls, the URL, saved views and undo are derived from it. Returns the teardown.
 */
export function mountExplorer(root: HTMLElement, api: ExplorerApi): () => void {
  const part = <T extends HTMLElement>(id: string): T => {
    const found = root.querySelector<T>(`#${id}`);
    if (!found) throw new Error(`The explorer needs an element #${id} in its root.`);
    return found;
  };
  const container = part<HTMLDivElement>('cy');
  const status = part<HTMLParagraphElement>('status');
  const emptyNote = part<HTMLDivElement>('empty-state');
  const details = part<HTMLElement>('details');
  const layoutButton = part<HTMLButtonElement>('layout-button');
  const minWeight = part<HTMLInputElement>('min-weight');
  const minWeightValue = part<HTMLOutputElement>('min-weight-value');
  const undoButton = part<HTMLButtonElement>('undo');
  const hideOrphans = part<HTMLInputElement>('hide-orphans');
  const redoButton = part<HTMLButtonElement>('redo');
  const cleanups: Array<() => void> = [];
  const listen = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, fn: (ev: HTMLElementEventMap[K]) => void): void => {
    target.addEventListener(type, fn);
    cleanups.push(() => target.removeEventListener(type, fn));
  };

  const cache = new GraphCache();
  const decoded = decodeView(location.hash, DEFAULT_LAYOUT, LAYOUT_NAMES);
  const store = new ExplorerStore(decoded.complete ? decoded.state : { ...decoded.state, shown: [], expanded: [], positions: {}, more: {}, addedBy: {}, pinned: [] });
  let cy = createGraph(container, false);
  window.cy = cy;
  /** What the canvas shows now (the state it was last drawn from). */
  let drawn: ExplorerState = emptyState(store.state.layout);

  /** Shows a message in the status bar, with an optional action button (e.g. Undo). */
  function say(text: string, isError = false, action?: { label: string; run: () => void }): void {
    status.replaceChildren(text);
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
  const fail = (err: unknown): void => say(message(err), true);

  let pendingLoads = 0;
  /** Marks the graph busy (`aria-busy`) while data loads or a layout runs, for assistive technology and automation; returns the "done" call. */
  function busy(): () => void {
    pendingLoads += 1;
    container.setAttribute('aria-busy', 'true');
    return () => {
      pendingLoads -= 1;
      if (pendingLoads === 0) container.removeAttribute('aria-busy');
    };
  }

  const timeline = mountTimeline(part('timeline'), (range) => store.dispatch({ type: 'filters', filters: range }));

  /** The counts of what is shown now. Read from the filter classes: `:visible` waits for Cytoscape's next style pass, so it would count the view before the change. */
  const shownNow = (): { entities: number; links: number } => ({
    entities: cy.nodes().not('.more').not('.filtered').not('.grouped').not('.group').length,
    links: cy.edges().not('.more').not('.filtered').not('.grouped').not('.group').length,
  });

  function summary(): void {
    const { entities, links } = shownNow();
    say(`${entities} ${entities === 1 ? 'entity' : 'entities'} · ${links} link${links === 1 ? '' : 's'} — click for details, double-click to expand`);
  }

  /** Draws the state on the canvas and brings every control, the URL and undo in line with it. */
  function draw(state: ExplorerState): void {
    const changed = renderView(cy, state, drawn, cache);
    drawn = state;
    // Places, pins, selection and zoom change nothing the controls show.
    if (changed) {
      emptyNote.hidden = cy.nodes().length > 0;
      renderLegend(part('legend'), state.filters.hiddenTypes, (type, shown) =>
        store.dispatch({ type: 'filters', filters: { hiddenTypes: shown ? store.state.filters.hiddenTypes.filter((t) => t !== type) : [...store.state.filters.hiddenTypes, type] } }),
      );
      renderRelationTypes(part('relation-types'), cy, state.filters.hiddenRelationTypes, (type, shown) =>
        store.dispatch({
          type: 'filters',
          filters: { hiddenRelationTypes: shown ? store.state.filters.hiddenRelationTypes.filter((t) => t !== type) : [...store.state.filters.hiddenRelationTypes, type] },
        }),
      );
      renderStances(part('stances'), cy, state.filters.hiddenStances, (stance, shown) =>
        store.dispatch({
          type: 'filters',
          filters: { hiddenStances: shown ? store.state.filters.hiddenStances.filter((s) => s !== stance) : [...store.state.filters.hiddenStances, stance as Stance] },
        }),
      );
      const maxWeight = Math.max(1, ...cy.edges().not('.more').map((e) => Number(e.data('weight'))));
      minWeight.max = String(Math.min(maxWeight, 50));
      minWeight.value = String(state.filters.minWeight);
      minWeightValue.textContent = String(state.filters.minWeight);
      hideOrphans.checked = state.filters.hideOrphans;
      timeline.refresh(cy, state.filters);
      // The counts of what is visible now; a message about the change itself may follow.
      if (cy.nodes().length > 0) summary();
    }
    layoutButton.textContent = `Layout: ${state.layout}`;
    undoButton.disabled = !store.canUndo;
    redoButton.disabled = !store.canRedo;
    window.history.replaceState(null, '', encodeView(state));
    layOut(state);
    // A layout just started draws again when it is done; fitting labels now would be wasted.
    if (!layingOut) scheduleLabelFit();
  }

  let labelFit: number | undefined;
  /**
   * Fits labels once the browser is idle: the graph's first frames do not wait for it (about
   * 0.1 s for 500 nodes), and several draws in a row fit once.
   */
  function scheduleLabelFit(): void {
    if (labelFit !== undefined) return;
    labelFit = window.requestIdleCallback(
      () => {
        labelFit = undefined;
        fitLabels(cy);
      },
      { timeout: 300 },
    );
  }

  /** What the filters panel and the timeline strip cover of the canvas, for fitting around them. */
  const insets = (): Insets => {
    const area = container.getBoundingClientRect();
    const filters = part('filters').getBoundingClientRect();
    const strip = part('timeline').getBoundingClientRect();
    return {
      left: filters.width > 0 ? Math.max(0, filters.right - area.left) : 0,
      right: 0,
      top: 0,
      bottom: strip.height > 0 ? Math.max(0, area.bottom - strip.top) : 0,
    };
  };

  let layingOut = false;
  /** Runs the layout when drawn nodes have no place yet (or, with `always`, in any case); their places then go into the state. */
  function layOut(state: ExplorerState, always = false): void {
    if (layingOut || (!always && !unplaced(state).some((id) => cy.getElementById(id).nonempty()))) return;
    layingOut = true;
    // Nodes still moving are busy too: a click or drag now would miss what it aims at.
    const done = busy();
    const graph = cy;
    const placed = (): void => {
      // After the dispatch that started it has returned: no change inside another.
      queueMicrotask(() => {
        layingOut = false;
        try {
          if (graph === cy) store.dispatch({ type: 'place', positions: positionsOf(cy, store.state), viewport: { zoom: cy.zoom(), pan: { ...cy.pan() } } });
        } finally {
          done();
        }
      });
    };
    runLayout(graph, state.layout, placed, insets());
  }

  cleanups.push(store.subscribe((state) => draw(state)));

  /** Shows the neighbourhoods of `ids` (with `replace`, instead of the current view); a limit's leftovers go to "+N more". */
  async function open(ids: string[], replace: boolean): Promise<void> {
    say('Loading…');
    const done = busy();
    try {
      const sub = await api.neighborhood(ids, 1, 40, replace ? [] : store.state.shown);
      cache.add(sub);
      const seeds = new Set(ids);
      store.dispatch({ type: 'open', seeds: ids, added: sub.nodes.map((n) => n.id).filter((id) => !seeds.has(id)), hiddenCount: ids.length === 1 ? sub.hiddenCount : null, replace });
      if (sub.hiddenCount > 0) say(`${shownNow().entities} entities shown; ${sub.hiddenCount} weaker neighbours left out — click “+${sub.hiddenCount} more” to add them`);
      else summary();
    } catch (err) {
      fail(err);
    } finally {
      done();
    }
  }

  /** Pages in the next neighbours of an entity (its "+N more" node). */
  async function more(id: string): Promise<void> {
    say('Loading more…');
    const done = busy();
    try {
      const sub = await api.neighborhood([id], 1, 40, store.state.shown);
      cache.add(sub);
      store.dispatch({ type: 'more', id, added: sub.nodes.map((n) => n.id).filter((x) => x !== id), hiddenCount: sub.hiddenCount });
      summary();
    } catch (err) {
      fail(err);
    } finally {
      done();
    }
  }

  /** Draws a view read from a URL fragment (a saved view, a shared link): its entities are fetched, then shown as they were. */
  async function load(hash: string, record: boolean): Promise<void> {
    const { state, complete } = decodeView(hash, DEFAULT_LAYOUT, LAYOUT_NAMES);
    if (!complete) {
      // An older link names only the expanded entities: open their neighbourhoods again.
      if (record) store.dispatch({ type: 'load', state: { ...state, shown: [], expanded: [], positions: {}, more: {}, addedBy: {}, pinned: [] } });
      if (state.expanded.length > 0) await open(state.expanded, true);
      return;
    }
    const done = busy();
    try {
      const sub = await api.subgraph(state.shown);
      cache.add(sub);
      const gone = state.shown.filter((id) => !cache.has(id));
      if (record) store.dispatch({ type: 'load', state });
      else draw(store.state);
      if (gone.length > 0) {
        store.dispatch({ type: 'forget', ids: gone });
        say(`${gone.length} entit${gone.length === 1 ? 'y' : 'ies'} of this view no longer exist${gone.length === 1 ? 's' : ''}.`);
      } else summary();
      if (state.selection) void showEntity(state.selection);
    } catch (err) {
      fail(err);
    } finally {
      done();
    }
  }

  /** Closes the panel; a path highlight goes with the path panel. */
  let panelAsked = 0;
  /**
   * Claims the panel for content still loading; the check says whether it is still wanted. A
   * slow answer must not replace a panel opened (or closed) after it was asked for.
   */
  function claimPanel(): () => boolean {
    const mine = ++panelAsked;
    return () => mine === panelAsked;
  }

  function closeDetails(): void {
    panelAsked += 1;
    details.hidden = true;
    details.replaceChildren();
    clearPaths(cy);
  }

  function show(nodes: HTMLElement[]): void {
    panelAsked += 1;
    clearPaths(cy);
    details.replaceChildren(...nodes);
    details.hidden = false;
  }

  /** Brings an entity into view (expanding it if it is not there), selects and centres it. */
  async function reveal(id: string): Promise<void> {
    if (!store.state.shown.includes(id)) await open([id], false);
    const node = cy.getElementById(id);
    if (node.empty()) return;
    store.dispatch({ type: 'select', id });
    cy.animate({ center: { eles: node } }, { duration: 250 });
    void showEntity(id);
  }

  /** Selects an entity in view and centres it, leaving the panel as it is. */
  function centre(id: string): void {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    store.dispatch({ type: 'select', id });
    cy.animate({ center: { eles: node } }, { duration: 250 });
  }

  /** Opens an article's text in the panel; with `sentence`, scrolled to it and highlighted. */
  async function readArticle(articleId: string, sentence?: string): Promise<void> {
    const wanted = claimPanel();
    const article = await api.article(articleId);
    if (!wanted()) return;
    if (!article) {
      say('That article is no longer stored.', true);
      return;
    }
    show(articleView(article, (entity) => void reveal(entity.id), closeDetails, sentence));
    const mark = details.querySelector<HTMLElement>('mark.evidence');
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus({ preventScroll: true });
  }

  /** Shows a link's evidence, selecting its edge. */
  function showLink(relationId: string): void {
    const edge = cy.getElementById(relationId);
    if (edge.empty() || !edge.isEdge()) return;
    cy.$(':selected').unselect();
    edge.select();
    void showEdge(edge).catch(fail);
  }

  /** Where the panel's names, links and articles lead. */
  const panelActions: PanelActions = {
    onClose: () => closeDetails(),
    onRead: (id, sentence) => void readArticle(id, sentence).catch(fail),
    onPick: (id) => void reveal(id),
    onLink: (id) => showLink(id),
  };

  /**
   * After a curation change or its undo: the entities it touched are read again (those gone
   * leave the view; a new one, split off, joins it) and the links among what is shown are
   * replaced by the server's. Nothing is expanded again.
   */
  async function refreshEntities(outcome: CurationOutcome): Promise<void> {
    const ids = [...new Set(outcome.decisions.flatMap((d) => [d.entityId, d.otherId]).filter((id): id is string => Boolean(id)))];
    const gone: string[] = [];
    const fresh: string[] = [];
    for (const id of ids) {
      const entity = await api.entity(id);
      if (!entity) gone.push(id);
      else {
        cache.setNode(entity);
        if (!store.state.shown.includes(id)) fresh.push(id);
      }
    }
    if (gone.length > 0) store.dispatch({ type: 'forget', ids: gone });
    const shown = [...store.state.shown, ...fresh];
    const sub = await api.subgraph(shown);
    cache.add({ nodes: sub.nodes, edges: [] });
    cache.replaceEdgesAmong(new Set(shown), sub.edges);
    if (fresh.length > 0) store.dispatch({ type: 'add', ids: fresh });
    else draw(store.state);
  }

  function curationHooks() {
    return {
      done: (text: string, outcome: CurationOutcome, undo: () => Promise<CurationOutcome>) => {
        void refreshEntities(outcome).then(() => {
          if (outcome.entity && store.state.shown.includes(outcome.entity.id)) void showEntity(outcome.entity.id);
          say(text, false, {
            label: 'Undo',
            run: () =>
              undo().then(
                (o) => refreshEntities(o).then(() => say('Undone.')),
                (err: unknown) => fail(err),
              ),
          });
        }, fail);
      },
      failed: (text: string) => say(text, true),
    };
  }

  let pathFrom: { id: string; name: string } | undefined;

  function actionButton(label: string, run: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', run);
    return b;
  }

  /** Finds paths between two entities: their stops join the view (with every link among what is shown), are highlighted, and the rest dims. */
  async function findPaths(from: { id: string; name: string }, to: { id: string; name: string }, avoidHubs = false): Promise<void> {
    say('Finding paths…');
    const done = busy();
    try {
      const wanted = claimPanel();
      const paths = await api.paths(from.id, to.id, avoidHubs);
      const stops = [...new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)))];
      const fresh = stops.filter((id) => !store.state.shown.includes(id));
      if (fresh.length > 0) cache.add(await api.subgraph([...store.state.shown, ...fresh]));
      if (fresh.length > 0) store.dispatch({ type: 'add', ids: fresh });
      if (!wanted()) return;
      show(
        pathDetails(from.name, to.name, paths, {
          avoidHubs,
          onAvoidHubs: (avoid) => void findPaths(from, to, avoid),
          onPick: (id) => centre(id),
          onClose: closeDetails,
        }),
      );
      highlightPaths(cy, paths);
      say(paths.length === 0 ? 'No path found.' : `${paths.length} path${paths.length === 1 ? '' : 's'} highlighted; the rest of the view is dimmed until the panel closes.`);
    } catch (err) {
      fail(err);
    } finally {
      done();
    }
  }

  /** "Reports disagree" for a disputed entity or link (nothing to fetch for the rest). */
  async function disputesOf(kind: 'entity' | 'relation', id: string, isDisputed: boolean): Promise<HTMLElement[]> {
    return isDisputed ? conflictSection(await api.trust.conflicts(kind, id), (articleId, sentence) => void readArticle(articleId, sentence)) : [];
  }

  async function showEntity(id: string): Promise<void> {
    const wanted = claimPanel();
    const [entity, disputes] = await Promise.all([api.entity(id), disputesOf('entity', id, cy.getElementById(id).data('disputed') !== undefined)]);
    const node = cy.getElementById(id);
    if (!wanted() || !entity || node.empty()) return;
    const links = node
      .connectedEdges(':visible')
      .not('.more')
      .edges()
      .map((e) => ({ other: e.source().id() === id ? e.target() : e.source(), e }))
      .sort((a, b) => Number(b.e.data('weight')) - Number(a.e.data('weight')))
      .map(({ other, e }) => ({ relationId: e.id(), otherId: other.id(), name: String(other.data('label')), type: String(e.data('type')), weight: Number(e.data('weight')) }));
    const pinned = store.state.pinned.includes(id);
    const viewActions = el(
      'p',
      { class: 'actions', 'aria-label': 'View actions' },
      actionButton('Expand', () => void open([id], false)),
      actionButton('Collapse', () => {
        const before = store.state.shown.length;
        store.dispatch({ type: 'collapse', id });
        const n = before - store.state.shown.length;
        say(`Collapsed ${n} neighbour${n === 1 ? '' : 's'}.`);
      }),
      actionButton('Hide', () => {
        store.dispatch({ type: 'hide', id });
        closeDetails();
      }),
      actionButton('Focus', () => {
        const neighbours = cy.getElementById(id).neighborhood().nodes().not('.more').map((n) => n.id());
        store.dispatch({ type: 'focus', id, neighbours });
      }),
      actionButton(pinned ? 'Unpin' : 'Pin', () => {
        store.dispatch({ type: 'pin', id, pinned: !pinned });
        say(pinned ? `${entity.name} is unpinned.` : `${entity.name} is pinned: layouts leave it where it is.`);
        void showEntity(id);
      }),
    );
    const folded = store.state.openGroups.filter((g) => g.startsWith(`group:${id}:`));
    if (folded.length > 0) {
      viewActions.append(
        actionButton('Fold events', () => {
          store.dispatch({ type: 'groups', open: store.state.openGroups.filter((g) => !folded.includes(g)) });
          void showEntity(id);
        }),
      );
    }
    const pathActions = el('p', { class: 'actions' });
    pathActions.append(
      actionButton('Start a path here', () => {
        pathFrom = { id, name: entity.name };
        say(`Path from ${entity.name}: now click another entity and choose “Paths … to here”.`);
      }),
    );
    const from = pathFrom;
    if (from && from.id !== id) pathActions.append(actionButton(`Paths from ${from.name} to here`, () => void findPaths(from, { id, name: entity.name })));
    show([...entityDetails(entity, links, panelActions, disputes), viewActions, pathActions, curationSection(api, entity, curationHooks())]);
  }

  async function showEdge(edge: EdgeSingular): Promise<void> {
    if (edge.hasClass('more')) return;
    const end = (n: NodeSingular) => ({ id: n.id(), name: String(n.data('label')), aliases: (n.data('aliases') as string[] | undefined) ?? [] });
    const wanted = claimPanel();
    const [evidence, disputes] = await Promise.all([api.evidence(edge.id()), disputesOf('relation', edge.id(), edge.data('disputed') !== undefined)]);
    if (!wanted()) return;
    show(
      edgeDetails(
        { type: String(edge.data('type')), weight: Number(edge.data('weight')), articleCount: Number(edge.data('articleCount') ?? edge.data('weight')), stances: edge.data('stances') as StanceCounts | undefined, source: end(edge.source()), target: end(edge.target()) },
        evidence,
        panelActions,
        disputes,
      ),
    );
  }

  let rendererCheck: number | undefined;
  let viewportTimer: number | undefined;

  /** The renderer follows the view's size: WebGL past the threshold, canvas again below half of it (the gap keeps a view near the threshold from flipping). */
  function checkRenderer(): void {
    rendererCheck = undefined;
    emptyNote.hidden = cy.nodes().length > 0;
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
      if (node.hasClass('more')) {
        void more(String(node.data('moreFor')));
        return;
      }
      if (node.hasClass('group')) {
        // The folded events were not laid out: they fan out round the group's place.
        const members = (node.data('members') as string[] | undefined) ?? [];
        const at = node.position();
        const radius = 30 + members.length * 6;
        const positions = Object.fromEntries(members.map((id, i) => [id, { x: at.x + radius * Math.cos((2 * Math.PI * i) / members.length), y: at.y + radius * Math.sin((2 * Math.PI * i) / members.length) }]));
        store.dispatch({ type: 'groups', open: [...store.state.openGroups, node.id()], positions });
        say(`${String(node.data('label'))} unfolded; “Fold events” in ${String(cy.getElementById(String(node.data('groupOf'))).data('label'))}’s panel folds them again.`);
        return;
      }
      store.dispatch({ type: 'select', id: node.id() });
      void showEntity(node.id()).catch(fail);
    });
    instance.on('tap', 'edge', (ev) => void showEdge(ev.target as EdgeSingular).catch(fail));
    instance.on('tap', (ev) => {
      if (ev.target !== instance) return;
      store.dispatch({ type: 'select', id: null });
      closeDetails();
    });
    instance.on('dbltap', 'node', (ev) => {
      const node = ev.target as NodeSingular;
      if (!node.hasClass('more') && !node.hasClass('group')) void open([node.id()], false);
    });
    instance.on('mouseover', 'node, edge', (ev) => (ev.target as NodeSingular).addClass('hover'));
    instance.on('mouseout', 'node, edge', (ev) => (ev.target as NodeSingular).removeClass('hover'));
    instance.on('dragfreeon', 'node', () => store.dispatch({ type: 'move', positions: positionsOf(instance, store.state) }));
    instance.on('viewport', () => {
      if (viewportTimer !== undefined) window.clearTimeout(viewportTimer);
      // A fit pending from before the pan or zoom would measure the old view; the viewport
      // dispatch below schedules a new one. (Left set, it would block every later fit.)
      if (labelFit !== undefined) {
        window.cancelIdleCallback(labelFit);
        labelFit = undefined;
      }
      viewportTimer = window.setTimeout(() => {
        viewportTimer = undefined;
        const v = store.state.viewport;
        const pan = instance.pan();
        if (layingOut || instance !== cy) return;
        // An unchanged view draws nothing new, but the fit cancelled above is still owed.
        if (v && v.zoom === instance.zoom() && v.pan.x === pan.x && v.pan.y === pan.y) scheduleLabelFit();
        else store.dispatch({ type: 'viewport', viewport: { zoom: instance.zoom(), pan: { ...pan } } });
      }, VIEWPORT_SETTLE_MS);
    });
  }

  /** Re-creates the graph with the other renderer, keeping elements, positions and viewport. */
  function swapRenderer(webgl: boolean): void {
    const elements = cy.elements().jsons();
    const viewport = { zoom: cy.zoom(), pan: cy.pan() };
    cy.destroy();
    cy = createGraph(container, webgl);
    cy.add(elements as never);
    cy.viewport(viewport);
    window.cy = cy;
    bindGraph(cy);
    say(webgl ? `${cy.elements().length} elements: drawing with WebGL.` : 'Drawing with canvas again.');
  }

  // On a phone the filters start folded, so the graph has the screen.
  if (window.matchMedia('(max-width: 480px)').matches) part<HTMLDetailsElement>('filters').open = false;
  /** A layout chosen (or Re-layout): an undo step, and the layout runs even over elements the state does not know (added by automation). */
  const relayout = (name: string): void => {
    store.dispatch({ type: 'layout', layout: name });
    layOut(store.state, true);
  };
  mountMenu(
    layoutButton,
    LAYOUT_NAMES.map((name) => ({ value: name, label: name })),
    relayout,
  );
  listen(part('relayout'), 'click', () => relayout(store.state.layout));
  listen(minWeight, 'input', () => store.dispatch({ type: 'filters', filters: { minWeight: Number(minWeight.value) } }));
  listen(hideOrphans, 'change', () => store.dispatch({ type: 'filters', filters: { hideOrphans: hideOrphans.checked } }));

  /** Zoom and Fit settle into the state at once (not after the wheel's pause). */
  const keepViewport = (): void => store.dispatch({ type: 'viewport', viewport: { zoom: cy.zoom(), pan: { ...cy.pan() } } });
  const zoomBy = (factor: number): void => {
    cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    keepViewport();
  };
  listen(part('zoom-in'), 'click', () => zoomBy(1.25));
  listen(part('zoom-out'), 'click', () => zoomBy(0.8));
  listen(part('fit'), 'click', () => {
    fitVisible(cy, insets());
    keepViewport();
  });

  const undo = (): void => {
    if (store.undo()) say('Undone.');
  };
  const redo = (): void => {
    if (store.redo()) say('Redone.');
  };
  listen(undoButton, 'click', undo);
  listen(redoButton, 'click', redo);
  const onKey = (ev: KeyboardEvent): void => {
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
  };
  document.addEventListener('keydown', onKey);
  cleanups.push(() => document.removeEventListener('keydown', onKey));

  listen(part('ingest-button'), 'click', () =>
    show(
      ingestPanel(
        api,
        (results) => {
          const added = results.filter((r) => r.created || r.reprocessed).length;
          say(`${added} article${added === 1 ? '' : 's'} added — search for what they mention.`);
        },
        closeDetails,
      ),
    ),
  );
  listen(part('share'), 'click', () => {
    window.history.replaceState(null, '', encodeView(store.state));
    navigator.clipboard?.writeText(location.href).then(
      () => say('Link to this view copied.'),
      () => say(`Link to this view: ${location.href}`),
    );
  });
  listen(part('views-button'), 'click', () =>
    show(
      savedViewsPanel(
        api.savedViews,
        () => encodeView(store.state),
        (saved) => {
          void load(saved.state, true).then(() => say(`Opened view “${saved.name}”.`));
        },
        say,
        closeDetails,
      ),
    ),
  );
  listen(part('history-button'), 'click', () =>
    show(
      historyPanel(api.curate, {
        undone: (text, outcome) => void refreshEntities(outcome).then(() => say(text), fail),
        failed: (text) => say(text, true),
        onClose: closeDetails,
      }),
    ),
  );
  const trustActions: TrustActions = {
    onShow: (ids) => {
      const missing = ids.filter((id) => !store.state.shown.includes(id));
      const first = ids[0];
      void (missing.length > 0 ? open(missing, false) : Promise.resolve()).then(() => (first ? reveal(first) : undefined), fail);
    },
    onRead: (articleId, sentence) => void readArticle(articleId, sentence),
    say,
    onClose: closeDetails,
  };
  listen(part('contradictions-button'), 'click', () => show(contradictionsPanel(api, trustActions)));
  listen(part('changes-button'), 'click', () => show(changesPanel(api, () => [...store.state.shown], trustActions)));
  mountExportMenu(part<HTMLButtonElement>('export-button'), () => cy, say);
  mountSearchBox({
    input: part<HTMLInputElement>('search-input'),
    list: part<HTMLUListElement>('search-results'),
    search: (q) => api.search(q),
    onChoose: (entity, replace) => void (replace || store.state.shown.length === 0 ? open([entity.id], true) : reveal(entity.id)),
    onError: (text) => say(text, true),
  });

  bindGraph(cy);
  draw(store.state);
  if (decoded.state.shown.length > 0) void load(location.hash, false);

  return () => {
    for (const c of cleanups.splice(0)) c();
    if (viewportTimer !== undefined) window.clearTimeout(viewportTimer);
    if (rendererCheck !== undefined) window.clearTimeout(rendererCheck);
    cy.destroy();
    closeDetails();
  };
}
