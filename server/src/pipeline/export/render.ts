import { strToU8, Zip, ZipDeflate } from 'fflate';
import { STANCES, type Stance } from '../../domain/types.ts';
import { csvCell, cypherValue, sourceFromData, xmlEscape, type ExportData, type ExportEdge, type ExportFile, type ExportFormat, type ExportSource } from './export-data.ts';

// Renderers are async generators of text pieces, read from an ExportSource part by part, so an
// export of any size streams through a fixed amount of memory. `encodeChunks` groups the pieces
// into chunks of about CHUNK_BYTES for the socket.
const CHUNK_BYTES = 64 * 1024;

const csvLine = (row: readonly unknown[]): string => `${row.map(csvCell).join(',')}\r\n`;

/** An edge's evidence counts by stance, in STANCES order (zero when it has none recorded). */
const stanceCounts = (e: ExportEdge): number[] => STANCES.map((s) => e.stances?.[lowerStance(s)] ?? 0);
const lowerStance = (s: Stance): Lowercase<Stance> => s.toLowerCase() as Lowercase<Stance>;
/** Attribute names of the stance counts: asserted, alleged, denied, attributed, uncertain. */
const STANCE_COLUMNS = STANCES.map(lowerStance);

/** GraphML with a <key> for every attribute, readable by Gephi, yEd, Cytoscape and networkx. */
export async function* graphmlPieces(src: ExportSource): AsyncGenerator<string> {
  const keys = [
    ['d_label', 'node', 'label', 'string'],
    ['d_type', 'node', 'type', 'string'],
    ['d_aliases', 'node', 'aliases', 'string'],
    ['d_articles', 'node', 'articleCount', 'int'],
    ['e_type', 'edge', 'relationType', 'string'],
    ['e_weight', 'edge', 'weight', 'int'],
    ['e_articles', 'edge', 'articleCount', 'int'],
    ['e_first', 'edge', 'firstSeen', 'string'],
    ['e_last', 'edge', 'lastSeen', 'string'],
    ['e_evidence', 'edge', 'evidenceCount', 'int'],
    ...STANCE_COLUMNS.map((s) => [`e_${s}`, 'edge', s, 'int']),
  ];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  for (const [id, kind, name, type] of keys) yield `  <key id="${id}" for="${kind}" attr.name="${name}" attr.type="${type}"/>\n`;
  yield '  <graph id="newsgraph" edgedefault="directed">\n';
  for await (const n of src.nodes()) {
    yield `    <node id="${xmlEscape(n.id)}">
      <data key="d_label">${xmlEscape(n.name)}</data>
      <data key="d_type">${xmlEscape(n.type)}</data>
      <data key="d_aliases">${xmlEscape(n.aliases.join('; '))}</data>
      <data key="d_articles">${n.articleCount}</data>
    </node>
`;
  }
  for await (const e of src.edges()) {
    yield `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">
      <data key="e_type">${xmlEscape(e.type)}</data>
      <data key="e_weight">${e.weight}</data>
      <data key="e_articles">${e.articleCount ?? e.weight}</data>
      <data key="e_first">${xmlEscape(e.firstSeen ?? '')}</data>
      <data key="e_last">${xmlEscape(e.lastSeen ?? '')}</data>
      <data key="e_evidence">${e.evidenceCount}</data>
${stanceCounts(e).map((n, i) => `      <data key="e_${STANCE_COLUMNS[i]}">${n}</data>\n`).join('')}    </edge>
`;
  }
  yield '  </graph>\n</graphml>\n';
}

