import type { EntityType } from './api.ts';

/** What a shared link reopens: expanded and removed entities, the filters, the date range, the layout. */
export interface ViewState {
  /** Entities whose neighbourhoods are shown. */
  ids: string[];
  /** Entities taken out of the view (hidden or collapsed away). */
  removed: string[];
  hiddenTypes: EntityType[];
  hiddenRelationTypes: string[];
  minWeight: number;
  since: string | null;
  until: string | null;
  layout: string;
}

const TYPES = new Set<string>(['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The view as a URL fragment: #ids=a,b&x=c&hide=EVENT&rt=MENTIONED_WITH&w=2&since=2024-01-01&until=…&layout=grid. */
export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.ids.length > 0) p.set('ids', v.ids.join(','));
  if (v.removed.length > 0) p.set('x', v.removed.join(','));
  if (v.hiddenTypes.length > 0) p.set('hide', v.hiddenTypes.join(','));
  if (v.hiddenRelationTypes.length > 0) p.set('rt', v.hiddenRelationTypes.join(','));
  if (v.minWeight > 1) p.set('w', String(v.minWeight));
  if (v.since) p.set('since', v.since);
  if (v.until) p.set('until', v.until);
  p.set('layout', v.layout);
  return `#${p.toString()}`;
}

/** Reads a view from a URL fragment; anything malformed falls back to the default. */
export function decodeView(hash: string, defaultLayout: string, layouts: string[]): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (k: string): string[] => (p.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const date = (k: string): string | null => {
    const d = p.get(k);
    return d && DATE.test(d) ? d : null;
  };
  const w = Number(p.get('w') ?? '1');
  const layout = p.get('layout') ?? defaultLayout;
  return {
    ids: list('ids').slice(0, 100),
    removed: list('x').slice(0, 500),
    hiddenTypes: list('hide').filter((t): t is EntityType => TYPES.has(t)),
    hiddenRelationTypes: list('rt').filter((t) => /^[A-Z_]{1,40}$/.test(t)),
    minWeight: Number.isInteger(w) && w >= 1 && w <= 50 ? w : 1,
    since: date('since'),
    until: date('until'),
    layout: layouts.includes(layout) ? layout : defaultLayout,
  };
}
