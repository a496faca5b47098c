import type { Stance } from '../../domain/types.ts';
import { lemmaOf, type SentenceGraph } from './sentence-graph.ts';

/**
 * One step of the walk from an anchor (an entity's or an event's word) up the dependency tree to
 * the root: the token reached, and the arc by which the walk entered it (null at the anchor).
 */
export interface StanceStep {
  node: number;
  /** The relation from `node` to the token below it on the walk ("ccomp", "obl:of"…); null at the anchor. */
  rel: string | null;
  /** The token the walk came from (-1 at the anchor). */
  below: number;
  /** The relation by which the walk entered `below` (null when `below` is the anchor or none). */
  belowRel: string | null;
}

/** What a cue found: a match, and the token that names who said it (for attribution). */
export interface StanceCue {
  /** Token whose phrase names the source ("officials said" → "officials"), when the cue has one. */
  sourceAt?: number;
}

/**
 * A stance rule: a named cue in the words around the link. The example sentence is its test: the
 * link between the two names is read with the rule's stance (tests/unit/pipeline/stance.test.ts).
 */
export interface StanceRule {
  id: string;
  stance: Exclude<Stance, 'ASSERTED'>;
  description: string;
  example: string;
  expect: { between: [string, string]; stance: Stance; source?: string };
  /** Whether this step of the walk shows the cue. */
  test: (g: SentenceGraph, step: StanceStep) => StanceCue | undefined;
  /** The cue counts only on the way up from every word of the link (stance.ts linkCues). */
  shared?: boolean;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);
const pos = (g: SentenceGraph, i: number): string => g.tokens[i]?.pos ?? '';
/**
 * The dependents of a step's node other than the token the walk came from. A clause the parser could
 * only hang on another by "dep" ("X, who may have fled, was arrested" parsed with "arrested" under
 * "fled") is not known to be governed by it: the words around that node say nothing of it.
 */
const around = (g: SentenceGraph, s: StanceStep): Array<{ rel: string; to: number }> =>
  s.rel === 'dep' && /^VB/.test(pos(g, s.below)) ? [] : (g.children[s.node] ?? []).filter((a) => a.to !== s.below);
const hit: StanceCue = {};
const entersBy = (s: StanceStep, rels: RegExp): boolean => s.rel !== null && rels.test(s.rel);
const subjectOf = (g: SentenceGraph, i: number): number | undefined => (g.children[i] ?? []).find((a) => /^nsubj(?::pass)?$/.test(a.rel))?.to;

// What a verb of saying, alleging or denying says: its clause, its infinitive, "of/with" (accused of, charged with).
const CONTENT = /^(?:ccomp|xcomp|advcl(?::.*)?|obl:(?:of|with|over|for|on|about)|parataxis)$/;
// What a noun of claim or suspicion is about: "allegations that…", "charges of supporting…", "suspicion of links to…".
const NOUN_CONTENT = /^(?:acl(?::.*)?|ccomp|nmod:(?:of|that|about|over|regarding)|nmod:for)$/;

const DENY_VERBS = set('deny', 'dispute', 'reject', 'refute', 'rebut', 'contest', 'disavow', 'dismiss', 'repudiate');
// What one denies when the object is a claim: "denied any links to…", "disputed the report".
const CLAIM_NOUNS = set('link', 'tie', 'connection', 'involvement', 'role', 'allegation', 'claim', 'accusation', 'charge', 'report', 'wrongdoing', 'membership', 'association', 'contact', 'affiliation', 'responsibility', 'knowledge', 'support', 'relationship', 'participation', 'presence');
const NEGATORS = set('not', 'never', "n't", 'neither', 'nor');
// Arcs by which a negated word's negation does not reach the word below: its subject, an adverbial
// clause, a clause or word coordinated with it ("could not find…, and he was released in the U.S.").
const NOT_NEGATED_FROM = /^(?:nsubj(?::pass)?|csubj(?::pass)?|advcl(?::.*)?|conj(?::.*)?)$/;
/** "has not determined whether…": the question is left open (UNCERTAIN reads it), not answered no. */
const openQuestion = (g: SentenceGraph, s: StanceStep): boolean =>
  entersBy(s, /^ccomp$/) && (g.children[s.below] ?? []).some((c) => c.rel === 'mark' && /^(?:whether|if)$/.test(lemmaOf(g, c.to)));
