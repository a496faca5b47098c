import type { Changes, Conflict, ConflictKind, Contradiction, Entity, ExplorerApi, Gain, Relation, Watch } from './api.ts';
import { confirmBox } from './confirm-box.ts';
import { el } from './dom.ts';

/** What each kind of disagreement is called in the panel. */
export const CONFLICT_LABELS: Record<ConflictKind, string> = {
  DATE: 'Date',
  COUNT: 'Number of people',
  PLACE: 'Place',
  NATIONALITY: 'Nationality',
  STANCE: 'Asserted or denied',
};

/** What the trust panels lead to. */
export interface TrustActions {
  /** Brings entities into view (and shows the first). */
  onShow: (ids: string[]) => void;
  /** Opens an article at a sentence. */
  onRead: (articleId: string, sentence?: string) => void;
  say: (message: string, isError?: boolean) => void;
  onClose: () => void;
}

const when = (iso: string | null): string => (iso ? iso.slice(0, 10) : 'undated');

function closeButton(onClose: () => void): HTMLButtonElement {
  const b = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  b.addEventListener('click', onClose);
  return b;
}

function button(label: string, run: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', run);
  return b;
}

/**
 * "Reports disagree": each disagreement with its values side by side, one column per value,
 * each with the outlets that give it and the sentence that says so (Read opens it in place).
 */
export function conflictSection(conflicts: readonly Conflict[], onRead: TrustActions['onRead']): HTMLElement[] {
  if (conflicts.length === 0) return [];
  return [
    el('h3', { class: 'disputed-heading' }, 'Reports disagree'),
    ...conflicts.map((c) =>
      el(
        'section',
        { class: 'conflict', 'data-kind': c.kind, 'aria-label': `${CONFLICT_LABELS[c.kind]}: reports disagree` },
        el('p', { class: 'meta' }, `${CONFLICT_LABELS[c.kind]} · ${c.values.length} versions · latest report ${when(c.at)}`),
        el(
          'div',
          { class: 'side-by-side' },
          ...c.values.map((v) =>
            el(
              'div',
              { class: 'version' },
              el('strong', {}, v.value),
              el('span', { class: 'meta' }, v.articles.map((a) => a.outlet ?? a.source ?? a.title).join(', ')),
              ...v.evidence.slice(0, 2).map((e) => {
                const read = button('Read', () => onRead(e.article.id, e.sentence), { class: 'read', 'aria-label': `Read this sentence in ${e.article.title}` });
                return el('blockquote', {}, e.sentence, ' ', read);
              }),
            ),
          ),
        ),
      ),
    ),
  ];
}

/** One line of the contradictions list: what is disputed and the versions. */
function contradictionLine(c: Contradiction, names: ReadonlyMap<string, string>, actions: TrustActions): HTMLElement {
  const subject = c.entity ? c.entity.name : c.relation ? `${names.get(c.relation.source) ?? c.relation.source} — ${names.get(c.relation.target) ?? c.relation.target}` : c.id;
  const ids = c.entity ? [c.entity.id] : c.relation ? [c.relation.source, c.relation.target] : [];
  const versions = c.conflicts.map((k) => `${CONFLICT_LABELS[k.kind].toLowerCase()}: ${k.values.map((v) => v.value).join(' / ')}`).join('; ');
  return el('li', {}, button(subject, () => actions.onShow(ids), { class: 'link' }), el('br'), el('span', { class: 'meta' }, `${versions} · ${when(c.at)}`));
}

/** The contradictions panel: everything the reports disagree about, newest disagreement first. */
export function contradictionsPanel(api: Pick<ExplorerApi, 'trust' | 'subgraph'>, actions: TrustActions): HTMLElement[] {
  const list = el('ol', { class: 'contradictions' }, el('li', { class: 'meta' }, 'Loading…'));
  api.trust
    .contradictions()
    .then(async (items) => {
      const ends = [...new Set(items.flatMap((c) => (c.relation ? [c.relation.source, c.relation.target] : [])))];
      const names = new Map((ends.length > 0 ? (await api.subgraph(ends)).nodes : []).map((n) => [n.id, n.name]));
      list.replaceChildren(
        ...(items.length > 0
          ? items.map((c) => contradictionLine(c, names, actions))
          : [el('li', { class: 'meta' }, 'No contradictions: no two articles disagree on an event’s date, count or place, a person’s nationality, or whether a link holds.')]),
      );
    })
    .catch((err: unknown) => actions.say(err instanceof Error ? err.message : String(err), true));
  return [
    closeButton(actions.onClose),
    el('h2', {}, 'Contradictions'),
    el('p', { class: 'meta' }, 'Where articles disagree, newest first. Disputed links and events are drawn in red; open one to see the versions side by side.'),
    list,
  ];
}

/** The choices of "since when". */
const SINCE_CHOICES: ReadonlyArray<{ label: string; days: number }> = [
  { label: 'the last day', days: 1 },
  { label: 'the last 7 days', days: 7 },
  { label: 'the last 30 days', days: 30 },
  { label: 'the last year', days: 365 },
];

/** "+1 source (2 now)" or "new". */
const gainLabel = (g: Gain<unknown>): string => (g.before === 0 ? `new · ${g.now} source${g.now === 1 ? '' : 's'}` : `+${g.now - g.before} source${g.now - g.before === 1 ? '' : 's'} (${g.now} now)`);

function gainList<T>(title: string, total: number, gains: ReadonlyArray<Gain<T>>, label: (item: T) => string, ids: (item: T) => string[], actions: TrustActions): HTMLElement[] {
  return [
    el('h3', {}, `${title} (${total})`),
    gains.length > 0
      ? el('ul', { class: 'changes' }, ...gains.map((g) => el('li', {}, button(label(g.item), () => actions.onShow(ids(g.item)), { class: 'link' }), ' ', el('span', { class: 'meta' }, gainLabel(g)))))
      : el('p', { class: 'meta' }, 'None.'),
  ];
}

