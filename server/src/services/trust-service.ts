import DataLoader from 'dataloader';
import type { GraphRepository } from '../db/graph-repository.ts';
import { cleanLine } from '../domain/clean-text.ts';
import { AppError, badInput } from '../domain/errors.ts';
import type { EvidenceRecord, Gain, GraphEntity, GraphRelation, StoredArticle, Watch } from '../domain/types.ts';
import type { ConflictKind, ReportValue } from '../pipeline/conflict-rules.ts';
import { dateSpan } from '../pipeline/event-match-rules.ts';
import { findConflicts, type Report } from '../pipeline/find-conflicts.ts';
import { parseIsoDate } from '../pipeline/prepare-article.ts';
import { clampLimit } from './graph-service.ts';

/** Caps on what one request may ask for. */
export const TRUST_LIMITS = {
  contradictionsDefault: 20,
  contradictionsMax: 100,
  changesDefault: 50,
  changesMax: 500,
  watchesMax: 100,
  watchIdsMax: 200,
  watchLinksMax: 100,
  watchNameMaxChars: 80,
} as const;

/** One side of a disagreement, as the API shows it. */
export interface ConflictValueView {
  key: string;
  value: string;
  articles: StoredArticle[];
  evidence: EvidenceRecord[];
}

/** A disagreement of one kind among reports. */
export interface ConflictView {
  kind: ConflictKind;
  rule: string;
  values: ConflictValueView[];
  at: string | null;
}

/** Something reports disagree about: an event, a person's nationality, or a relation. */
export interface Contradiction {
  id: string;
  entity: GraphEntity | null;
  relation: GraphRelation | null;
  conflicts: ConflictView[];
  at: string | null;
  /** The edges in dispute (the relation; a person's nationality links); an event's dispute is on its node. */
  relationIds: string[];
}

/** What changed since a time. */
export interface Changes {
  since: string;
  entities: Array<Gain<GraphEntity>>;
  events: Array<Gain<GraphEntity>>;
  relations: Array<Gain<GraphRelation>>;
  totals: { entities: number; events: number; relations: number };
}

type Article = StoredArticle & { seenAt: string | null };
type Reports = Array<Report<EvidenceRecord>>;

/** Key of one relation whose conflicts are asked for. */
interface RelationKey {
  id: string;
  type: string;
  source: string;
}

/**
 * The trust layer's read side: where reports contradict each other (pipeline/find-conflicts
 * over what each article said), what changed since a time, and watches on sets of entities.
 * All of it derives from what ingest stores (each report's values, evidence stances, articles'
 * ingestedAt); nothing runs in the background.
 */
export class TrustService {
  private readonly relationConflicts: DataLoader<RelationKey, ConflictView[], string>;
  private readonly entityConflicts: DataLoader<GraphEntity, ConflictView[], string>;

  constructor(private readonly repo: GraphRepository) {
    // One read per kind for all the relations (entities) a response shows; no cache across requests.
    this.relationConflicts = new DataLoader((keys) => this.loadRelationConflicts(keys), { cache: false, maxBatchSize: 500 });
    this.entityConflicts = new DataLoader((keys) => this.loadEntityConflicts(keys), { cache: false, maxBatchSize: 500 });
  }

  /** Where the reports of a relation disagree: stances, and for NATIONAL_OF the person's nationality. */
  conflictsOfRelation(r: GraphRelation): Promise<ConflictView[]> {
    return this.relationConflicts.load({ id: r.id, type: r.type, source: r.source });
  }

  /** Where the reports of an entity disagree: an event's date, count and place; a person's nationality. */
  conflictsOfEntity(e: GraphEntity): Promise<ConflictView[]> {
    return e.type === 'EVENT' || e.type === 'PERSON' ? this.entityConflicts.load(e) : Promise.resolve([]);
  }

