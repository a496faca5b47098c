/**
 * Domain types shared by every pipeline stage: article → extract → resolve → load → query.
 * Nothing here knows about Neo4j, GraphQL or the browser.
 */

/** Entity types, as the GraphQL enum spells them. */
export const ENTITY_TYPES = ['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The closed list of relation types an edge may carry. */
export const RELATION_TYPES = [
  'PART_OF',
  'AFFILIATED_WITH',
  'ACTIVE_IN',
  'MEMBER_OF',
  'FORMER_MEMBER_OF',
  'NATIONAL_OF',
  'LOCATED_IN',
  'ARRESTED',
  'RELEASED',
  'INVESTIGATED',
  'ALERTED',
  'REQUESTED_FROM',
  'REPORTED_ON',
  'PARTICIPATED_IN',
  'MENTIONED_WITH',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Whether a string is one of the closed relation types. */
export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

/** Whether a string is one of the entity types. */
export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** An article as submitted, before validation. */
export interface ArticleInput {
  title?: string | null;
  text?: string | null;
  url?: string | null;
  /** The address first asked for, when fetching `url` was redirected there (a feed item's link). */
  linkUrl?: string | null;
  source?: string | null;
  publishedAt?: string | null;
}

/** A validated article, ready for extraction. `id` is a hash of its normalised text. */
export interface Article {
  id: string;
  title: string;
  text: string;
  url: string | null;
  /** The address that redirected to `url`, if any: a feed's next poll recognises its item by it. */
  linkUrl?: string | null;
  source: string | null;
  /** The outlet that published it (pipeline/outlet.ts): its source, else its address's host; null when neither is known. */
  outlet?: string | null;
  publishedAt: string | null;
  /** Its MinHash fingerprint, by which a near-duplicate of it is recognised (pipeline/fingerprint). */
  fingerprint?: Fingerprint;
}

/** An article's MinHash signature and the LSH band keys derived from it. */
export interface Fingerprint {
  /** Unsigned 32-bit minima, one per hash function. */
  signature: number[];
  /** One key per band of the signature (`b<band>x<hash>`): texts sharing a key are candidates. */
  bands: string[];
  /** How many distinct shingles the text has: too few and the signature says little. */
  shingles: number;
}

/** Where in the article text a piece of evidence sits. */
export interface Span {
  /** Character offset of the first character (UTF-16 code units, as JavaScript counts). */
  start: number;
  /** Character offset one past the last character. */
  end: number;
}

/** One mention of an entity in the text. */
export interface Mention extends Span {
  surface: string;
}

/** An entity found in one article, not yet given a graph id. */
export interface ExtractedEntity {
  /** Key local to this extraction, used by relations to refer to the entity. */
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
  /** Ids of the rules that found its mentions ("lexicon", "corenlp-ner", "person-name"…). */
  rules: string[];
}

/** A link between two extracted entities with the sentence that states it. */
export interface ExtractedRelation {
  source: string;
  target: string;
  type: RelationType;
  /** For PARTICIPATED_IN: the participant's role. */
  role?: EventRole;
  /** The sentence that supports the link, and where it sits in the article. */
  evidence: Evidence;
}

/**
 * How a sentence presents a link (docs/stance.md): as fact, as an allegation, as denied, as someone's
 * statement, or as uncertain.
 */
export const STANCES = ['ASSERTED', 'ALLEGED', 'DENIED', 'ATTRIBUTED', 'UNCERTAIN'] as const;
export type Stance = (typeof STANCES)[number];

/** The sentence behind a relation. */
export interface Evidence extends Span {
  sentence: string;
  confidence: number;
  /** Ids of the rules that drew the link or event from this sentence: "why is this on the graph?". */
  rules: string[];
  /** How the sentence presents the link. */
  stance: Stance;
  /** Ids of the stance rules that read it (empty when ASSERTED for want of any cue). */
  stanceRules: string[];
  /** Who the sentence attributes it to ("…, the FBI said"): an extraction key, an entity id once resolved. */
  attributedTo?: string;
}

/** Event types (GUIDELINES.md). */
export const EVENT_TYPES = [
  'Arrest', 'Detention', 'Release', 'Deportation', 'Charge', 'Hearing', 'Testimony', 'Identification',
  'Attack', 'Report', 'Request', 'Alert', 'Crossing', 'Search', 'Scrutiny', 'Statement',
] as const;

/** A participant's part in an event. */
export type EventRole = 'agent' | 'subject' | 'place';

/** Something that happened, read from one sentence. */
export interface ExtractedEvent {
  key: string;
  type: string;
  /** A short readable label: "Arrest: Immigration and Customs Enforcement, Tajikistan, New York". */
  name: string;
  participants: Array<{ key: string; role: EventRole }>;
  count?: number;
  /** ISO date (YYYY-MM-DD). */
  date?: string;
  evidence: Evidence;
}

/** What the extractor returns for one article. */
export interface Extraction {
  extractorVersion: string;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  events: ExtractedEvent[];
}

/** An entity with its stable graph id. */
export interface ResolvedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentionCount: number;
  /** Events only: type, count and date. */
  eventType: string | null;
  count: number | null;
  date: string | null;
  /** Events only: the id this report had before it was resolved to an event told elsewhere (resolve-events). */
  reportId?: string;
  /** Events only: the event-match rules that joined this report to an event already known. */
  resolvedBy?: string[];
}

/** A relation between resolved entities, with a stable id derived from its ends and type. */
export interface ResolvedRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  role: EventRole | null;
  evidence: Evidence[];
}

