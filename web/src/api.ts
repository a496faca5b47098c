/** The few GraphQL calls the page makes. */
import type { EntityType, Gain, GraphEntity, GraphRelation, Stance, StanceCounts, Subgraph } from '../../server/src/domain/types.ts';

// Domain types live in one place; the page only imports their shapes (erased at build).
export type { EntityType, Gain, Stance, StanceCounts, Subgraph };
/** What the reports of an entity or link disagree on (full values come with `trust.conflicts`). */
export interface ConflictSummary {
  kind: ConflictKind;
}
export type Entity = GraphEntity & { conflicts?: ConflictSummary[] };
export type Relation = GraphRelation & { conflicts?: ConflictSummary[] };
export type ConflictKind = 'DATE' | 'COUNT' | 'PLACE' | 'NATIONALITY' | 'STANCE';

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

const ENTITY_FIELDS = 'id name type aliases articleCount date eventType count conflicts { kind }';
const EDGE_FIELDS = 'id type source target weight articleCount firstSeen lastSeen stances { asserted alleged denied attributed uncertain } conflicts { kind }';

/** Entities matching a name or alias. */
export async function searchEntities(query: string, limit = 12): Promise<Entity[]> {
  const data = await gql<{ search: Entity[] }>(`query Search($q: String!, $limit: Int) { search(query: $q, limit: $limit) { ${ENTITY_FIELDS} } }`, {
    q: query,
    limit,
  });
  return data.search;
}

/** A neighbourhood as the page draws it: what the limit left out is counted for "+N more". */
export interface Neighborhood extends Subgraph {
  truncated: boolean;
  hiddenCount: number;
}

/** The neighbourhood of some entities; `exclude` (what is shown already) pages through the rest. */
export async function fetchNeighborhood(ids: string[], depth = 1, limit = 40, exclude: string[] = []): Promise<Neighborhood> {
  const data = await gql<{ neighborhood: Neighborhood }>(
    `query Hood($ids: [ID!]!, $depth: Int, $limit: Int, $exclude: [ID!]) { neighborhood(ids: $ids, depth: $depth, limit: $limit, exclude: $exclude) { nodes { ${ENTITY_FIELDS} } edges { ${EDGE_FIELDS} } truncated hiddenCount } }`,
    { ids, depth, limit, exclude: exclude.slice(0, 2000) },
  );
  return data.neighborhood;
}

/** Exactly these entities (unknown ones left out) and every link among them. */
export async function fetchSubgraph(ids: string[]): Promise<Subgraph> {
  if (ids.length === 0) return { nodes: [], edges: [] };
  const data = await gql<{ subgraph: Subgraph }>(`query Sub($ids: [ID!]!) { subgraph(ids: $ids) { nodes { ${ENTITY_FIELDS} } edges { ${EDGE_FIELDS} } } }`, { ids });
  return data.subgraph;
}

/** One article with its text and the entities it mentions. */
export interface ArticleText {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  publishedAt: string | null;
  text: string | null;
  entities: Entity[];
}

/** An article's text and entities, or null when it is gone. */
export async function fetchArticle(id: string): Promise<ArticleText | null> {
  const data = await gql<{ article: ArticleText | null }>(`query Article($id: ID!) { article(id: $id) { id title url source publishedAt text entities { ${ENTITY_FIELDS} } } }`, { id });
  return data.article;
}

/** A stored curation decision. */
export interface Decision {
  id: string;
  kind: string;
  entityId: string;
  otherId: string | null;
  createdAt: string;
  undone: boolean;
  /** What it did, in words, with the names as they were. */
  summary: string;
}

/** What a curation change returns: the decisions recorded (to undo) and the entity after it. */
export interface CurationOutcome {
  decisions: Array<Pick<Decision, 'id' | 'kind' | 'entityId' | 'otherId'>>;
  entity: Entity | null;
}

