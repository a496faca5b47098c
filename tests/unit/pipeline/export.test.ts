import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { csvCell, xmlEscape, type ExportData } from '../../../server/src/pipeline/export/export-data.ts';
import { renderExport, toGexf, toGraphml } from '../../../server/src/pipeline/export/render.ts';

const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const { DOMParser } = new JSDOM('').window;

function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const err = doc.querySelector('parsererror');
  if (err) throw new Error(`not well-formed: ${err.textContent}`);
  return doc;
}

const HOSTILE = ['<img src=x onerror=alert(1)>', 'O\'Brien "</data>&amp;<script>', '=HYPERLINK("http://x")', '+1-2', '@SUM(A1)', '\tTab', 'a\u0000b\u0008c', "x'}) DETACH DELETE n //", 'back\\slash\\', 'line\nbreak\r\n', '\uFFFE\uD800'];

function data(names: string[]): ExportData {
  const nodes = names.map((name, i) => ({ id: `organization:n${i}`, name, type: 'ORGANIZATION' as const, aliases: [name, `${name}!`], articleCount: i + 1 }));
  const edges = nodes.slice(1).map((n, i) => ({ id: `rel_${i}`, source: nodes[0]?.id ?? '', target: n.id, type: 'MENTIONED_WITH', weight: 1, firstSeen: '2024-06-01T00:00:00.000Z', lastSeen: '2024-06-12T00:00:00.000Z', evidenceCount: 1 }));
  const article = { id: 'art_1', title: names[0] ?? 't', url: 'https://example.com/a?b=1&c=2', source: 'Wire', publishedAt: '2024-06-12T00:00:00.000Z' };
  const evidence = edges.map((e, i) => ({ id: `ev_${i}`, relationId: e.id, sentence: `${names[i] ?? ''} said "${names[i + 1] ?? ''}", then left.`, start: 0, end: 10, confidence: 0.5, extractorVersion: 'x', article }));
  return { nodes, edges, evidence, articles: [article], query: { ids: [nodes[0]?.id ?? ''], depth: 1, exportedAt: '2024-06-13T00:00:00.000Z' } };
}

describe('export escaping (property-based)', () => {
  it('xmlEscape: any string survives a round trip through a real XML parser, minus characters XML forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const doc = parseXml(`<r a="${xmlEscape(s)}">${xmlEscape(s)}</r>`);
        const expected = s.replace(INVALID_XML, '');
        expect(doc.documentElement.textContent).toBe(expected);
        expect(doc.documentElement.getAttribute('a')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('xmlEscape escapes exactly once', () => {
    expect(xmlEscape('&amp; <b>')).toBe('&amp;amp; &lt;b&gt;');
  });

  it('csvCell: any table parses back with a standard CSV parser, formulas neutralised', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]?.length ?? 1;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const csv = `${table.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
        const back = parse(csv, { relax_column_count: false }) as string[][];
        const expected = table.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        expect(back).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('export formats with hostile names', () => {
  const d = data(HOSTILE);

  it('GraphML is well-formed and declares a key for every attribute it uses', () => {
    const doc = parseXml(toGraphml(d));
    const keys = new Set([...doc.querySelectorAll('key')].map((k) => k.getAttribute('id')));
    for (const used of doc.querySelectorAll('data')) expect(keys.has(used.getAttribute('key'))).toBe(true);
    expect(doc.querySelectorAll('node')).toHaveLength(HOSTILE.length);
    expect(doc.querySelector('node data[key="d_label"]')?.textContent).toBe(HOSTILE[0]);
  });

  it('GEXF 1.3 is well-formed and gives edges time intervals', () => {
    const doc = parseXml(toGexf(d));
    expect(doc.documentElement.getAttribute('version')).toBe('1.3');
    const edge = doc.querySelector('edge');
    expect([edge?.getAttribute('start'), edge?.getAttribute('end')]).toEqual(['2024-06-01', '2024-06-12']);
  });

  it('CSV is a zip of nodes, edges and evidence that parse, with formulas neutralised', () => {
    const file = renderExport('CSV', d);
    expect(file.encoding).toBe('base64');
    const files = unzipSync(Buffer.from(file.content, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'evidence.csv', 'nodes.csv']);
    const nodes = parse(strFromU8(files['nodes.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    expect(nodes).toHaveLength(HOSTILE.length);
    expect(nodes.find((n) => n.Id === 'organization:n2')?.Label).toBe(`'=HYPERLINK("http://x")`);
    const evidence = parse(strFromU8(files['evidence.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    expect(evidence[0]).toMatchObject({ EdgeId: 'rel_0', ArticleUrl: 'https://example.com/a?b=1&c=2' });
  });

  it('Cytoscape JSON carries positions when exported from the view', () => {
    const file = renderExport('CYTOSCAPE_JSON', { ...d, positions: { 'organization:n0': { x: 10, y: 20 } } });
    const json = JSON.parse(file.content) as { elements: { nodes: Array<{ data: { id: string }; position?: unknown }> } };
    expect(json.elements.nodes[0]).toMatchObject({ data: { id: 'organization:n0' }, position: { x: 10, y: 20 } });
  });
});