  /** Everything reports disagree about, newest disagreement first, after a cursor. */
  async contradictions(first: number | null | undefined, after: string | null | undefined): Promise<{ nodes: Contradiction[]; endCursor: string | null; hasNextPage: boolean }> {
    const n = clampLimit('first', first, TRUST_LIMITS.contradictionsDefault, TRUST_LIMITS.contradictionsMax);
    const candidates = await this.repo.conflictCandidates();
    const [events, relations, people] = await Promise.all([
      candidates.events.length > 0 ? this.repo.eventReports(candidates.events) : [],
      candidates.relations.length > 0 ? this.repo.relationReports(candidates.relations) : [],
      candidates.people.length > 0 ? this.repo.nationalityReports(candidates.people) : [],
    ]);
    const all: Contradiction[] = [
      ...events.map((e) => contradiction({ entity: e.event, relation: null, conflicts: conflictsOf(eventReports(e.reports)), relationIds: [] })),
      ...relations.map((p) => contradiction({ entity: null, ...pairConflicts(p.relations) })),
      ...people.map((p) => {
        const conflicts = conflictsOf(nationalityReports(p.links));
        const disputed = new Set(conflicts.flatMap((c) => c.values.map((v) => v.key)));
        return contradiction({ entity: p.person, relation: null, conflicts, relationIds: p.links.filter((l) => disputed.has(l.country.id)).map((l) => l.relation.id) });
      }),
    ].filter((c) => c.conflicts.length > 0);
    all.sort((a, b) => (cursorOf(a) < cursorOf(b) ? 1 : -1));
    const start = after ? decodeCursor(after) : null;
    const rest = start === null ? all : all.filter((c) => cursorOf(c) < start);
    const nodes = rest.slice(0, n);
    const last = nodes.at(-1);
    return { nodes, endCursor: last ? Buffer.from(cursorOf(last)).toString('base64url') : null, hasNextPage: rest.length > n };
  }

  /** Entities, events and relations that appeared or gained independent sources since `since`. */
  async changes(since: string, max: number | null | undefined): Promise<Changes> {
    const at = instant(since, 'since');
    const n = clampLimit('limit', max, TRUST_LIMITS.changesDefault, TRUST_LIMITS.changesMax);
    const [entityGains, relationGains] = await Promise.all([this.repo.entityGains(at, n), this.repo.relationGains(at, null, n)]);
    const of = (kind: 'entity' | 'event') => entityGains.find((g) => g.kind === kind) ?? { rows: [], total: 0 };
    const gains = (kind: 'entity' | 'event') => of(kind).rows.map((r) => ({ item: r.entity, before: r.before, now: r.now }));
    return {
      since: at,
      entities: gains('entity'),
      events: gains('event'),
      relations: relationGains.rows.map(relationGain),
      totals: { entities: of('entity').total, events: of('event').total, relations: relationGains.total },
    };
  }

  /** The watches, by name. */
  watches(): Promise<Watch[]> {
    return this.repo.listWatches(TRUST_LIMITS.watchesMax);
  }

  /** Starts (or changes the entities of) a named watch; known entity ids only. */
  async watch(name: string, ids: string[]): Promise<Watch> {
    const n = watchName(name);
    const unique = [...new Set(ids)];
    if (unique.length < 2) throw badInput('ids must name at least two entities: a watch reports new links among them.');
    if (unique.length > TRUST_LIMITS.watchIdsMax) throw badInput(`ids names ${unique.length} entities; the limit is ${TRUST_LIMITS.watchIdsMax}.`);
    const known = new Set((await this.repo.getEntities(unique)).map((e) => e.id));
    const unknown = unique.filter((id) => !known.has(id));
    if (unknown.length > 0) throw badInput(`ids names entities that are not on the graph: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}.`);
    const saved = await this.repo.saveWatch(n, unique, new Date().toISOString(), false);
    if (!saved) throw new Error('saving a watch returned nothing');
    return saved;
  }

  /** Marks a watch seen: its new links count from now. */
  async markSeen(name: string): Promise<Watch> {
    const saved = await this.repo.saveWatch(watchName(name), null, new Date().toISOString(), true);
    if (!saved) throw new AppError('NOT_FOUND', `No watch is named "${name}".`);
    return saved;
  }

  /** Deletes a watch by name. */
  async deleteWatch(name: string): Promise<boolean> {
    if (!(await this.repo.deleteWatch(name.trim()))) throw new AppError('NOT_FOUND', `No watch is named "${name}".`);
    return true;
  }

  /** Links among a watch's entities that appeared or gained independent sources since it was last seen. */
  async newLinks(w: Watch): Promise<Array<Gain<GraphRelation>>> {
    const gains = await this.repo.relationGains(w.seenAt, w.ids, TRUST_LIMITS.watchLinksMax);
    return gains.rows.map(relationGain);
  }

