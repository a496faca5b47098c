import type { GraphRepository } from '../db/graph-repository.ts';
import type { EntityType } from '../domain/types.ts';
import type { ExportData, ExportFormat } from '../pipeline/export/export-data.ts';
import { renderExport } from '../pipeline/export/render.ts';
import type { GraphService } from './graph-service.ts';

/** Caps on one export: a subgraph this size renders in seconds and fits comfortably in memory. */
export const EXPORT_LIMITS = { maxNodes: 5000, maxEvidence: 50_000 } as const;

/** What to export. */
export interface ExportRequest {
  ids: string[];
  depth?: number | null;
  types?: EntityType[] | null;
  since?: string | null;
  until?: string | null;
  /** Most neighbours to include (default and cap: EXPORT_LIMITS.maxNodes). */
  limit?: number | null;
  positions?: Record<string, { x: number; y: number }>;
}

/** Gathers a subgraph with its evidence and articles and renders it in an export format. */
export class ExportService {
  constructor(
    private readonly repo: GraphRepository,
    private readonly graph: GraphService,
  ) {}

  /** The subgraph around `ids`, every edge's evidence, and the articles it cites. */
  async collect(req: ExportRequest): Promise<ExportData> {
    const depth = req.depth ?? 1;
    const sub = await this.graph.neighborhood(
      { ids: req.ids, depth, types: req.types ?? null, since: req.since ?? null, until: req.until ?? null, limit: req.limit ?? EXPORT_LIMITS.maxNodes },
      EXPORT_LIMITS.maxNodes,
    );
    const evidence = await this.repo.evidenceForRelations(sub.edges.map((e) => e.id), EXPORT_LIMITS.maxEvidence);
    const count = new Map<string, number>();
    for (const v of evidence) count.set(v.relationId, (count.get(v.relationId) ?? 0) + 1);
    const articles = new Map(evidence.map((v) => [v.article.id, v.article]));
    return {
      nodes: sub.nodes,
      edges: sub.edges.map((e) => ({ ...e, evidenceCount: count.get(e.id) ?? 0 })),
      evidence,
      articles: [...articles.values()],
      ...(req.positions ? { positions: req.positions } : {}),
      query: { ids: req.ids, depth, exportedAt: new Date().toISOString() },
    };
  }

  /** Collects and renders. */
  async export(format: ExportFormat, req: ExportRequest): Promise<ReturnType<typeof renderExport>> {
    return renderExport(format, await this.collect(req));
  }
}