/** "not until March": a time singled out, not a denial. */
const notUntil = (g: SentenceGraph, head: number): boolean => (g.children[head] ?? []).some((c) => c.rel === 'case' && lemmaOf(g, c.to) === 'until');
const ALLEGE_VERBS = set('allege', 'accuse', 'suspect', 'charge', 'indict', 'claim', 'implicate', 'blame');
const ALLEGE_NOUNS = set('allegation', 'accusation', 'charge', 'suspicion', 'claim', 'indictment', 'complaint', 'count');
const ALLEGE_WORDS = set('alleged', 'allegedly', 'suspected', 'accused', 'purported', 'purportedly', 'supposed', 'supposedly', 'reputed', 'reputedly', 'presumed');
// "may be connected to", "could be linked with": a possible link is an allegation of one.
const LINK_VERBS = set('link', 'connect', 'tie', 'associate', 'involve', 'affiliate', 'belong', 'support', 'aid', 'help', 'radicalize', 'sympathize', 'inspire');
// What states a link between a person or group and another: verbs, and the nouns of "be part/a member of".
const LINK_PREDICATES = new Set([...LINK_VERBS, 'part', 'member', 'affiliate', 'supporter', 'associate', 'operative', 'leader', 'fighter', 'behind', 'responsible']);
const HEDGE_MODALS = set('may', 'might', 'could');
const HEDGE_ADVERBS = set('reportedly', 'possibly', 'perhaps', 'apparently', 'likely', 'probably', 'presumably', 'potentially', 'maybe', 'seemingly', 'allegedly', 'ostensibly', 'unconfirmed');
const HEDGE_ADJECTIVES = set('possible', 'potential', 'probable', 'likely', 'apparent', 'unconfirmed', 'unverified', 'rumored', 'rumoured');
const OPEN_MARKS = set('whether', 'if');
const BELIEF_VERBS = set('believe', 'think', 'appear', 'seem', 'fear', 'estimate', 'speculate', 'assume', 'suggest', 'expect', 'guess', 'presume', 'question', 'investigate', 'probe', 'examine');
const REPORTING_VERBS = set(
  'say', 'tell', 'state', 'announce', 'report', 'add', 'confirm', 'note', 'explain', 'write', 'testify', 'disclose', 'reveal',
  'acknowledge', 'assert', 'declare', 'indicate', 'inform', 'describe', 'insist', 'argue', 'stress', 'emphasize', 'recount', 'recall',
  'tweet', 'post', 'warn', 'show', 'admit', 'conclude', 'find', 'determine', 'contend', 'maintain', 'claim', 'allege',
);

/** Where a reporting verb names who said it: its subject. */
function speaker(g: SentenceGraph, verb: number): StanceCue {
  const s = subjectOf(g, verb);
  return s === undefined ? {} : { sourceAt: s };
}

/** "I explained how…": the author speaking in the first person asserts it. */
const byAuthor = (g: SentenceGraph, verb: number): boolean => {
  const s = subjectOf(g, verb);
  return s !== undefined && /^I$/.test(g.tokens[s]?.word ?? '');
};

/** A verb of saying used as one: active, with its own subject ("were admitted into…" is no saying). */
const says = (g: SentenceGraph, verb: number): boolean =>
  REPORTING_VERBS.has(lemmaOf(g, verb)) && /^VB/.test(pos(g, verb)) && !(g.children[verb] ?? []).some((a) => a.rel === 'aux:pass' || a.rel === 'nsubj:pass') && !byAuthor(g, verb);

/**
 * The stance rules, strongest first: a link is DENIED over ALLEGED over UNCERTAIN over ATTRIBUTED
 * over ASSERTED (the default, when no cue is found). Every cue is read on the walk from the link's
 * words up to the root, so a hedge in another clause of the sentence does not touch it.
 */
