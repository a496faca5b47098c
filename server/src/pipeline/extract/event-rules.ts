import type { EventRole } from '../../domain/types.ts';
import type { EventFrame, EventFrames } from './event-frames.ts';
import { numberValue } from './event-values.ts';
import { isDemonym, type Mention } from './mention.ts';
import { datelineEnd, dependents, hasDependent, lemmaOf, mentionsInClause, mentionsUnder, subtree, type SentenceGraph } from './sentence-graph.ts';

/** A trigger found at a token: its frame, its voice, and the rules that found it. */
export interface Trigger {
  frame: EventFrame;
  /** The token is a verb in the passive ("was arrested", "a man arrested in Brooklyn"). */
  passive: boolean;
  noun: boolean;
  rules: string[];
  blockedBy?: string;
}

/** A participant a role rule found; `group` stands for "they" / "the men" told of before. */
export interface Participant {
  mention?: Mention;
  role: EventRole;
  group?: true;
  /** People the sentence does not name ("migrants were released"): enough for a frame that needs a subject, never a node. */
  unnamed?: true;
}

/** What rules may ask of the article around the sentence. */
export interface EventRuleEnv {
  frames: EventFrames;
  /** The last mention before a character offset that satisfies `ok`, at most `back` sentences back. */
  before(offset: number, ok: (m: Mention) => boolean, back: number): Mention | undefined;
  /** The mentions that are the subject of a reporting verb ("attorney Mark Ryzhkov said"). */
  speakers: ReadonlySet<Mention>;
  /** The mentions that head a clause's subject ("Trump was found guilty"). */
  subjects: ReadonlySet<Mention>;
}

interface RuleBase {
  /** Stable id, carried by every event the rule helps make. */
  id: string;
  description: string;
  /** A sentence the rule applies to; it is the rule's unit test (tests/unit/pipeline/extract/event-rules.test.ts). */
  example: string;
  /** For the test: the event type, and the participants' names, the example must yield (or, for a blocking rule, must not). */
  expect: { type: string; participants?: string[]; count?: number };
}

/** Finds a trigger at token i. */
export interface TriggerRule extends RuleBase {
  find(g: SentenceGraph, i: number, env: EventRuleEnv): Omit<Trigger, 'rules'> | undefined;
}
/** Says a trigger is no event (negated, hypothetical, part of a name…). */
export interface BlockRule extends RuleBase {
  blocks(g: SentenceGraph, i: number, t: Trigger, env: EventRuleEnv): boolean;
}
/** Finds participants of a trigger by dependency role. */
export interface RoleRule extends RuleBase {
  roles(g: SentenceGraph, i: number, t: Trigger, env: EventRuleEnv): Participant[];
}
/** Finds how many people or things the event acted on. */
export interface CountRule extends RuleBase {
  count(g: SentenceGraph, i: number, t: Trigger, env: EventRuleEnv): number | undefined;
}

const pos = (g: SentenceGraph, i: number): string => g.tokens[i]?.pos ?? '';
const word = (g: SentenceGraph, i: number): string => (g.tokens[i]?.word ?? '').toLowerCase();
const isVerb = (g: SentenceGraph, i: number): boolean => /^VB/.test(pos(g, i));
const isNoun = (g: SentenceGraph, i: number): boolean => /^NN/.test(pos(g, i));
const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);
const headsOf = (g: SentenceGraph, i: number): ReadonlyArray<{ rel: string; to: number }> => g.heads[i] ?? [];

const PLACE_PREPOSITIONS = set('in', 'at', 'near', 'outside', 'inside', 'within', 'across', 'throughout', 'into', 'to', 'from', 'through', 'via', 'along', 'around');
const MODALS = set('could', 'would', 'may', 'might', 'should', 'can', 'must', 'will', 'shall');
const NEGATIONS = set('not', 'never', "n't", 'no');
// Verbs and nouns whose object or complement has not happened: "plotted an attack", "a plan to deport".
const UNREAL = set('plan', 'plot', 'foil', 'thwart', 'threaten', 'prevent', 'consider', 'discuss', 'fear', 'prepare', 'conspire', 'attempt', 'try', 'seek', 'want', 'intend', 'hope', 'aim', 'vow', 'urge', 'call', 'demand', 'propose', 'risk', 'avoid', 'face', 'allow', 'help', 'facilitate', 'block', 'bar', 'stop', 'halt', 'oppose', 'expect', 'push', 'pledge', 'promise', 'warn', 'threat', 'possibility', 'risk', 'ability', 'authority', 'power', 'eligible', 'subject', 'pending', 'fight', 'flag', 'slate', 'schedule', 'earmark', 'mark', 'await', 'wait');
// Verbs that pass on what someone said; the speaker of "the ministry said it arrested…" is "it".
const REPORTING = set('say', 'announce', 'tell', 'state', 'add', 'confirm', 'report', 'claim', 'write', 'declare', 'note');
// Verbs that do a noun trigger: "carried out the attack", "made the arrests".
// Verbs whose infinitive complement happened: "prompting DHS to scrutinize".
const CAUSES = set('prompt', 'lead', 'force', 'cause', 'compel', 'spur', 'push', 'drive', 'continue', 'begin', 'start');
// So does the body that announces one: "ERO New York City announced the arrest of…".
const LIGHT = set('carry', 'make', 'conduct', 'launch', 'stage', 'perform', 'execute', 'mount', 'effect', 'hold', 'issue', 'file', 'release', 'publish', 'complete', 'lead', 'claim', 'announce', 'confirm', 'report', 'continue', 'begin', 'start', 'expand', 'step', 'ramp', 'resume');
// Verbs by which an act does something to its object: "the bombing killed 90 people" (but "the arrests followed a review").
const HARMS = set('kill', 'wound', 'injure', 'hurt', 'maim', 'destroy', 'damage', 'hit', 'target', 'strike', 'leave', 'claim', 'displace', 'trap');
// Who acts for a body without being named: "agents arrested…, the Justice Department said".
const GENERIC_AGENTS = set('agent', 'officer', 'official', 'authority', 'investigator', 'deputy', 'trooper', 'prosecutor');
// What a phrase naming who an act befell says about them but is not them: "Kharwin's brother", "a man
// with ties to ISIS", "suspects linked to al-Shabaab".
const SUBJECT_SKIPS = set('nmod:poss', 'nmod:with', 'nmod:to', 'nmod:for', 'nmod:about', 'nmod:against', 'nmod:on');
// Common nouns of places where people are held.
const FACILITY_NOUNS = set('prison', 'jail', 'penitentiary', 'camp', 'facility', 'center', 'centre');
// Offices whose findings are audits.
const AUDITORS = /\b(?:Inspector General|Accountability Office|Auditor|Comptroller|Ombudsman)\b/;
// Names of places where people are held.
const FACILITY = /\b(?:Detention|Correctional|Processing|Holding|Staging)\s+(?:Center|Centre|Facility|Complex)\b|\b(?:Jail|Prison|Penitentiary)\b/;
// Participles that give a person's name: "the man, identified as X,".
const NAMING = set('identify', 'name', 'know', 'describe');
// Nouns of a group of people that take a singular verb: "the pair was charged".
const COLLECTIVE = set('pair', 'couple', 'duo', 'trio');
// Acts that hold people where they are: "from" names no place they were moved from ("deported from Germany" does).
const HELD = set('Arrest', 'Detention', 'Charge');
// Verbs of a state whose subject undergoes it: "remains in custody".
const STATES = set('remain', 'stay');
// Acts on people: a statement whose content is one of them only announces it (GUIDELINES: optional).
const PEOPLE_ACTS = set('Arrest', 'Detention', 'Release', 'Deportation', 'Charge');
// Words that count or pick out of a group: "most of the migrants", "150 of them".
const QUANTIFIERS = /^(?:most|some|many|all|several|few|none|each|both|half|dozens|hundreds|thousands|one|two|three|four|five|six|seven|eight|nine|ten|[\d,]+)$/;
const BEARINGS = /^(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|outside|short)$/;
const DISTANCES = /^(?:mile|kilometer|kilometre|km|yard|foot|feet|meter|metre)$/;
const COUNTRY_NOUNS = set('country', 'homeland', 'government');
const BODY_NOUNS = set('ministry', 'department', 'agency', 'bureau', 'office', 'administration', 'service', 'police', 'court', 'committee', 'government', 'authorities', 'prosecutors');
const AGENTS = set('AGENCY', 'ORGANIZATION', 'PERSON', 'COUNTRY');
const PRONOUN_TYPES: Record<string, ReadonlySet<string>> = {
  he: set('PERSON'), him: set('PERSON'), she: set('PERSON'), her: set('PERSON'),
  it: set('AGENCY', 'ORGANIZATION', 'COUNTRY'),
};

/** The last token of the phrase headed by token i. */
function subtreeEnd(g: SentenceGraph, i: number): number {
  return Math.max(...subtree(g, i, (a) => a.rel !== 'ref'));
}

/**
 * The noun the parser made the sentence's root when it swallowed the main verb at i into that
 * noun's relative clause ("A man who officials said had ties to ISIS was deported": root "man",
 * "deported" under "said"). Only a verb with a tense of its own can be the main verb.
 */
function swallowedBy(g: SentenceGraph, i: number): number | undefined {
  if (!finite(g, i) || !isNoun(g, g.root)) return undefined;
  let k = i;
  // "Eight individuals … with suspected ties to ISIS, who crossed…, have been detained": the clause
  // may hang on a noun that modifies the root noun.
  let inClause = false;
  for (let depth = 0; depth < 5; depth++) {
    // Up the basic tree: the first head that is not a relative pronoun's or a shared subject's.
    const up = headsOf(g, k).find((a) => a.rel !== 'ref' && !/^nsubj/.test(a.rel));
    if (!up) return undefined;
    inClause ||= /^(?:acl:relcl|dep)$/.test(up.rel);
    if (up.to === g.root) return /^(?:acl:relcl|dep)$/.test(up.rel) || (inClause && /^nmod:/.test(up.rel)) ? up.to : undefined;
    k = up.to;
  }
  return undefined;
}

/** Whether the verb at i has an auxiliary with a tense ("are being held", "was arrested"). */
function finite(g: SentenceGraph, i: number): boolean {
  return (g.children[i] ?? []).some((a) => /^aux/.test(a.rel) && /^(?:VBP|VBZ|VBD|MD)$/.test(pos(g, a.to)));
}

/**
 * "ICE arrests Uzbek man": a plural noun of a verb frame between a named body (its compound) and a
 * noun of people or a name (its head) is a headline's verb in the present tense.
 */