const CURATION_FIELDS = `decisions { id kind entityId otherId } entity { ${ENTITY_FIELDS} }`;

/** Curation through the API; every change is a stored decision that undoDecision reverses. */
export const curate = {
  rename: async (id: string, name: string): Promise<CurationOutcome> =>
    (await gql<{ renameEntity: CurationOutcome }>(`mutation($id: ID!, $name: String!) { renameEntity(id: $id, name: $name) { ${CURATION_FIELDS} } }`, { id, name })).renameEntity,
  setType: async (id: string, type: EntityType): Promise<CurationOutcome> =>
    (await gql<{ setEntityType: CurationOutcome }>(`mutation($id: ID!, $type: EntityType!) { setEntityType(id: $id, type: $type) { ${CURATION_FIELDS} } }`, { id, type })).setEntityType,
  merge: async (into: string, from: string[]): Promise<CurationOutcome> =>
    (await gql<{ mergeEntities: CurationOutcome }>(`mutation($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { ${CURATION_FIELDS} } }`, { into, from })).mergeEntities,
  split: async (id: string, aliases: string[]): Promise<CurationOutcome> =>
    (await gql<{ splitEntity: CurationOutcome }>(`mutation($id: ID!, $aliases: [String!]!) { splitEntity(id: $id, aliases: $aliases) { ${CURATION_FIELDS} } }`, { id, aliases })).splitEntity,
  /** Moves the given articles' reports of an event to an event of their own. */
  splitEvent: async (id: string, articleIds: string[]): Promise<CurationOutcome> =>
    (await gql<{ splitEvent: CurationOutcome }>(`mutation($id: ID!, $articleIds: [ID!]!) { splitEvent(id: $id, articleIds: $articleIds) { ${CURATION_FIELDS} } }`, { id, articleIds })).splitEvent,
  /** Decisions, newest first. */
  history: async (limit = 100): Promise<Decision[]> =>
    (await gql<{ decisions: Decision[] }>('query($limit: Int) { decisions(limit: $limit) { id kind entityId otherId createdAt undone summary } }', { limit })).decisions,
  undo: async (decisionId: string): Promise<CurationOutcome> =>
    (await gql<{ undoDecision: CurationOutcome }>(`mutation($id: ID!) { undoDecision(id: $id) { ${CURATION_FIELDS} } }`, { id: decisionId })).undoDecision,
};

/** A named view stored on the server. */
export interface SavedView {
  name: string;
  state: string;
  savedAt: string;
}

/** Named views, shared through Neo4j. */
export const savedViews = {
  list: async (): Promise<SavedView[]> => (await gql<{ views: SavedView[] }>('{ views { name state savedAt } }', {})).views,
  save: async (name: string, state: string): Promise<SavedView> =>
    (await gql<{ saveView: SavedView }>('mutation($name: String!, $state: String!) { saveView(name: $name, state: $state) { name state savedAt } }', { name, state })).saveView,
  remove: async (name: string): Promise<void> => {
    await gql('mutation($name: String!) { deleteView(name: $name) }', { name });
  },
};

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
  /** Ids of the extraction rules that drew the link from the sentence. */
  rules?: string[];
  /** How the sentence presents the link (null: stored before stances were read). */
  stance?: Stance | null;
  /** Ids of the stance rules that read it. */
  stanceRules?: string[];
  /** Who the sentence attributes the link to, when it names a known entity. */
  attributedTo?: { id: string; name: string } | null;
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
    'query Evidence($id: ID!) { relation(id: $id) { evidence(first: 50) { id sentence rules stance stanceRules attributedTo { id name } article { id title url source publishedAt } } } }',
    { id },
  );
  return data.relation?.evidence ?? [];
}

/** One path: nodes in order and the relation between each pair, with its first evidence sentence. */
export interface PathResult {
  nodes: Entity[];
  edges: Array<Relation & { evidence: EvidenceItem[] }>;
}

