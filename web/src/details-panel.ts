import type { ArticleRef, Entity, EvidenceItem } from './api.ts';
import { el } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';

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
 * text nodes only, so nothing in a sentence or name can become markup.
 */
export function highlighted(sentence: string, names: string[]): Array<Node | string> {
  const terms = [...new Set(names.filter((n) => n.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [sentence];
  const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const out: Array<Node | string> = [];
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push(sentence.slice(last, i));
    out.push(el('mark', {}, m[0]));
    last = i + m[0].length;
  }
  if (last < sentence.length) out.push(sentence.slice(last));
  return out;
}

/** The panel's contents for an entity: type, aliases, strongest links, articles. */
export function entityDetails(e: Entity & { articles: ArticleRef[] }, links: Array<{ name: string; type: string; weight: number }>, onClose: () => void, onRead?: (articleId: string) => void): HTMLElement[] {
  const style = TYPE_STYLES[e.type];
  return [
    closeButton(onClose),
    el('h2', {}, e.name),
    el('p', { class: 'meta' }, el('span', { class: 'swatch', style: `background:${style.color}` }), ` ${style.label} · ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`),
    ...(e.aliases.length > 0 ? [el('h3', {}, 'Also called'), el('p', {}, e.aliases.join(', '))] : []),
    el('h3', {}, 'Strongest links in view'),
    links.length > 0 ? el('ul', {}, ...links.slice(0, 8).map((l) => el('li', {}, `${l.name} `, el('span', { class: 'meta' }, `${l.type.toLowerCase().replace(/_/g, ' ')} · ${l.weight}`)))) : el('p', { class: 'meta' }, 'None shown yet — double-click to expand.'),
    el('h3', {}, 'Articles'),
    e.articles.length > 0 ? el('ul', {}, ...e.articles.map((a) => articleLine(a, onRead))) : el('p', { class: 'meta' }, 'No articles.'),
  ];
}

/** The panel's contents for an edge: its type and every evidence sentence with both names marked. */
export function edgeDetails(
  edge: { type: string; weight: number; source: { name: string; aliases: string[] }; target: { name: string; aliases: string[] } },
  evidence: EvidenceItem[],
  onClose: () => void,
): HTMLElement[] {
  const names = [edge.source.name, ...edge.source.aliases, edge.target.name, ...edge.target.aliases];
  return [
    closeButton(onClose),
    el('h2', {}, `${edge.source.name} — ${edge.target.name}`),
    el('p', { class: 'meta' }, `${edge.type.toLowerCase().replace(/_/g, ' ')} · ${edge.weight} article${edge.weight === 1 ? '' : 's'}`),
    el('h3', {}, `Evidence (${evidence.length})`),
    ...(evidence.length > 0
      ? evidence.map((v) =>
          el(
            'blockquote',
            {},
            ...highlighted(v.sentence, names),
            el('br'),
            el('span', { class: 'meta' }, ...articleTitle(v.article)),
            // Why the link is on the graph: the rules that read it from this sentence.
            ...(v.rules && v.rules.length > 0 ? [el('br'), el('span', { class: 'rules', title: 'Extraction rules that found this link' }, `found by ${v.rules.join(', ')}`)] : []),
          ),
        )
      : [el('p', { class: 'meta' }, 'No evidence stored for this link.')]),
  ];
}

function closeButton(onClose: () => void): HTMLButtonElement {
  const b = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  b.addEventListener('click', onClose);
  return b;
}