  /** A watch's entities that are still on the graph. */
  watchEntities(w: Watch): Promise<GraphEntity[]> {
    return this.repo.getEntities(w.ids);
  }

  private async loadRelationConflicts(keys: readonly RelationKey[]): Promise<ConflictView[][]> {
    const people = [...new Set(keys.filter((k) => k.type === 'NATIONAL_OF').map((k) => k.source))];
    const [relations, nationalities] = await Promise.all([
      this.repo.relationReports(keys.map((k) => k.id)),
      people.length > 0 ? this.repo.nationalityReports(people) : Promise.resolve([]),
    ]);
    const stance = new Map<string, ConflictView[]>();
    for (const p of relations) {
      const { conflicts, relationIds } = pairConflicts(p.relations);
      for (const id of relationIds) stance.set(id, conflicts);
    }
    const nationality = new Map<string, ConflictView[]>();
    for (const p of nationalities) {
      const conflicts = conflictsOf(nationalityReports(p.links));
      for (const l of p.links) {
        const mine = conflicts.filter((c) => c.values.some((v) => v.key === l.country.id));
        if (mine.length > 0) nationality.set(l.relation.id, mine);
      }
    }
    return keys.map((k) => [...(stance.get(k.id) ?? []), ...(nationality.get(k.id) ?? [])]);
  }

  private async loadEntityConflicts(keys: readonly GraphEntity[]): Promise<ConflictView[][]> {
    // (An event told by one article has no other report to disagree with.)
    const events = keys.filter((k) => k.type === 'EVENT' && k.articleCount > 1).map((k) => k.id);
    const people = keys.filter((k) => k.type === 'PERSON').map((k) => k.id);
    const [eventRows, peopleRows] = await Promise.all([
      events.length > 0 ? this.repo.eventReports(events) : Promise.resolve([]),
      people.length > 0 ? this.repo.nationalityReports(people) : Promise.resolve([]),
    ]);
    const byId = new Map<string, ConflictView[]>([
      ...eventRows.map((e): [string, ConflictView[]] => [e.event.id, conflictsOf(eventReports(e.reports))]),
      ...peopleRows.map((p): [string, ConflictView[]] => [p.person.id, conflictsOf(nationalityReports(p.links))]),
    ]);
    return keys.map((k) => byId.get(k.id) ?? []);
  }
}

/** A relation with its independent sources before a time; now is its weight. */
const relationGain = (r: { relation: GraphRelation; before: number }): Gain<GraphRelation> => ({ item: r.relation, before: r.before, now: r.relation.weight });

function contradiction(c: Omit<Contradiction, 'id' | 'at'>): Contradiction {
  const at = c.conflicts.map((x) => x.at).filter((s): s is string => s !== null).sort().at(-1) ?? null;
  return { ...c, id: c.relation?.id ?? c.entity?.id ?? '', at };
}

/** Sort key and cursor: newest disagreement first, then by id. */
function cursorOf(c: Contradiction): string {
  return `${c.at ?? ''}\u0000${c.id}`;
}

function decodeCursor(after: string): string {
  const key = Buffer.from(after, 'base64url').toString();
  if (!key.includes('\u0000')) throw badInput(`after "${after.slice(0, 40)}" is not a cursor from contradictions.`);
  return key;
}

/** Runs the conflict rules and shows each value with the articles that give it. */
function conflictsOf(reports: Reports): ConflictView[] {
  const articles = new Map<string, StoredArticle>();
  for (const r of reports) for (const v of r.evidence) articles.set(v.article.id, v.article);
  return findConflicts(reports).map((c) => ({
    kind: c.kind,
    rule: c.rule,
    at: c.at,
    values: c.values.map((v) => ({
      key: v.key,
      value: v.label,
      articles: v.articleIds.map((id) => articles.get(id)).filter((a): a is StoredArticle => a !== undefined),
      evidence: uniqueEvidence(v.evidence),
    })),
  }));
}

function uniqueEvidence(list: readonly EvidenceRecord[]): EvidenceRecord[] {
  return [...new Map(list.map((v) => [v.id, v])).values()];
}