/** The best few paths between two entities; `excludeHubs` routes around entities with more than 200 links. */
export async function fetchPaths(from: string, to: string, excludeHubs = false): Promise<PathResult[]> {
  const data = await gql<{ paths: PathResult[] }>(
    `query Paths($from: ID!, $to: ID!, $excludeHubs: Boolean) { paths(from: $from, to: $to, maxLength: 4, limit: 3, excludeHubs: $excludeHubs) { nodes { ${ENTITY_FIELDS} } edges { ${EDGE_FIELDS} evidence(first: 1) { id sentence stance article { id title url source publishedAt } } } } }`,
    { from, to, excludeHubs },
  );
  return data.paths;
}

/** What ingesting one article found. */
export interface IngestSummary {
  created: boolean;
  reprocessed: boolean;
  entityCount: number;
  relationCount: number;
  article: { id: string; title: string; source: string | null; publishedAt: string | null };
  /** Set when the text was not stored: it is the same story as this stored article. */
  duplicateOf?: { id: string; title: string } | null;
}

/** What may be said about an article besides its content. */
export interface ArticleFields {
  title?: string;
  source?: string;
  publishedAt?: string;
}

/** What reading a feed did: its new items' outcomes (a summary, or the error that refused one). */
export interface FeedSummary {
  title: string | null;
  items: number;
  known: number;
  remaining: number;
  results: Array<{ url: string; error: string | null; result: IngestSummary | null }>;
}

/** Reads an RSS or Atom feed server-side and stores its new items (at most 50 a call). */
export async function ingestFeed(url: string): Promise<FeedSummary> {
  const data = await gql<{ ingestFeed: FeedSummary }>(
    'mutation Feed($url: String!) { ingestFeed(url: $url) { title items known remaining results { url error result { created reprocessed entityCount relationCount article { id title source publishedAt } } } } }',
    { url },
  );
  return data.ingestFeed;
}

/** Ingests one article given as text, HTML or a URL. */
export async function ingestArticle(input: ArticleFields & { text?: string; html?: string; url?: string }): Promise<IngestSummary> {
  const data = await gql<{ ingestArticle: IngestSummary }>(
    'mutation Ingest($input: ArticleInput!) { ingestArticle(input: $input) { created reprocessed entityCount relationCount article { id title source publishedAt } duplicateOf { id title } } }',
    { input },
  );
  return data.ingestArticle;
}

/** One side of a disagreement: a value and the articles and sentences that give it. */
export interface ConflictValue {
  value: string;
  /** (With the outlet each is counted by: its source as given, without a note in parentheses.) */
  articles: Array<ArticleRef & { outlet?: string | null }>;
  evidence: EvidenceItem[];
}

/** A disagreement of one kind among the reports of an entity or a link. */
export interface Conflict {
  kind: ConflictKind;
  rule: string;
  at: string | null;
  values: ConflictValue[];
}

/** Something the reports disagree about, as the contradictions list shows it. */
export interface Contradiction {
  id: string;
  at: string | null;
  entity: { id: string; name: string; type: EntityType } | null;
  relation: { id: string; type: string; source: string; target: string } | null;
  relationIds: string[];
  conflicts: Array<Pick<Conflict, 'kind'> & { values: Array<Pick<ConflictValue, 'value'>> }>;
}

/** What the articles ingested since a time added. */
export interface Changes {
  since: string;
  entities: Array<Gain<Entity>>;
  events: Array<Gain<Entity>>;
  relations: Array<Gain<Relation>>;
  totals: { entities: number; events: number; relations: number };
}

/** A named set of entities whose new links are followed. */
export interface Watch {
  name: string;
  seenAt: string;
  entities: Array<{ id: string; name: string }>;
  newLinks: Array<Gain<Relation>>;
}

