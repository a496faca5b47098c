import type { AnnotatedSentence, AnnotatedToken, Annotation } from '../annotate/annotation.ts';
import type { Mention } from './mention.ts';

/** An arc seen from one end. */
export interface Arc {
  rel: string;
  /** The token at the other end. */
  to: number;
}

/**
 * One CoreNLP sentence as a graph: its tokens, enhanced++ arcs both ways, and the entity mention
 * (found by the lexicon, the rules or the model) that covers each token.
 */
export interface SentenceGraph {
  tokens: readonly AnnotatedToken[];
  /** Arcs from each token to its dependents. */
  children: ReadonlyArray<readonly Arc[]>;
  /** Arcs from each token to its heads (enhanced++ gives some tokens several). */
  heads: ReadonlyArray<readonly Arc[]>;
  /** The mention covering each token, if any. */
  mentionAt: ReadonlyArray<Mention | undefined>;
  /** The token the parser made the root (-1 when none). */
  root: number;
  start: number;
  end: number;
}

/**
 * Builds a graph per annotated sentence and hands it the mentions found in the text (by character
 * offsets: CoreNLP's sentences need not be ours).
 */
export function sentenceGraphs(annotation: Annotation, mentions: readonly Mention[], text = ''): SentenceGraph[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let m = 0;
  return annotation.sentences.map((s) => {
    const mentionAt = s.tokens.map(() => undefined as Mention | undefined);
    while (m < sorted.length && (sorted[m]?.end ?? 0) <= s.start) m++;
    for (let k = m; k < sorted.length; k++) {
      const x = sorted[k];
      if (!x || x.start >= s.end) break;
      s.tokens.forEach((t, i) => {
        if (t.start >= x.start && t.end <= x.end && !mentionAt[i]) mentionAt[i] = x;
      });
    }
    return graphOf(s, mentionAt, text);
  });
}

function graphOf(s: AnnotatedSentence, mentionAt: Array<Mention | undefined>, text: string): SentenceGraph {
  const children: Arc[][] = s.tokens.map(() => []);
  const heads: Arc[][] = s.tokens.map(() => []);
  // A headline and its byline can reach the parser as one sentence ("…in Minneapolis\n\nBy Sarah
  // Whitfield"): no arc crosses a blank line.
  const block = s.tokens.map(() => 0);
  s.tokens.forEach((t, i) => {
    const prev = s.tokens[i - 1];
    block[i] = (block[i - 1] ?? 0) + (prev && /\n\s*\n/.test(text.slice(prev.end, t.start)) ? 1 : 0);
  });
  for (const d of s.deps) {
    if (d.head < 0 || block[d.head] !== block[d.dep]) continue;
    children[d.head]?.push({ rel: d.rel, to: d.dep });
    heads[d.dep]?.push({ rel: d.rel, to: d.head });
  }
  return { tokens: s.tokens, children, heads, mentionAt, root: s.root, start: s.start, end: s.end };
}

/**
 * The token index just after a dateline ("WASHINGTON, UNITED STATES –", "AUSTIN, Texas (AP) —"),
 * or 0. The parser hangs the sentence's real subject under the dateline by "dep".
 */
export function datelineEnd(g: SentenceGraph): number {
  const first = g.tokens[0]?.word ?? '';
  if (!/^\p{Lu}[\p{Lu}.\-]+$/u.test(first)) return 0;
  for (let k = 1; k < Math.min(g.tokens.length, 10); k++) {
    const w = g.tokens[k]?.word ?? '';
    if (/^(?:–|—|-|--)$/.test(w)) return k + 1;
    // "BISHKEK, March 3 (Reuters) -": the place, a date and the agency.
    if (!/^(?:,|\(|\)|-LRB-|-RRB-|\d{1,2}|\p{Lu}[\p{L}.]*)$/u.test(w)) return 0;
  }
  return 0;
}

/** The dependents of token i by relation (exact, or a prefix ending in ":" such as "obl:"). */
export function dependents(g: SentenceGraph, i: number, rel: string): number[] {
  return (g.children[i] ?? []).filter((a) => (rel.endsWith(':') ? a.rel.startsWith(rel) : a.rel === rel)).map((a) => a.to);
}

/** Whether token i has a dependent by one of these relations whose lemma is one of these. */
export function hasDependent(g: SentenceGraph, i: number, rels: readonly string[], lemmas: ReadonlySet<string>): boolean {
  return (g.children[i] ?? []).some((a) => rels.includes(a.rel) && lemmas.has(lemmaOf(g, a.to)));
}

/** The lower-cased lemma of token i. */
export function lemmaOf(g: SentenceGraph, i: number): string {
  return (g.tokens[i]?.lemma ?? '').toLowerCase();
}

// Arcs that leave a noun phrase for another clause: its entities are that clause's, not the phrase's.
const CLAUSAL = /^(?:acl|acl:.*|ccomp|advcl|advcl:.*|parataxis|xcomp|csubj|csubj:pass|ref|punct|cc|mark|discourse|vocative|list|orphan|reparandum)$/;

/** The tokens under `head` (itself included) reached by arcs `follow` accepts, each once, in visiting order. */
export function subtree(g: SentenceGraph, head: number, follow: (arc: Arc) => boolean): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const visit = (i: number): void => {
    if (seen.has(i)) return;
    seen.add(i);
    out.push(i);
    for (const a of g.children[i] ?? []) if (follow(a)) visit(a.to);
  };
  visit(head);
  return out;
}

function mentionsAt(g: SentenceGraph, tokens: readonly number[]): Mention[] {
  return [...new Set(tokens.flatMap((i) => g.mentionAt[i] ?? []))];
}

/**
 * The mentions inside the phrase headed by token `head`, not crossing into other clauses.
 * `skip` names further relations not to follow ("nmod:poss": Kharwin's brother is not Kharwin).
 */
export function mentionsUnder(g: SentenceGraph, head: number, skip: ReadonlySet<string> = new Set()): Mention[] {
  return mentionsAt(
    g,
    // (A noun joined by "and" is a list: its entities are the phrase's.)
    subtree(g, head, (a) => !CLAUSAL.test(a.rel) && !skip.has(a.rel) && !opensClause(g, a)),
  );
}

/**
 * A verb joined by "and" is another clause ("arrested him and charged…"); so is a participle with
 * arguments of its own the parser calls a modifier ("a national accused of recruiting fighters").
 */
function opensClause(g: SentenceGraph, a: Arc): boolean {
  // "U.S. Immigration and Customs Enforcement (ICE) Enforcement and Removal Operations (ERO) Newark":
  // the parser hangs a stacked name on the first by "dep"; a noun is no clause.
  if (a.rel === 'dep') return !/^NN/.test(g.tokens[a.to]?.pos ?? '');
  if (!/^VB/.test(g.tokens[a.to]?.pos ?? '')) return false;
  if (a.rel.startsWith('conj')) return true;
  return a.rel === 'amod' && (g.children[a.to] ?? []).some((c) => /^(?:obl|obj|nsubj)/.test(c.rel));
}

/** The whole subtree under `head`, clauses included (for what was said). */
export function mentionsInClause(g: SentenceGraph, head: number): Mention[] {
  return mentionsAt(g, subtree(g, head, (a) => a.rel !== 'ref' && a.rel !== 'punct'));
}
