import type { EventRole } from '../../domain/types.ts';
import { eventFrames, type EventFrame, type EventFrames } from './event-frames.ts';
import { EVENT_RULES, speakersIn, subjectsIn, type EventRuleEnv, type Participant, type Trigger } from './event-rules.ts';
import { isDemonym, NATIONAL_NOUN, type Mention, type SentenceContext } from './mention.ts';
import { dateOf } from './event-values.ts';
import type { FoundEvent } from './found-event.ts';
import { hasDependent, lemmaOf, subtree, type SentenceGraph } from './sentence-graph.ts';

const THE: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);

/**
 * Events read from the dependency graph of each sentence: a trigger (a lemma of a frame in
 * data/lexicon/event-frames.json, or a construction such as "taken into custody"), the rules
 * that would block it (negation, modality, a plan, a name), and its participants by dependency
 * role. Every event carries the ids of the rules that made it (event-rules.ts).
 */
export function findSyntaxEvents(graphs: readonly SentenceGraph[], contexts: readonly SentenceContext[], text: string, publishedAt: string | null, frames: EventFrames = eventFrames()): FoundEvent[] {
  const mentions = contexts.flatMap((c) => c.mentions);
  const officials = holdersOfOffice(contexts, frames.offices);
  const speakers = new Set(graphs.flatMap(speakersIn));
  const subjects = new Set(graphs.flatMap(subjectsIn));
  const out: FoundEvent[] = [];
  graphs.forEach((g, gi) => {
    const env: EventRuleEnv = { frames, speakers, subjects, before: (offset, ok, back) => lastMentionBefore(mentions, graphs, gi, offset, ok, back) };
    g.tokens.forEach((_, i) => {
      const trigger = findTrigger(g, i, env);
      if (!trigger) return;
      const ctx = contexts.find((c) => c.span.start <= (g.tokens[i]?.start ?? -1) && (g.tokens[i]?.start ?? -1) < c.span.end);
      if (!ctx) return;
      if (EVENT_RULES.block.some((r) => r.blocks(g, i, trigger, env) && (trigger.blockedBy = r.id))) return;
      const participants: Participant[] = [];
      const rules = [...trigger.rules];
      let group: FoundEvent['group'];
      let unnamed = false;
      for (const r of EVENT_RULES.role) {
        const found = r.roles(g, i, trigger, env);
        if (found.length === 0) continue;
        let added = false;
        for (const p of found) {
          if (p.group) {
            group = 'borrow';
            added = true;
            continue;
          }
          if (p.unnamed) {
            unnamed ||= p.role === 'subject';
            continue;
          }
          if (!p.mention || participants.some((q) => q.mention?.key === p.mention?.key)) continue;
          participants.push(p);
          added = true;
        }
        if (added) rules.push(r.id);
      }
      if (!satisfies(trigger.frame, participants, group, unnamed, officials)) return;
      // In the order the sentence names them, whatever rule found them.
      participants.sort((a, b) => (a.mention?.start ?? 0) - (b.mention?.start ?? 0));
      // A frame that must name its subject and has only "they" keeps the event only if they can be named.
      if (group && trigger.frame.requires === 'named-subject' && !participants.some((p) => p.role === 'subject')) group = 'required';
      const tokenIndex = Math.max(0, ctx.tokens.findIndex((t) => t.end > (g.tokens[i]?.start ?? 0)));
      const event: FoundEvent = {
        type: trigger.frame.type,
        sentence: ctx.index,
        trigger: tokenIndex,
        participants: participants.flatMap((p) => (p.mention ? [{ mention: p.mention, role: p.role, ...(asPeople(p.mention, p.role, text) ? { asPeople: true } : {}) }] : [])),
        rules,
      };
      if (group) event.group = group;
      if (unnamed) event.unnamed = true;
      // "arrests of two men" (but "the twin blasts" in Kerman are one attack: acts on people only).
      if (trigger.noun && g.tokens[i]?.pos === 'NNS' && trigger.frame.retold === 'subject') event.several = true;
      // "the arrest" naming nobody it befell or who did it points back to one told before.
      if (trigger.noun && hasDependent(g, i, ['det'], THE) && !participants.some((p) => p.role !== 'place')) {
        event.anaphor = true;
        event.rules?.push('anaphor.definite-noun');
      }
      if (trigger.frame.relation) event.relation = trigger.frame.relation;
      const count = countOf(g, i, trigger, env);
      if (count) {
        event.count = count.n;
        rules.push(count.rule);
      }
      const date = dateOf(withoutAsides(g, i, text, frames), publishedAt);
      if (date) event.date = date;
      out.push(event);
    });
  });
  return out;
}

function findTrigger(g: SentenceGraph, i: number, env: EventRuleEnv): Trigger | undefined {
  for (const r of EVENT_RULES.trigger) {
    const hit = r.find(g, i, env);
    if (hit) return { ...hit, rules: [r.id] };
  }
  return undefined;
}

function countOf(g: SentenceGraph, i: number, trigger: Trigger, env: EventRuleEnv): { n: number; rule: string } | undefined {
  for (const r of EVENT_RULES.count) {
    const n = r.count(g, i, trigger, env);
    if (n !== undefined) return { n, rule: r.id };
  }
  return undefined;
}