/** GEXF 1.3 with edge time intervals from first/last seen, so Gephi's timeline works. */
export async function* gexfPieces(src: ExportSource): AsyncGenerator<string> {
  const day = (s: string | null | undefined): string | null => (s ? s.slice(0, 10) : null);
  yield `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta lastmodifieddate="${xmlEscape(src.query.exportedAt.slice(0, 10))}"><creator>Newsgraph</creator></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="aliases" title="aliases" type="string"/>
      <attribute id="articleCount" title="articleCount" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="relationType" title="relationType" type="string"/>
      <attribute id="evidenceCount" title="evidenceCount" type="integer"/>
      <attribute id="articleCount" title="articleCount" type="integer"/>
${STANCE_COLUMNS.map((s) => `      <attribute id="${s}" title="${s}" type="integer"/>\n`).join('')}    </attributes>
    <nodes>
`;
  for await (const n of src.nodes()) {
    yield `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.name)}">
        <attvalues><attvalue for="type" value="${xmlEscape(n.type)}"/><attvalue for="aliases" value="${xmlEscape(n.aliases.join('; '))}"/><attvalue for="articleCount" value="${n.articleCount}"/></attvalues>
      </node>
`;
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const e of src.edges()) {
    const start = day(e.firstSeen);
    const end = day(e.lastSeen);
    const time = `${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}`;
    yield `      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}" label="${xmlEscape(e.type)}"${time}>
        <attvalues><attvalue for="relationType" value="${xmlEscape(e.type)}"/><attvalue for="evidenceCount" value="${e.evidenceCount}"/><attvalue for="articleCount" value="${e.articleCount ?? e.weight}"/>${stanceCounts(e).map((n, i) => `<attvalue for="${STANCE_COLUMNS[i]}" value="${n}"/>`).join('')}</attvalues>
      </edge>
`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** The three CSV tables, as (file name, rows) in the order they are written to the zip. */
function csvTables(src: ExportSource): Array<[string, () => AsyncGenerator<string>]> {
  return [
    [
      'nodes.csv',
      async function* () {
        yield csvLine(['Id', 'Label', 'Type', 'Aliases', 'ArticleCount']);
        for await (const n of src.nodes()) yield csvLine([n.id, n.name, n.type, n.aliases.join('; '), n.articleCount]);
      },
    ],
    [
      'edges.csv',
      async function* () {
        yield csvLine(['Id', 'Source', 'Target', 'Type', 'Weight', 'ArticleCount', 'FirstSeen', 'LastSeen', 'EvidenceCount', ...STANCE_COLUMNS.map((s) => s[0]?.toUpperCase() + s.slice(1))]);
        for await (const e of src.edges()) yield csvLine([e.id, e.source, e.target, e.type, e.weight, e.articleCount ?? e.weight, e.firstSeen ?? '', e.lastSeen ?? '', e.evidenceCount, ...stanceCounts(e)]);
      },
    ],
    [
      'evidence.csv',
      async function* () {
        yield csvLine(['EdgeId', 'Sentence', 'Start', 'End', 'ArticleId', 'ArticleTitle', 'ArticleUrl', 'PublishedAt', 'Rules', 'Stance', 'AttributedTo']);
        for await (const v of src.evidence()) {
          const a = v.article;
          yield csvLine([v.relationId, v.sentence, v.start, v.end, a.id, a.title, a.url ?? '', a.publishedAt ?? '', v.rules.join(' '), v.stance ?? '', v.attributedTo?.id ?? '']);
        }
      },
    ],
  ];
}

/** Gephi-style nodes.csv and edges.csv, plus evidence.csv (edge → sentence → article), as a streamed zip. */
export async function* csvZipChunks(src: ExportSource): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else ready.push(data);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length > 0) {
      const chunk = ready.shift();
      if (chunk) yield chunk;
    }
  };
  for (const [name, rows] of csvTables(src)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    for await (const text of batchText(rows())) {
      file.push(strToU8(text));
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** A JSON array of items, one per line, inside an object being written. */
async function* jsonArray(key: string, items: AsyncIterable<unknown>, last = false): AsyncGenerator<string> {
  yield `  ${JSON.stringify(key)}: [`;
  let first = true;
  for await (const item of items) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(item)}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]${last ? '' : ','}\n`;
}

/** Cytoscape JSON (elements), loadable by Cytoscape desktop and cy.json(); with positions when given. */
export async function* cytoscapeJsonPieces(src: ExportSource): AsyncGenerator<string> {
  const positions = src.positions;
  async function* nodes(): AsyncGenerator<unknown> {
    for await (const n of src.nodes()) {
      const position = positions?.[n.id];
      yield { data: { id: n.id, label: n.name, type: n.type, aliases: n.aliases, articleCount: n.articleCount }, ...(position ? { position } : {}) };
    }
  }
  async function* edges(): AsyncGenerator<unknown> {
    for await (const e of src.edges()) {
      yield { data: { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, articleCount: e.articleCount ?? e.weight, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null, evidenceCount: e.evidenceCount, ...e.stances } };
    }
  }
  yield '{\n  "format_version": "1.0",\n  "generated_by": "newsgraph",\n  "target_cytoscapejs_version": "~3.30",\n  "data": { "name": "Newsgraph export" },\n  "elements": {\n';
  for await (const piece of jsonArray('nodes', nodes())) yield `  ${piece}`;
  for await (const piece of jsonArray('edges', edges(), true)) yield `  ${piece}`;
  yield '  }\n}\n';
}

/** Plain JSON: the query, nodes, edges, evidence and articles. */
export async function* jsonPieces(src: ExportSource): AsyncGenerator<string> {
  yield `{\n  "query": ${JSON.stringify(src.query)},\n`;
  yield* jsonArray('nodes', src.nodes());
  yield* jsonArray('edges', src.edges());
  yield* jsonArray('evidence', src.evidence());
  yield* jsonArray('articles', src.articles(), true);
  yield '}\n';
}

/** Rows grouped into lists of `size`, for batched UNWIND statements. */
async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A Cypher script that recreates the subgraph (entities, relations, evidence, articles) in an
 * empty Neo4j. Every value is a literal escaped by cypherValue; labels, types and keys are fixed,
 * so hostile names cannot inject clauses. Articles come before evidence, which links to them.
 */
export async function* cypherPieces(src: ExportSource): AsyncGenerator<string> {
  const counts = { entities: 0, relations: 0, articles: 0, evidence: 0 };
  yield `// Newsgraph export ${src.query.exportedAt}. Run in an empty database (e.g. cypher-shell -f).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
`;
  for await (const part of batches(src.nodes(), 500)) {
    counts.entities += part.length;
    const rows = part.map((n) => ({ id: n.id, name: n.name, type: n.type, aliases: n.aliases, articleCount: n.articleCount }));
    yield `UNWIND ${cypherValue(rows)} AS row MERGE (e:Entity {id: row.id}) SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.articleCount = row.articleCount;\n`;
  }
  for await (const part of batches(src.edges(), 500)) {
    counts.relations += part.length;
    const rows = part.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, articleCount: e.articleCount ?? e.weight, stances: stanceCounts(e), firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null }));
    yield `UNWIND ${cypherValue(rows)} AS row MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) MERGE (s)-[r:RELATED {id: row.id}]->(t) SET r.type = row.type, r.weight = row.weight, r.articleCount = row.articleCount, r.stances = row.stances, r.firstSeen = datetime(row.firstSeen), r.lastSeen = datetime(row.lastSeen);\n`;
  }
  for await (const part of batches(src.articles(), 200)) {
    counts.articles += part.length;
    const rows = part.map((a) => ({ id: a.id, title: a.title, url: a.url, source: a.source, publishedAt: a.publishedAt }));
    yield `UNWIND ${cypherValue(rows)} AS row MERGE (a:Article {id: row.id}) SET a.title = row.title, a.url = row.url, a.source = row.source, a.publishedAt = datetime(row.publishedAt);\n`;
  }
  for await (const part of batches(src.evidence(), 200)) {
    counts.evidence += part.length;
    const rows = part.map((v) => ({ id: v.id, relationId: v.relationId, sentence: v.sentence, start: v.start, end: v.end, rules: v.rules, stance: v.stance, stanceRules: v.stanceRules, attributedTo: v.attributedTo?.id ?? null, articleId: v.article.id }));
    yield `UNWIND ${cypherValue(rows)} AS row MATCH (a:Article {id: row.articleId}) MERGE (v:Evidence {id: row.id}) SET v.relationId = row.relationId, v.sentence = row.sentence, v.start = row.start, v.end = row.end, v.rules = row.rules, v.stance = row.stance, v.stanceRules = row.stanceRules, v.attributedTo = row.attributedTo MERGE (v)-[:FROM]->(a);\n`;
  }
  yield `// ${counts.entities} entities, ${counts.relations} relations, ${counts.articles} articles, ${counts.evidence} evidence sentences.\n`;
}

