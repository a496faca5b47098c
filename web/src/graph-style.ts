import type { Css, LayoutOptions, StylesheetJson } from 'cytoscape';
import type { EntityType } from './api.ts';
import config from './graph-style.json';

/** How one entity type is drawn. */
export interface TypeStyle {
  label: string;
  color: string;
  shape: Css.NodeShape;
}

/** Per-type colours and shapes, from graph-style.json. */
export const TYPE_STYLES = config.types as Record<EntityType, TypeStyle>;

/** The layouts the page offers, by name, from graph-style.json. */
export const LAYOUTS = config.layouts as Record<string, LayoutOptions>;

/** The layout used unless the view says otherwise. */
export const DEFAULT_LAYOUT = config.defaultLayout;

/** Fitting a small graph should not blow it up past this zoom. */
export const MAX_FIT_ZOOM = config.maxFitZoom;

/** The Cytoscape stylesheet: colour and shape by type, size by article count, width by weight. */
export function stylesheet(): StylesheetJson {
  const byType = Object.entries(TYPE_STYLES).map(([type, s]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': s.color, shape: s.shape } satisfies Css.Node,
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        color: '#1d2330',
        'text-outline-color': '#f7f7f5',
        'text-outline-width': 2,
        // Labels too small to read are not drawn: a zoomed-out big view stays quick and legible.
        'min-zoomed-font-size': 7,
        width: 'mapData(articleCount, 1, 10, 22, 54)',
        height: 'mapData(articleCount, 1, 10, 22, 54)',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...byType,
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d2330' } },
    { selector: 'node.seed', style: { 'border-width': 3, 'border-color': '#1d2330' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 10, 1.5, 8)',
        'line-color': '#aab2c0',
        'curve-style': 'bezier',
        opacity: 0.8,
      },
    },
    { selector: 'edge[type != "MENTIONED_WITH"]', style: { 'line-color': '#5d6677', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#5d6677', 'arrow-scale': 0.8 } },
    { selector: 'edge:selected', style: { 'line-color': '#2457c5', 'target-arrow-color': '#2457c5', label: 'data(type)', 'font-size': 9, width: 4 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e07b00' } },
    { selector: 'edge.path', style: { 'line-color': '#e07b00', 'target-arrow-color': '#e07b00', width: 5, opacity: 1 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#1d2330' } },
    {
      selector: 'node.more',
      style: { shape: 'round-rectangle', 'background-color': '#eef2fb', 'border-width': 1, 'border-color': '#2457c5', width: 64, height: 22, label: 'data(label)', 'text-valign': 'center', 'text-margin-y': 0, color: '#2457c5', 'font-size': 10, 'text-outline-width': 0 },
    },
    { selector: 'edge.more', style: { 'line-style': 'dashed', 'line-color': '#2457c5', width: 1, opacity: 0.6, 'target-arrow-shape': 'none' } },
    // Path results: everything else fades, so the paths read at a glance.
    { selector: '.dimmed', style: { opacity: 0.12 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
