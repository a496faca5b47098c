import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config.ts';

/** Every query the server runs, by its file name under cypher/ (without the extension). */
export const QUERY_NAMES = [
  'ingest/lock-articles',
  'ingest/get-article-summary',
  'ingest/find-stored-urls',
  'ingest/find-near-duplicates',
  'ingest/list-unfingerprinted',
  'ingest/set-fingerprints',
  'ingest/merge-articles',
  'ingest/find-event-candidates',
  'ingest/merge-entities',
  'ingest/merge-relations',
  'ingest/detach-stale',
  'ingest/refresh-relations',
  'ingest/refresh-entities',
  'explore/search-entities',
  'explore/get-entities',
  'explore/expand-neighbors',
  'explore/get-edges-among',
  'explore/get-relation',
  'explore/get-evidence',
  'explore/find-paths',
  'explore/list-articles',
  'explore/get-article',
  'explore/get-timeline',
  'explore/get-entity-articles',
  'ingest/plan-article-removal',
  'ingest/remove-article',
  'ingest/apply-relation-refresh',
  'admin/get-stats',
  'views/delete-view',
  'views/list-views',
  'views/save-view',
  'export/stream-all-articles',
  'export/stream-all-entities',
  'export/stream-all-evidence',
  'export/stream-all-relations',
  'export/stream-articles-among',
  'export/stream-evidence-among',
  'export/stream-relations-among',
  'curation/get-merge-source',
  'curation/move-edges',
  'curation/move-mentions',
  'curation/set-entity',
  'curation/create-entity',
  'curation/unmention',
  'curation/delete-entity',
  'curation/save-decision',
  'curation/get-decision',
  'curation/lock-decision',
  'curation/mark-undone',
  'curation/list-decisions',
  'curation/get-redirects',
  'curation/restore-evidence',
  'curation/park-evidence',
  'curation/get-split-candidates',
  'curation/move-evidence',
  'curation/move-article-mentions',
  'curation/refresh-events',
  'trust/list-conflict-candidates',
  'trust/get-event-reports',
  'trust/get-relation-reports',
  'trust/get-nationality-reports',
  'trust/list-relation-gains',
  'trust/list-entity-gains',
  'trust/save-watch',
  'trust/list-watches',
  'trust/delete-watch',
  'curation/create-bare-entity',
  'curation/get-splits',
  'admin/count-articles',
  'admin/ping',
  'admin/migrate-dates',
  'admin/get-migration',
  'admin/mark-migration',
  'admin/check-integrity',
  'admin/count-graph',
  'admin/delete-everything',
] as const;

/** The name of a query file under cypher/. */
export type QueryName = (typeof QUERY_NAMES)[number];

/** Loaded query texts plus the schema statements. */
export interface CypherCatalog {
  query(name: QueryName): string;
  /** The statements of cypher/schema.cypher, in order. */
  schema: string[];
  /** Every loaded query, for checks such as EXPLAIN. */
  entries(): Array<[QueryName, string]>;
}

/** Thrown at startup when a query file is missing or has no header; names the file. */
export class CypherCatalogError extends Error {
  override name = 'CypherCatalogError';
}

/** The default location of the query files. */
export const CYPHER_DIR = path.join(ROOT_DIR, 'cypher');

/**
 * Loads every query file the server needs, once, at startup. A missing file, or one
 * without its header comment (listing params and returned columns), stops startup.
 */
export function loadCypherCatalog(dir: string = CYPHER_DIR): CypherCatalog {
  const texts = new Map<QueryName, string>();
  for (const name of QUERY_NAMES) {
    const file = path.join(dir, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CypherCatalogError(`Missing Cypher file ${path.relative(ROOT_DIR, file)} (query "${name}").`);
    }
    if (!/^\/\/.*\n(\/\/.*\n)*/.test(text) || !/\/\/\s*Params:/.test(text) || !/\/\/\s*Returns:/.test(text)) {
      throw new CypherCatalogError(
        `Cypher file ${path.relative(ROOT_DIR, file)} needs a header comment with "// Params:" and "// Returns:" lines.`,
      );
    }
    texts.set(name, text);
  }
  const schemaFile = path.join(dir, 'schema.cypher');
  let schemaText: string;
  try {
    schemaText = readFileSync(schemaFile, 'utf8');
  } catch {
    throw new CypherCatalogError(`Missing Cypher file ${path.relative(ROOT_DIR, schemaFile)}.`);
  }
  const schema = splitStatements(schemaText);
  return {
    query(name) {
      const text = texts.get(name);
      if (text === undefined) throw new CypherCatalogError(`Unknown query "${name}".`);
      return text;
    },
    schema,
    entries: () => [...texts.entries()],
  };
}

/** Splits a script into statements at semicolons that end a line; comment lines are dropped. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*(?:\n|$)/)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}

/** Lists the .cypher files present under a folder, as query names (for drift checks). */
export function listCypherFiles(dir: string = CYPHER_DIR): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.cypher') && e.name !== 'schema.cypher')
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).replace(/\\/g, '/').replace(/\.cypher$/, ''))
    .sort();
}