/** Groups small text pieces into strings of about CHUNK_BYTES (counted in UTF-16 units). */
async function* batchText(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let parts: string[] = [];
  let size = 0;
  for await (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= CHUNK_BYTES) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

async function* encodeChunks(pieces: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  for await (const text of batchText(pieces)) yield strToU8(text);
}

const SPECS: Record<ExportFormat, { ext: string; mime: string; binary: boolean }> = {
  GRAPHML: { ext: 'graphml', mime: 'application/graphml+xml', binary: false },
  GEXF: { ext: 'gexf', mime: 'application/gexf+xml', binary: false },
  CSV: { ext: 'zip', mime: 'application/zip', binary: true },
  CYTOSCAPE_JSON: { ext: 'cyjs', mime: 'application/json', binary: false },
  JSON: { ext: 'json', mime: 'application/json', binary: false },
  CYPHER: { ext: 'cypher', mime: 'text/plain', binary: false },
};

const TEXT_RENDERERS: Record<Exclude<ExportFormat, 'CSV'>, (src: ExportSource) => AsyncGenerator<string>> = {
  GRAPHML: graphmlPieces,
  GEXF: gexfPieces,
  CYTOSCAPE_JSON: cytoscapeJsonPieces,
  JSON: jsonPieces,
  CYPHER: cypherPieces,
};

/** A streamed export: its file name and MIME type, and its bytes as they are rendered. */
export interface ExportStream {
  filename: string;
  mimeType: string;
  /** utf8 text, or binary (the CSV zip). */
  encoding: 'utf8' | 'base64';
  chunks: AsyncIterable<Uint8Array>;
}

/** Renders a source in one format as a stream of chunks. */
export function renderStream(format: ExportFormat, src: ExportSource): ExportStream {
  const spec = SPECS[format];
  const filename = `newsgraph-${src.query.exportedAt.slice(0, 10)}.${spec.ext}`;
  const chunks = format === 'CSV' ? csvZipChunks(src) : encodeChunks(TEXT_RENDERERS[format](src));
  return { filename, mimeType: spec.mime, encoding: spec.binary ? 'base64' : 'utf8', chunks };
}

/**
 * Collects a streamed export into one file. Past `maxBytes` it stops reading and throws what
 * `tooLarge` makes (the stream's source is closed on the way out).
 */
export async function collectExport(stream: ExportStream, maxBytes = Number.POSITIVE_INFINITY, tooLarge: () => Error = () => new Error('export too large')): Promise<ExportFile & { bytes: Uint8Array }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream.chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    parts.push(chunk);
  }
  const bytes = Buffer.concat(parts);
  const content = stream.encoding === 'base64' ? bytes.toString('base64') : bytes.toString('utf8');
  return { filename: stream.filename, mimeType: stream.mimeType, encoding: stream.encoding, content, bytes };
}

/** Renders an in-memory export in one format, with its file name and MIME type. */
export function renderExport(format: ExportFormat, d: ExportData): Promise<ExportFile & { bytes: Uint8Array }> {
  return collectExport(renderStream(format, sourceFromData(d)));
}

/** Collects a text renderer's output (for tests and small exports). */
export async function renderText(pieces: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const piece of pieces) parts.push(piece);
  return parts.join('');
}
