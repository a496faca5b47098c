import { strToU8, zipSync } from 'fflate';
import { csvCell, cypherValue, xmlEscape, type ExportData, type ExportFile, type ExportFormat } from './export-data.ts';

const lines = (rows: string[][]): string => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** GraphML with a <key> for every attribute, readable by Gephi, yEd, Cytoscape and networkx. */
export function toGraphml(d: ExportData): string {
  const keys = [
    ['d_label', 'node', 'label', 'string'],
    ['d_type', 'node', 'type', 'string'],
    ['d_aliases', 'node', 'aliases', 'string'],
    ['d_articles', 'node', 'articleCount', 'int'],
    ['e_type', 'edge', 'relationType', 'string'],
    ['e_weight', 'edge', 'weight', 'int'],
    ['e_first', 'edge', 'firstSeen', 'string'],
    ['e_last', 'edge', 'lastSeen', 'string'],
    ['e_evidence', 'edge', 'evidenceCount', 'int'],
  ];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const [id, kind, name, type] of keys) out.push(`  <key id="${id}" for="${kind}" attr.name="${name}" attr.type="${type}"/>`);
  out.push(`  <graph id="newsgraph" edgedefault="directed">`);
  for (const n of d.nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">`);
    out.push(`      <data key="d_label">${xmlEscape(n.name)}</data>`);
    out.push(`      <data key="d_type">${xmlEscape(n.type)}</data>`);
    out.push(`      <data key="d_aliases">${xmlEscape(n.aliases.join('; '))}</data>`);
    out.push(`      <data key="d_articles">${n.articleCount}</data>`);
    out.push('    </node>');
  }
  for (const e of d.edges) {
    out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    out.push(`      <data key="e_type">${xmlEscape(e.type)}</data>`);
    out.push(`      <data key="e_weight">${e.weight}</data>`);
    out.push(`      <data key="e_first">${xmlEscape(e.firstSeen ?? '')}</data>`);
    out.push(`      <data key="e_last">${xmlEscape(e.lastSeen ?? '')}</data>`);
    out.push(`      <data key="e_evidence">${e.evidenceCount}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** GEXF 1.3 with edge time intervals from first/last seen, so Gephi's timeline works. */
export function toGexf(d: ExportData): string {
  const day = (s: string | null | undefined): string | null => (s ? s.slice(0, 10) : null);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${xmlEscape(d.query.exportedAt.slice(0, 10))}"><creator>Newsgraph</creator></meta>`,
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="aliases" title="aliases" type="string"/>',
    '      <attribute id="articleCount" title="articleCount" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relationType" title="relationType" type="string"/>',
    '      <attribute id="evidenceCount" title="evidenceCount" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of d.nodes) {
    out.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.name)}">`);
    out.push(`        <attvalues><attvalue for="type" value="${xmlEscape(n.type)}"/><attvalue for="aliases" value="${xmlEscape(n.aliases.join('; '))}"/><attvalue for="articleCount" value="${n.articleCount}"/></attvalues>`);
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of d.edges) {
    const start = day(e.firstSeen);
    const end = day(e.lastSeen);
    const time = `${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}`;
    out.push(`      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}" label="${xmlEscape(e.type)}"${time}>`);
    out.push(`        <attvalues><attvalue for="relationType" value="${xmlEscape(e.type)}"/><attvalue for="evidenceCount" value="${e.evidenceCount}"/></attvalues>`);
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

/** Gephi-style nodes.csv and edges.csv, plus evidence.csv (edge → sentence → article), in a zip. */
export function toCsvZip(d: ExportData): Uint8Array {
  const articleOf = new Map(d.articles.map((a) => [a.id, a]));
  const nodes = lines([['Id', 'Label', 'Type', 'Aliases', 'ArticleCount'], ...d.nodes.map((n) => [n.id, n.name, n.type, n.aliases.join('; '), String(n.articleCount)])]);
  const edges = lines([
    ['Id', 'Source', 'Target', 'Type', 'Weight', 'FirstSeen', 'LastSeen', 'EvidenceCount'],
    ...d.edges.map((e) => [e.id, e.source, e.target, e.type, String(e.weight), e.firstSeen ?? '', e.lastSeen ?? '', String(e.evidenceCount)]),
  ]);
  const evidence = lines([
    ['EdgeId', 'Sentence', 'Start', 'End', 'ArticleId', 'ArticleTitle', 'ArticleUrl', 'PublishedAt'],
    ...d.evidence.map((v) => {
      const a = articleOf.get(v.article.id) ?? v.article;
      return [v.relationId, v.sentence, String(v.start), String(v.end), a.id, a.title, a.url ?? '', a.publishedAt ?? ''];
    }),
  ]);
  return zipSync({ 'nodes.csv': strToU8(nodes), 'edges.csv': strToU8(edges), 'evidence.csv': strToU8(evidence) });
}

/** Cytoscape JSON (elements), loadable by Cytoscape desktop and cy.json(); with positions when given. */
export function toCytoscapeJson(d: ExportData): string {
  const nodes = d.nodes.map((n) => ({
    data: { id: n.id, label: n.name, type: n.type, aliases: n.aliases, articleCount: n.articleCount },
    ...(d.positions?.[n.id] ? { position: d.positions[n.id] } : {}),
  }));
  const edges = d.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null, evidenceCount: e.evidenceCount } }));
  return JSON.stringify({ format_version: '1.0', generated_by: 'newsgraph', target_cytoscapejs_version: '~3.30', data: { name: 'Newsgraph export' }, elements: { nodes, edges } }, null, 2);
}

