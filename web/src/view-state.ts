import type { EntityType } from './api.ts';

/** What a shared link reopens: which entities were expanded, the filters, the layout. */
export interface ViewState {
  ids: string[];
  hiddenTypes: EntityType[];
  minWeight: number;
  layout: string;
}

const TYPES = new Set<string>(['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT']);

/** The view as a URL fragment: #ids=a,b&hide=EVENT&w=2&layout=grid. */
export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.ids.length > 0) p.set('ids', v.ids.join(','));
  if (v.hiddenTypes.length > 0) p.set('hide', v.hiddenTypes.join(','));
  if (v.minWeight > 1) p.set('w', String(v.minWeight));
  p.set('layout', v.layout);
  return `#${p.toString()}`;
}

/** Reads a view from a URL fragment; anything malformed falls back to the default. */
export function decodeView(hash: string, defaultLayout: string, layouts: string[]): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (k: string): string[] => (p.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const w = Number(p.get('w') ?? '1');
  const layout = p.get('layout') ?? defaultLayout;
  return {
    ids: list('ids').slice(0, 100),
    hiddenTypes: list('hide').filter((t): t is EntityType => TYPES.has(t)),
    minWeight: Number.isInteger(w) && w >= 1 && w <= 50 ? w : 1,
    layout: layouts.includes(layout) ? layout : defaultLayout,
  };
}
