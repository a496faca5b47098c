import type { EntityType } from './api.ts';
import { isStance } from './stance.ts';
import { emptyState, type ExplorerState, type Point } from './explorer-state.ts';

const TYPES = new Set<string>(['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Most entities a link may draw (the server's subgraph limit). */
const MAX_SHOWN = 2000;

/** Positions keep one decimal: within 0.05 model px, so within 0.2 px on screen at the largest zoom. */
const num = (n: number): string => String(Math.round(n * 10) / 10);
const point = (p: Point | undefined): string => (p ? `${num(p.x)},${num(p.y)}` : '');

function parsePoint(s: string | undefined): Point | null {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(s ?? '');
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
}

/** Drawn entities in URL order: the expanded ones first, then the rest as they came into view. */
function order(v: ExplorerState): string[] {
  const shown = new Set(v.shown);
  const expanded = v.expanded.filter((id) => shown.has(id));
  const first = new Set(expanded);
  return [...expanded, ...v.shown.filter((id) => !first.has(id))];
}

/**
 * The view as a URL fragment. Entity ids are spelled out (`ids` expanded, `n` the others drawn,
 * `x` hidden, `sel` selected); pins, "+N more" counts and what each expansion added refer to
 * entities by their index in ids-then-n; `p` holds their positions, `mp` those of the "+N more"
 * nodes, `v` zoom and pan, `g` the event groups opened; `hide`, `rt`, `w`, `since`, `until`, `orph` the filters; `layout` the layout.
 */
export function encodeView(v: ExplorerState): string {
  const p = new URLSearchParams();
  const ids = order(v);
  const index = new Map(ids.map((id, i) => [id, i]));
  const expanded = v.expanded.filter((id) => index.has(id));
  const moreIds = Object.keys(v.more).filter((id) => index.has(id));
  if (expanded.length > 0) p.set('ids', expanded.join(','));
  if (ids.length > expanded.length) p.set('n', ids.slice(expanded.length).join(','));
  if (v.removed.length > 0) p.set('x', v.removed.join(','));
  if (ids.length > 0) p.set('p', ids.map((id) => point(v.positions[id])).join(';'));
  const pinned = v.pinned.filter((id) => index.has(id)).map((id) => index.get(id));
  if (pinned.length > 0) p.set('pin', pinned.join('.'));
  if (moreIds.length > 0) {
    p.set('m', moreIds.map((id) => `${index.get(id)}:${v.more[id]}`).join(','));
    p.set('mp', moreIds.map((id) => point(v.positions[`more:${id}`])).join(';'));
  }
  const added = Object.entries(v.addedBy)
    .filter(([id, list]) => index.has(id) && list.some((a) => index.has(a)))
    .map(([id, list]) => `${index.get(id)}:${list.filter((a) => index.has(a)).map((a) => index.get(a)).join('.')}`);
  if (added.length > 0) p.set('c', added.join(';'));
  if (v.selection && index.has(v.selection)) p.set('sel', v.selection);
  if (v.openGroups.length > 0) p.set('g', v.openGroups.join(';'));
  if (v.viewport) p.set('v', `${Math.round(v.viewport.zoom * 10000) / 10000},${num(v.viewport.pan.x)},${num(v.viewport.pan.y)}`);
  const f = v.filters;
  if (f.hiddenTypes.length > 0) p.set('hide', f.hiddenTypes.join(','));
  if (f.hiddenRelationTypes.length > 0) p.set('rt', f.hiddenRelationTypes.join(','));
  if (f.hiddenStances.length > 0) p.set('st', f.hiddenStances.join(','));
  if (f.minWeight > 1) p.set('w', String(f.minWeight));
  if (f.since) p.set('since', f.since);
  if (f.until) p.set('until', f.until);
  if (!f.hideOrphans) p.set('orph', '0');
  p.set('layout', v.layout);
  return `#${p.toString()}`;
}

/** A view read from a URL fragment; `complete` is false for a link that names only the expanded entities (older links), whose neighbourhoods must be fetched again. */
export interface DecodedView {
  state: ExplorerState;
  complete: boolean;
}

/** Reads a view from a URL fragment; anything malformed falls back to the default. */
export function decodeView(hash: string, defaultLayout: string, layouts: string[]): DecodedView {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (k: string, sep = ','): string[] =>
    (p.get(k) ?? '')
      .split(sep)
      .map((s) => s.trim())
      .filter(Boolean);
  const date = (k: string): string | null => {
    const d = p.get(k);
    return d && DATE.test(d) ? d : null;
  };
  const w = Number(p.get('w') ?? '1');
  const layout = p.get('layout') ?? defaultLayout;
  const state = emptyState(layouts.includes(layout) ? layout : defaultLayout);
  const expanded = [...new Set(list('ids'))].slice(0, 100);
  const shown = [...new Set([...expanded, ...list('n')])].slice(0, MAX_SHOWN);
  const at = (i: string): string | undefined => (/^\d+$/.test(i) ? shown[Number(i)] : undefined);

  state.expanded = expanded.filter((id) => shown.includes(id));
  state.shown = shown;
  state.removed = list('x').slice(0, 500);
  const places = (p.get('p') ?? '').split(';');
  shown.forEach((id, i) => {
    const pt = parsePoint(places[i]);
    if (pt) state.positions[id] = pt;
  });
  state.pinned = list('pin', '.').map(at).filter((id): id is string => id !== undefined);
  const moreAt = (p.get('mp') ?? '').split(';');
  list('m').forEach((entry, i) => {
    const [k, n] = entry.split(':');
    const id = at(k ?? '');
    const count = Number(n);
    if (!id || !Number.isInteger(count) || count <= 0) return;
    state.more[id] = count;
    const pt = parsePoint(moreAt[i]);
    if (pt) state.positions[`more:${id}`] = pt;
  });
  for (const entry of list('c', ';')) {
    const [k, rest] = entry.split(':');
    const id = at(k ?? '');
    if (id) state.addedBy[id] = (rest ?? '').split('.').map(at).filter((a): a is string => a !== undefined);
  }
  state.openGroups = list('g', ';').filter((g) => /^group:/.test(g)).slice(0, 500);
  const sel = p.get('sel');
  state.selection = sel && shown.includes(sel) ? sel : null;
  const [zoom, panX, panY] = (p.get('v') ?? '').split(',').map(Number);
  if (zoom !== undefined && panX !== undefined && panY !== undefined && [zoom, panX, panY].every(Number.isFinite) && zoom > 0) state.viewport = { zoom, pan: { x: panX, y: panY } };
  state.filters = {
    hiddenTypes: list('hide').filter((t): t is EntityType => TYPES.has(t)),
    hiddenRelationTypes: list('rt').filter((t) => /^[A-Z_]{1,40}$/.test(t)),
    hiddenStances: list('st').filter(isStance),
    minWeight: Number.isInteger(w) && w >= 1 && w <= 50 ? w : 1,
    since: date('since'),
    until: date('until'),
    hideOrphans: p.get('orph') !== '0',
  };
  return { state, complete: p.has('p') || shown.length === 0 };
}
