import type { ArticleText, Entity } from './api.ts';
import { el, pressable } from './dom.ts';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A paragraph's text as DOM nodes with every mention of an entity (name or alias, whole words)
 * marked as a button that focuses the entity. Text nodes only: nothing in it becomes markup.
 */
export function markEntities(text: string, entities: Entity[], onPick: (entity: Entity) => void): Array<Node | string> {
  const byTerm = new Map<string, Entity>();
  for (const e of entities) for (const term of [e.name, ...e.aliases]) if (term.trim().length > 1 && !byTerm.has(term.toLowerCase())) byTerm.set(term.toLowerCase(), e);
  const terms = [...byTerm.keys()].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [text];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: Array<Node | string> = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    const entity = byTerm.get(m[0].toLowerCase());
    if (!entity) continue;
    if (i > last) out.push(text.slice(last, i));
    const mark = el('mark', { class: `entity type-${entity.type.toLowerCase()}`, role: 'button', tabindex: '0', title: `${entity.name} — show in the graph`, 'data-id': entity.id }, m[0]);
    out.push(pressable(mark, () => onPick(entity)));
    last = i + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * Where a sentence is in a paragraph, allowing for different spacing (a sentence read back from
 * tokens may lack or add spaces around punctuation); null when it is not there.
 */
export function findSentence(paragraph: string, sentence: string): { start: number; end: number } | null {
  const tokens = sentence.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const m = new RegExp(tokens.map(escapeRe).join('\\s*'), 'u').exec(paragraph);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * The panel's contents for an article: title, source, date, and its text with entities marked.
 * With `sentence`, that sentence is highlighted (`mark.evidence`) for the caller to scroll to.
 */
export function articleView(article: ArticleText, onPick: (entity: Entity) => void, onClose: () => void, sentence?: string): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', onClose);
  const meta = [article.source, article.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ');
  const link = article.url && /^https?:\/\//.test(article.url) ? el('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'original') : null;
  const paragraphs = (article.text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  let found = false;
  const rendered = paragraphs.map((p) => {
    const at = sentence && !found ? findSentence(p, sentence) : null;
    if (!at) return el('p', {}, ...markEntities(p, article.entities, onPick));
    found = true;
    return el(
      'p',
      {},
      ...markEntities(p.slice(0, at.start), article.entities, onPick),
      el('mark', { class: 'evidence', tabindex: '-1' }, ...markEntities(p.slice(at.start, at.end), article.entities, onPick)),
      ...markEntities(p.slice(at.end), article.entities, onPick),
    );
  });
  return [
    close,
    el('h2', {}, article.title),
    el('p', { class: 'meta' }, meta || 'No source or date recorded', link ? ' · ' : '', ...(link ? [link] : [])),
    el('p', { class: 'meta' }, `${article.entities.length} entities — click a marked name to show it in the graph.`),
    ...(sentence && !found ? [el('p', { class: 'meta' }, 'The evidence sentence could not be found in the stored text (it may have been normalised); the whole article follows.')] : []),
    el('div', { class: 'article-text' }, ...rendered),
  ];
}