/**
 * The "What's new" panel: what the articles ingested since a time added (entities, events, links,
 * and those told by more independent sources than before), and the watches: named sets of
 * entities with the links among them that are new since each was last marked seen.
 */
export function changesPanel(api: Pick<ExplorerApi, 'trust' | 'subgraph'>, shownIds: () => string[], actions: TrustActions): HTMLElement[] {
  const fail = (err: unknown): void => actions.say(err instanceof Error ? err.message : String(err), true);
  const since = el('select', { 'aria-label': 'Changes since' }, ...SINCE_CHOICES.map((c, i) => el('option', { value: String(c.days), ...(i === 1 ? { selected: '' } : {}) }, c.label)));
  const body = el('div', { class: 'changes-body' }, el('p', { class: 'meta' }, 'Loading…'));
  const watchList = el('ul', { class: 'watches' }, el('li', { class: 'meta' }, 'Loading…'));
  const watchName = el('input', { type: 'text', 'aria-label': 'Watch name', placeholder: 'e.g. ICE and the Tajik cases', maxlength: '80' });
  const watchForm = el('form', { class: 'inline' }, watchName, el('button', { type: 'submit' }, 'Watch entities in view'));

  const names = async (relations: ReadonlyArray<Gain<Relation>>): Promise<Map<string, string>> => {
    const ids = [...new Set(relations.flatMap((g) => [g.item.source, g.item.target]))];
    return new Map((ids.length > 0 ? (await api.subgraph(ids)).nodes : []).map((n) => [n.id, n.name]));
  };
  const linkLabel = (known: ReadonlyMap<string, string>) => (r: Relation) => `${known.get(r.source) ?? r.source} — ${r.type.toLowerCase().replace(/_/g, ' ')} — ${known.get(r.target) ?? r.target}`;
  const entityLabel = (e: Entity) => (e.type === 'EVENT' ? `${e.name}${e.date ? ` (${e.date})` : ''}` : e.name);

  const loadChanges = (): void => {
    const days = Number(since.value);
    const from = new Date(Date.now() - days * 86_400_000).toISOString();
    api.trust
      .changes(from)
      .then(async (c: Changes) => {
        const known = await names(c.relations);
        const total = c.totals.entities + c.totals.events + c.totals.relations;
        body.replaceChildren(
          ...(total === 0
            ? [el('p', { class: 'meta' }, 'Nothing new in that time: no article ingested since then added an entity, an event or a link. Add articles, or look further back.')]
            : [
                ...gainList('Links', c.totals.relations, c.relations, linkLabel(known), (r) => [r.source, r.target], actions),
                ...gainList('Events', c.totals.events, c.events, entityLabel, (e) => [e.id], actions),
                ...gainList('Entities', c.totals.entities, c.entities, entityLabel, (e) => [e.id], actions),
              ]),
        );
      })
      .catch(fail);
  };

  const watchLine = async (w: Watch): Promise<HTMLElement> => {
    const known = await names(w.newLinks);
    const item = el(
      'li',
      {},
      el('strong', {}, w.name),
      el('span', { class: 'meta' }, ` ${w.entities.length} entities · ${w.newLinks.length} new link${w.newLinks.length === 1 ? '' : 's'} since ${w.seenAt.slice(0, 16).replace('T', ' ')}`),
      ' ',
      button('Show', () => actions.onShow(w.entities.map((e) => e.id))),
      ' ',
      button('Mark seen', () => api.trust.markSeen(w.name).then(loadWatches, fail), { 'aria-label': `Mark ${w.name} seen` }),
    );
    const del = button('Delete', () => {
      for (const open of watchList.querySelectorAll('.confirm')) open.remove();
      item.append(confirmBox([`Stop watching “${w.name}”? It goes for everyone using this database.`], 'Confirm delete', () => api.trust.unwatch(w.name).then(loadWatches, fail), () => undefined));
    }, { 'aria-label': `Delete watch ${w.name}` });
    item.append(' ', del);
    if (w.newLinks.length > 0) {
      item.append(el('ul', { class: 'changes' }, ...w.newLinks.map((g) => el('li', {}, button(linkLabel(known)(g.item), () => actions.onShow([g.item.source, g.item.target]), { class: 'link' }), ' ', el('span', { class: 'meta' }, gainLabel(g))))));
    }
    return item;
  };

  const loadWatches = (): void => {
    api.trust
      .watches()
      .then(async (watches) => {
        watchList.replaceChildren(
          ...(watches.length > 0 ? await Promise.all(watches.map(watchLine)) : [el('li', { class: 'meta' }, 'No watches yet: show the entities you follow, name the set below, and new links among them are listed here.')]),
        );
      })
      .catch(fail);
  };

  watchForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = watchName.value.trim();
    const ids = shownIds();
    if (!name) return;
    if (ids.length < 2) {
      actions.say('Show at least two entities to watch the links among them.', true);
      return;
    }
    api.trust.watch(name, ids.slice(0, 200)).then(() => {
      actions.say(`Watching ${Math.min(ids.length, 200)} entities as “${name}”.`);
      watchName.value = '';
      loadWatches();
    }, fail);
  });
  since.addEventListener('change', loadChanges);
  loadChanges();
  loadWatches();
  return [
    closeButton(actions.onClose),
    el('h2', {}, 'What’s new'),
    el('p', { class: 'meta' }, 'Entities, events and links that articles ingested since then added, or told by more independent sources than before. Since ', since),
    body,
    el('h3', {}, 'Watches'),
    watchList,
    watchForm,
  ];
}