/** A date as precise as the report gave it: a day, a month (a 1st), or a year (1 January). */
function dateLabel(date: string): string {
  const precision = dateSpan(date)?.precision;
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

const plain = ({ seenAt: _seenAt, ...a }: Article): StoredArticle => a;

/** Each article's report of an event: its date, count and places, and its first sentences on it (up to three). */
function eventReports(rows: Array<{ article: Article; date: string | null; count: number | null; places: Array<{ id: string; name: string; type: string }>; evidence: Array<Omit<EvidenceRecord, 'article'>> }>): Reports {
  return rows.map((r) => {
    const values: Partial<Record<ConflictKind, ReportValue[]>> = {
      DATE: r.date ? [{ key: r.date, label: dateLabel(r.date) }] : [],
      COUNT: r.count !== null ? [{ key: String(r.count), label: String(r.count) }] : [],
      PLACE: r.places.map((p) => ({ key: p.id, label: p.name, group: p.type })),
    };
    return { articleId: r.article.id, seenAt: r.article.seenAt, values, evidence: r.evidence.map((v) => ({ ...v, article: plain(r.article) })) };
  });
}

/** The relation type of a bare co-mention: it claims nothing, but a sentence can deny the link it stands for. */
const CO_MENTION = 'MENTIONED_WITH';

type PairLink = { relation: GraphRelation; reports: Array<{ article: Article; evidence: Omit<EvidenceRecord, 'article'> }> };

/**
 * Where the links between two entities disagree: each sentence is a report of its stance, a
 * typed link's claims against any link's denials ("X is a member of Y" here, "X was never a
 * member of Y" on their co-mention there). The contradiction is shown on the first typed link
 * in dispute; every link with a sentence in dispute is marked.
 */
function pairConflicts(links: readonly PairLink[]): { relation: GraphRelation | null; conflicts: ConflictView[]; relationIds: string[] } {
  const relationOf = new Map<string, GraphRelation>();
  const reports: Reports = links.flatMap((l) =>
    l.reports.map((r) => {
      relationOf.set(r.evidence.id, l.relation);
      const stance = r.evidence.stance;
      const counts = stance !== null && (l.relation.type !== CO_MENTION || stance === 'DENIED');
      return {
        articleId: r.article.id,
        seenAt: r.article.seenAt,
        values: { STANCE: counts ? [{ key: stance, label: stance.toLowerCase() }] : [] },
        evidence: [{ ...r.evidence, article: plain(r.article) }],
      };
    }),
  );
  const conflicts = conflictsOf(reports);
  const involved = [...new Set(conflicts.flatMap((c) => c.values.flatMap((v) => v.evidence.map((e) => relationOf.get(e.id)))))].filter((r): r is GraphRelation => r !== undefined);
  const relation = involved.find((r) => r.type !== CO_MENTION) ?? involved[0] ?? null;
  return { relation, conflicts, relationIds: involved.map((r) => r.id) };
}

/** Each article's report of a person's nationalities: every country it links them to. */
function nationalityReports(links: Array<{ country: { id: string; name: string }; reports: Array<{ article: Article; evidence: Omit<EvidenceRecord, 'article'> }> }>): Reports {
  const byArticle = new Map<string, { article: Article; values: ReportValue[]; evidence: EvidenceRecord[] }>();
  for (const l of links) {
    for (const r of l.reports) {
      const report = byArticle.get(r.article.id) ?? { article: r.article, values: [], evidence: [] };
      if (!report.values.some((v) => v.key === l.country.id)) report.values.push({ key: l.country.id, label: l.country.name });
      report.evidence.push({ ...r.evidence, article: plain(r.article) });
      byArticle.set(r.article.id, report);
    }
  }
  return [...byArticle.values()].map((r) => ({ articleId: r.article.id, seenAt: r.article.seenAt, values: { NATIONALITY: r.values }, evidence: r.evidence }));
}

/** An ISO date or datetime as the instant it names (a bare date: its start, UTC). */
function instant(value: string, field: string): string {
  return new Date(parseIsoDate(value.trim(), field)).toISOString();
}

function watchName(name: string): string {
  const n = cleanLine(name);
  if (n.length === 0) throw badInput('name must not be empty.');
  if (n.length > TRUST_LIMITS.watchNameMaxChars) throw badInput(`name is ${n.length} characters; the limit is ${TRUST_LIMITS.watchNameMaxChars}.`);
  return n;
}
