import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GraphRepository, QueryRunner } from '../db/graph-repository.ts';
import { cleanField } from '../domain/clean-text.ts';
import { AppError, badInput } from '../domain/errors.ts';
import { ENTITY_TYPES, isRelationType, type EntityType, type GraphBatch, type GraphEntity } from '../domain/types.ts';
import { redirectBatch } from '../pipeline/redirect-batch.ts';
import { entityId, relationId } from '../pipeline/resolve.ts';

/** A recorded curation decision. */
export interface Decision {
  id: string;
  kind: 'merge' | 'split' | 'rename' | 'setType';
  /** The entity the decision is about (for a merge: the one kept). */
  entityId: string;
  /** For a merge: the entity merged away. */
  otherId: string | null;
  createdAt: string;
  undone: boolean;
  /** What the decision did, in words, with the names as they were (e.g. Merged “ICE” into “Immigration and Customs Enforcement”). */
  summary: string;
}

const decisionSchema = z.object({
  id: z.string(),
  kind: z.enum(['merge', 'split', 'rename', 'setType']),
  entityId: z.string(),
  otherId: z.string().nullable().optional().transform((v) => v ?? null),
  payload: z.string(),
  createdAt: z.string(),
  undone: z.boolean(),
  summary: z.string().nullable().optional(),
});

const edgeSchema = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  firstSeen: z.string().nullable().optional(),
  lastSeen: z.string().nullable().optional(),
  role: z.string().nullable().optional(),
});
const mentionSchema = z.object({ articleId: z.string(), count: z.number().nullable(), alsoInto: z.boolean() });
const mergePayload = z.object({
  entity: z.record(z.string(), z.unknown()),
  edges: z.array(edgeSchema),
  mentions: z.array(mentionSchema),
  intoAliases: z.array(z.string()),
  movedIds: z.array(z.string()),
});
const splitPayload = z.object({
  /** For an event split by article: the articles whose reports moved (ingest keeps them off the event). */
  articleIds: z.array(z.string()).optional(),
  aliases: z.array(z.string()),
  originalAliases: z.array(z.string()),
  edges: z.array(edgeSchema),
  movedArticles: z.array(z.object({ articleId: z.string(), count: z.number().nullable(), keepOld: z.boolean() })),
  touchedIds: z.array(z.string()),
});
const candidateEdge = edgeSchema.extend({ evidence: z.array(z.object({ id: z.string(), sentence: z.string() })) });
const candidateArticle = z.object({ id: z.string(), text: z.string(), count: z.number().nullable() });

