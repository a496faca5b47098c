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

/** Label sizes (px at zoom 1), shared by the stylesheet and the label fitting. */
export const LABELS = config.labels;

/** Colour of a link by its type (types not listed: the default grey). */
const RELATION_STYLES = Object.entries(config.relationStyles).filter((e): e is [string, { color: string }] => typeof e[1] === 'object');

/** The Cytoscape stylesheet: colour and shape by type, size by article count, width by weight. */
export function stylesheet(): StylesheetJson {
  const byType = Object.entries(TYPE_STYLES).map(([type, s]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': s.color, shape: s.shape } satisfies Css.Node,
  }));
  const byRelation = RELATION_STYLES.map(([type, s]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': s.color, 'target-arrow-color': s.color } satisfies Css.Edge,
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': LABELS.fontSize,
        'text-valign': 'bottom',
        'text-margin-y': LABELS.marginY,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABELS.maxWidth}px`,
        color: '#1d2330',
        'text-outline-color': '#f7f7f5',
        'text-outline-width': 2,
        // Labels too small to read are not drawn: a zoomed-out big view stays quick and legible.
        'min-zoomed-font-size': LABELS.minZoomedFontSize,
        width: 'mapData(articleCount, 1, 10, 22, 54)',
        height: 'mapData(articleCount, 1, 10, 22, 54)',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...byType,
    // The caption: an event says what happened, to whom, when; other entities their name. (Nodes
    // added from outside, by automation, may have none: they keep their label.)
    { selector: 'node[caption]', style: { label: 'data(caption)' } },
    // Events are what happened to the entities: smaller, with a smaller, muted caption.
    { selector: 'node[type = "EVENT"]', style: { width: 'mapData(articleCount, 1, 10, 14, 26)', height: 'mapData(articleCount, 1, 10, 14, 26)', 'font-size': LABELS.eventFontSize, color: '#4b5563' } },
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
    ...byRelation,
    // Co-occurrence says least: faint and thin, so the typed links carry the picture.
    { selector: 'edge[type = "MENTIONED_WITH"]', style: { 'line-color': '#c3c8d2', opacity: 0.35, width: 'mapData(weight, 1, 10, 1, 4)' } },
    // What the evidence says of a link: only alleged or hedged, dashed; mostly denied, dotted.
    { selector: 'edge[look = "hedged"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge[look = "denied"]', style: { 'line-style': 'dotted' } },
    // Reports disagree on it (docs/trust.md): red, whatever its type.
    { selector: 'edge[disputed]', style: { 'line-color': '#c92a2a', 'target-arrow-color': '#c92a2a', opacity: 0.9 } },
    { selector: 'node[disputed]', style: { 'border-width': 3, 'border-color': '#c92a2a', 'border-style': 'double' } },
    // A link's caption (its type, in words) shows on hover and selection.
    {
      selector: 'edge[caption].hover, edge[caption]:selected',
      style: { label: 'data(caption)', 'font-size': 10, color: '#1d2330', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '2px', opacity: 1, 'z-index': 10 },
    },
    { selector: 'edge:selected', style: { 'line-color': '#2457c5', 'target-arrow-color': '#2457c5', width: 4 } },
    // Labels that do not fit are hidden; hover and selection show the full name.
    { selector: 'node.label-hidden', style: { label: '' } },
    {
      selector: 'node.hover, node:selected',
      style: { label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': '240px', 'font-size': LABELS.fontSize, color: '#1d2330', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': '2px', 'z-index': 20 },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e07b00' } },
    { selector: 'edge.path', style: { 'line-color': '#e07b00', 'target-arrow-color': '#e07b00', width: 5, opacity: 1 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#1d2330' } },
    {
      selector: 'node.more',
      style: { shape: 'round-rectangle', 'background-color': '#eef2fb', 'border-width': 1, 'border-color': '#2457c5', width: 64, height: 22, label: 'data(label)', 'text-valign': 'center', 'text-margin-y': 0, color: '#2457c5', 'font-size': 10, 'text-outline-width': 0 },
    },
    // An entity's events of one kind folded into one node ("12 arrests"); click to unfold.
    {
      selector: 'node.group',
      style: { shape: 'round-rectangle', 'background-color': '#f1f2f4', 'border-width': 1, 'border-color': '#6b7280', width: 'data(width)', height: 20, 'text-valign': 'center', 'text-margin-y': 0, color: '#374151', 'font-size': 10, 'text-outline-width': 0 },
    },
    { selector: 'edge.group', style: { 'line-color': '#9ca3af', 'line-style': 'dotted', width: 1.5, 'target-arrow-shape': 'none' } },
    { selector: '.grouped', style: { display: 'none' } },
    { selector: 'edge.more', style: { 'line-style': 'dashed', 'line-color': '#2457c5', width: 1, opacity: 0.6, 'target-arrow-shape': 'none' } },
    // Path results: everything else fades, so the paths read at a glance.
    { selector: '.dimmed', style: { opacity: 0.12 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
