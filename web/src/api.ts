/** The few GraphQL calls the page makes. */
import type { EntityType, GraphEntity, GraphRelation, Subgraph } from '../../server/src/domain/types.ts';

// Domain types live in one place; the page only imports their shapes (erased at build).
export type { EntityType, Subgraph };
export type Entity = GraphEntity;
export type Relation = GraphRelation;

/** An error the API reported, with its extensions.code when there is one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
  if (!body) throw new ApiError(`The server answered ${res.status} without a GraphQL response.`, undefined);
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError('The server returned no data.', undefined);
  return body.data;
}

const ENTITY_FIELDS = 'id name type aliases articleCount';

/** Entities matching a name or alias. */
export async function searchEntities(query: string, limit = 12): Promise<Entity[]> {
  const data = await gql<{ search: Entity[] }>(`query Search($q: String!, $limit: Int) { search(query: $q, limit: $limit) { ${ENTITY_FIELDS} } }`, {
    q: query,
    limit,
  });
  return data.search;
}

/** The neighbourhood of some entities. */
export async function fetchNeighborhood(ids: string[], depth = 1, limit = 40): Promise<Subgraph> {
  const data = await gql<{ neighborhood: Subgraph }>(
    `query Hood($ids: [ID!]!, $depth: Int, $limit: Int) { neighborhood(ids: $ids, depth: $depth, limit: $limit) { nodes { ${ENTITY_FIELDS} } edges { id type source target weight } } }`,
    { ids, depth, limit },
  );
  return data.neighborhood;
}

/** An article as the details panel shows it. */
export interface ArticleRef {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  publishedAt: string | null;
}

/** One evidence sentence with its article. */
export interface EvidenceItem {
  id: string;
  sentence: string;
  article: ArticleRef;
}

/** An entity with the articles that mention it. */
export async function fetchEntityDetails(id: string): Promise<(Entity & { articles: ArticleRef[] }) | null> {
  const data = await gql<{ entity: (Entity & { articles: ArticleRef[] }) | null }>(
    `query Details($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} articles(first: 20) { id title url source publishedAt } } }`,
    { id },
  );
  return data.entity;
}

/** A relation's evidence sentences. */
export async function fetchEvidence(id: string): Promise<EvidenceItem[]> {
  const data = await gql<{ relation: { evidence: EvidenceItem[] } | null }>(
    'query Evidence($id: ID!) { relation(id: $id) { evidence(first: 50) { id sentence article { id title url source publishedAt } } } }',
    { id },
  );
  return data.relation?.evidence ?? [];
}

/** One path: nodes in order and the relation between each pair, with its first evidence sentence. */
export interface PathResult {
  nodes: Entity[];
  edges: Array<Relation & { evidence: EvidenceItem[] }>;
}

/** The best few paths between two entities. */
export async function fetchPaths(from: string, to: string): Promise<PathResult[]> {
  const data = await gql<{ paths: PathResult[] }>(
    `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, limit: 3) { nodes { ${ENTITY_FIELDS} } edges { id type source target weight evidence(first: 1) { id sentence article { id title url source publishedAt } } } } }`,
    { from, to },
  );
  return data.paths;
}

/** What ingesting one article found. */
export interface IngestSummary {
  created: boolean;
  reprocessed: boolean;
  entityCount: number;
  relationCount: number;
  article: { id: string; title: string };
}

/** Ingests one article given as text, HTML or a URL. */
export async function ingestArticle(input: { text?: string; html?: string; url?: string; title?: string; source?: string }): Promise<IngestSummary> {
  const data = await gql<{ ingestArticle: IngestSummary }>(
    'mutation Ingest($input: ArticleInput!) { ingestArticle(input: $input) { created reprocessed entityCount relationCount article { id title } } }',
    { input },
  );
  return data.ingestArticle;
}