/** Whether a text names any of the forms (whole words; forms without lower-case letters case-sensitively). */
function namer(forms: string[]): { test: (text: string) => boolean; strip: (text: string) => string } {
  const escape = (f: string): string => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternation = (fs: string[]): string => fs.map(escape).join('|') || '(?!)';
  const bounded = (body: string, flags: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
  const clean = forms.filter(Boolean);
  const shouted = clean.filter((f) => !/\p{Ll}/u.test(f));
  const worded = clean.filter((f) => /\p{Ll}/u.test(f));
  const exact = bounded(alternation(shouted), 'gu');
  const folded = bounded(alternation(worded), 'giu');
  return {
    test: (text) => clean.length > 0 && (bounded(alternation(shouted), 'u').test(text) || bounded(alternation(worded), 'iu').test(text)),
    strip: (text) => text.replace(exact, ' ').replace(folded, ' '),
  };
}

const entityRecord = z.object({ id: z.string(), name: z.string(), type: z.enum(ENTITY_TYPES), aliases: z.array(z.string()).nullable(), articleCount: z.number().nullable(), eventType: z.string().nullable().optional() });

type Run = QueryRunner;

/**
 * For a split: the evidence of `id`'s edges that `picks` chooses, each re-homed on the same edge with
 * `newId` in place of `id`, and the ids of the relations it leaves and joins.
 */
function evidenceMoves(edges: Array<z.infer<typeof candidateEdge>>, id: string, newId: string, picks: (ev: { id: string; sentence: string }) => boolean): { moves: Array<Record<string, unknown>>; touched: Set<string> } {
  const moves: Array<Record<string, unknown>> = [];
  const touched = new Set<string>();
  for (const edge of edges) {
    if (!isRelationType(edge.type)) continue;
    let source = edge.source === id ? newId : edge.source;
    let target = edge.target === id ? newId : edge.target;
    if (edge.type === 'MENTIONED_WITH' && target < source) [source, target] = [target, source];
    const newRelId = relationId(source, edge.type, target);
    for (const ev of edge.evidence.filter(picks)) {
      moves.push({ evidenceId: ev.id, oldId: edge.id, newId: newRelId, source, target, type: edge.type, firstSeen: edge.firstSeen ?? null, lastSeen: edge.lastSeen ?? null, role: edge.role ?? null });
      touched.add(edge.id).add(newRelId);
    }
  }
  return { moves, touched };
}

/** What a curation call changed. */
export interface CurationResult {
  decisions: Decision[];
  entity: GraphEntity | null;
}

/**
 * Curation: merge, rename and re-type entities. Each change is recorded as a Decision in the
 * database — ingest consults merges so re-ingesting never splits a merged entity again, and
 * names and types are never overwritten by ingest — and undoDecision reverses it.
 */
export class CurationService {
  constructor(private readonly repo: GraphRepository) {}

  /** Merges each of `from` into `into`: edges, evidence, mentions and names move; `from` goes away. */
  async merge(into: string, from: string[]): Promise<CurationResult> {
    if (from.length === 0 || from.length > 20) throw badInput('from must name 1 to 20 entities.');
    if (from.includes(into)) throw badInput('An entity cannot be merged into itself.');
    return this.repo.inWriteTransaction(async (run) => {
      await this.requireEntities(run, [into, ...from]);
      const decisions: Decision[] = [];
      for (const fromId of from) decisions.push(await this.mergeOne(run, into, fromId));
      return { decisions, entity: await this.entityIn(run, into) };
    });
  }

  /** Renames an entity; the old name stays as an alias. */
  async rename(id: string, name: string): Promise<CurationResult> {
    const clean = cleanField(name, 'name');
    if (clean.length === 0) throw badInput('name must not be empty.');
    return this.repo.inWriteTransaction(async (run) => {
      const [e] = await this.requireEntities(run, [id]);
      if (!e) throw new AppError('NOT_FOUND', `No entity with id "${id}".`);
      const aliases = e.aliases.includes(e.name) ? e.aliases : [...e.aliases, e.name];
      await this.setEntity(run, { ...e, name: clean, aliases: aliases.filter((a) => a !== clean) });
      const decision = await this.saveDecision(run, 'rename', id, null, { before: { name: e.name, aliases: e.aliases } }, `Renamed “${e.name}” to “${clean}”`);
      return { decisions: [decision], entity: await this.entityIn(run, id) };
    });
  }

  /** Changes an entity's type (its id stays, so later articles still find it). */
  async setType(id: string, type: EntityType): Promise<CurationResult> {
    return this.repo.inWriteTransaction(async (run) => {
      const [e] = await this.requireEntities(run, [id]);
      if (!e) throw new AppError('NOT_FOUND', `No entity with id "${id}".`);
      await this.setEntity(run, { ...e, type });
      const decision = await this.saveDecision(run, 'setType', id, null, { before: { type: e.type } }, `Changed the type of “${e.name}” from ${e.type} to ${type}`);
      return { decisions: [decision], entity: await this.entityIn(run, id) };
    });
  }

  /**
   * Splits names off an entity into a new one: the given aliases move to it, and so do the
   * evidence sentences and article mentions that use only those names (a sentence or article
   * that also uses the original's other names stays with the original).
   */
  async split(id: string, aliases: string[], name: string | null | undefined, type: EntityType | null | undefined): Promise<CurationResult> {
    const moved = [...new Set(aliases.map((a) => cleanField(a, 'alias', 'aliases')).filter(Boolean))];
    if (moved.length === 0 || moved.length > 50) throw badInput('aliases must name 1 to 50 of the entity’s aliases.');
    return this.repo.inWriteTransaction(async (run) => {
      const [e] = await this.requireEntities(run, [id]);
      if (!e) throw new AppError('NOT_FOUND', `No entity with id "${id}".`);
      const unknown = moved.filter((a) => !e.aliases.includes(a));
      if (unknown.length > 0) throw badInput(`Not aliases of ${e.name}: ${unknown.join(', ')}.`);
      const newName = cleanField(name ?? '', 'name') || moved[0] || '';
      const newType = type ?? e.type;
      const newId = entityId(newType, newName);
      if (newId === id || (await run('explore/get-entities', { ids: [newId] })).length > 0) {
        throw badInput(`An entity with id "${newId}" already exists; merge into it instead, or choose another name.`);
      }
      const remaining = e.aliases.filter((a) => !moved.includes(a));
      const uses = namer([...moved, newName]);
      const rest = namer([e.name, ...remaining]);
      const onlyNew = (text: string): boolean => uses.test(text) && !rest.test(uses.strip(text));

      const [row] = await run('curation/get-split-candidates', { id });
      const edges = z.array(candidateEdge).parse(row?.edges ?? []);
      const articles = z.array(candidateArticle).parse(row?.articles ?? []);
      const decisionId = `dec_${randomUUID()}`;
      await run('curation/create-bare-entity', { id: newId, name: newName, type: newType, aliases: moved.filter((a) => a !== newName) });

      const { moves, touched } = evidenceMoves(edges, id, newId, (ev) => onlyNew(ev.sentence));
      await run('curation/move-evidence', { moves, decisionId });
      const movedArticles = articles.filter((a) => uses.test(a.text)).map((a) => ({ articleId: a.id, count: a.count ?? 1, keepOld: !onlyNew(a.text) }));
      await run('curation/move-article-mentions', { fromId: id, toId: newId, moves: movedArticles });
      await run('ingest/refresh-relations', { relationIds: [...touched] });
      await this.setEntity(run, { ...e, aliases: remaining });
      const [created] = await this.requireEntities(run, [newId]);
      if (created) await this.setEntity(run, created);
      const decision = await this.saveDecision(
        run,
        'split',
        id,
        newId,
        { aliases: moved, originalAliases: e.aliases, edges: edges.map(({ evidence: _, ...rest }) => rest), movedArticles, touchedIds: [...touched] },
        `Split ${moved.map((a) => `“${a}”`).join(', ')} off “${e.name}” as “${newName}”`,
        decisionId,
      );
      return { decisions: [decision], entity: await this.entityIn(run, newId) };
    });
  }

  /**
   * Splits an event by report: what the given articles said of it (their evidence sentences and
   * mentions) moves to a new event, the id one of their reports had before it was resolved to
   * this one; the decision keeps later reports from those articles off the original, and undo
   * puts them back.
   */
  async splitEvent(id: string, articleIds: string[]): Promise<CurationResult> {
    const moved = [...new Set(articleIds)];
    if (moved.length === 0 || moved.length > 50) throw badInput('articleIds must name 1 to 50 of the event’s articles.');
    return this.repo.inWriteTransaction(async (run) => {
      const [e] = await this.requireEntities(run, [id]);
      if (!e) throw new AppError('NOT_FOUND', `No entity with id "${id}".`);
      if (e.type !== 'EVENT') throw badInput(`${e.name} is not an event; split it by its names with splitEntity.`);
      const [row] = await run('curation/get-split-candidates', { id });
      const edges = z.array(candidateEdge).parse(row?.edges ?? []);
      const articles = z.array(candidateArticle.extend({ reportId: z.string().nullable().optional() })).parse(row?.articles ?? []);
      const unknown = moved.filter((a) => !articles.some((x) => x.id === a));
      if (unknown.length > 0) throw badInput(`Not reports of ${e.name}: ${unknown.join(', ')}.`);
      if (articles.every((x) => moved.includes(x.id))) throw badInput(`Every report of ${e.name} would move; name only the articles that tell another event.`);
      const taken = async (candidate: string): Promise<boolean> => candidate === id || (await run('explore/get-entities', { ids: [candidate] })).length > 0;
      let newId = articles.find((x) => moved.includes(x.id) && x.reportId)?.reportId ?? `${id}-split`;
      for (let n = 2; await taken(newId); n++) newId = `${id}-split-${n}`;
      const decisionId = `dec_${randomUUID()}`;
      await run('curation/create-bare-entity', { id: newId, name: e.name, type: 'EVENT', aliases: [] });

      // An evidence id starts with its article's id (ingest/merge-relations).
      const fromMoved = (evidenceId: string): boolean => moved.includes(evidenceId.slice(0, evidenceId.indexOf(':')));
      const { moves, touched } = evidenceMoves(edges, id, newId, (ev) => fromMoved(ev.id));
      await run('curation/move-evidence', { moves, decisionId });
      const movedArticles = articles.filter((a) => moved.includes(a.id)).map((a) => ({ articleId: a.id, count: a.count ?? 1, keepOld: false }));
      await run('curation/move-article-mentions', { fromId: id, toId: newId, moves: movedArticles });
      await run('ingest/refresh-relations', { relationIds: [...touched] });
      await run('curation/refresh-events', { ids: [id, newId], eventType: e.eventType ?? null });
      const decision = await this.saveDecision(
        run,
        'split',
        id,
        newId,
        { articleIds: moved, aliases: [], originalAliases: e.aliases, edges: edges.map(({ evidence: _, ...rest }) => rest), movedArticles, touchedIds: [...touched] },
        `Split ${moved.length} report${moved.length === 1 ? '' : 's'} off “${e.name}” as another event`,
        decisionId,
      );
      return { decisions: [decision], entity: await this.entityIn(run, newId) };
    });
  }

  /** Reverses a decision that has not been undone yet. */
  async undo(decisionId: string): Promise<CurationResult> {
    return this.repo.inWriteTransaction(async (run) => {
      // Lock before reading: of two undos at once, the second waits and then finds it undone.
      await run('curation/lock-decision', { id: decisionId });
      const [row] = await run('curation/get-decision', { id: decisionId });
      if (!row) throw new AppError('NOT_FOUND', `No decision with id "${decisionId}".`);
      const d = decisionSchema.parse(row.decision);
      if (d.undone) throw badInput(`Decision ${decisionId} is already undone.`);
      const payload = JSON.parse(d.payload) as unknown;
      if (d.kind === 'merge') await this.undoMerge(run, d, mergePayload.parse(payload));
      else if (d.kind === 'split') await this.undoSplit(run, d, splitPayload.parse(payload));
      else {
        const [e] = await this.requireEntities(run, [d.entityId]);
        if (!e) throw new AppError('NOT_FOUND', `Entity "${d.entityId}" no longer exists; undo the later merge first.`);
        const before = z.object({ before: z.object({ name: z.string().optional(), aliases: z.array(z.string()).optional(), type: z.enum(ENTITY_TYPES).optional() }) }).parse(payload).before;
        await this.setEntity(run, { ...e, ...(before.name ? { name: before.name } : {}), ...(before.aliases ? { aliases: before.aliases } : {}), ...(before.type ? { type: before.type } : {}) });
      }
      await run('curation/mark-undone', { id: decisionId });
      return { decisions: [{ ...toDecision(d), undone: true }], entity: await this.entityIn(run, d.entityId) };
    });
  }

  /** Decisions, newest first. */
  async decisions(limit: number): Promise<Decision[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit must be between 1 and 500.');
    const rows = await this.repo.readRecords('curation/list-decisions', { limit });
    return rows.map((r) => toDecision(decisionSchema.parse(r.decision)));
  }

  /**
   * Rewrites a batch so entities merged away by a decision land on the entity they were merged
   * into: re-ingesting an article never brings a merged duplicate back.
   */
  async applyMerges(batch: GraphBatch): Promise<GraphBatch> {
    const redirect = new Map<string, string>();
    let frontier = batch.entities.map((e) => e.id);
    // Follow chains (B merged into A, A later into C) a few levels deep.
    for (let depth = 0; depth < 5 && frontier.length > 0; depth++) {
      const rows = await this.repo.readRecords('curation/get-redirects', { ids: frontier });
      frontier = [];
      for (const r of rows) {
        const fromId = z.string().parse(r.fromId);
        const intoId = z.string().parse(r.intoId);
        for (const [k, v] of redirect) if (v === fromId) redirect.set(k, intoId);
        redirect.set(fromId, intoId);
        frontier.push(intoId);
      }
    }
    // A split sends an article that uses only the split-off names to the new entity.
    const splits = await this.repo.readRecords('curation/get-splits', { ids: batch.entities.map((e) => e.id) });
    for (const r of splits) {
      const original = z.string().parse(r.entityId);
      const newId = z.string().parse(r.newId);
      const p = splitPayload.pick({ aliases: true, originalAliases: true }).parse(JSON.parse(z.string().parse(r.payload)));
      const e = batch.entities.find((x) => x.id === original);
      const uses = namer(p.aliases);
      const rest = namer([e?.name ?? '', ...p.originalAliases.filter((a) => !p.aliases.includes(a))]);
      if (uses.test(batch.article.text) && !rest.test(uses.strip(batch.article.text))) redirect.set(original, newId);
    }
    return redirectBatch(batch, redirect);
  }

  private async mergeOne(run: Run, into: string, fromId: string): Promise<Decision> {
    const [row] = await run('curation/get-merge-source', { fromId, intoId: into });
    if (!row) throw new AppError('NOT_FOUND', `No entity with id "${fromId}".`);
    const entity = z.record(z.string(), z.unknown()).parse(row.entity);
    const edges = z.array(edgeSchema).parse(row.edges);
    const mentions = z.array(mentionSchema).parse(row.mentions);
    const intoAliases = z.array(z.string()).nullable().parse(row.intoAliases) ?? [];
    const decisionId = `dec_${randomUUID()}`;

    const moves: Array<Record<string, unknown>> = [];
    const loops: string[] = [];
    for (const e of edges) {
      let source = e.source === fromId ? into : e.source;
      let target = e.target === fromId ? into : e.target;
      if (source === target || !isRelationType(e.type)) {
        loops.push(e.id);
        continue;
      }
      if (e.type === 'MENTIONED_WITH' && target < source) [source, target] = [target, source];
      moves.push({ oldId: e.id, newId: relationId(source, e.type, target), source, target, type: e.type, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null, role: e.role ?? null });
    }
    await run('curation/move-edges', { moves, decisionId });
    await run('curation/park-evidence', { ids: loops, decisionId });
    await run('curation/move-mentions', { fromId, intoId: into });
    const movedIds = moves.map((m) => String(m.newId));
    await run('ingest/refresh-relations', { relationIds: movedIds });

    const [kept] = await this.requireEntities(run, [into]);
    if (!kept) throw new AppError('NOT_FOUND', `No entity with id "${into}".`);
    const fromNames = [String(entity.name ?? ''), ...z.array(z.string()).catch([]).parse(entity.aliases)];
    await this.setEntity(run, { ...kept, aliases: [...new Set([...kept.aliases, ...fromNames])].filter((a) => a && a !== kept.name) });
    await run('curation/delete-entity', { id: fromId });
    return this.saveDecision(run, 'merge', into, fromId, { entity, edges, mentions, intoAliases, movedIds }, `Merged “${fromNames[0] || fromId}” into “${kept.name}”`, decisionId);
  }

  private async undoMerge(run: Run, d: z.infer<typeof decisionSchema>, p: z.infer<typeof mergePayload>): Promise<void> {
    if (!d.otherId) throw new AppError('NOT_FOUND', 'The merge decision names no merged entity.');
    const existing = await run('explore/get-entities', { ids: [d.otherId] });
    if (existing.length > 0) throw badInput(`Entity "${d.otherId}" exists again (a later article re-created it); merge it back instead.`);
    const [kept] = await this.requireEntities(run, [d.entityId]);
    if (!kept) throw new AppError('NOT_FOUND', `Entity "${d.entityId}" no longer exists; undo the later merge first.`);
    await run('curation/create-entity', { props: p.entity, mentions: p.mentions.map((m) => ({ articleId: m.articleId, count: m.count ?? 1 })) });
    await run('curation/unmention', { entityId: d.entityId, articleIds: p.mentions.filter((m) => !m.alsoInto).map((m) => m.articleId) });
    await run('curation/restore-evidence', { decisionId: d.id, edges: p.edges.map((e) => ({ ...e, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null, role: e.role ?? null })) });
    await run('ingest/refresh-relations', { relationIds: [...p.movedIds, ...p.edges.map((e) => e.id)] });
    await this.setEntity(run, { ...kept, aliases: p.intoAliases });
  }

  private async undoSplit(run: Run, d: z.infer<typeof decisionSchema>, p: z.infer<typeof splitPayload>): Promise<void> {
    const [original] = await this.requireEntities(run, [d.entityId]);
    if (!original || !d.otherId) throw new AppError('NOT_FOUND', `Entity "${d.entityId}" no longer exists; undo the later merge first.`);
    await run('curation/restore-evidence', { decisionId: d.id, edges: p.edges.map((e) => ({ ...e, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null, role: e.role ?? null })) });
    await run('curation/move-article-mentions', { fromId: d.otherId, toId: d.entityId, moves: p.movedArticles.map((m) => ({ ...m, keepOld: false })) });
    await run('curation/delete-entity', { id: d.otherId });
    if (p.articleIds) await run('curation/refresh-events', { ids: [d.entityId], eventType: null });
    await run('ingest/refresh-relations', { relationIds: p.touchedIds });
    await this.setEntity(run, { ...original, aliases: p.originalAliases });
  }

  private async requireEntities(run: Run, ids: string[]): Promise<GraphEntity[]> {
    const rows = await run('explore/get-entities', { ids });
    const found = rows.map((r) => entityRecord.parse(r.entity)).map((e) => ({ ...e, aliases: e.aliases ?? [], articleCount: e.articleCount ?? 0 }));
    for (const id of ids) if (!found.some((e) => e.id === id)) throw new AppError('NOT_FOUND', `No entity with id "${id}".`);
    return ids.map((id) => found.find((e) => e.id === id)).filter((e): e is GraphEntity => e !== undefined);
  }

  private async entityIn(run: Run, id: string): Promise<GraphEntity | null> {
    const [row] = await run('explore/get-entities', { ids: [id] });
    if (!row) return null;
    const e = entityRecord.parse(row.entity);
    return { ...e, aliases: e.aliases ?? [], articleCount: e.articleCount ?? 0 };
  }

  private async setEntity(run: Run, e: Pick<GraphEntity, 'id' | 'name' | 'type' | 'aliases'>): Promise<void> {
    await run('curation/set-entity', { id: e.id, name: e.name, type: e.type, aliases: e.aliases });
  }

  private async saveDecision(run: Run, kind: Decision['kind'], entityId: string, otherId: string | null, payload: unknown, summary: string, id = `dec_${randomUUID()}`): Promise<Decision> {
    const decision = { id, kind, entityId, otherId, payload: JSON.stringify(payload), createdAt: new Date().toISOString(), summary };
    await run('curation/save-decision', { decision });
    return { id, kind, entityId, otherId, createdAt: decision.createdAt, undone: false, summary };
  }
}

const KIND_WORDS: Record<Decision['kind'], string> = { merge: 'Merge into', split: 'Split of', rename: 'Rename of', setType: 'Type change of' };

function toDecision(d: z.infer<typeof decisionSchema>): Decision {
  // Decisions stored before summaries were recorded are described by kind and id.
  const summary = d.summary ?? `${KIND_WORDS[d.kind]} ${d.entityId}${d.otherId ? ` (with ${d.otherId})` : ''}`;
  return { id: d.id, kind: d.kind, entityId: d.entityId, otherId: d.otherId, createdAt: d.createdAt, undone: d.undone, summary };
}
