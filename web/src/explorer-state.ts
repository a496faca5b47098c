import type { EntityType, Stance } from './api.ts';

/** A point in graph (model) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Zoom and pan of the canvas. */
export interface Viewport {
  zoom: number;
  pan: Point;
}

/** What the filters hide. Dates are YYYY-MM-DD (inclusive); null leaves that end open. */
export interface ViewFilters {
  hiddenTypes: EntityType[];
  hiddenRelationTypes: string[];
  /** Stances hidden: a link none of whose evidence is presented another way is filtered out. */
  hiddenStances: Stance[];
  minWeight: number;
  since: string | null;
  until: string | null;
  /** Entities whose every link is filtered out go too (unless expanded). */
  hideOrphans: boolean;
}

/**
 * Everything the explorer shows, as one value: the URL, saved views and undo history are all
 * made from it, and the canvas is drawn from it (with the entity data fetched for its ids).
 */
export interface ExplorerState {
  /** Entities drawn, in the order they came into view. */
  shown: string[];
  /** Entities whose neighbourhoods were opened (drawn as seeds). */
  expanded: string[];
  /** Entities the analyst hid: later expansions leave them out. */
  removed: string[];
  /** Entities that layouts leave where they are. */
  pinned: string[];
  /** Where each drawn node is ("+N more" nodes under their own ids); a node without one awaits the layout. */
  positions: Record<string, Point>;
  /** Per expanded entity, how many neighbours its "+N more" node still holds. */
  more: Record<string, number>;
  /** Per expanded entity, the entities its expansion brought in (what Collapse takes out again). */
  addedBy: Record<string, string[]>;
  filters: ViewFilters;
  layout: string;
  /** Null until the canvas has been fitted once. */
  viewport: Viewport | null;
  /** The entity whose details are open. */
  selection: string | null;
  /** Event groups ("12 arrests") the analyst opened; the others stay folded. */
  openGroups: string[];
}

/** A view with nothing in it. */
export function emptyState(layout: string): ExplorerState {
  return {
    shown: [],
    expanded: [],
    removed: [],
    pinned: [],
    positions: {},
    more: {},
    addedBy: {},
    filters: { hiddenTypes: [], hiddenRelationTypes: [], hiddenStances: [], minWeight: 1, since: null, until: null, hideOrphans: true },
    layout,
    viewport: null,
    selection: null,
    openGroups: [],
  };
}

/** Every change to the view. Actions carry what was fetched, so applying one is pure. */
export type ExplorerAction =
  /** Neighbourhoods of `seeds` came in (`added`: the new entities); `replace` starts the view afresh. */
  | { type: 'open'; seeds: string[]; added: string[]; hiddenCount: number | null; replace: boolean }
  /** The next page of one entity's neighbours, from its "+N more" node. */
  | { type: 'more'; id: string; added: string[]; hiddenCount: number }
  /** Entities brought in without an expansion (the stops of a path). */
  | { type: 'add'; ids: string[] }
  /** Takes out exactly what the entity's expansions brought in (unless expanded in turn). */
  | { type: 'collapse'; id: string }
  /** Takes an entity out of the view; later expansions leave it out. */
  | { type: 'hide'; id: string }
  /** Keeps an entity and its neighbours in view (`neighbours`, from the drawn links), nothing else. */
  | { type: 'focus'; id: string; neighbours: string[] }
  | { type: 'pin'; id: string; pinned: boolean }
  /** Nodes dragged to new places. */
  | { type: 'move'; positions: Record<string, Point> }
  /** Where the layout put the nodes, and the viewport it fitted. */
  | { type: 'place'; positions: Record<string, Point>; viewport: Viewport }
  /** The analyst zoomed or panned. */
  | { type: 'viewport'; viewport: Viewport }
  | { type: 'filters'; filters: Partial<ViewFilters> }
  /** A new layout (or the same again): unpinned nodes lose their places and are laid out anew. */
  | { type: 'layout'; layout: string }
  | { type: 'select'; id: string | null }
  /** Which event groups are open (unfolded); `positions`: where the unfolded events go. */
  | { type: 'groups'; open: string[]; positions?: Record<string, Point> }
  /** Entities that no longer exist (merged away, deleted): gone from every part of the view. */
  | { type: 'forget'; ids: string[] }
  /** A whole view (a saved view, a shared link). */
  | { type: 'load'; state: ExplorerState };

/** Actions that amend the present view instead of making an undo step. */
// `forget` too: the entities are gone from the graph, and undo cannot bring them back.
const AMENDS: ReadonlySet<ExplorerAction['type']> = new Set(['place', 'viewport', 'select', 'forget']);

/** Whether an action is an undo step of its own. */
export function isUndoable(action: ExplorerAction): boolean {
  return !AMENDS.has(action.type);
}

const without = (list: string[], drop: ReadonlySet<string>): string[] => list.filter((id) => !drop.has(id));
const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];

function omit<T>(record: Record<string, T>, drop: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !drop.has(k) && !drop.has(k.replace(/^more:/, ''))));
}

