import type { ArticleRef, Entity, EvidenceItem, StanceCounts } from './api.ts';
import { el, pressable } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';
import { countOf, STANCE_LABELS } from './stance.ts';

/** An article's title (a link when it has a URL) and its source and date as text (empty when unknown). */
function articleTitle(a: ArticleRef): [HTMLElement, string] {
  const title = a.url && /^https?:\/\//.test(a.url) ? el('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.title) : el('span', {}, a.title);
  const meta = [a.source, a.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ');
  return [title, meta ? ` — ${meta}` : ''];
}

/** A link to an article (its URL when it has one), with source and date, and a "Read" button when `onRead` is given. */
function articleLine(a: ArticleRef, onRead?: (id: string) => void): HTMLElement {
  const [title, meta] = articleTitle(a);
  const line = el('li', {}, title, meta ? el('span', { class: 'meta' }, meta) : '');
  if (onRead) {
    const read = el('button', { type: 'button', class: 'read', 'aria-label': `Read ${a.title}` }, 'Read');
    read.addEventListener('click', () => onRead(a.id));
    line.append(' ', read);
  }
  return line;
}

/**
 * The sentence as DOM nodes, with every occurrence of the names wrapped in <mark>. Built with
 * text nodes only, so nothing in a sentence or name can become markup. With `onPick`, a mark is
 * a button that focuses the entity its name belongs to (`idOf`: name, lower-cased → entity id).
 */
export function highlighted(sentence: string, names: string[], onPick?: (id: string) => void, idOf: ReadonlyMap<string, string> = new Map()): Array<Node | string> {
  const terms = [...new Set(names.filter((n) => n.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [sentence];
  const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const out: Array<Node | string> = [];
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push(sentence.slice(last, i));
    const id = idOf.get(m[0].toLowerCase());
    if (onPick && id) {
      out.push(pressable(el('mark', { role: 'button', tabindex: '0', class: 'pick', title: 'Show in the graph' }, m[0]), () => onPick(id)));
    } else out.push(el('mark', {}, m[0]));
    last = i + m[0].length;
  }
  if (last < sentence.length) out.push(sentence.slice(last));
  return out;
}

/** What the panel's names, links and articles lead to. */
export interface PanelActions {
  onClose: () => void;
  /** Opens an article's text; with `sentence`, scrolled to it and highlighted. */
  onRead: (articleId: string, sentence?: string) => void;
  /** Brings an entity into view and shows it. */
  onPick: (entityId: string) => void;
  /** Shows a link's evidence. */
  onLink: (relationId: string) => void;
}

/** A button that looks like a link. */
function linkButton(label: string, run: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'link', ...attrs }, label);
  b.addEventListener('click', run);
  return b;
}

/** One of an entity's links in view: the other end and the link itself. */
export interface LinkLine {
  relationId: string;
  otherId: string;
  name: string;
  type: string;
  weight: number;
}

/** The panel's contents for an entity: type, aliases, where its reports disagree (`disputes`), strongest links (each name and link clickable), articles. */
export function entityDetails(e: Entity & { articles: ArticleRef[] }, links: LinkLine[], actions: PanelActions, disputes: HTMLElement[] = []): HTMLElement[] {
  const style = TYPE_STYLES[e.type];
  return [
    closeButton(actions.onClose),
    el('h2', {}, e.name),
    el('p', { class: 'meta' }, el('span', { class: 'swatch', style: `background:${style.color}` }), ` ${style.label} · ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`),
    ...disputes,
    ...(e.aliases.length > 0 ? [el('h3', {}, 'Also called'), el('p', {}, e.aliases.join(', '))] : []),
    el('h3', {}, 'Strongest links in view'),
    links.length > 0
      ? el(
          'ul',
          { class: 'links' },
          ...links.slice(0, 8).map((l) =>
            el(
              'li',
              {},
              linkButton(l.name, () => actions.onPick(l.otherId)),
              ' ',
              linkButton(`${l.type.toLowerCase().replace(/_/g, ' ')} · ${l.weight}`, () => actions.onLink(l.relationId), { class: 'link meta', 'aria-label': `Evidence for ${e.name} – ${l.name}` }),
            ),
          ),
        )
      : el('p', { class: 'meta' }, 'None shown yet — double-click to expand.'),
    el('h3', {}, 'Articles'),
    e.articles.length > 0 ? el('ul', {}, ...e.articles.map((a) => articleLine(a, (id) => actions.onRead(id)))) : el('p', { class: 'meta' }, 'No articles.'),
  ];
}

/** One end of a link as the edge panel names it. */
export interface LinkEnd {
  id: string;
  name: string;
  aliases: string[];
}

/**
 * The panel's contents for an edge: its type and every evidence sentence with both names marked,
 * each with its article's source and date and a "Read" that opens the article at that sentence.
 */
export function edgeDetails(
  edge: { type: string; weight: number; articleCount?: number | undefined; stances?: StanceCounts | undefined; source: LinkEnd; target: LinkEnd },
  evidence: EvidenceItem[],
  actions: PanelActions,
  disputes: HTMLElement[] = [],
): HTMLElement[] {
  const names = [edge.source.name, ...edge.source.aliases, edge.target.name, ...edge.target.aliases];
  const idOf = new Map<string, string>();
  for (const end of [edge.target, edge.source]) for (const n of [end.name, ...end.aliases]) idOf.set(n.toLowerCase(), end.id);
  const quotes = evidence.map((v) =>
    el(
      'blockquote',
      { 'data-stance': v.stance ?? '' },
      ...stanceBadge(v, actions),
      el('span', { class: 'sentence' }, ...highlighted(v.sentence, names, actions.onPick, idOf)),
      el('br'),
      el('span', { class: 'meta' }, ...articleTitle(v.article)),
            ' ',
            linkButton('Read', () => actions.onRead(v.article.id, v.sentence), { class: 'read', 'aria-label': `Read this sentence in ${v.article.title}` }),
      // Why the link is on the graph: the rules that read it from this sentence (and how they read it).
      ...(v.rules && v.rules.length > 0
        ? [el('br'), el('span', { class: 'rules', title: 'Extraction and stance rules' }, `found by ${v.rules.join(', ')}${v.stanceRules && v.stanceRules.length > 0 ? `; read as ${v.stanceRules.join(', ')}` : ''}`)]
        : []),
    ),
  );
  const heading = el('h3', {}, `Evidence (${evidence.length})`);
  return [
    closeButton(actions.onClose),
    el('h2', {}, linkButton(edge.source.name, () => actions.onPick(edge.source.id)), ' — ', linkButton(edge.target.name, () => actions.onPick(edge.target.id))),
    el('p', { class: 'meta' }, `${edge.type.toLowerCase().replace(/_/g, ' ')} · ${sourcesLine(edge.weight, edge.articleCount ?? edge.weight)}`),
    ...stanceChips(edge.stances, quotes, heading),
    ...disputes,
    heading,
    ...(quotes.length > 0 ? quotes : [el('p', { class: 'meta' }, 'No evidence stored for this link.')]),
  ];
}

/** "2 independent sources (3 articles)": outlets count once, however many of their articles say it. */
export function sourcesLine(sources: number, articles: number): string {
  const s = `${sources} independent source${sources === 1 ? '' : 's'}`;
  return articles > sources ? `${s} (${articles} articles)` : s;
}

/** "alleged" before a sentence, and who it is attributed to ("said by ICE", which focuses ICE). */
function stanceBadge(v: EvidenceItem, actions: PanelActions): Array<Node | string> {
  if (!v.stance) return [];
  const label = STANCE_LABELS.find((x) => x.stance === v.stance);
  const badge = el('span', { class: `stance stance-${v.stance.toLowerCase()}`, title: label?.help ?? '' }, (label?.label ?? v.stance).toLowerCase());
  const by = v.attributedTo;
  return [badge, ...(by ? [' ', el('span', { class: 'by' }, 'by ', linkButton(by.name, () => actions.onPick(by.id)))] : []), ' '];
}

/**
 * The link's evidence counted by stance ("3 asserted · 2 alleged · 1 denied"), each count a
 * toggle that shows only the sentences presented that way.
 */
function stanceChips(counts: StanceCounts | undefined, quotes: HTMLElement[], heading: HTMLElement): HTMLElement[] {
  const present = STANCE_LABELS.filter((x) => countOf(counts, x.stance) > 0);
  if (present.length === 0) return [];
  let only: string | null = null;
  const buttons = present.map((x) => {
    const b = el('button', { type: 'button', class: `chip stance-${x.stance.toLowerCase()}`, 'aria-pressed': 'false', title: `${x.help}: show only these sentences` }, `${countOf(counts, x.stance)} ${x.label.toLowerCase()}`);
    b.addEventListener('click', () => {
      only = only === x.stance ? null : x.stance;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === b && only !== null));
      let shown = 0;
      for (const q of quotes) {
        q.hidden = only !== null && q.dataset.stance !== only;
        if (!q.hidden) shown++;
      }
      heading.textContent = only === null ? `Evidence (${quotes.length})` : `Evidence (${shown} of ${quotes.length}, ${x.label.toLowerCase()})`;
    });
    return b;
  });
  return [el('p', { class: 'stances', 'aria-label': 'How the evidence presents this link' }, ...buttons)];
}

function closeButton(onClose: () => void): HTMLButtonElement {
  const b = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  b.addEventListener('click', onClose);
  return b;
}