const ARTICLE_FIELDS = 'id title url source publishedAt';
const CONFLICT_FIELDS = `kind rule at values { value articles { ${ARTICLE_FIELDS} outlet } evidence { id sentence stance article { ${ARTICLE_FIELDS} } } }`;
const WATCH_FIELDS = `name seenAt entities { id name } newLinks { before now relation { ${EDGE_FIELDS} } }`;
type RelationChange = { before: number; now: number; relation: Relation };
const relationGain = (r: RelationChange): Gain<Relation> => ({ before: r.before, now: r.now, item: r.relation });

/** Contradictions, corroboration over time and watches (docs/trust.md). */
export const trust = {
  /** Where the reports of an entity (an event, a person) or of a link disagree, value by value. */
  conflicts: async (kind: 'entity' | 'relation', id: string): Promise<Conflict[]> => {
    const data = await gql<Record<string, { conflicts: Conflict[] } | null>>(`query Conflicts($id: ID!) { ${kind}(id: $id) { conflicts { ${CONFLICT_FIELDS} } } }`, { id });
    return data[kind]?.conflicts ?? [];
  },
  /** Everything the reports disagree about, newest first. */
  contradictions: async (first = 100): Promise<Contradiction[]> =>
    (
      await gql<{ contradictions: { nodes: Contradiction[] } }>(
        'query Contradictions($first: Int) { contradictions(first: $first) { nodes { id at relationIds entity { id name type } relation { id type source target } conflicts { kind values { value } } } } }',
        { first },
      )
    ).contradictions.nodes,
  /** New entities, events and links since a time, and those that gained independent sources. */
  changes: async (since: string, limit = 50): Promise<Changes> => {
    const data = await gql<{ changes: Omit<Changes, 'entities' | 'events' | 'relations'> & { entities: Array<{ before: number; now: number; entity: Entity }>; events: Array<{ before: number; now: number; entity: Entity }>; relations: RelationChange[] } }>(
      `query Changes($since: String!, $limit: Int) { changes(since: $since, limit: $limit) { since totals { entities events relations } entities { before now entity { ${ENTITY_FIELDS} } } events { before now entity { ${ENTITY_FIELDS} } } relations { before now relation { ${EDGE_FIELDS} } } } }`,
      { since, limit },
    );
    const c = data.changes;
    const entity = (g: { before: number; now: number; entity: Entity }): Gain<Entity> => ({ before: g.before, now: g.now, item: g.entity });
    return { ...c, entities: c.entities.map(entity), events: c.events.map(entity), relations: c.relations.map(relationGain) };
  },
  watches: async (): Promise<Watch[]> =>
    (await gql<{ watches: Array<Omit<Watch, 'newLinks'> & { newLinks: RelationChange[] }> }>(`{ watches { ${WATCH_FIELDS} } }`, {})).watches.map((w) => ({ ...w, newLinks: w.newLinks.map(relationGain) })),
  watch: async (name: string, ids: string[]): Promise<void> => {
    await gql('mutation Watch($name: String!, $ids: [ID!]!) { watchEntities(name: $name, ids: $ids) { name } }', { name, ids });
  },
  markSeen: async (name: string): Promise<void> => {
    await gql('mutation Seen($name: String!) { markWatchSeen(name: $name) { name } }', { name });
  },
  unwatch: async (name: string): Promise<void> => {
    await gql('mutation Unwatch($name: String!) { deleteWatch(name: $name) }', { name });
  },
};

/** Everything the explorer asks of the server; `mountExplorer` takes it, so another transport (or another server) can stand in. */
export const httpApi = {
  search: searchEntities,
  neighborhood: fetchNeighborhood,
  subgraph: fetchSubgraph,
  entity: fetchEntityDetails,
  evidence: fetchEvidence,
  article: fetchArticle,
  paths: fetchPaths,
  curate,
  savedViews,
  ingestArticle,
  ingestFeed,
  trust,
};

/** The server calls the explorer makes. */
export type ExplorerApi = typeof httpApi;