/** Whether the participants found are enough for the frame to be an event. */
function satisfies(frame: EventFrame, ps: readonly Participant[], group: FoundEvent['group'], unnamed: boolean, officials: ReadonlySet<string>): boolean {
  const speaks = (m: Mention): boolean => (!frame.agents || frame.agents.has(m.type)) && (frame.speaker !== 'office' || m.type !== 'PERSON' || officials.has(m.key));
  const has = (role: EventRole): boolean => ps.some((p) => p.role === role && p.mention && (role !== 'agent' || speaks(p.mention)));
  const named = has('subject') || group !== undefined;
  const subject = named || unnamed;
  switch (frame.requires) {
    case 'any':
      return ps.length > 0;
    case 'agent':
      return has('agent');
    case 'subject':
      return subject;
    case 'agent-or-subject':
      return has('agent') || subject;
    case 'named-subject':
      return named;
    case 'agent-and-content':
      // ("The FBI was alerted to Manuchekhri": the one told and what about, with the teller unnamed.)
      return (has('agent') && (subject || has('place'))) || ps.filter((p) => p.role === 'subject' && p.mention).length >= 2;
  }
}

/**
 * The people the article introduces by an office: "Senator Josh Hawley", "Tom Homan, a former
 * acting ICE director". A commentator ("Lucas Webber, a researcher") is not one.
 */
function holdersOfOffice(contexts: readonly SentenceContext[], offices: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  // "his attorney, Sarah Lindqvist": an office someone holds for one person is no public office.
  const office = (w: string | undefined, k: number, words: readonly string[]): boolean => offices.has((w ?? '').toLowerCase()) && !/^(?:his|her|their|my|our|your)$/i.test(words[k - 1] ?? '');
  for (const ctx of contexts) {
    for (const m of ctx.mentions) {
      if (m.type !== 'PERSON') continue;
      const before = ctx.tokens.slice(Math.max(0, m.from - 3), m.from).map((t) => t.text);
      let after: string[] = [];
      if (ctx.tokens[m.to]?.text === ',') {
        const rest = ctx.tokens.slice(m.to + 1, m.to + 10).map((t) => t.text);
        const stop = rest.findIndex((w) => w === ',' || w === '.' || w === ';');
        after = stop >= 0 ? rest.slice(0, stop) : rest;
      }
      if (before.some(office) || after.some(office) || (m.surface !== m.name && m.surface.split(/\s+/).some(office))) out.add(m.key);
    }
  }
  return out;
}

/** A country standing for its people: "Tajik men", "an Afghan national", "citizens of Yemen". */
function asPeople(m: Mention, role: EventRole, text: string): boolean {
  if (m.type !== 'COUNTRY' || role !== 'subject') return false;
  const after = text.slice(m.end, m.end + 12).trim().split(/\s+/)[0] ?? '';
  const before = text.slice(Math.max(0, m.start - 8), m.start).trim().split(/\s+/).at(-1) ?? '';
  return isDemonym(m) || NATIONAL_NOUN.test(after.replace(/[^\p{L}]/gu, '')) || /^(?:from|of)$/i.test(before);
}

/** The last mention satisfying `ok` before a character offset, within `back` sentences. */
function lastMentionBefore(mentions: readonly Mention[], graphs: readonly SentenceGraph[], gi: number, offset: number, ok: (m: Mention) => boolean, back: number): Mention | undefined {
  const from = graphs[Math.max(0, gi - back)]?.start ?? 0;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (!m || m.start >= offset) continue;
    if (m.start < from) return undefined;
    if (ok(m)) return m;
  }
  return undefined;
}

/**
 * The sentence's text with the relative clauses set off by commas that do not hold token i blanked
 * out: "X, who came to the U.S. in September 2021, was arrested" is not dated by the clause.
 */
function withoutAsides(g: SentenceGraph, i: number, text: string, frames: EventFrames): string {
  let sentence = text.slice(g.start, g.end);
  const blank = (from: number, to: number): void => {
    sentence = sentence.slice(0, from) + ' '.repeat(to - from) + sentence.slice(to);
  };
  // "detained hundreds since the attack in March 2024": the date of another event named in a phrase.
  for (const a of g.children[i] ?? []) {
    if (!/^(?:obl|nmod):/.test(a.rel) || !/^NN(?:S)?$/.test(g.tokens[a.to]?.pos ?? '') || !frames.byNoun.has(lemmaOf(g, a.to))) continue;
    const span = subtree(g, a.to, (x) => x.rel !== 'ref');
    blank((g.tokens[Math.min(...span)]?.start ?? g.start) - g.start, (g.tokens[Math.max(...span)]?.end ?? g.start) - g.start);
  }
  g.tokens.forEach((t, k) => {
    if (!/^(?:WP|WP\$|WDT)$/.test(t.pos) || g.tokens[k - 1]?.word !== ',') return;
    let end = g.tokens.findIndex((x, j) => j > k && x.word === ',');
    if (end < 0) end = g.tokens.length;
    if (i >= k && i < end) return;
    blank(t.start - g.start, (g.tokens[end - 1]?.end ?? g.end) - g.start);
  });
  return sentence;
}