/** Takes entities out of every part of the view (and their "+N more" nodes). */
function dropIds(s: ExplorerState, ids: ReadonlySet<string>): ExplorerState {
  if (ids.size === 0) return s;
  return {
    ...s,
    shown: without(s.shown, ids),
    expanded: without(s.expanded, ids),
    pinned: without(s.pinned, ids),
    positions: omit(s.positions, ids),
    more: omit(s.more, ids),
    addedBy: Object.fromEntries(Object.entries(omit(s.addedBy, ids)).map(([k, v]) => [k, without(v, ids)])),
    selection: s.selection && ids.has(s.selection) ? null : s.selection,
  };
}

function withMore(s: ExplorerState, id: string, hiddenCount: number | null): Record<string, number> {
  if (hiddenCount === null) return s.more;
  const more = { ...s.more };
  if (hiddenCount > 0) more[id] = hiddenCount;
  else delete more[id];
  return more;
}

/** The view after an action; never changes `s`. */
export function reduce(s: ExplorerState, a: ExplorerAction): ExplorerState {
  switch (a.type) {
    case 'open': {
      // An entity asked for by name comes back even if it was hidden; its neighbours stay hidden.
      const removed = new Set(without(s.removed, new Set(a.seeds)));
      const added = a.added.filter((id) => !removed.has(id));
      const base = a.replace ? { ...emptyState(s.layout), filters: s.filters } : s;
      const shown = union(union(base.shown, a.seeds), added);
      const fresh = added.filter((id) => !base.shown.includes(id) && !a.seeds.includes(id));
      const addedBy = { ...base.addedBy };
      const [only] = a.seeds;
      if (a.seeds.length === 1 && only) addedBy[only] = union(addedBy[only] ?? [], fresh);
      const more = a.seeds.length === 1 && only ? withMore(base, only, a.hiddenCount) : base.more;
      return {
        ...base,
        shown,
        expanded: union(base.expanded, a.seeds),
        removed: [...removed],
        more,
        addedBy,
        positions: a.seeds.length === 1 && only && (a.hiddenCount ?? 0) <= 0 ? omit(base.positions, new Set([`more:${only}`])) : base.positions,
        viewport: a.replace ? null : base.viewport,
      };
    }
    case 'more': {
      const removed = new Set(s.removed);
      const fresh = a.added.filter((id) => !removed.has(id) && !s.shown.includes(id));
      return {
        ...s,
        shown: [...s.shown, ...fresh],
        addedBy: { ...s.addedBy, [a.id]: union(s.addedBy[a.id] ?? [], fresh) },
        more: withMore(s, a.id, a.hiddenCount),
        positions: a.hiddenCount > 0 ? s.positions : omit(s.positions, new Set([`more:${a.id}`])),
      };
    }
    case 'add': {
      const ids = new Set(a.ids);
      return { ...s, shown: union(s.shown, a.ids), removed: without(s.removed, ids) };
    }
    case 'collapse': {
      const keep = new Set([...s.expanded.filter((id) => id !== a.id), a.id]);
      const drop = new Set((s.addedBy[a.id] ?? []).filter((id) => !keep.has(id)));
      const after = dropIds(s, drop);
      const more = { ...after.more };
      delete more[a.id];
      const addedBy = { ...after.addedBy };
      delete addedBy[a.id];
      return { ...after, expanded: without(after.expanded, new Set([a.id])), more, addedBy, positions: omit(after.positions, new Set([`more:${a.id}`])) };
    }
    case 'hide': {
      const after = dropIds(s, new Set([a.id]));
      return { ...after, removed: union(after.removed, [a.id]) };
    }
    case 'focus': {
      const keep = new Set([a.id, ...a.neighbours]);
      const after = dropIds(s, new Set(s.shown.filter((id) => !keep.has(id))));
      return {
        ...after,
        expanded: [a.id],
        removed: [],
        addedBy: { [a.id]: a.neighbours.filter((id) => id !== a.id && after.shown.includes(id)) },
        more: Object.fromEntries(Object.entries(after.more).filter(([k]) => k === a.id)),
        // What is left is laid out afresh (pins stay), so it fills the canvas.
        positions: Object.fromEntries(Object.entries(after.positions).filter(([k]) => after.pinned.includes(k))),
      };
    }
    case 'pin':
      return { ...s, pinned: a.pinned ? union(s.pinned, [a.id]) : without(s.pinned, new Set([a.id])) };
    case 'move':
    case 'place': {
      const positions = { ...s.positions, ...a.positions };
      return a.type === 'place' ? { ...s, positions, viewport: a.viewport } : { ...s, positions };
    }
    case 'viewport':
      return { ...s, viewport: a.viewport };
    case 'filters':
      return { ...s, filters: { ...s.filters, ...a.filters } };
    case 'layout': {
      const pinned = new Set(s.pinned);
      return { ...s, layout: a.layout, positions: Object.fromEntries(Object.entries(s.positions).filter(([id]) => pinned.has(id))) };
    }
    case 'select':
      return { ...s, selection: a.id };
    case 'groups':
      return { ...s, openGroups: [...new Set(a.open)], positions: a.positions ? { ...s.positions, ...a.positions } : s.positions };
    case 'forget':
      return dropIds(s, new Set(a.ids));
    case 'load':
      return a.state;
  }
}

/** Entities drawn that have no place yet: the layout has to run. */
export function unplaced(s: ExplorerState): string[] {
  return [...s.shown, ...Object.keys(s.more).map((id) => `more:${id}`)].filter((id) => !s.positions[id]);
}