function headlineVerb(g: SentenceGraph, i: number, env: EventRuleEnv): boolean {
  if (pos(g, i) !== 'NNS' || !env.frames.byVerb.has(lemmaOf(g, i))) return false;
  const head = headsOf(g, i).find((a) => a.rel === 'compound')?.to;
  if (head === undefined || head < i) return false;
  const body = dependents(g, i, 'compound').some((k) => k < i && /^(?:AGENCY|ORGANIZATION|COUNTRY)$/.test(g.mentionAt[k]?.type ?? ''));
  return body && (env.frames.people.has(word(g, head)) || env.frames.people.has(lemmaOf(g, head)) || g.mentionAt[head]?.type === 'PERSON');
}

/**
 * "Afghan Man Charged with Plotting Attack": a headline drops the auxiliary of its passive, and the
 * parser reads the participle as the main verb with an active subject and no object.
 */
function headlinePassive(g: SentenceGraph, i: number): boolean {
  const arcs = g.children[i] ?? [];
  return pos(g, i) === 'VBN' && i === g.root && arcs.some((a) => a.rel === 'nsubj') && !arcs.some((a) => /^(?:aux|obj$)/.test(a.rel));
}

/** Whether the phrase headed by token k can be told something: a name that is not a demonym, a people noun, a pronoun. */
function hearer(g: SentenceGraph, k: number, env: EventRuleEnv): boolean {
  const m = g.mentionAt[k];
  if (m) return !isDemonym(m);
  const w = word(g, k);
  return /^PRP/.test(pos(g, k)) || env.frames.people.has(w) || env.frames.people.has(lemmaOf(g, k)) || BODY_NOUNS.has(w) || GENERIC_AGENTS.has(lemmaOf(g, k)) || mentionsUnder(g, k).some((x) => !isDemonym(x));
}

/** The verb a subjectless passive adverbial clause ("after being alerted by…") hangs on, if the trigger heads one. */
function adverbialPassiveHead(g: SentenceGraph, i: number): number | undefined {
  const arcs = g.children[i] ?? [];
  if (!arcs.some((a) => a.rel === 'aux:pass') || arcs.some((a) => /^nsubj/.test(a.rel))) return undefined;
  return headsOf(g, i).find((a) => /^advcl/.test(a.rel) && isVerb(g, a.to))?.to;
}

/** The causative "have"/"get" a participle trigger completes ("had him arrested"), if any. */
function causedBy(g: SentenceGraph, i: number): number | undefined {
  if (pos(g, i) !== 'VBN' || dependents(g, i, 'nsubj').length === 0) return undefined;
  return headsOf(g, i).find((a) => (a.rel === 'ccomp' || a.rel === 'xcomp') && /^(?:have|get)$/.test(lemmaOf(g, a.to)))?.to;
}

/** Whether the trigger at i is in the passive voice. */
function passiveAt(g: SentenceGraph, i: number): boolean {
  if (!isVerb(g, i)) return false;
  if ((g.children[i] ?? []).some((a) => a.rel === 'aux:pass' || a.rel === 'nsubj:pass')) return true;
  // "The FBI had him arrested": a participle under a causative "have"/"get".
  if (causedBy(g, i) !== undefined) return true;
  if (headlinePassive(g, i)) return true;
  // "a man arrested in Brooklyn", "migrants released into the U.S.": a participle modifying a noun.
  return pos(g, i) === 'VBN' && headsOf(g, i).some((a) => a.rel === 'acl' || a.rel === 'amod');
}

/**
 * The entities of an argument headed by token `head`: the mentions in its phrase, or what a
 * pronoun or "the ministry" points back to, or a group told of before ("the men", "they").
 */
function argument(g: SentenceGraph, head: number, role: EventRole, env: EventRuleEnv, skipOwner = false): Participant[] {
  // "WASHINGTON – The FBI has arrested…": the parser makes the dateline the subject and hangs the
  // real one under it by "dep".
  const dateline = datelineEnd(g);
  if (head < dateline) return (g.children[head] ?? []).filter((a) => (a.rel === 'dep' || a.rel === 'appos') && a.to >= dateline).flatMap((a) => argument(g, a.to, role, env, skipOwner));
  // "arrested Tawhedi's brother-in-law": the parser may make the possessor the head and hang what
  // it owns under it by "dep"; whom the act befell is the one owned.
  const possessed = skipOwner && g.mentionAt[head] && dependents(g, head, 'case').some((k) => pos(g, k) === 'POS') ? dependents(g, head, 'dep').find((k) => k > head && isNoun(g, k)) : undefined;
  if (possessed !== undefined) return argument(g, possessed, role, env, skipOwner);
  const own = g.mentionAt[head];
  // "The U.S. Federal Bureau of Investigation arrested…": a body's agent is the body, not the
  // country or place that qualifies its name.
  const datelineStart = dateline > 0 ? (g.tokens[dateline]?.start ?? 0) : 0;
  // "arrested a 42-year-old Guatemalan fugitive": when the parser leaves a bare determiner as the
  // argument, the noun phrase it lost hangs under it by "dep".
  if (pos(g, head) === 'DT' && !g.mentionAt[head]) {
    const lost = dependents(g, head, 'dep').flatMap((k) => mentionsInClause(g, k));
    if (lost.length > 0) return lost.map((m) => ({ mention: m, role: roleOf(g, m, role) }));
  }
  // "German Interior Minister Nancy Faeser said": a demonym before an office is the country the person serves.
  const serves = (m: Mention): boolean => own?.type === 'PERSON' && m.type === 'COUNTRY' && isDemonym(m) && m.end < own.start && g.tokens.some((t) => t.start >= m.end && t.end <= own.start && env.frames.offices.has(t.word.toLowerCase()));
  const found = mentionsUnder(g, head, skipOwner ? SUBJECT_SKIPS : set()).filter(
    (m) =>
      // "BISHKEK, March 3 (Reuters) - Kyrgyzstan…": nothing in the dateline takes part.
      m.start >= datelineStart && (!(role === 'agent' && own && m !== own && own.type !== 'LOCATION' && own.type !== 'COUNTRY' && (m.type === 'LOCATION' || m.type === 'COUNTRY')) || serves(m)),
  );
  // "a suspected Islamic State terrorist was arrested", "a Hamas official was detained": a group that
  // qualifies a person is what they belong to, not whom the act befell.
  // ("released this member of the Hezb-e-Islami": so is the group a person is a member of.)
  if (role === 'subject' && skipOwner && !own) {
    const people = env.frames.people.has(word(g, head)) || env.frames.people.has(lemmaOf(g, head));
    const qualifiers = new Set(
      (g.children[head] ?? [])
        .filter((a) => a.rel === 'compound' || a.rel === 'amod' || (people && a.rel === 'nmod:of'))
        .flatMap((a) => mentionsUnder(g, a.to))
        .filter((m) => m.type === 'ORGANIZATION'),
    );
    if (qualifiers.size > 0) found.splice(0, found.length, ...found.filter((m) => !qualifiers.has(m)));
  }
  // "Dilmurod Ergashev, a member of Group 24, …, was detained": a named person's appositive adds
  // only a nationality ("an Afghan national"), never another party.
  // ("the four gunmen - Dalerzhon Mirzoev, Saidakram Rachabalizoda … - were detained": a list of
  // names set beside the first is theirs too.)
  if (own?.type === 'PERSON' && role === 'subject') {
    const listed = new Set(dependents(g, head, 'appos').flatMap((k) => [k, ...dependents(g, k, 'conj:and')]).map((k) => g.mentionAt[k]).filter((m) => m?.type === 'PERSON'));
    const apart = found.filter((m) => m === own || m.type === 'COUNTRY' || listed.has(m));
    found.splice(0, found.length, ...apart);
  }
  // "a student at Tufts University", "76 workers at a Glenn Valley Foods plant": where they were, not who.
  const at = new Set(subtree(g, head, (a) => !/^(?:acl|ref|punct)/.test(a.rel)).flatMap((k) => dependents(g, k, 'nmod:at').flatMap((j) => mentionsUnder(g, j))));
  if (found.length > 0) {
    const out: Participant[] = found.map((m) => ({ mention: m, role: role === 'subject' && at.has(m) ? 'place' : roleOf(g, m, role) }));
    // "a Maryland man deported to El Salvador": where the people are from is no one; they are still people.
    if (role === 'subject' && !out.some((p) => p.role === 'subject') && (env.frames.people.has(word(g, head)) || env.frames.people.has(lemmaOf(g, head)))) out.push({ role, unnamed: true });
    return out;
  }
  const w = word(g, head);
  const offset = g.tokens[head]?.start ?? 0;
  // "Deputies arrested a Honduran man … and turned him over to ICE": a pronoun object of a verb
  // joined to another is that verb's object.
  if (/^(?:he|him|she|her|they|them)$/.test(w)) {
    const shared = headsOf(g, head)
      .filter((a) => a.rel === 'obj')
      .flatMap((a) => headsOf(g, a.to).filter((h) => h.rel.startsWith('conj') && h.to < a.to))
      .flatMap((h) => dependents(g, h.to, 'obj'))
      .filter((k) => k < head && !/^PRP/.test(pos(g, k)));
    if (shared.length > 0) return argument(g, shared[0] ?? head, role, env, skipOwner);
  }
  const types = PRONOUN_TYPES[w];
  if (types) {
    // "The ministry says it has arrested 11 people": "it" is the speaker of the verb it reports to.
    const speaker = reportedBy(g, head);
    if (speaker && types.has(speaker.type)) return [{ mention: speaker, role }];
    // "…, attorney Mark Ryzhkov said. She is being held…": someone quoted is seldom who the story is
    // about; "Trump was found guilty … an affair with Stormy Daniels. He has denied…": the subject of
    // a clause is likelier to be spoken of again than a name inside it.
    const candidate = (x: Mention): boolean => types.has(x.type) && !isDemonym(x) && !env.speakers.has(x);
    // (…but "Hawley said… He alleged that…": one who speaks again is the one who spoke.)
    const speaksAgain = headsOf(g, head).some((a) => a.rel === 'nsubj' && (REPORTING.has(lemmaOf(g, a.to)) || env.frames.byVerb.get(lemmaOf(g, a.to))?.type === 'Statement'));
    const lastSpeaker = speaksAgain ? env.before(offset, (x) => types.has(x.type) && !isDemonym(x) && env.speakers.has(x), 1) : undefined;
    const m = lastSpeaker ?? env.before(offset, (x) => candidate(x) && env.subjects.has(x), 2) ?? env.before(offset, candidate, 2) ?? env.before(offset, (x) => types.has(x.type) && !isDemonym(x), 2);
    return m ? [{ mention: m, role }] : [];
  }
  if (w === 'they' || w === 'them') return [{ role, group: true }];
  const dets = dependents(g, head, 'det').map((d) => word(g, d));
  // "the sheriff's office": a possessor noun with "the" makes the phrase definite and must be in the name too.
  const possessor = dependents(g, head, 'nmod:poss').find((k) => !g.mentionAt[k] && isNoun(g, k) && hasDependent(g, k, ['det'], set('the')));
  // ("All eight men", "all 25 suspects": a counted group told of before.)
  const counted = dets.includes('all') && dependents(g, head, 'nummod').length > 0;
  const definite = dets.some((d) => /^(?:the|this|these|those|both)$/.test(d)) || hasDependent(g, head, ['nummod'], set('both')) || possessor !== undefined || counted;
  if (definite && BODY_NOUNS.has(w)) {
    const named = (x: Mention): boolean => x.name.toLowerCase().includes(w) && (possessor === undefined || x.name.toLowerCase().includes(word(g, possessor)));
    // "Lyons said the agency had arrested…": with no body of that name, "the agency" is the government body named last by its name.
    const m = env.before(offset, (x) => (x.type === 'AGENCY' || x.type === 'ORGANIZATION') && named(x), 3) ?? (w === 'agency' ? env.before(offset, (x) => x.type === 'AGENCY' && /^\p{Lu}/u.test(x.surface), 3) : undefined);
    return m ? [{ mention: m, role }] : [];
  }
  // "his home country alerted…", "their government": the country last named (by name or demonym).
  const owned = dependents(g, head, 'nmod:poss').some((k) => /^(?:his|her|their|its)$/.test(word(g, k))) || hasDependent(g, head, ['amod', 'compound'], set('home', 'native'));
  if (owned && COUNTRY_NOUNS.has(w)) {
    // A home country is a nationality: a demonym ("an Uzbek man") before any country merely named.
    const m = env.before(offset, (x) => x.type === 'COUNTRY' && isDemonym(x), 2) ?? env.before(offset, (x) => x.type === 'COUNTRY', 2);
    return m ? [{ mention: m, role }] : [];
  }
  // "The man, identified by DHS as Alisher Tursunov, …", "the two people, whom Covington described as
  // Jordanian noncitizens": the name or nationality a participle or relative clause gives them.
  const namedAs = (g.children[head] ?? []).filter((a) => /^acl(?::relcl)?$/.test(a.rel) && NAMING.has(lemmaOf(g, a.to))).flatMap((a) => dependents(g, a.to, 'obl:as'));
  if (namedAs.length > 0 && namedAs.some((k) => mentionsUnder(g, k).length > 0)) return namedAs.flatMap((k) => argument(g, k, role, env, skipOwner));
  // People named by a common noun: the subject of "the men were held", "the pair was charged" is a group told of before.
  const people = env.frames.people;
  if (definite && people.has(w) && (/S$/.test(pos(g, head)) || COLLECTIVE.has(w))) return [{ role, group: true }];
  // "Most of these migrants", "150 of them", "some of the men": the people are the "of" phrase.
  const of = /^(?:JJS|CD|DT|JJ|PDT|NN)$/.test(pos(g, head)) && QUANTIFIERS.test(w) ? dependents(g, head, 'nmod:of')[0] : undefined;
  if (of !== undefined) return argument(g, of, role, env, skipOwner);
  // "The man who attacked people … was a Somali refugee": a predicate says who the actor was.
  const predicate = headsOf(g, head).find((a) => a.rel === 'nsubj' && hasDependent(g, a.to, ['cop'], set('be')) && a.to > head);
  if (predicate && mentionsUnder(g, predicate.to).length > 0) return argument(g, predicate.to, role, env, skipOwner);
  // "A Kyrgyz national …": a demonym right before a people noun the parser hung elsewhere is still theirs.
  const before = g.mentionAt[head - 1];
  if ((people.has(w) || people.has(lemmaOf(g, head))) && before?.type === 'COUNTRY' && isDemonym(before)) return [{ mention: before, role }];
  if (people.has(w) || people.has(lemmaOf(g, head)) || (pos(g, head) === 'CD' && role === 'subject')) return [{ role, unnamed: true }];
  return [];
}