/** An article ready to be written to the graph in one transaction. */
export interface GraphBatch {
  article: Article & { extractorVersion: string };
  entities: ResolvedEntity[];
  relations: ResolvedRelation[];
}

/** An entity as stored in the graph. */
export interface GraphEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  articleCount: number;
  /** For events: the day it happened (YYYY-MM-DD), when known. */
  date?: string | null;
  /** For events: what happened (Arrest, Release, …). */
  eventType?: string | null;
  /** For events: how many people it involved, when the article says (eight men → 8). */
  count?: number | null;
}

/** How many pieces of a relation's evidence present it each way. */
export type StanceCounts = Record<Lowercase<Stance>, number>;

/** An edge as stored in the graph. */
export interface GraphRelation {
  id: string;
  type: string;
  source: string;
  target: string;
  /** Independent sources: the distinct outlets of its articles (two articles of one outlet are one source). */
  weight: number;
  /** Distinct articles behind it (at least `weight`). */
  articleCount?: number;
  /** Its evidence counted by stance (all zero for evidence stored before stances were read). */
  stances?: StanceCounts;
  firstSeen?: string | null;
  lastSeen?: string | null;
}

/** A set of nodes and the edges among them. */
export interface Subgraph {
  nodes: GraphEntity[];
  edges: GraphRelation[];
  /** True when a limit left matching neighbours out. */
  truncated?: boolean;
  /** How many matching neighbours the limit left out. */
  hiddenCount?: number;
}

/** Filters that narrow a neighbourhood or a set of edges. */
export interface EdgeFilter {
  types: EntityType[] | null;
  relationTypes: string[] | null;
  /** Only relations with at least one piece of evidence presented in one of these ways. */
  stances: Stance[] | null;
  minWeight: number;
  since: string | null;
  until: string | null;
}

/** One evidence sentence with its article. */
export interface EvidenceRecord {
  id: string;
  sentence: string;
  start: number;
  end: number;
  confidence: number | null;
  extractorVersion: string | null;
  /** Ids of the extraction rules that drew the link from this sentence (empty for evidence stored before they were recorded). */
  rules: string[];
  /** How the sentence presents the link (null for evidence stored before stances were read). */
  stance: Stance | null;
  /** Ids of the stance rules that read it. */
  stanceRules: string[];
  /** The entity the sentence attributes the link to ("…, ICE said"), when it names one. */
  attributedTo: GraphEntity | null;
  article: StoredArticle;
}

/** A chain of entities and the edges between them. */
export interface GraphPath {
  nodes: GraphEntity[];
  edges: GraphRelation[];
}

/** An event on the timeline with who took part. */
export interface TimelineEntry {
  event: GraphEntity;
  eventType: string | null;
  date: string | null;
  count: number | null;
  participants: Array<GraphEntity & { role: string | null }>;
  article: StoredArticle;
}

/** An article as stored in the graph (without its text). */
export interface StoredArticle {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  /** The outlet its independence is counted by (null when unknown, or stored before outlets were recorded). */
  outlet?: string | null;
  publishedAt: string | null;
}

/** A relation or entity that appeared (before 0) or gained independent sources since a time. */
export interface Gain<T> {
  item: T;
  /** Independent sources from the articles ingested before then. */
  before: number;
  /** Independent sources now. */
  now: number;
}

/** A named set of entities whose new links the analyst follows. */
export interface Watch {
  name: string;
  ids: string[];
  createdAt: string;
  /** When it was last marked seen: its new links count from then. */
  seenAt: string;
}

/** A named view of the explorer, stored in Neo4j: its state is the URL fragment that reopens it. */
export interface SavedView {
  name: string;
  state: string;
  savedAt: string;
}