export const STANCE_RULES: readonly StanceRule[] = [
  {
    id: 'denied.deny-verb',
    stance: 'DENIED',
    description: 'The link sits in what a verb of denial denies: "denied that…", "denied any links to…", "disputed the report that…".',
    example: 'Rustam Karimov denied any links to the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'DENIED' },
    test: (g, s) =>
      DENY_VERBS.has(lemmaOf(g, s.node)) && (entersBy(s, CONTENT) || (s.rel === 'obj' && CLAIM_NOUNS.has(lemmaOf(g, s.below)))) ? hit : undefined,
  },
  {
    id: 'denied.denial-noun',
    stance: 'DENIED',
    description: 'The link is what a denial is of: "a denial of any role in…", "denials that…".',
    example: 'The ministry issued a denial that Tajikistan had any role in the Crocus City Hall attack.',
    expect: { between: ['Tajikistan', 'Crocus City Hall'], stance: 'DENIED' },
    test: (g, s) => (/^(?:denial|rebuttal)$/.test(lemmaOf(g, s.node)) && entersBy(s, NOUN_CONTENT) ? hit : undefined),
  },
  {
    id: 'denied.negated',
    stance: 'DENIED',
    description:
      'A word on the way up is negated: "has not identified any link between…", "were never members of…", "no evidence that…". Not where the way up enters it as its subject, from an adverbial clause or from a coordinated one: "ICE would not say how many…" denies no link of ICE, "when X was caught, agents could not find…" none of X, "could not find…, and he was released" not the release (a link the negated word makes is still read from its other end); nor "not until March…", nor "has not determined whether…" (an open question).',
    example: 'The FBI has not identified any link between Rustam Karimov and the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'DENIED' },
    // ("…wanted for ties to ISIS, but it wasn't checked against the list of immigrants in the U.S.":
    // the negation is in the U.S.'s clause only, not over its link to the man.)
    shared: true,
    test: (g, s) =>
      !entersBy(s, NOT_NEGATED_FROM) &&
      !notUntil(g, s.node) &&
      !openQuestion(g, s) &&
      around(g, s).some(
        (a) =>
          ((a.rel === 'advmod' || a.rel === 'neg' || a.rel === 'cc:preconj') && NEGATORS.has(lemmaOf(g, a.to)) && !(g.children[a.to] ?? []).some((c) => /^(?:only|just|merely)$/.test(lemmaOf(g, c.to)))) ||
          (a.rel === 'det' && /^(?:no)$/.test(lemmaOf(g, a.to)) && /^NN/.test(pos(g, s.node))),
      )
        ? hit
        : undefined,
  },
  {
    id: 'alleged.accuse-verb',
    stance: 'ALLEGED',
    description: 'The link sits in what someone alleges, accuses, suspects or charges: "prosecutors allege that…", "charged with supporting…", "suspected of links to…".',
    example: 'Rustam Karimov was charged with providing material support to the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'ALLEGED' },
    // ("suspect X of links to Y": the parser may hang "of links" on X, the object.)
    test: (g, s) => (ALLEGE_VERBS.has(lemmaOf(g, s.node)) && (entersBy(s, CONTENT) || (s.rel === 'obj' && s.belowRel === 'nmod:of')) ? hit : undefined),
  },
  {
    id: 'alleged.allegation-noun',
    stance: 'ALLEGED',
    description: 'The link is what an allegation, charge or suspicion is of: "allegations that…", "on charges of supporting…".',
    example: 'Prosecutors brought charges of supporting the Islamic State against Rustam Karimov.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'ALLEGED' },
    test: (g, s) => (ALLEGE_NOUNS.has(lemmaOf(g, s.node)) && entersBy(s, NOUN_CONTENT) ? hit : undefined),
  },
  {
    id: 'alleged.hedge-word',
    stance: 'ALLEGED',
    description: 'A word on the way up is qualified as alleged: "an alleged member of…", "the suspected ISIS recruiter", "allegedly sent money to…".',
    example: 'Police detained Rustam Karimov, an alleged member of the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'ALLEGED' },
    test: (g, s) => (around(g, s).some((a) => /^(?:amod|advmod)$/.test(a.rel) && ALLEGE_WORDS.has((g.tokens[a.to]?.word ?? '').toLowerCase())) ? hit : undefined),
  },
  {
    id: 'alleged.possible-link',
    stance: 'ALLEGED',
    description: 'A link under "may", "might", "could" or a verb of belief: "may be connected to…", "is believed to be part of…", "thought to be tied to…".',
    example: 'Investigators said Rustam Karimov may be connected to the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'ALLEGED' },
    test: (g, s) =>
      (LINK_PREDICATES.has(lemmaOf(g, s.node)) && around(g, s).some((a) => a.rel === 'aux' && HEDGE_MODALS.has(lemmaOf(g, a.to)))) ||
      (BELIEF_VERBS.has(lemmaOf(g, s.node)) && entersBy(s, /^(?:ccomp|xcomp)$/) && LINK_PREDICATES.has(lemmaOf(g, s.below)))
        ? hit
        : undefined,
  },
  {
    id: 'uncertain.modal',
    stance: 'UNCERTAIN',
    description: 'A word on the way up is under "may", "might" or "could": "the men may have crossed into…".',
    example: 'Rustam Karimov may have travelled to Tajikistan last year.',
    expect: { between: ['Rustam Karimov', 'Tajikistan'], stance: 'UNCERTAIN' },
    test: (g, s) => (around(g, s).some((a) => a.rel === 'aux' && HEDGE_MODALS.has(lemmaOf(g, a.to))) ? hit : undefined),
  },
  {
    id: 'uncertain.hedge-word',
    stance: 'UNCERTAIN',
    description: 'A hedging adverb or adjective on the way up: "reportedly", "possibly", "apparently", "possible links to…".',
    example: 'Rustam Karimov reportedly travelled to Tajikistan last year.',
    expect: { between: ['Rustam Karimov', 'Tajikistan'], stance: 'UNCERTAIN' },
    test: (g, s) =>
      around(g, s).some((a) => (a.rel === 'advmod' && HEDGE_ADVERBS.has(lemmaOf(g, a.to))) || (a.rel === 'amod' && HEDGE_ADJECTIVES.has(lemmaOf(g, a.to))))
        ? hit
        : undefined,
  },
  {
    id: 'uncertain.open-question',
    stance: 'UNCERTAIN',
    description: 'The link is in a clause opened by "whether" or "if": "investigators are examining whether…".',
    example: 'Investigators are examining whether Rustam Karimov met members of the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'UNCERTAIN' },
    test: (g, s) => (around(g, s).some((a) => a.rel === 'mark' && OPEN_MARKS.has(lemmaOf(g, a.to))) ? hit : undefined),
  },
  {
    id: 'uncertain.belief-verb',
    stance: 'UNCERTAIN',
    description: 'The link sits in what someone believes, suspects or is examining: "is believed to have…", "officials think…", "appears to have…".',
    example: 'Rustam Karimov is believed to have trained with the Islamic State.',
    expect: { between: ['Rustam Karimov', 'Islamic State'], stance: 'UNCERTAIN' },
    test: (g, s) => (BELIEF_VERBS.has(lemmaOf(g, s.node)) && entersBy(s, /^(?:ccomp|xcomp)$/) ? hit : undefined),
  },
  {
    id: 'attributed.reporting-verb',
    stance: 'ATTRIBUTED',
    description: 'The link sits in what a verb of saying says, or is the event it announces: "ICE said it arrested…", "the director told senators that…", "Border Patrol confirmed the arrests of…".',
    example: 'The FBI said Rustam Karimov travelled to Tajikistan in May.',
    expect: { between: ['Rustam Karimov', 'Tajikistan'], stance: 'ATTRIBUTED', source: 'Federal Bureau of Investigation' },
    test: (g, s) =>
      says(g, s.node) && (entersBy(s, /^(?:ccomp|xcomp|parataxis|dep|advcl(?::.*)?)$/) || (s.rel === 'obj' && /^NN/.test(pos(g, s.below)) && !g.mentionAt[s.below])) ? speaker(g, s.node) : undefined,
  },
  {
    id: 'attributed.aside',
    stance: 'ATTRIBUTED',
    description: 'A word on the way up carries a "… said" aside: "the men, officials said, were arrested in June".',
    example: 'Rustam Karimov, the FBI said, travelled to Tajikistan in May.',
    expect: { between: ['Rustam Karimov', 'Tajikistan'], stance: 'ATTRIBUTED', source: 'Federal Bureau of Investigation' },
    test: (g, s) => {
      // (An aside has its own subject: "…, describing the threat" or "…, claiming that" adds to the clause.)
      // (Mid-sentence it is parataxis, "X, the FBI said, travelled…"; at the end the parser may hang it by dep or ccomp.)
      const aside = around(g, s).find((a) => (a.rel === 'parataxis' || (/^(?:dep|ccomp)$/.test(a.rel) && a.to > s.node)) && says(g, a.to) && subjectOf(g, a.to) !== undefined);
      return aside ? speaker(g, aside.to) : undefined;
    },
  },
  {
    id: 'attributed.according-to',
    stance: 'ATTRIBUTED',
    description: '"according to X", "citing X", "in a statement from X" on the way up.',
    example: 'Rustam Karimov travelled to Tajikistan in May, according to the FBI.',
    expect: { between: ['Rustam Karimov', 'Tajikistan'], stance: 'ATTRIBUTED', source: 'Federal Bureau of Investigation' },
    test: (g, s) => {
      const by = around(g, s).find((a) => a.rel === 'obl:according_to' || (a.rel === 'advcl' && lemmaOf(g, a.to) === 'cite'));
      if (!by) return undefined;
      if (by.rel === 'obl:according_to') return { sourceAt: by.to };
      const cited = (g.children[by.to] ?? []).find((a) => a.rel === 'obj')?.to;
      return cited === undefined ? {} : { sourceAt: cited };
    },
  },
];

/** Stances from strongest to weakest: a link with cues of two stances takes the stronger. */
export const STANCE_ORDER: readonly Stance[] = ['DENIED', 'ALLEGED', 'UNCERTAIN', 'ATTRIBUTED', 'ASSERTED'];