/** The bodies a clause names by a definite common noun ("the department's technology"). */
function bodiesInClause(g: SentenceGraph, head: number, env: EventRuleEnv): Mention[] {
  const found = subtree(g, head, (a) => a.rel !== 'ref' && a.rel !== 'punct')
    .filter((i) => !g.mentionAt[i] && BODY_NOUNS.has(word(g, i)) && hasDependent(g, i, ['det'], set('the', 'this')))
    .map((i) => env.before(g.tokens[i]?.start ?? 0, (x) => (x.type === 'AGENCY' || x.type === 'ORGANIZATION') && x.name.toLowerCase().includes(word(g, i)), Infinity));
  return [...new Set(found.filter((m): m is Mention => m !== undefined))];
}

/** A place named in any argument is where the event happened. */
function roleOf(g: SentenceGraph, m: Mention, role: EventRole): EventRole {
  if (m.type === 'LOCATION') return 'place';
  return role;
}

/** The subject of the reporting verb whose complement holds token i ("the ministry said it…"). */
function reportedBy(g: SentenceGraph, i: number, types: ReadonlySet<string> = AGENTS): Mention | undefined {
  let k = i;
  for (let depth = 0; depth < 4; depth++) {
    const up = headsOf(g, k).find((a) => a.rel !== 'ref');
    // "said the bureau received warnings before he was arrested": an adverbial clause is not what was said.
    // (A trailing "…, the department said" the parser reads as an adverbial clause with no marker still is.)
    if (!up || /^(?:obl|nmod)/.test(up.rel) || (/^advcl/.test(up.rel) && dependents(g, k, 'mark').length > 0)) return undefined;
    if ((up.rel === 'ccomp' || up.rel === 'parataxis' || /^advcl/.test(up.rel)) && REPORTING.has(lemmaOf(g, up.to))) {
      const subj = dependents(g, up.to, 'nsubj')[0];
      return subj === undefined ? undefined : mentionsUnder(g, subj).find((m) => types.has(m.type));
    }
    k = up.to;
  }
  return undefined;
}

/** The mentions that speak in a sentence: those under the subject of a reporting verb. */
export function speakersIn(g: SentenceGraph): Mention[] {
  const reporting = (i: number): boolean => isVerb(g, i) && REPORTING.has(lemmaOf(g, i));
  const bySyntax = g.tokens.flatMap((_, i) => (reporting(i) ? dependents(g, i, 'nsubj').flatMap((k) => mentionsUnder(g, k)) : []));
  // "…outside her apartment, attorney Mark Ryzhkov said.": a trailing attribution the parser often misreads.
  const byOrder = g.tokens.flatMap((_, i) => {
    const m = g.mentionAt[i];
    return m && g.mentionAt[i + 1] !== m && (reporting(i + 1) || (reporting(i - 1) && g.mentionAt[i - 1] !== m)) ? [m] : [];
  });
  return [...bySyntax, ...byOrder];
}

const TIME_WORDS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter)$/;

/**
 * The "of" phrases of a noun trigger: "the arrest of X", and "the arrests in June of eight men",
 * where the parser hangs "of" on the date between.
 */
function ofPhrases(g: SentenceGraph, i: number): number[] {
  const time = [...(g.children[i] ?? []), ...headsOf(g, i).flatMap((h) => (g.children[h.to] ?? []).filter((a) => a.to > i))]
    .filter((a) => /^(?:obl|nmod):(?:in|on|during)$/.test(a.rel) && TIME_WORDS.test(word(g, a.to)) && a.to > i && a.to <= i + 3)
    .map((a) => a.to);
  return [...dependents(g, i, 'nmod:of'), ...time.flatMap((k) => dependents(g, k, 'nmod:of'))];
}

/**
 * "…, the Justice Department said." when the parser hangs "said" on the trigger with no subject:
 * the body named right before the reporting verb.
 */
