import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { csvCell, EXPORT_FORMATS, sourceFromData, xmlEscape, type ExportData, type ExportSource } from '../../../server/src/pipeline/export/export-data.ts';
import { gexfPieces, graphmlPieces, renderExport, renderStream, renderText } from '../../../server/src/pipeline/export/render.ts';

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
  const evidence = edges.map((e, i) => ({ id: `ev_${i}`, relationId: e.id, sentence: `${names[i] ?? ''} said "${names[i + 1] ?? ''}", then left.`, start: 0, end: 10, confidence: 0.5, extractorVersion: 'x', rules: ['co-mention'], stance: 'ALLEGED' as const, stanceRules: ['alleged.hedge-word'], attributedTo: null, article }));
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

  it('GraphML is well-formed and declares a key for every attribute it uses', async () => {
    const doc = parseXml(await renderText(graphmlPieces(sourceFromData(d))));
    const keys = new Set([...doc.querySelectorAll('key')].map((k) => k.getAttribute('id')));
    for (const used of doc.querySelectorAll('data')) expect(keys.has(used.getAttribute('key'))).toBe(true);
    expect(doc.querySelectorAll('node')).toHaveLength(HOSTILE.length);
    expect(doc.querySelector('node data[key="d_label"]')?.textContent).toBe(HOSTILE[0]);
  });

  it('GEXF 1.3 is well-formed and gives edges time intervals', async () => {
    const doc = parseXml(await renderText(gexfPieces(sourceFromData(d))));
    expect(doc.documentElement.getAttribute('version')).toBe('1.3');
    const edge = doc.querySelector('edge');
    expect([edge?.getAttribute('start'), edge?.getAttribute('end')]).toEqual(['2024-06-01', '2024-06-12']);
  });

  it('CSV is a zip of nodes, edges and evidence that parse, with formulas neutralised', async () => {
    const file = await renderExport('CSV', d);
    expect(file.encoding).toBe('base64');
    const files = unzipSync(Buffer.from(file.content, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'evidence.csv', 'nodes.csv']);
    const nodes = parse(strFromU8(files['nodes.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    expect(nodes).toHaveLength(HOSTILE.length);
    expect(nodes.find((n) => n.Id === 'organization:n2')?.Label).toBe(`'=HYPERLINK("http://x")`);
    const evidence = parse(strFromU8(files['evidence.csv'] ?? new Uint8Array()), { columns: true }) as Array<Record<string, string>>;
    expect(evidence[0]).toMatchObject({ EdgeId: 'rel_0', ArticleUrl: 'https://example.com/a?b=1&c=2' });
  });

  it('Cytoscape JSON carries positions when exported from the view', async () => {
    const file = await renderExport('CYTOSCAPE_JSON', { ...d, positions: { 'organization:n0': { x: 10, y: 20 } } });
    const json = JSON.parse(file.content) as { elements: { nodes: Array<{ data: { id: string }; position?: unknown }> } };
    expect(json.elements.nodes[0]).toMatchObject({ data: { id: 'organization:n0' }, position: { x: 10, y: 20 } });
  });
});

describe('export formats from a stream', () => {
  const d = data(['ICE', 'DHS', 'FBI']);

  it('JSON holds the query, nodes, edges, evidence and articles', async () => {
    const json = JSON.parse((await renderExport('JSON', d)).content) as Record<string, unknown[]>;
    expect([json.nodes?.length, json.edges?.length, json.evidence?.length, json.articles?.length]).toEqual([3, 2, 2, 1]);
    expect(json.query).toMatchObject({ depth: 1 });
  });

  it('JSON and Cytoscape JSON stay valid when a part is empty', async () => {
    const empty = { ...d, edges: [], evidence: [], articles: [] };
    expect(JSON.parse((await renderExport('JSON', empty)).content)).toMatchObject({ edges: [], evidence: [], articles: [] });
    expect(JSON.parse((await renderExport('CYTOSCAPE_JSON', empty)).content)).toMatchObject({ elements: { edges: [] } });
  });

  it('the Cypher script ends with what it created', async () => {
    const script = (await renderExport('CYPHER', d)).content;
    expect(script.trimEnd().split('\n').at(-1)).toBe('// 3 entities, 2 relations, 1 articles, 2 evidence sentences.');
  });
});

/** A source of `n` relations (each with one evidence sentence) made as they are read. */
function generated(n: number, pulled: { count: number }): ExportSource {
  const article = { id: 'art_1', title: 'A report', url: 'https://example.com/r', source: 'Wire', publishedAt: '2024-06-12T00:00:00.000Z' };
  return {
    async *nodes() {
      for (let i = 0; i < n / 10; i++) yield { id: `person:p${i}`, name: `Person <${i}> & "co"`, type: 'PERSON' as const, aliases: [`P${i}`], articleCount: 1 };
    },
    async *edges() {
      for (let i = 0; i < n; i++) {
        pulled.count++;
        yield { id: `rel_${i}`, source: `person:p${i % (n / 10)}`, target: `person:p${(i * 7) % (n / 10)}`, type: 'MEETS', weight: 2, firstSeen: '2024-06-01', lastSeen: '2024-06-12', evidenceCount: 1 };
      }
    },
    async *evidence() {
      for (let i = 0; i < n; i++) yield { id: `ev_${i}`, relationId: `rel_${i}`, sentence: `Sentence number ${i} says that =SUM(A1) met "someone" at the border.`, start: 0, end: 8, confidence: 0.9, extractorVersion: 'x', rules: ['co-mention'], stance: 'ASSERTED' as const, stanceRules: [], attributedTo: null, article };
    },
    async *articles() {
      yield article;
    },
    query: { ids: [], all: true, depth: 0, exportedAt: '2024-06-13T00:00:00.000Z' },
  };
}

describe('streamed exports', () => {
  it('renders while reading: the first chunk leaves before the source is read to the end', async () => {
    const pulled = { count: 0 };
    const iterator = renderStream('GRAPHML', generated(100_000, pulled)).chunks[Symbol.asyncIterator]();
    await iterator.next();
    expect(pulled.count).toBeLessThan(100_000);
    await iterator.return?.();
  });

  it.each(EXPORT_FORMATS)('%s: a 200k-relation export streams through bounded memory', async (format) => {
    // Live heap after a full collection, sampled as the chunks go by: what the export holds on to.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of renderStream(format, generated(200_000, { count: 0 })).chunks) {
      bytes += chunk.byteLength;
      if (++chunks % 100 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    // The output is 38–100 MB of text (2.6 MB zipped for CSV, from ~60 MB of rows); holding it would show.
    expect(bytes).toBeGreaterThan(format === 'CSV' ? 2_000_000 : 35_000_000);
    expect(peak).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);
});
