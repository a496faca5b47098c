import type { EvidenceRecord, GraphEntity, GraphRelation, StoredArticle } from '../../domain/types.ts';

/** An edge as exported: the relation and how many evidence sentences support it. */
export type ExportEdge = GraphRelation & { evidenceCount: number };
/** One evidence sentence as exported, with the relation it supports and its article. */
export type ExportEvidence = EvidenceRecord & { relationId: string };

/** What was asked for, recorded in the file. */
export interface ExportQuery {
  ids: string[];
  /** The whole graph rather than a neighbourhood of `ids`. */
  all?: boolean;
  depth: number;
  exportedAt: string;
}

/** Everything an export carries, in memory: the subgraph, each edge's evidence, and the articles cited. */
export interface ExportData {
  nodes: GraphEntity[];
  edges: ExportEdge[];
  evidence: ExportEvidence[];
  articles: StoredArticle[];
  /** Node positions from the web view, when exported from it. */
  positions?: Record<string, { x: number; y: number }>;
  query: ExportQuery;
}

/**
 * The same content as a stream: each part is read once, in order (nodes, edges, evidence,
 * articles), so a renderer never holds more than one row of it.
 */
export interface ExportSource {
  nodes(): AsyncIterable<GraphEntity>;
  edges(): AsyncIterable<ExportEdge>;
  evidence(): AsyncIterable<ExportEvidence>;
  articles(): AsyncIterable<StoredArticle>;
  positions?: Record<string, { x: number; y: number }>;
  query: ExportQuery;
}

/** A list as an async iterable (an in-memory part of an ExportSource). */
export async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** An in-memory export as a source. */
export function sourceFromData(d: ExportData): ExportSource {
  return {
    nodes: () => iterate(d.nodes),
    edges: () => iterate(d.edges),
    evidence: () => iterate(d.evidence),
    articles: () => iterate(d.articles),
    ...(d.positions ? { positions: d.positions } : {}),
    query: d.query,
  };
}

/** The export formats. */
export const EXPORT_FORMATS = ['GRAPHML', 'GEXF', 'CSV', 'CYTOSCAPE_JSON', 'JSON', 'CYPHER'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A rendered export file. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  /** utf8 text, or base64 of binary content (the CSV zip). */
  encoding: 'utf8' | 'base64';
  content: string;
}

// Characters XML 1.0 does not allow at all, even escaped.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside XML content or a double-quoted attribute: invalid characters removed, the rest escaped once. */
export function xmlEscape(value: unknown): string {
  return String(value ?? '')
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // As character references, so attribute-value normalisation keeps them.
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * One CSV cell (RFC 4180): quoted when needed; a cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) is prefixed with a quote so it stays text.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Cypher string literal: single-quoted, with backslash escapes for everything that could end it. */
export function cypherString(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/** A Cypher literal for a JSON-like value (strings, numbers, booleans, null, lists, maps with safe keys). */
export function cypherValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `\`${k.replace(/`/g, '``')}\`: ${cypherValue(v)}`)
      .join(', ')}}`;
  }
  return 'null';
}
