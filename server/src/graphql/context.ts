import type { CurationService } from '../services/curation-service.ts';
import type { ExportService } from '../services/export-service.ts';
import type { GraphService } from '../services/graph-service.ts';
import type { IngestService } from '../services/ingest-service.ts';
import type { TrustService } from '../services/trust-service.ts';
import type { ViewsService } from '../services/views-service.ts';

/** What every resolver can reach: the services, never the repository. */
export interface AppContext {
  graph: GraphService;
  ingest: IngestService;
  curation: CurationService;
  exports: ExportService;
  views: ViewsService;
  trust: TrustService;
}