function trailingSpeaker(g: SentenceGraph, i: number): Mention | undefined {
  // The reporting verb closes the sentence (but for its time: "…, the department said Thursday.").
  const closes = (k: number): boolean => {
    const own = new Set((g.children[k] ?? []).filter((a) => a.rel.startsWith('obl')).flatMap((a) => subtree(g, a.to, () => true)));
    return g.tokens.every((t, j) => j <= k || own.has(j) || /^[.!?"'”’)]+$/.test(t.word));
  };
  const verb = g.tokens.findIndex((_, k) => k > i && isVerb(g, k) && REPORTING.has(lemmaOf(g, k)) && closes(k));
  const m = verb < 0 ? undefined : g.mentionAt[verb - 1];
  if (!m || (m.type !== 'AGENCY' && m.type !== 'COUNTRY')) return undefined;
  // Set off by a comma: "…, the Justice Department said".
  const first = g.tokens.findIndex((t) => t.start >= m.start);
  const opener = g.tokens[first - 1]?.word === 'the' ? first - 2 : first - 1;
  return g.tokens[opener]?.word === ',' ? m : undefined;
}

/**
 * The bodies whose custody or facility the noun at k is: "ICE custody", "the custody of ICE's
 * Enforcement and Removal Operations" (the parser may hang the second body by "dep"), "an ICE
 * detention center".
 */
function bodiesOwning(g: SentenceGraph, k: number): Mention[] {
  return (g.children[k] ?? [])
    .filter((c) => /^(?:compound|nmod:poss|nmod:of|dep)$/.test(c.rel))
    .flatMap((c) => mentionsUnder(g, c.to))
    .filter((m) => m.type === 'AGENCY' || m.type === 'ORGANIZATION');
}

/** The mentions that head the subject of a clause in a sentence. */
export function subjectsIn(g: SentenceGraph): Mention[] {
  return g.tokens.flatMap((_, i) => (headsOf(g, i).some((a) => a.rel === 'nsubj' || a.rel === 'nsubj:pass') && g.mentionAt[i] ? [g.mentionAt[i] as Mention] : []));
}

/** Arguments by relation, each read as `role`. */
function byRel(g: SentenceGraph, i: number, rels: readonly string[], role: EventRole, env: EventRuleEnv, skipOwner = false): Participant[] {
  return (g.children[i] ?? []).filter((a) => rels.includes(a.rel)).flatMap((a) => argument(g, a.to, role, env, skipOwner));
}

/** Places: obliques and noun modifiers by a preposition of place whose entities are places or countries. */
function places(g: SentenceGraph, i: number, env: EventRuleEnv, origin = false): Participant[] {
  return [
    ...(g.children[i] ?? [])
      .filter((a) => /^(?:obl|nmod):/.test(a.rel) && PLACE_PREPOSITIONS.has(a.rel.split(':')[1] ?? ''))
      // "arrested eight men from Tajikistan": where people come from is who they are (role.origin).
      .filter((a) => !(origin && a.rel.endsWith(':from') && mentionsUnder(g, a.to).some((m) => m.type === 'COUNTRY')))
      // "at the request of U.S. authorities": a phrase headed by another event is no place, though
      // its own place is ("remains in ICE custody in Baltimore").
      .flatMap((a): Participant[] =>
        frameOf(env, g, a.to) !== undefined
          ? [...places(g, a.to, env), ...dependents(g, a.to, 'compound').flatMap((k) => (g.mentionAt[k]?.type === 'LOCATION' ? [{ mention: g.mentionAt[k] as Mention, role: 'place' as const }] : []))]
          : // "in Istanbul's Sarıyer district": a place's owner is a place too; "to a Salvadoran
            // prison": so is the country a place of detention is named by.
            // "at a Glenn Valley Foods plant", "at Tufts University": a company or school after "at" is where.
            mentionsUnder(g, a.to)
              .filter((m) => m.type === 'LOCATION' || (m.type === 'COUNTRY' && (!isDemonym(m) || FACILITY_NOUNS.has(lemmaOf(g, a.to)))) || (m.type === 'ORGANIZATION' && a.rel.endsWith(':at')))
              .map((m) => ({ mention: m, role: 'place' as const })),
      ),
    // "apprehended a man three miles west of the Calexico port of entry": a bearing from a place
    // (the parser may hang it on the distance: "about two miles east of…").
    ...(g.children[i] ?? [])
      .filter((a) => (/^(?:advmod|obl:npmod|obl)$/.test(a.rel) && BEARINGS.test(word(g, a.to))) || (/^obl/.test(a.rel) && DISTANCES.test(lemmaOf(g, a.to)) && dependents(g, a.to, 'advmod').some((k) => BEARINGS.test(word(g, k)))))
      .flatMap((a) => [...dependents(g, a.to, 'obl:of'), ...dependents(g, a.to, 'nmod:of')])
      .flatMap((k) => mentionsUnder(g, k).filter((m) => m.type === 'LOCATION' || (m.type === 'COUNTRY' && !isDemonym(m))))
      .map((m) => ({ mention: m, role: 'place' as const })),
    // "found guilty on all 34 counts … in the New York trial": the parser hangs a place phrase on the
    // noun before it as often as on the verb.
    ...(g.children[i] ?? [])
      .filter((a) => /^obl:/.test(a.rel) && !PLACE_PREPOSITIONS.has(a.rel.split(':')[1] ?? '') && frameOf(env, g, a.to) === undefined)
      // ("apprehended on March 10 near San Ysidro": or on a date.)
      .flatMap((a) => (g.children[a.to] ?? []).filter((c) => /^nmod:(?:in|at|near|outside|inside|within)$/.test(c.rel)).map((c) => c.to))
      .flatMap((k) => mentionsUnder(g, k).filter((m) => m.type === 'LOCATION' || (m.type === 'COUNTRY' && !isDemonym(m))))
      .map((m) => ({ mention: m, role: 'place' as const })),
  ];
}

const frameOf = (env: EventRuleEnv, g: SentenceGraph, i: number): EventFrame | undefined => {
  const lemma = lemmaOf(g, i);
  if (isVerb(g, i)) return env.frames.byVerb.get(lemma);
  if (isNoun(g, i) && pos(g, i) !== 'NNP' && pos(g, i) !== 'NNPS') return env.frames.byNoun.get(lemma);
  return undefined;
};

/** The ordered rules of the syntax event reader, by stage. */
export const EVENT_RULES: {
  trigger: readonly TriggerRule[];
  block: readonly BlockRule[];
  role: readonly RoleRule[];
  count: readonly CountRule[];
} = {
  trigger: [
    {
      id: 'trigger.into-custody',
      description: '"taken into custody", "placed under arrest": the arrest itself.',
      example: 'FBI agents took Ravshan Alimov into custody in Denver.',
      expect: { type: 'Arrest', participants: ['Federal Bureau of Investigation', 'Ravshan Alimov', 'Denver'] },
      find: (g, i, env) => {
        // (…and "placed under arrest", "put under arrest".)
        const custody = /^(?:take)$/.test(lemmaOf(g, i)) ? dependents(g, i, 'obl:into').find((k) => lemmaOf(g, k) === 'custody') : /^(?:place|put)$/.test(lemmaOf(g, i)) ? dependents(g, i, 'obl:under').find((k) => lemmaOf(g, k) === 'arrest') : undefined;
        const frame = env.frames.byType.get('Arrest');
        return custody !== undefined && frame && !dependents(g, custody, 'nmod:poss').length && !dependents(g, custody, 'compound').some((k) => g.mentionAt[k])
          ? { frame, passive: passiveAt(g, i), noun: false }
          : undefined;
      },
    },
    {
      id: 'trigger.handed-to-custody',
      description: '"transferred to ICE custody", "taken to the Otay Mesa Detention Center": a detention by the body that takes them.',
      example: 'Border Patrol agents transferred Omar Haddad to ICE custody.',
      expect: { type: 'Detention', participants: ['U.S. Border Patrol', 'Omar Haddad', 'Immigration and Customs Enforcement'] },
      find: (g, i, env) => {
        if (!/^(?:transfer|hand|turn|take|book|move|send|place|remand)$/.test(lemmaOf(g, i))) return undefined;
        const to = (g.children[i] ?? []).filter((a) => /^obl:(?:to|into|over_to|in)$/.test(a.rel)).map((a) => a.to);
        // "turned him over to ICE": handing someone over to an agency puts them in its custody.
        const over = hasDependent(g, i, ['compound:prt'], set('over')) && to.some((k) => mentionsUnder(g, k).some((m) => m.type === 'AGENCY'));
        // "taken to the Orange County Correctional Facility": a named place of detention is custody too.
        const custody = to.some((k) => /^(?:custody|detention|jail|prison)$/.test(lemmaOf(g, k)) || mentionsUnder(g, k).some((m) => m.type === 'LOCATION' && FACILITY.test(m.name)));
        const frame = env.frames.byType.get('Detention');
        return (custody || over) && frame ? { frame, passive: passiveAt(g, i), noun: false } : undefined;
      },
    },
    {
      id: 'trigger.held-in-custody',
      description: '"is being held in federal custody", "remains in detention": a detention.',
      example: 'Tohir Nazarov is being held at a detention center in Texas.',
      expect: { type: 'Detention', participants: ['Tohir Nazarov', 'Texas'] },
      find: (g, i, env) => {
        const frame = env.frames.byType.get('Detention');
        const held = lemmaOf(g, i) === 'hold' && passiveAt(g, i) && (g.children[i] ?? []).some((a) => /^obl:(?:in|at|without)$/.test(a.rel));
        const remains = STATES.has(lemmaOf(g, i)) && dependents(g, i, 'obl:in').some((k) => /^(?:custody|detention|jail|prison)$/.test(lemmaOf(g, k)));
        return (held || remains) && frame ? { frame, passive: true, noun: false } : undefined;
      },
    },
    {
      id: 'trigger.found-guilty',
      description: '"found guilty", "pleaded guilty" (a hearing), before the verb "plead" of the frame.',
      example: 'A jury in Boston found Adam Reyes guilty of fraud.',
      expect: { type: 'Hearing', participants: ['Adam Reyes', 'Boston'] },
      find: (g, i, env) => {
        const frame = env.frames.byType.get('Hearing');
        const guilty = (g.children[i] ?? []).some((a) => /^(?:xcomp|obj|advmod)$/.test(a.rel) && /^(?:guilty|innocent|liable)$/.test(lemmaOf(g, a.to)));
        return /^(?:find|plead)$/.test(lemmaOf(g, i)) && guilty && frame ? { frame, passive: passiveAt(g, i), noun: false } : undefined;
      },
    },
    {
      id: 'trigger.told-legislature',
      description: '"told the Senate Judiciary Committee": speaking to a legislature is testimony.',
      example: 'FBI Director Kash Patel told the House Judiciary Committee that vetting had failed.',
      expect: { type: 'Testimony', participants: ['Kash Patel', 'House Judiciary Committee'] },
      find: (g, i, env) => {
        const frame = env.frames.byType.get('Testimony');
        const legislature = dependents(g, i, 'obj').concat(dependents(g, i, 'iobj')).some((k) => mentionsUnder(g, k).some((m) => m.type === 'AGENCY' && /\b(?:Committee|Subcommittee|Congress|Senate|House|Parliament)\b/.test(m.name)));
        return /^(?:tell|brief|inform|warn)$/.test(lemmaOf(g, i)) && legislature && frame ? { frame, passive: false, noun: false } : undefined;
      },
    },
    {
      id: 'trigger.body-tells-body',
      description: '"The FBI told DHS that the man was on the watchlist": one body telling another what it knows is an alert.',
      example: 'The FBI told the Department of Homeland Security that Karim Aliev was on a watchlist.',
      expect: { type: 'Alert', participants: ['Federal Bureau of Investigation', 'Department of Homeland Security', 'Karim Aliev'] },
      find: (g, i, env) => {
        const frame = env.frames.byType.get('Alert');
        const body = (k: number): boolean => mentionsUnder(g, k).some((m) => m.type === 'AGENCY' || m.type === 'COUNTRY');
        const told = /^(?:tell|inform|brief)$/.test(lemmaOf(g, i)) && isVerb(g, i) && dependents(g, i, 'nsubj').some(body) && [...dependents(g, i, 'obj'), ...dependents(g, i, 'iobj')].some(body) && dependents(g, i, 'ccomp').length > 0;
        return told && frame ? { frame, passive: false, noun: false } : undefined;
      },
    },
    {
      id: 'trigger.audit-finding',
      description: '"The Inspector General found that DHS lacks…": what an auditing office finds is a report on what it audited.',
      example: 'The Government Accountability Office found that the FBI mishandled the tips.',
      expect: { type: 'Report', participants: ['Government Accountability Office', 'Federal Bureau of Investigation'] },
      find: (g, i, env) => {
        const frame = env.frames.byType.get('Report');
        const auditor = dependents(g, i, 'nsubj').some((k) => mentionsUnder(g, k).some((m) => m.type === 'AGENCY' && AUDITORS.test(m.name)));
        return /^(?:find|conclude)$/.test(lemmaOf(g, i)) && isVerb(g, i) && auditor && dependents(g, i, 'ccomp').length > 0 && frame ? { frame, passive: false, noun: false } : undefined;
      },
    },
    {
      id: 'trigger.shared-intelligence',
      description: '"shared information with the FBI", "passed a tip to police": an alert.',
      example: 'The government of Kazakhstan shared information with the FBI about Arman Seitov.',
      expect: { type: 'Alert', participants: ['Kazakhstan', 'Federal Bureau of Investigation', 'Arman Seitov'] },
      find: (g, i, env) => {
        const frame = env.frames.byType.get('Alert');
        const intelligence = dependents(g, i, 'obj').some((k) => /^(?:information|intelligence|tip|detail|warning|data)$/.test(lemmaOf(g, k)));
        return /^(?:share|pass|provide|send|give|relay|forward)$/.test(lemmaOf(g, i)) && isVerb(g, i) && intelligence && frame ? { frame, passive: passiveAt(g, i), noun: false } : undefined;
      },
    },
    {
      id: 'trigger.headline-verb',
      description: '"ICE arrests Uzbek man with ties to ISIS": a headline\'s verb the parser reads as a plural noun inside one long noun phrase, between a body and the people it acted on.',
      example: 'ICE arrests Uzbek man with alleged ties to ISIS\n\nThe man was held in Baltimore.',
      expect: { type: 'Arrest', participants: ['Immigration and Customs Enforcement', 'Uzbekistan'] },
      find: (g, i, env) => {
        const frame = headlineVerb(g, i, env) ? env.frames.byVerb.get(lemmaOf(g, i)) : undefined;
        return frame ? { frame, passive: false, noun: false } : undefined;
      },
    },
    {
      id: 'trigger.verb',
      description: 'A verb whose lemma is a frame\'s (data/lexicon/event-frames.json).',
      example: 'Police in Lyon arrested Karim Benali on Monday.',
      expect: { type: 'Arrest', participants: ['Karim Benali', 'Lyon'] },
      find: (g, i, env) => {
        const frame = isVerb(g, i) ? frameOf(env, g, i) : undefined;
        return frame ? { frame, passive: passiveAt(g, i), noun: false } : undefined;
      },
    },
    {
      id: 'trigger.noun',
      description: 'A common noun whose lemma is a frame\'s ("the arrest of", "a bombing in").',
      example: 'The bombing in Kerman killed dozens of people.',
      expect: { type: 'Attack', participants: ['Kerman'] },
      find: (g, i, env) => {
        const frame = isNoun(g, i) ? frameOf(env, g, i) : undefined;
        return frame ? { frame, passive: false, noun: true } : undefined;
      },
    },
  ],
  block: [
    {
      id: 'block.in-name',
      description: 'A trigger word inside a name ("Removal Operations") is no event.',
      example: 'Enforcement and Removal Operations opened a new office in Miami.',
      expect: { type: 'Deportation' },
      blocks: (g, i) => g.mentionAt[i] !== undefined,
    },
    {
      id: 'block.negated',
      description: '"was not arrested", "no charges": nothing happened.',
      example: 'Ali Karimov was not charged with any crime.',
      expect: { type: 'Charge' },
      blocks: (g, i) => hasDependent(g, i, ['advmod', 'neg', 'det'], NEGATIONS),
    },
    {
      id: 'block.modal',
      description: '"could be deported", "will be sentenced": not (yet) a fact.',
      example: 'Farid Aziz could be deported to Egypt.',
      expect: { type: 'Deportation' },
      // "arrests … would continue": a noun trigger is as real as the verb it is the subject of.
      blocks: (g, i, t) => hasDependent(g, i, ['aux', 'aux:pass'], MODALS) || (t.noun && headsOf(g, i).some((a) => /^nsubj/.test(a.rel) && hasDependent(g, a.to, ['aux', 'aux:pass'], MODALS))),
    },
    {
      id: 'block.infinitive',
      description: '"to deport", "plans to arrest": an aim, not an act.',
      example: 'The agency plans to deport Jamal Idris next month.',
      expect: { type: 'Deportation' },
      // "prompting DHS to scrutinize…", "led police to arrest…": a cause's effect did happen; so does
      // a detention a court orders ("was ordered to be detained").
      // ("Efforts are underway to deport…": the parser may hang "to" by another relation.)
      blocks: (g, i, t) =>
        !t.noun &&
        (hasDependent(g, i, ['mark'], set('to')) || (pos(g, i) === 'VB' && word(g, i - 1) === 'to')) &&
        !headsOf(g, i).some((a) => a.rel === 'xcomp' && (CAUSES.has(lemmaOf(g, a.to)) || (t.frame.type === 'Detention' && lemmaOf(g, a.to) === 'order'))),
    },
    {
      id: 'block.condition',
      description: '"if he is arrested", "whether they were vetted", "how they were screened": a condition or a question.',
      example: 'Reporters asked whether Samir Haddad had been arrested.',
      expect: { type: 'Arrest' },
      blocks: (g, i) =>
        hasDependent(g, i, ['mark', 'advmod'], set('if', 'unless', 'whether', 'how', 'why', 'once')) ||
        // "how many nationals it has vetted", "which suspects were charged": a question about its arguments.
        (g.children[i] ?? []).some((a) => /^(?:obj|nsubj|nsubj:pass|obl:.*)$/.test(a.rel) && (hasDependent(g, a.to, ['det'], set('which', 'what')) || dependents(g, a.to, 'amod').some((k) => hasDependent(g, k, ['advmod'], set('how'))))),
    },
    {
      id: 'block.unreal',
      description: '"plotted an attack", "a plan to bomb", "pending removal": the event governed by an aim, a fear or a wait.',
      example: 'Prosecutors said Yusuf Demir plotted an attack on a concert in Vienna.',
      expect: { type: 'Attack' },
      blocks: (g, i) => {
        // "charged with conspiring to support ISIS and are being held…": a verb with a tense of its
        // own is no complement of the aim, however the parser joined it.
        if (finite(g, i)) return false;
        const governed = (k: number): boolean => headsOf(g, k).some((a) => /^(?:obj|xcomp|nmod:.*|obl:.*|acl|amod|ccomp|nsubj:pass)$/.test(a.rel) && UNREAL.has(lemmaOf(g, a.to)));
        // "discussed carrying out attacks": through the verb that would do it.
        const light = headsOf(g, i).filter((a) => a.rel === 'obj' && LIGHT.has(lemmaOf(g, a.to))).map((a) => a.to);
        return governed(i) || light.some(governed) || hasDependent(g, i, ['case', 'amod'], set('pending'));
      },
    },
    {
      id: 'block.announces-event',
      description: 'A statement, identification or report whose content is another event only announces it ("confirmed the arrests of…", "said she had asked the FBI").',
      example: 'Border Patrol confirmed the arrest of Nabil Saleh near Yuma.',
      expect: { type: 'Identification' },
      // (An allegation is a claim of the speaker's own, not news of an event: "He alleged that thousands were admitted".)
      blocks: (g, i, t, env) =>
        !t.noun &&
        /^(?:Statement|Identification|Report)$/.test(t.frame.type) &&
        lemmaOf(g, i) !== 'allege' &&
        (g.children[i] ?? []).some((a) => {
          const inner = frameOf(env, g, a.to)?.type;
          // ("confirmed that ISIS-K was behind the blasts" says who did it: that is no announcement.)
          const attributes = a.rel !== 'obj' && isNoun(g, a.to) && dependents(g, a.to, 'cop').length > 0;
          return /^(?:obj|ccomp|parataxis)$/.test(a.rel) && inner !== undefined && !attributes && (a.rel === 'obj' ? PEOPLE_ACTS.has(inner) : inner !== 'Statement');
        }),
    },
    {
      id: 'block.idiom',
      description: '"in charge of", "took charge", "on trial basis": a trigger noun in an idiom.',
      example: 'Laila Hassan is in charge of the unit in Denver.',
      expect: { type: 'Charge' },
      blocks: (g, i, t) => t.noun && lemmaOf(g, i) === 'charge' && !/S$/.test(pos(g, i)) && (hasDependent(g, i, ['case'], set('in')) || headsOf(g, i).some((a) => a.rel === 'obj' && lemmaOf(g, a.to) === 'take')),
    },
    {
      id: 'block.modifier-noun',
      description: '"detention center", "deportation flights", "press release": a noun used to name a thing.',
      example: 'The detention center in Tacoma holds 1,500 people.',
      expect: { type: 'Detention' },
      blocks: (g, i, t) => t.noun && (headsOf(g, i).some((a) => a.rel === 'compound') || hasDependent(g, i, ['compound'], set('press', 'news'))),
    },
    {
      id: 'block.custody-phrase',
      description: '"transferred to ICE custody", "released from custody": custody after a verb is that verb\'s, not an event of its own.',
      example: 'Border agents released Daler Umarov from custody in Ohio.',
      expect: { type: 'Detention' },
      blocks: (g, i, t) => t.noun && lemmaOf(g, i) === 'custody' && headsOf(g, i).some((a) => /^obl:(?:to|into|in|from|of)$/.test(a.rel) && isVerb(g, a.to)),
    },
    {
      id: 'block.naming',
      description: '"The man, identified by DHS as X, …": a participle that names someone is no identification.',
      example: 'The woman, identified by police as Dilnoza Karimova, was released on bond.',
      expect: { type: 'Identification' },
      blocks: (g, i) => NAMING.has(lemmaOf(g, i)) && headsOf(g, i).some((a) => a.rel === 'acl') && dependents(g, i, 'obl:as').length > 0,
    },
    {
      id: 'block.describing-participle',
      description: '"a Kyrgyz national accused of recruiting fighters", "a man suspected of…": an accusation that only describes someone is no charge.',
      example: 'A Kazakh man accused of financing ISIS was extradited to Almaty.',
      expect: { type: 'Charge' },
      blocks: (g, i) => /^(?:accuse|suspect)$/.test(lemmaOf(g, i)) && pos(g, i) === 'VBN' && headsOf(g, i).some((a) => a.rel === 'acl' || a.rel === 'amod'),
    },
    {
      id: 'block.admitted-that',
      description: '"admitted that they made an error", "admitted to lying": owning up is no admission into a country.',
      example: 'The administration admitted that it had made an error in the case of Omar Nasser.',
      expect: { type: 'Release' },
      blocks: (g, i) => lemmaOf(g, i) === 'admit' && (dependents(g, i, 'ccomp').length > 0 || dependents(g, i, 'xcomp').length > 0 || dependents(g, i, 'obl:to').some((k) => pos(g, k) === 'VBG')),
    },
    {
      id: 'block.standing-plea',
      description: '"has pleaded not guilty", "has denied the charges and pleaded not guilty": a plea in the present perfect with no date is where the defendant stands, not a hearing told.',
      example: 'Omar Haddad has denied the charges and pleaded not guilty.',
      expect: { type: 'Hearing' },
      blocks: (g, i) => {
        const not = (k: number): boolean => dependents(g, k, 'advmod').some((j) => word(g, j) === 'not');
        if (lemmaOf(g, i) !== 'plead' || !(g.children[i] ?? []).some((a) => not(a.to) || (a.rel === 'advmod' && word(g, a.to) === 'not'))) return false;
        // The auxiliary may belong to the verb the plea is joined to ("has denied … and pleaded").
        const verbs = [i, ...headsOf(g, i).filter((a) => a.rel.startsWith('conj')).map((a) => a.to)];
        const perfect = verbs.some((v) => dependents(g, v, 'aux').some((k) => /^(?:has|have)$/.test(word(g, k))));
        const dated = verbs.some((v) => (g.children[v] ?? []).some((a) => a.rel === 'obl:tmod' || /^obl:(?:on|in)$/.test(a.rel) && pos(g, a.to) === 'NNP'));
        return perfect && !dated;
      },
    },
    {
      id: 'block.accused-body',
      description: '"accused the Biden administration of misusing parole": an accusation against a government is criticism, not a charge.',
      example: 'Republican senators accused the Department of Homeland Security of ignoring the warnings.',
      expect: { type: 'Charge' },
      blocks: (g, i, t) => !t.noun && t.frame.type === 'Charge' && lemmaOf(g, i) === 'accuse' && [...dependents(g, i, 'obj'), ...dependents(g, i, 'nsubj:pass')].some((k) => g.mentionAt[k]?.type === 'AGENCY'),
    },
    {
      id: 'block.gerund-subject',
      description: '"arresting officials is wrong": a gerund that is the subject of a clause names a kind of act, not one that happened.',
      example: 'He said deporting Afghan interpreters is wrong.',
      expect: { type: 'Deportation' },
      blocks: (g, i, t) => !t.noun && pos(g, i) === 'VBG' && headsOf(g, i).some((a) => /^csubj/.test(a.rel)),
    },
    {
      id: 'block.no-hearer',
      description: '"warned that…", "warned of threats": a warning to no one named is talk, not an alert.',
      example: 'Rights groups warned that Uzbekistan could misuse the data.',
      expect: { type: 'Alert' },
      // ("warn Afghan evacuee vetting gaps risk attacks": what is warned of is no hearer either.)
      blocks: (g, i, t, env) =>
        !t.noun &&
        t.frame.type === 'Alert' &&
        !(g.children[i] ?? []).some((a) => /^(?:obj|iobj|obl:to|obl:with|nsubj:pass|nsubj:pass:xsubj)$/.test(a.rel) && hearer(g, a.to, env)) &&
        adverbialPassiveHead(g, i) === undefined,
    },
    {
      id: 'block.for-comment',
      description: '"did not respond to a request for comment": newsroom boilerplate.',
      example: 'The ministry did not answer a request for comment from Reuters.',
      expect: { type: 'Request' },
      blocks: (g, i) => dependents(g, i, 'nmod:for').some((k) => lemmaOf(g, k) === 'comment'),
    },
    {
      id: 'block.source',
      description: '"according to the report": a document cited as a source is no event.',
      example: 'According to the report, Mirzo Saidov crossed into Texas in 2022.',
      expect: { type: 'Report' },
      blocks: (g, i, t) => t.noun && hasDependent(g, i, ['case'], set('to')) && (g.children[i] ?? []).some((a) => a.rel === 'case' && lemmaOf(g, a.to) === 'to') && headsOf(g, i).some((a) => /according/.test(a.rel) || word(g, a.to) === 'according'),
    },
  ],
  role: [
    {
      id: 'role.active-subject',
      description: 'The subject of an active verb is its agent ("ICE arrested…").',
      example: 'Immigration and Customs Enforcement arrested Dilshod Rakhimov in Newark.',
      expect: { type: 'Arrest', participants: ['Immigration and Customs Enforcement', 'Dilshod Rakhimov', 'Newark'] },
      roles: (g, i, t, env) => {
        if (t.noun || t.passive || swallowedBy(g, i) !== undefined) return [];
        // ("Men with ties to ISIS crossed…": who underwent it, without what is said of them.)
        const undergoer = t.frame.undergoerVerbs.has(lemmaOf(g, i));
        return byRel(g, i, ['nsubj'], undergoer ? 'subject' : 'agent', env, undergoer);
      },
    },
    {
      id: 'role.passive-agent',
      description: 'The "by" phrase of a passive verb is its agent ("was arrested by the FBI").',
      example: 'Nodir Saidov was arrested by the FBI in Chicago.',
      expect: { type: 'Arrest', participants: ['Nodir Saidov', 'Federal Bureau of Investigation', 'Chicago'] },
      roles: (g, i, t, env) => byRel(g, i, ['obl:agent', 'obl:by', 'nmod:agent', 'nmod:by'], 'agent', env),
    },
    {
      id: 'role.headline-verb',
      description: 'The body before a headline verb read as a noun did it; the people after it had it done.',
      example: 'ICE arrests Uzbek man with alleged ties to ISIS\n\nThe man was held in Baltimore.',
      expect: { type: 'Arrest', participants: ['Immigration and Customs Enforcement', 'Uzbekistan'] },
      roles: (g, i, t, env) => {
        if (!headlineVerb(g, i, env)) return [];
        const people = headsOf(g, i).find((a) => a.rel === 'compound')?.to;
        const agents = dependents(g, i, 'compound').flatMap((k) => (g.mentionAt[k] ? [{ mention: g.mentionAt[k] as Mention, role: 'agent' as const }] : []));
        return [...agents, ...(people === undefined ? [] : argument(g, people, 'subject', env, true).filter((p) => p.mention?.key !== agents[0]?.mention.key))];
      },
    },
    {
      id: 'role.headline-passive',
      description: 'A headline\'s passive without its auxiliary ("Man Charged with…"): the subject is what it was done to.',
      example: 'Uzbek Man Charged with Plotting ISIS-Linked Attack\n\nHe was arrested on Monday.',
      expect: { type: 'Charge', participants: ['Uzbekistan', 'ISIS'] },
      roles: (g, i, t, env) => (headlinePassive(g, i) ? byRel(g, i, ['nsubj'], 'subject', env, true) : []),
    },
    {
      id: 'role.object',
      description: 'The object of an active verb, or the subject of a passive one, is what it was done to.',
      example: 'Turkish police detained Ilhom Karimov at Istanbul Airport.',
      expect: { type: 'Detention', participants: ['Turkey', 'Ilhom Karimov'] },
      roles: (g, i, t, env) =>
        t.noun
          ? []
          : [
              // (A verb the parser swallowed into a relative clause has the wrong subject: role.swallowed-main-verb.)
              ...byRel(g, i, swallowedBy(g, i) === undefined ? ['nsubj:pass', 'iobj'] : ['iobj'], 'subject', env, true),
              ...byRel(g, i, ['obj'], t.frame.object, env, true),
              // "removed a Kyrgyz national wanted at home": the parser may read a reduced relative as a
              // clause ("a national wanted…"); an act that takes no clause has that clause's subject as its object.
              ...(dependents(g, i, 'obj').length === 0 && !t.frame.content.has('ccomp') ? dependents(g, i, 'ccomp').flatMap((k) => byRel(g, k, ['nsubj'], 'subject', env, true)) : []),
              // "was arrested along with six other Tajik men": they befell the same act.
              ...byRel(g, i, ['obl:along_with', 'obl:together_with'], 'subject', env, true),
              // "found Adam Reyes guilty": the subject of an adjective complement.
              ...dependents(g, i, 'xcomp').filter((k) => /^JJ/.test(pos(g, k))).flatMap((k) => byRel(g, k, ['nsubj'], 'subject', env, true)),
            ],
    },
    {
      id: 'role.origin',
      description: '"arrested eight men from Tajikistan": the country an act on people names after "from" is the people\'s.',
      example: 'Police arrested six men from Kyrgyzstan in Denver.',
      expect: { type: 'Arrest', participants: ['Kyrgyzstan', 'Denver'] },
      roles: (g, i, t, env) => (t.noun || !HELD.has(t.frame.type) ? [] : byRel(g, i, ['obl:from'], 'subject', env, true).filter((p) => p.mention?.type === 'COUNTRY' || p.role === 'place')),
    },
    {
      id: 'role.state-subject',
      description: 'The subject of "remains in custody" is the one held.',
      example: 'Rustam Nazarov remains in ICE custody in Baltimore.',
      expect: { type: 'Detention', participants: ['Rustam Nazarov', 'Immigration and Customs Enforcement', 'Baltimore'] },
      roles: (g, i, t, env) => (!t.noun && STATES.has(lemmaOf(g, i)) ? byRel(g, i, ['nsubj'], 'subject', env, true) : []),
    },
    {
      id: 'role.causative',
      description: '"The FBI had him arrested": the one who had it done is the agent, the one it was done to the subject.',
      example: 'Yusuf Karimov fled to Texas. The FBI had him arrested in Dallas.',
      expect: { type: 'Arrest', participants: ['Federal Bureau of Investigation', 'Yusuf Karimov', 'Dallas'] },
      roles: (g, i, t, env) => {
        const cause = t.noun ? undefined : causedBy(g, i);
        return cause === undefined ? [] : [...byRel(g, cause, ['nsubj'], 'agent', env), ...byRel(g, i, ['nsubj'], 'subject', env, true)];
      },
    },
    {
      id: 'role.adverbial-controller',
      description: 'A verb in a "before/after …-ing" phrase with no subject of its own shares the subject of the clause it modifies.',
      example: 'Jamal Idris lived in Ohio for a year before being arrested in Dayton.',
      expect: { type: 'Arrest', participants: ['Jamal Idris', 'Dayton'] },
      roles: (g, i, t, env) => {
        if (t.noun || (g.children[i] ?? []).some((a) => /^nsubj/.test(a.rel))) return [];
        // (The parser may read "after crossing the border" as a phrase: obl:after.)
        const up = headsOf(g, i).find((a) => /^advcl/.test(a.rel) || /^obl:(?:after|before|since|while|upon|on)$/.test(a.rel));
        if (!up || !pos(g, i).startsWith('VB') || !/^(?:VBG|VBN)$/.test(pos(g, i))) return [];
        const undergoes = t.passive || hasDependent(g, i, ['aux:pass'], set('be', 'being', 'been')) || t.frame.undergoerVerbs.has(lemmaOf(g, i));
        return byRel(g, up.to, ['nsubj', 'nsubj:pass'], undergoes ? 'subject' : 'agent', env);
      },
    },
    {
      id: 'role.misparsed-subject',
      description: '"Since ISKP killed 145 people…": a clause opened by since/after/before that the parser reads as a preposition; the phrase right before the verb is its subject.',
      example: 'Since the Islamic State Sahel Province (ISSP) killed 40 soldiers at a Menaka army post in March, patrols have doubled.',
      expect: { type: 'Attack', participants: ['Islamic State Sahel Province', 'Menaka'], count: 40 },
      roles: (g, i, t, env) => {
        if (t.noun || t.passive || (g.children[i] ?? []).some((a) => /^nsubj/.test(a.rel))) return [];
        return (g.children[i] ?? [])
          .filter((a) => /^obl:(?:since|after|before|until|when|once)$/.test(a.rel) && a.to < i && subtreeEnd(g, a.to) === i - 1)
          .flatMap((a) => argument(g, a.to, t.frame.undergoerVerbs.has(lemmaOf(g, i)) ? 'subject' : 'agent', env));
      },
    },
    {
      id: 'role.swallowed-main-verb',
      description: '"A Tajik man who officials said had ties to ISIS was deported", "X, who is on a watchlist, was released": when the parser makes the opening noun the root and swallows the main verb into its relative clause, that noun is the verb\'s subject.',
      example: "Karim Aliev, who is on the FBI's watchlist, was released by Customs and Border Protection.",
      expect: { type: 'Release', participants: ['Karim Aliev', 'Customs and Border Protection'] },
      roles: (g, i, t, env) => {
        const root = t.noun ? undefined : swallowedBy(g, i);
        return root === undefined ? [] : argument(g, root, t.passive || t.frame.undergoerVerbs.has(lemmaOf(g, i)) ? 'subject' : 'agent', env, true);
      },
    },
    {
      id: 'role.participle-root',
      description: '"Eight men from Tajikistan suspected of ties to ISIS were arrested": when the parser makes a reduced relative\'s participle the root and hangs the main verb under it, the participle\'s subject is the main verb\'s.',
      example: 'Four men from Kyrgyzstan suspected of links to ISIS were arrested in Denver on Friday.',
      expect: { type: 'Arrest', participants: ['Kyrgyzstan', 'Denver'] },
      roles: (g, i, t, env) => {
        if (t.noun || !finite(g, i) || (g.children[i] ?? []).some((a) => /^nsubj/.test(a.rel))) return [];
        const participle = headsOf(g, i).find((a) => a.rel === 'dep' && a.to < i && pos(g, a.to) === 'VBN' && !(g.children[a.to] ?? []).some((c) => /^aux/.test(c.rel)))?.to;
        const subject = participle === undefined ? undefined : dependents(g, participle, 'nsubj')[0];
        return subject === undefined ? [] : argument(g, subject, t.passive || t.frame.undergoerVerbs.has(lemmaOf(g, i)) ? 'subject' : 'agent', env, true);
      },
    },
    {
      id: 'role.released-from',
      description: '"released from an ICE detention center": the body whose facility held someone released them.',
      example: 'Farhod Aliev was released from an ICE detention center in Louisiana.',
      expect: { type: 'Release', participants: ['Farhod Aliev', 'Immigration and Customs Enforcement', 'Louisiana'] },
      roles: (g, i, t) =>
        t.noun || t.frame.type !== 'Release'
          ? []
          : dependents(g, i, 'obl:from')
              .flatMap((k) => bodiesOwning(g, k))
              .map((m) => ({ mention: m, role: 'agent' as const })),
    },
    {
      id: 'role.misjoined-subject',
      description: '"Both men were charged … and are being held at…": a verb with a tense but no subject, joined to a verb in a complement, shares the subject of the sentence\'s main verb.',
      example: 'Both men were charged with plotting to aid ISIS and are being held in Denver.',
      expect: { type: 'Detention', participants: ['Denver'] },
      roles: (g, i, t, env) => {
        // (So does one the parser gave a thing for a subject: "…after background checks failed … and were
        // detained in New York" — people are detained, checks are not.)
        const subjects = (g.children[i] ?? []).filter((a) => /^nsubj/.test(a.rel)).map((a) => a.to);
        const people = env.frames.people;
        const thing = (k: number): boolean => !g.mentionAt[k] && /^NNS?$/.test(pos(g, k)) && !people.has(word(g, k)) && !people.has(lemmaOf(g, k));
        const misjoined = subjects.length > 0 && PEOPLE_ACTS.has(t.frame.type) && subjects.every(thing);
        if (t.noun || !finite(g, i) || (subjects.length > 0 && !misjoined) || !headsOf(g, i).some((a) => a.rel.startsWith('conj'))) return [];
        return g.root < 0 || g.root === i || !isVerb(g, g.root) ? [] : byRel(g, g.root, ['nsubj', 'nsubj:pass'], 'subject', env, true);
      },
    },
    {
      id: 'role.custodian',
      description: '"transferred him to ICE custody", "to the custody of ICE", "turned him over to ICE": the body whose custody it is holds them.',
      example: 'Border Patrol agents transferred Omar Haddad to the custody of ICE.',
      expect: { type: 'Detention', participants: ['U.S. Border Patrol', 'Omar Haddad', 'Immigration and Customs Enforcement'] },
      roles: (g, i, t) =>
        t.noun || t.frame.type !== 'Detention'
          ? []
          : hasDependent(g, i, ['compound:prt'], set('over'))
            ? dependents(g, i, 'obl:to').flatMap((k) => mentionsUnder(g, k)).filter((m) => m.type === 'AGENCY').map((m) => ({ mention: m, role: 'agent' as const }))
            : (g.children[i] ?? [])
              .filter((a) => /^obl:(?:to|into|in)$/.test(a.rel) && /^(?:custody|detention)$/.test(lemmaOf(g, a.to)))
              .flatMap((a) => bodiesOwning(g, a.to))
              .map((m) => ({ mention: m, role: 'agent' as const })),
    },
    {
      id: 'role.participle',
      description: 'A participle after a noun tells of that noun ("a man arrested in Brooklyn").',
      example: 'Officials named Abdullah Rahimi, a Syrian man arrested in Munich last week.',
      expect: { type: 'Arrest', participants: ['Syria', 'Munich'] },
      roles: (g, i, t, env) =>
        t.noun
          ? []
          : headsOf(g, i)
              .filter((a) => a.rel === 'acl' && pos(g, i) === 'VBN')
              // "8 Tajikistanis with suspected ties to ISIS detained in US": the parser may hang the
              // participle on what is said of them; it tells of whom that is said.
              .map((a) => headsOf(g, a.to).find((h) => SUBJECT_SKIPS.has(h.rel) && h.rel !== 'nmod:poss')?.to ?? a.to)
              .flatMap((k) => argument(g, k, 'subject', env, true)),
    },
    {
      id: 'role.those-included',
      description: '"Those arrested included citizens of Venezuela": who a participle\'s group includes befell it.',
      example: 'Those detained included two citizens of Peru, officials said.',
      expect: { type: 'Detention', participants: ['Peru'] },
      roles: (g, i, t, env) =>
        t.noun || pos(g, i) !== 'VBN'
          ? []
          : headsOf(g, i)
              .filter((a) => (a.rel === 'acl' || a.rel === 'amod') && mentionsUnder(g, a.to).length === 0)
              .flatMap((a) => headsOf(g, a.to).filter((h) => h.rel === 'nsubj' && /^(?:include|number|total)$/.test(lemmaOf(g, h.to))))
              .flatMap((h) => byRel(g, h.to, ['obj'], 'subject', env, true)),
    },
    {
      id: 'role.controller',
      description: 'A verb governed by another takes its controller as subject ("prompted the FBI to investigate"); enhanced++ marks it.',
      example: 'The shooting prompted the FBI to investigate Hamza Quraishi.',
      expect: { type: 'Scrutiny', participants: ['Federal Bureau of Investigation', 'Hamza Quraishi'] },
      roles: (g, i, t, env) => (t.noun ? [] : byRel(g, i, ['nsubj:xsubj', 'nsubj:pass:xsubj'], t.passive ? 'subject' : 'agent', env)),
    },
    {
      id: 'role.possessor',
      description: 'A possessive on a noun trigger: "Tawhedi\'s arrest" (subject), "ISIS\'s attack" (agent), by the frame.',
      example: 'Lawyers challenged Bakhtiyor Umarov\'s deportation to Uzbekistan.',
      expect: { type: 'Deportation', participants: ['Bakhtiyor Umarov', 'Uzbekistan'] },
      roles: (g, i, t, env) => (t.noun ? byRel(g, i, ['nmod:poss'], t.frame.possessor, env) : []),
    },
    {
      id: 'role.noun-of',
      description: '"the arrest of X" (who it befell), "the request of U.S. authorities" (whose), "the attack by X" (who did it); "at the request of" names whom the actor was asked by.',
      example: 'The arrest of Said Jalolov in Berlin surprised his family.',
      expect: { type: 'Arrest', participants: ['Said Jalolov', 'Berlin'] },
      roles: (g, i, t, env) =>
        t.noun
          ? [
              // "the arrest of X" befell X; "the request of U.S. authorities" was theirs: the "of" phrase
              // plays the possessor's part, unless the frame reads it as its content ("investigation of").
              ...(t.frame.content.has('nmod:of') ? [] : ofPhrases(g, i).flatMap((k) => argument(g, k, t.frame.possessor, env, t.frame.possessor === 'subject'))),
              ...byRel(g, i, ['nmod:including'], 'subject', env, true),
              ...byRel(g, i, ['nmod:by', 'nmod:agent'], 'agent', env),
              // "arrested X at the request of the U.S.": whoever acted was the one asked.
              ...(t.frame.type === 'Request' ? headsOf(g, i).filter((a) => /^(?:obl|nmod):at$/.test(a.rel) && isVerb(g, a.to)).flatMap((a) => byRel(g, a.to, ['nsubj', 'obl:agent'], 'subject', env)) : []),
            ]
          : [],
    },
    {
      id: 'role.noun-modifier',
      description: 'A body or country before a noun trigger did it ("an FBI raid", "Iranian arrests").',
      example: 'An FBI raid in Queens ended with two arrests.',
      expect: { type: 'Search', participants: ['Federal Bureau of Investigation', 'Queens'] },
      roles: (g, i, t) =>
        t.noun
          ? (g.children[i] ?? [])
              .filter((a) => a.rel === 'compound' || a.rel === 'amod')
              .flatMap((a) => {
                const m = g.mentionAt[a.to];
                // "the Kerman blasts": a place before the noun is where it happened.
                return m ? [{ mention: m, role: m.type === 'LOCATION' ? ('place' as const) : ('agent' as const) }] : [];
              })
          : [],
    },
    {
      id: 'role.on-charges',
      description: '"arrested X on charges that…", "detained X over the attack": a noun trigger hung on another event\'s verb befell that event\'s subject.',
      example: 'Police arrested Omar Faruq on charges of supporting al-Shabaab.',
      expect: { type: 'Charge', participants: ['Omar Faruq', 'al-Shabaab'] },
      roles: (g, i, t, env) =>
        t.noun && t.frame.possessor === 'subject'
          ? headsOf(g, i)
              .filter((a) => /^(?:obl|nmod):(?:on|for|over|after|following)$/.test(a.rel) && frameOf(env, g, a.to) !== undefined && isVerb(g, a.to))
              .flatMap((a) => [...byRel(g, a.to, passiveAt(g, a.to) ? ['nsubj:pass'] : ['obj'], 'subject', env, true), ...headsOf(g, a.to).filter((h) => h.rel === 'acl').flatMap((h) => argument(g, h.to, 'subject', env, true))])
          : [],
    },
    {
      id: 'role.light-verb',
      description: 'The subject of the verb that does a noun trigger is its agent ("ISIS carried out the attack").',
      example: 'Federal agents with ICE made the arrests in Houston.',
      expect: { type: 'Arrest', participants: ['Immigration and Customs Enforcement', 'Houston'] },
      roles: (g, i, t, env) =>
        t.noun
          ? headsOf(g, i)
              .filter((a) => (a.rel === 'obj' && LIGHT.has(lemmaOf(g, a.to))) || a.rel === 'nsubj:pass')
              .flatMap((a) => [...byRel(g, a.to, ['nsubj', 'nsubj:xsubj', 'obl:agent', 'obl:by'], 'agent', env), ...places(g, a.to, env)])
          : [],
    },
    {
      id: 'role.statement-from',
      description: '"…," said a statement from X / a statement from X said: the "from" phrase is who made the statement.',
      example: '"We welcome the ruling," said a statement from Maria Lopez, the director of the Border Rights Project.',
      expect: { type: 'Statement', participants: ['Maria Lopez'] },
      roles: (g, i, t, env) => {
        if (t.frame.type !== 'Statement') return [];
        if (t.noun) return byRel(g, i, ['nmod:from'], 'agent', env);
        // The verb's subject or object is the statement noun; "from" hangs on either.
        const statement = [...dependents(g, i, 'obj'), ...dependents(g, i, 'nsubj')].filter((k) => env.frames.byNoun.get(lemmaOf(g, k))?.type === 'Statement');
        return statement.length === 0 ? [] : [...byRel(g, i, ['obl:from'], 'agent', env), ...statement.flatMap((k) => byRel(g, k, ['nmod:from'], 'agent', env))];
      },
    },
    {
      id: 'role.said-in',
      description: '"The OIG said in a report that CBP…": the speaker wrote the report, and what it said is its content.',
      example: 'The Government Accountability Office said in a report that ICE lost track of 600 people.',
      expect: { type: 'Report', participants: ['Government Accountability Office', 'Immigration and Customs Enforcement'] },
      roles: (g, i, t, env) =>
        t.noun
          ? headsOf(g, i)
              .filter((a) => a.rel === 'obl:in' && REPORTING.has(lemmaOf(g, a.to)))
              .flatMap((a) => [
                ...byRel(g, a.to, ['nsubj'], 'agent', env),
                // "said in a report released Wednesday that…": the parser may hang "that…" on the participle.
                ...[a.to, ...dependents(g, a.to, 'dep'), ...dependents(g, i, 'acl')]
                  .flatMap((v) => dependents(g, v, 'ccomp'))
                  .flatMap((k) => mentionsInClause(g, k).slice(0, 6).map((m) => ({ mention: m, role: m.type === 'LOCATION' ? ('place' as const) : ('subject' as const) }))),
              ])
          : [],
    },
    {
      id: 'role.noun-subject',
      description: 'What a noun trigger does to someone is its target ("the bombing killed 90 people in Kerman").',
      example: 'The shooting wounded two soldiers near the White House.',
      expect: { type: 'Attack', participants: ['White House'] },
      roles: (g, i, t, env) => (t.noun ? headsOf(g, i).filter((a) => a.rel === 'nsubj' && HARMS.has(lemmaOf(g, a.to))).flatMap((a) => [...byRel(g, a.to, ['obj'], 'subject', env, true), ...places(g, a.to, env)]) : []),
    },
    {
      id: 'role.place',
      description: 'An oblique or noun modifier of place names where it happened ("in Oklahoma City", "near Calexico").',
      example: 'Jorge Ramirez was arrested near El Paso on Monday.',
      expect: { type: 'Arrest', participants: ['Jorge Ramirez', 'El Paso'] },
      roles: (g, i, t, env) => places(g, i, env, !t.noun && HELD.has(t.frame.type)),
    },
    {
      id: 'role.content',
      description: 'What the frame is about sits where the frame says ("charged with supporting ISIS", "said that…").',
      example: 'Prosecutors charged Amir Shah with supporting ISIS.',
      expect: { type: 'Charge', participants: ['Amir Shah', 'ISIS'] },
      roles: (g, i, t, env) =>
        (g.children[i] ?? [])
          .filter((a) => t.frame.content.has(a.rel))
          // What was identified, reported or asked for is the whole phrase ("migrants brought to the U.S."),
          // with "the department" standing for the department last named, however far back: a story has one.
          // (not the speaker of a trailing "…, the Justice Department said" the parser hung inside it).
          .flatMap((a) => [...mentionsInClause(g, a.to).filter((m) => !env.speakers.has(m)), ...bodiesInClause(g, a.to, env)].slice(0, 6))
          .map((m) => ({ mention: m, role: m.type === 'LOCATION' ? ('place' as const) : ('subject' as const) })),
    },
    {
      id: 'role.announcer',
      description: 'An act on people that names no agent, told by a body or a country ("the ministry said 11 people were arrested"), was done by it; a person speaking is never its agent.',
      example: 'The Interior Ministry said 11 suspects were detained in Ankara.',
      expect: { type: 'Detention', participants: ['Interior Ministry', 'Ankara'], count: 11 },
      roles: (g, i, t) => {
        // "Agents arrested Abdi Hassan…, the Justice Department said": agents nobody names act for the
        // announcer; "federal agents", "immigration officers" name their own kind of body, which may be another.
        // Prosecutors, however described, speak through their office.
        const generic = dependents(g, i, 'nsubj').some((k) => lemmaOf(g, k) === 'prosecutor' || (GENERIC_AGENTS.has(lemmaOf(g, k)) && (g.children[k] ?? []).every((a) => !/^(?:amod|compound|nmod.*)$/.test(a.rel))));
        if ((!t.noun && !t.passive && !generic) || (g.children[i] ?? []).some((a) => /^(?:obl|nmod):(?:agent|by)$/.test(a.rel))) return [];
        // "Wray said the arrest was the result of…": "the arrest" points back; its teller did not make it.
        if (t.noun && hasDependent(g, i, ['det'], set('the', 'this', 'that', 'these', 'those'))) return [];
        if (!/^(?:Arrest|Detention|Release|Deportation|Charge)$/.test(t.frame.type)) return [];
        // "…, said Marcos Charles, an ICE official": the body the speaker speaks for, never the speaker.
        const speaker = reportedBy(g, i, set('AGENCY', 'COUNTRY')) ?? trailingSpeaker(g, i);
        return speaker ? [{ mention: speaker, role: 'agent' }] : [];
      },
    },
    {
      id: 'role.officers-of-body-named',
      description: 'Officers or agents nobody names, acting where no one announces the act, work for the government body named just before them.',
      example: 'Border Patrol handed the case to Enforcement and Removal Operations. Deportation officers arrested Samir Haddad in Denver.',
      expect: { type: 'Arrest', participants: ['Enforcement and Removal Operations', 'Samir Haddad'] },
      roles: (g, i, t, env) => {
        const officers = dependents(g, i, 'nsubj').some((k) => GENERIC_AGENTS.has(lemmaOf(g, k)) && mentionsUnder(g, k).length === 0);
        if (t.noun || t.passive || !officers || !PEOPLE_ACTS.has(t.frame.type)) return [];
        if (reportedBy(g, i, set('AGENCY', 'COUNTRY')) ?? trailingSpeaker(g, i)) return [];
        // ("According to a CBP release, … agents apprehended…": the source of the story is not who acted.)
        const sources = new Set(g.tokens.flatMap((_, k) => dependents(g, k, 'obl:according_to').flatMap((j) => mentionsUnder(g, j))));
        const body = env.before(g.tokens[i]?.start ?? 0, (m) => m.type === 'AGENCY' && !sources.has(m), 1);
        return body ? [{ mention: body, role: 'agent' }] : [];
      },
    },
  ],
  count: [
    {
      id: 'count.numeral',
      description: 'A number on the people acted on: "arrested seven men", "25 suspects were charged".',
      example: 'German police arrested seven men in Cologne.',
      expect: { type: 'Arrest', count: 7 },
      count: (g, i, t) => {
        const heads = t.noun ? [...ofPhrases(g, i), ...dependents(g, i, 'nmod:including')] : [...dependents(g, i, 'obj'), ...dependents(g, i, 'nsubj:pass'), ...headsOf(g, i).filter((a) => a.rel === 'acl').map((a) => a.to)];
        for (const h of heads) {
          // "seven men" (nummod), "14 of the migrants" (det:qmod), or the number itself.
          const k = pos(g, h) === 'CD' ? h : [...dependents(g, h, 'nummod'), ...dependents(g, h, 'det:qmod')].find((x) => numberValue(g.tokens[x]?.word ?? '') !== undefined);
          const w = k === undefined ? '' : (g.tokens[k]?.word ?? '');
          const n = numberValue(w);
          // "in 2021" is a year; "2,000 people" (with its comma) is not.
          if (n !== undefined && !(n >= 1900 && n <= 2100 && !w.includes(','))) return n;
        }
        return undefined;
      },
    },
  ],
};
