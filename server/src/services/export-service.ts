import type { ExportScope, GraphRepository } from '../db/graph-repository.ts';
import { AppError, badInput } from '../domain/errors.ts';
import type { EntityType, GraphEntity } from '../domain/types.ts';
import { iterate, type ExportFile, type ExportFormat, type ExportSource } from '../pipeline/export/export-data.ts';
import { collectExport, renderStream, type ExportStream } from '../pipeline/export/render.ts';
import { edgeFilter, type GraphService } from './graph-service.ts';

/**
 * Caps on one export. A streamed export (HTTP download, CLI) holds only the selected entities
 * in memory — relations, evidence and articles flow through — so its cap is on entities; a
 * whole-graph export has none. GraphQL returns the file inside its JSON answer, so that path
 * is collected in memory and capped by size.
 */
export const EXPORT_LIMITS = {
  /** Neighbours selected around the seeds when the request does not say. */
  defaultNodes: 5000,
  /** Most hops an export reaches from its seeds. */
  maxDepth: 3,
  /** Most entities a subgraph export (ids + depth) may select. */
  maxNodes: 100_000,
  /** Most entities a GraphQL export may select. */
  inlineMaxNodes: 5000,
  /** Largest file GraphQL returns inline; larger exports are downloads. */
  inlineMaxBytes: 50 * 1024 * 1024,
} as const;

/** What to export. */
export interface ExportRequest {
  /** Seed entities; their neighbourhood within `depth` hops is exported (depth 0: just them). */
  ids: string[];
  /** Export the whole graph (entities of `types`, all when empty) instead of a neighbourhood. */
  all?: boolean;
  depth?: number | null;
  types?: EntityType[] | null;
  since?: string | null;
  until?: string | null;
  /** Most neighbours to include (default EXPORT_LIMITS.defaultNodes). */
  limit?: number | null;
  positions?: Record<string, { x: number; y: number }>;
}

/** Gathers a subgraph with its evidence and articles and renders it in an export format. */
export class ExportService {
  constructor(
    private readonly repo: GraphRepository,
    private readonly graph: GraphService,
  ) {}

  /**
   * The export as a stream. Input is checked and the entities selected before this resolves,
   * so a bad request fails before any byte is sent; the rest is read from Neo4j as the
   * stream is consumed.
   */
  async open(format: ExportFormat, req: ExportRequest, maxNodes: number = EXPORT_LIMITS.maxNodes): Promise<ExportStream> {
    return renderStream(format, await this.source(req, maxNodes));
  }

  /** The export collected in memory (the GraphQL answer): at most EXPORT_LIMITS.inline* in size. */
  async export(format: ExportFormat, req: ExportRequest): Promise<ExportFile & { bytes: Uint8Array }> {
    if (req.all) throw badInput('A whole-graph export is a download: GET /export/<format>?all=true or npm run export -- --all.');
    const stream = await this.open(format, req, EXPORT_LIMITS.inlineMaxNodes);
    return collectExport(
      stream,
      EXPORT_LIMITS.inlineMaxBytes,
      () =>
        new AppError(
          'PAYLOAD_TOO_LARGE',
          `The export is over ${EXPORT_LIMITS.inlineMaxBytes / 1024 / 1024} MB, too large to return inline; download it with GET /export/${format.toLowerCase().replace(/_/g, '-')}?ids=… or npm run export.`,
        ),
    );
  }

  private async source(req: ExportRequest, maxNodes: number): Promise<ExportSource> {
    const exportedAt = new Date().toISOString();
    const positions = req.positions ? { positions: req.positions } : {};
    if (req.all) {
      const filter = edgeFilter({ types: req.types ?? null, since: req.since ?? null, until: req.until ?? null });
      const scope: ExportScope = { ids: null, filter };
      return {
        nodes: () => this.repo.streamAllEntities(filter.types),
        ...this.linked(scope),
        ...positions,
        query: { ids: [], all: true, depth: 0, exportedAt },
      };
    }
    const depth = req.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > EXPORT_LIMITS.maxDepth) {
      throw badInput(`depth must be between 0 (exactly the ids) and ${EXPORT_LIMITS.maxDepth}; got ${depth}.`);
    }
    if (depth === 0) return this.exactly(req, maxNodes, exportedAt);
    const { nodes, filter } = await this.graph.selectNodes(
      { ids: req.ids, depth, types: req.types ?? null, since: req.since ?? null, until: req.until ?? null, limit: req.limit ?? Math.min(EXPORT_LIMITS.defaultNodes, maxNodes) },
      maxNodes,
    );
    if (nodes.length === 0) throw new AppError('NOT_FOUND', `No entity has the id${req.ids.length > 1 ? 's' : ''} ${req.ids.map((id) => `"${id}"`).join(', ')}.`);
    // Types were applied when choosing the neighbours; every edge among them belongs in the export.
    const scope: ExportScope = { ids: nodes.map((n: GraphEntity) => n.id), filter: { ...filter, types: null } };
    return { nodes: () => iterate(nodes), ...this.linked(scope), ...positions, query: { ids: req.ids, depth, exportedAt } };
  }

  /** Depth 0: exactly the entities named (the web view exports what is on screen). */
  private async exactly(req: ExportRequest, maxNodes: number, exportedAt: string): Promise<ExportSource> {
    const ids = [...new Set(req.ids)];
    if (ids.length === 0) throw badInput('ids must name at least one entity.');
    if (ids.length > maxNodes) throw badInput(`ids names ${ids.length} entities; the most one export may hold is ${maxNodes}.`);
    const filter = edgeFilter({ since: req.since ?? null, until: req.until ?? null });
    const types = req.types && req.types.length > 0 ? new Set(req.types) : null;
    const nodes = (await this.repo.getEntities(ids)).filter((n) => !types || types.has(n.type));
    if (nodes.length === 0) throw new AppError('NOT_FOUND', `None of the ${ids.length} ids names an entity${types ? ' of the types asked for' : ''}.`);
    const scope: ExportScope = { ids: nodes.map((n) => n.id), filter };
    return { nodes: () => iterate(nodes), ...this.linked(scope), ...(req.positions ? { positions: req.positions } : {}), query: { ids, depth: 0, exportedAt } };
  }

  private linked(scope: ExportScope): Pick<ExportSource, 'edges' | 'evidence' | 'articles'> {
    return {
      edges: () => this.repo.streamExportRelations(scope),
      evidence: () => this.repo.streamExportEvidence(scope),
      articles: () => this.repo.streamExportArticles(scope),
    };
  }
}
