import type { Span, Stance } from '../../domain/types.ts';
import type { Mention } from './mention.ts';
import { subtree, type SentenceGraph } from './sentence-graph.ts';
import { STANCE_ORDER, STANCE_RULES, type StanceRule, type StanceStep } from './stance-rules.ts';

/** How a sentence presents one link: its stance, the rules that read it, and who it is attributed to. */
export interface StanceReading {
  stance: Stance;
  /** Ids of the stance rules that found the deciding cue (empty for ASSERTED: no cue). */
  rules: string[];
  /** The mention naming the source ("the FBI said…"), when a rule found one and it is a known entity. */
  source?: Mention;
}

/** The walk from token `from` up to the root, one head per token (see `headOf`). */
export function walkUp(g: SentenceGraph, from: number): StanceStep[] {
  const steps: StanceStep[] = [{ node: from, rel: null, below: -1, belowRel: null }];
  const seen = new Set([from]);
  let cur = from;
  let curRel: string | null = null;
  for (;;) {
    const up = headOf(g, cur, seen);
    if (!up) return steps;
    steps.push({ node: up.to, rel: up.rel, below: cur, belowRel: curRel });
    curRel = up.rel;
    seen.add(up.to);
    cur = up.to;
  }
}

/**
 * The one head a walk follows. Enhanced++ gives some tokens several: the subject a relative clause
 * or an infinitive shares ("X, who allegedly fled, was arrested": X is also the subject of "fled",
 * which hangs below X) is not where X's own clause goes, so a head found below the token is not
 * followed; a plain head is preferred over a conjunct's.
 */
function headOf(g: SentenceGraph, i: number, seen: ReadonlySet<number>): { rel: string; to: number } | undefined {
  let arcs = (g.heads[i] ?? []).filter((a) => a.rel !== 'ref' && !a.rel.endsWith(':xsubj') && !seen.has(a.to));
  if (arcs.length > 1) {
    const below = new Set(subtree(g, i, (a) => a.rel !== 'ref'));
    const above = arcs.filter((a) => !below.has(a.to));
    if (above.length > 0) arcs = above;
  }
  return arcs.find((a) => !a.rel.startsWith('conj')) ?? arcs[0];
}

/** A cue found on the walk up from one anchor. */
export interface FoundCue {
  rule: StanceRule;
  /** The token of the walk at which it was found. */
  at: number;
  sourceAt?: number;
}

/** Every cue on the walk from one anchor up to the root (cacheable per token: links share anchors). */
export function cuesFrom(g: SentenceGraph, anchor: number, rules: readonly StanceRule[] = STANCE_RULES): FoundCue[] {
  const found: FoundCue[] = [];
  for (const step of walkUp(g, anchor)) {
    for (const rule of rules) {
      const cue = rule.test(g, step);
      if (cue) found.push({ rule, at: step.node, ...cue });
    }
  }
  return found;
}

/**
 * The cues of a link's words in one sentence that bear on the link: a rule marked `shared` counts
 * only where its word is on the way up from every one of them (a negation inside one end's own
 * clause says nothing of how that end is linked to the other).
 */
export function linkCues(g: SentenceGraph, anchors: readonly number[], cuesOf: (anchor: number) => readonly FoundCue[]): FoundCue[] {
  const found = anchors.flatMap((a) => cuesOf(a));
  if (anchors.length < 2 || !found.some((f) => f.rule.shared)) return found;
  const walks = anchors.map((a) => new Set(walkUp(g, a).map((s) => s.node)));
  return found.filter((f) => !f.rule.shared || walks.every((w) => w.has(f.at)));
}

/**
 * Reads the stance of a link in one sentence from the cues on the walks from each anchor (the
 * head word of each entity's mention, an event's trigger) up to the root: the strongest stance
 * found wins (STANCE_ORDER), ASSERTED when there is none.
 */
export function stanceOf(g: SentenceGraph, found: readonly FoundCue[], mentionAt: (token: number) => Mention | undefined = (i) => g.mentionAt[i]): StanceReading {
  const stance = STANCE_ORDER.find((s) => found.some((f) => f.rule.stance === s)) ?? 'ASSERTED';
  const deciding = found.filter((f) => f.rule.stance === stance);
  // Who said it: the speaker of an attribution cue, whatever stance won ("X said Y may be…").
  let source: Mention | undefined;
  for (const f of found) if (!source && f.sourceAt !== undefined) source = sourceMention(g, f.sourceAt, mentionAt);
  return { stance, rules: [...new Set(deciding.map((f) => f.rule.id))], ...(source ? { source } : {}) };
}

/** The entity named at a source token or in its phrase ("ICE spokesman Jane Doe", "officials of the FBI"). */
function sourceMention(g: SentenceGraph, at: number, mentionAt: (token: number) => Mention | undefined): Mention | undefined {
  const direct = mentionAt(at);
  if (direct) return direct;
  for (const a of g.children[at] ?? []) {
    if (!/^(?:compound|nmod:poss|nmod:of|nmod:from|nmod:at|nmod:with|appos|amod)$/.test(a.rel)) continue;
    const m = mentionAt(a.to);
    if (m) return m;
  }
  return undefined;
}

/**
 * The token a mention's phrase hangs from: the first of its tokens whose head lies outside it.
 */
export function headToken(g: SentenceGraph, span: Span): number | undefined {
  const inside = g.tokens.flatMap((t, i) => (t.start >= span.start && t.end <= span.end ? [i] : []));
  return inside.find((i) => (g.heads[i] ?? []).some((a) => !inside.includes(a.to))) ?? inside[0];
}