/** Plain JSON: nodes, edges, evidence and articles. */
export function toJson(d: ExportData): string {
  return JSON.stringify({ query: d.query, nodes: d.nodes, edges: d.edges, evidence: d.evidence, articles: d.articles }, null, 2);
}

/**
 * A Cypher script that recreates the subgraph (entities, relations, evidence, articles) in an
 * empty Neo4j. Every value is a literal escaped by cypherValue; labels, types and keys are fixed,
 * so hostile names cannot inject clauses.
 */
export function toCypher(d: ExportData): string {
  const chunk = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  const out = [`// Newsgraph export ${d.query.exportedAt}: ${d.nodes.length} entities, ${d.edges.length} relations. Run in an empty database (e.g. cypher-shell -f).`];
  out.push('CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;');
  out.push('CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;');
  for (const part of chunk(d.nodes, 500)) {
    const rows = part.map((n) => ({ id: n.id, name: n.name, type: n.type, aliases: n.aliases, articleCount: n.articleCount }));
    out.push(`UNWIND ${cypherValue(rows)} AS row MERGE (e:Entity {id: row.id}) SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.articleCount = row.articleCount;`);
  }
  for (const part of chunk(d.edges, 500)) {
    const rows = part.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null }));
    out.push(`UNWIND ${cypherValue(rows)} AS row MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) MERGE (s)-[r:RELATED {id: row.id}]->(t) SET r.type = row.type, r.weight = row.weight, r.firstSeen = row.firstSeen, r.lastSeen = row.lastSeen;`);
  }
  for (const part of chunk(d.articles, 200)) {
    out.push(`UNWIND ${cypherValue(part.map((a) => ({ ...a })))} AS row MERGE (a:Article {id: row.id}) SET a.title = row.title, a.url = row.url, a.source = row.source, a.publishedAt = row.publishedAt;`);
  }
  for (const part of chunk(d.evidence, 200)) {
    const rows = part.map((v) => ({ id: v.id, relationId: v.relationId, sentence: v.sentence, start: v.start, end: v.end, articleId: v.article.id }));
    out.push(`UNWIND ${cypherValue(rows)} AS row MATCH (a:Article {id: row.articleId}) MERGE (v:Evidence {id: row.id}) SET v.relationId = row.relationId, v.sentence = row.sentence, v.start = row.start, v.end = row.end MERGE (v)-[:FROM]->(a);`);
  }
  return `${out.join('\n')}\n`;
}

const SPECS: Record<ExportFormat, { ext: string; mime: string }> = {
  GRAPHML: { ext: 'graphml', mime: 'application/graphml+xml' },
  GEXF: { ext: 'gexf', mime: 'application/gexf+xml' },
  CSV: { ext: 'zip', mime: 'application/zip' },
  CYTOSCAPE_JSON: { ext: 'cyjs', mime: 'application/json' },
  JSON: { ext: 'json', mime: 'application/json' },
  CYPHER: { ext: 'cypher', mime: 'text/plain' },
};

/** Renders an export in one format, with its file name and MIME type. */
export function renderExport(format: ExportFormat, d: ExportData): ExportFile & { bytes: Uint8Array } {
  const spec = SPECS[format];
  const filename = `newsgraph-${d.query.exportedAt.slice(0, 10)}.${spec.ext}`;
  if (format === 'CSV') {
    const bytes = toCsvZip(d);
    return { filename, mimeType: spec.mime, encoding: 'base64', content: Buffer.from(bytes).toString('base64'), bytes };
  }
  const text = { GRAPHML: toGraphml, GEXF: toGexf, CYTOSCAPE_JSON: toCytoscapeJson, JSON: toJson, CYPHER: toCypher }[format](d);
  return { filename, mimeType: spec.mime, encoding: 'utf8', content: text, bytes: strToU8(text) };
}
