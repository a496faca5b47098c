import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import { z } from 'zod';
import { ROOT_DIR } from '../../config.ts';
import { isRelationType, type RelationType } from '../../domain/types.ts';
import { findAntecedent } from './coref.ts';
import { isPersonTitle } from './people.ts';
import { isDemonym, isLegislature, NATIONAL_NOUN, type Mention, type SentenceContext } from './mention.ts';
import type { Token } from './tokenize.ts';

/** A participant's part in an event. */
export type Role = 'agent' | 'subject' | 'place';

/** An event read from one sentence, before ids are given. */
export interface FoundEvent {
  type: string;
  sentence: number;
  /** Token index of the trigger word in its sentence. */
  trigger: number;
  /** `asPeople`: a country standing for its nationals ("Tajik men", "men from Tajikistan"). */
  participants: Array<{ mention: Mention; role: Role; asPeople?: boolean }>;
  count?: number;
  /** ISO date (YYYY-MM-DD) when the text and publication date allow. */
  date?: string;
  /** The typed link the event draws from its agent to each subject. */
  relation?: RelationType;
  /**
   * The sentence opens with a group told of before ("Both men were charged…", "They are being held…")
   * and names none of them: the group is the earlier event's nationals. With 'required', an event
   * that finds none is dropped (a detention is only of people).
   */
  group?: 'borrow' | 'required';
  /** "the arrest", "this attack": a noun that points back to an event told before. */
  anaphor?: true;
  /** Ids of the rules that found the trigger and each participant (event-rules.ts). */
  rules?: string[];
}

const triggerFile = z.object({
  types: z.record(z.string(), z.object({ relation: z.string().optional(), words: z.array(z.string()) })),
  auxiliaries: z.array(z.string()),
  reportingVerbs: z.array(z.string()),
  possessives: z.array(z.string()),
  peopleNouns: z.array(z.string()),
});

interface Triggers {
  typeOf: Map<string, string>;
  relationOf: Map<string, RelationType>;
  aux: Set<string>;
  reporting: Set<string>;
  possessive: Set<string>;
  people: Set<string>;
}

let triggers: Triggers | undefined;

function load(): Triggers {
  if (!triggers) {
    const d = triggerFile.parse(JSON.parse(readFileSync(path.join(ROOT_DIR, 'data', 'lexicon', 'event-triggers.json'), 'utf8')));
    const typeOf = new Map<string, string>();
    const relationOf = new Map<string, RelationType>();
    for (const [type, spec] of Object.entries(d.types)) {
      for (const w of spec.words) typeOf.set(w, type);
      if (spec.relation && isRelationType(spec.relation)) relationOf.set(type, spec.relation);
    }
    triggers = {
      typeOf,
      relationOf,
      aux: new Set(d.auxiliaries),
      reporting: new Set(d.reportingVerbs),
      possessive: new Set(d.possessives),
      people: new Set(d.peopleNouns),
    };
  }
  return triggers;
}

const BEFORE = 12;
const AFTER = 15;
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
};
// "report" and "request" are events when something follows them: "a report released", "a request for".
const AMBIGUOUS_NOUNS = new Set(['report', 'reports', 'request', 'requests', 'attack', 'alert', 'search', 'release', 'charges']);
const NOUN_EVENT_CUES = new Set(['made', 'issued', 'on', 'that', 'released', 'found', 'published', 'by', 'from', 'for', 'to', 'in', 'at', 'near', 'says', 'said', 'showed', 'shows', 'concluded', 'of', 'them', 'him', 'her']);
// After a trigger noun these make a thing, not an event: "a detention center", "detention beds".
const NOUN_COMPOUNDS = new Set(['operations', 'proceedings', 'order', 'orders', 'case', 'cases', 'defense', 'relief', 'center', 'centers', 'centre', 'centres', 'facility', 'facilities', 'camp', 'camps', 'site', 'sites', 'officer', 'officers', 'beds', 'space', 'capacity', 'warrant', 'warrants', 'record', 'records', 'quota', 'quotas', 'powers', 'authority', 'statistics', 'figures', 'rates']);
const EVENT_NOUNS = /^(?:arrests?|detentions?|deportations?|releases?|attacks?|raids?|removals?|charges|investigations?)$/;
// Events that happen where someone is, not where they are sent.
const STAYS = new Set(['Arrest', 'Detention', 'Charge', 'Hearing']);
const AROUND = /^(?:following|after|since|before|despite|amid|during)$/i;
const JUDGING = /^(?:called|calls|condemned|condemns|criticized|criticised|criticizes|praised|praises|defended|defends|denounced|decried|welcomed|welcomes|questioned|protested|blasted|slammed|applauded|hailed|opposed)$/i;
const FACILITY = /\b(?:Jail|Prison|Penitentiary|Facility|Center|Centre)$/;
// What an announcing agency does itself; an arrest it tells of may be someone else's ("DHS said the man was arrested by local police").
const HELD_OR_SENT = new Set(['Detention', 'Release', 'Deportation']);
const AUDITORS = /\b(?:Inspector General|Accountability Office|Inspectors General)\b/;
const PROSECUTORS = /\b(?:Justice|Attorney|Attorneys|Prosecutor|Prosecutors)\b/;
const LIGHT_VERBS = /^(?:made|makes|carried|carries|conducted|conducts|led|leads|ordered|orders|oversaw|oversees|executed|performed|stepped|ramped|completed|completes|began|begins|started|starts|effected|finished|coordinated|coordinates|facilitated)$/;
const HELD_CUES = new Set(['in', 'at', 'by', 'without', 'on', 'for', 'since', 'until']);
const PUBLICATIONS = new Set(['report', 'reports', 'statement', 'video', 'videos', 'data', 'records', 'findings', 'memo', 'audit', 'document', 'documents', 'footage', 'figures', 'images']);
const SHARING_VERBS = new Set(['shared', 'passed', 'provided', 'sent', 'gave', 'relayed']);
const INTELLIGENCE = new Set(['information', 'intelligence', 'tip', 'tips', 'details', 'warning', 'data']);
const TESTIMONY_VERBS = new Set(['told', 'briefed', 'testified', 'warned', 'informed']);
// ";" and "but" join clauses too: "…after he crossed near Eagle Pass; he was deported to Afghanistan".
const BACKWARD_BREAKS = new Set(['after', 'before', 'because', 'although', 'when', 'since', 'until', 'unless', 'while', ';', 'but']);
const CLAUSE_BREAKS = new Set(['after', 'before', 'because', 'although', 'when', 'where', 'which', 'who', 'whose', 'since', 'until', 'unless', ';', 'but']);
const TIME_UNITS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', '%', 'percent', 'times', 'minutes']);

/**
 * Events in one sentence: a trigger word from data/lexicon/event-triggers.json, with the
 * entities near it as participants (agent, subject, place), a count and a date when stated.
 * Pronouns and descriptions ("he", "his home country", "the department") near the trigger
 * are resolved to earlier mentions.
 */
export function findEvents(ctx: SentenceContext, earlier: SentenceContext[], text: string, publishedAt: string | null): FoundEvent[] {
  if (ctx.isTitle) return [];
  const t = load();
  const byType = new Map<string, FoundEvent>();
  const tokens = ctx.tokens;
  let passiveTrigger = false;
  const start = datelineEnd(tokens);
  tokens.forEach((tok, i) => {
    const word = tok.text.toLowerCase();
    // "taken into custody" is the arrest itself; "remains in custody" the detention after it.
    const intoCustody = word === 'custody' && tokens[i - 1]?.text.toLowerCase() === 'into';
    // "has been held in a Texas detention center": held, in the passive, before where or how, is a detention.
    // ("five Venezuelan men held in Texas": so is the participle right after the people.)
    const heldPassive = word === 'held' && (t.aux.has(tokens[i - 1]?.text.toLowerCase() ?? '') || t.people.has(tokens[i - 1]?.text.toLowerCase() ?? '')) && HELD_CUES.has(tokens[i + 1]?.text.toLowerCase() ?? '');
    // "was taken to the Orange County Correctional Facility", "booked into the county jail": taken to where people are held.
    const toFacility = /^(?:taken|transferred|booked|flown|moved|sent)$/.test(word) && /^(?:to|into)$/.test(tokens[i + 1]?.text.toLowerCase() ?? '') && ctx.mentions.some((m) => m.type === 'LOCATION' && m.from > i && m.from - i <= 4 && FACILITY.test(m.name));
    // "turned him over to Immigration and Customs Enforcement": handed into an agency's custody.
    const overTo = /^(?:turned|handed)$/.test(word) ? tokens.slice(i + 1, i + 4).findIndex((x, n, xs) => x.text === 'over' && xs[n + 1]?.text === 'to') : -1;
    const handedTo = overTo >= 0 ? custodiansAfter(ctx, i + overTo + 3).filter((m) => m.type === 'AGENCY') : [];
    // "The Department of Homeland Security's inspector general found that ICE could not…": an audit's finding is a report.
    const auditFound = /^(?:found|concluded|determined)$/.test(word) && ctx.mentions.some((m) => m.type === 'AGENCY' && AUDITORS.test(m.name) && m.to <= i && i - m.to <= 2);
    const type = intoCustody ? 'Arrest' : heldPassive || toFacility || handedTo.length > 0 ? 'Detention' : auditFound ? 'Report' : t.typeOf.get(word);
    if (!type) return;
    if (ctx.mentions.some((m) => i >= m.from && i < m.to)) return; // part of a name
    const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
    if (t.possessive.has(prev)) return; // "his crossing", "the Inspector General’s report": a reference, not a new event
    // "The arrests followed an FBI review": a sentence opening with "The <event noun>" refers back.
    if (prev === 'the' && i - 1 === start && EVENT_NOUNS.test(word)) return;
    // "Wray said the arrest was the result of…", "officials said that the raids…": so does a reported clause opening with it (not "the arrest of X").
    if (prev === 'the' && EVENT_NOUNS.test(word) && (t.reporting.has(tokens[i - 2]?.text.toLowerCase() ?? '') || tokens[i - 2]?.text.toLowerCase() === 'that') && !/^(?:of|in|by|at|on)$/i.test(tokens[i + 1]?.text ?? '')) return;
    // "Rep. Ilhan Omar called the arrests cruel", "Following the arrests, Gov. Abbott said…": judging
    // an event, or placing something after it, refers back to it (unless it says whose: "after the arrest of X").
    if (prev === 'the' && EVENT_NOUNS.test(word) && (JUDGING.test(tokens[i - 2]?.text ?? '') || (AROUND.test(tokens[i - 2]?.text ?? '') && !/^(?:of|in|by|at)$/i.test(tokens[i + 1]?.text ?? '')))) return;
    // "The men, identified only as Nuriddin K. …": naming someone is no identification event.
    // (also "identified by DHS as Alisher Tursunov")
    if (word === 'identified' && tokens.slice(i + 1, i + 6).findIndex((x) => x.text.toLowerCase() === 'as') >= 0 && /^(?:as|only|by)$/i.test(tokens[i + 1]?.text ?? '')) return;
    // "The FBI investigated the case", "prosecuted the case": the case is told elsewhere.
    if (/^the$/i.test(tokens[i + 1]?.text ?? '') && /^cases?$/i.test(tokens[i + 2]?.text ?? '')) return;
    // "…, the RIA news agency reported.": a source closing the sentence is no report event;
    // "According to the indictment, …": nor is a document cited as a source.
    if (/^report(?:ed|s)?$/.test(word) && /^[.!]?$/.test(tokens[i + 1]?.text ?? '') && i + 2 >= tokens.length && tokens.slice(Math.max(0, i - 6), i).some((x) => x.text === ',')) return;
    if (type === 'Charge' && (attribution(tokens, i - 3) || attribution(tokens, i - 2))) return;
    // "charged migrants up to $15,000 each": a price, not a criminal charge.
    if (word === 'charged' && tokens.slice(i + 1, i + 7).some((x) => /^[$€£]/.test(x.text))) return;
    // "Rights groups warned that Uzbekistan could use the data…": a warning to no one is no alert.
    if (/^warned$/i.test(word) && /^(?:that|of|about)$/i.test(tokens[i + 1]?.text ?? '')) return;
    // "did not respond to a request for comment" is newsroom boilerplate.
    if (type === 'Request' && tokens[i + 1]?.text.toLowerCase() === 'for' && /^comments?$/i.test(tokens[i + 2]?.text ?? '')) return;

    if (assertsNothing(tokens, i)) return;
    // "was arrested … and charged": a verb joined to a passive one is passive too.
    // "arrested … on charges that he…": whoever comes before the noun is the one charged.
    const chargedNoun = type === 'Charge' && AMBIGUOUS_NOUNS.has(tok.text.toLowerCase());
    // "was transferred to the custody of ICE's Enforcement and Removal Operations": who holds them
    // is named after "of"; whoever comes before is the one held.
    // "at the request of U.S. authorities": who asked is named after "of" (as who holds is after "the custody of").
    const custodians = /^(?:custody|request)$/.test(word) && tokens[i + 1]?.text.toLowerCase() === 'of' ? custodiansAfter(ctx, i + 2) : handedTo;
    // "was taken into custody": the auxiliary sits before the verb the trigger completes.
    // "a 38-year-old man arrested in Brooklyn": a participle right after the people it tells of.
    const reduced = (/ed$/.test(word) || word === 'held') && t.people.has(prev);
    // "was arrested by FBI agents in Houston on Thursday and charged with…": a passive joined to one before.
    const joinedPassive = prev === 'and' && passiveTrigger && !t.aux.has(tokens[i - 1]?.text.toLowerCase() ?? '');
    // (Its agents, places and times before "and" were the first verb's when it is a charge or a hearing:
    // the agents who arrest do not charge. "arrested … by Mexican authorities and extradited" keeps them.)
    const ownCourt = joinedPassive && (type === 'Charge' || type === 'Hearing');
    const passive =
      chargedNoun ||
      reduced ||
      custodians.length > 0 ||
      [tokens[i - 1], tokens[i - 2], intoCustody ? tokens[i - 3] : undefined].some((x) => x && t.aux.has(x.text.toLowerCase())) ||
      joinedPassive;
    passiveTrigger ||= passive;
    if (type === 'Release' && PUBLICATIONS.has(prev)) return; // "a report released Wednesday" is a publication
    // "according to a news release from ICE", "…, the release said": a release that speaks is a publication.
    if (/^releases?$/.test(word) && (/^(?:news|press)$/.test(prev) || t.reporting.has(tokens[i + 1]?.text.toLowerCase() ?? ''))) return;
    if (NOUN_COMPOUNDS.has(tokens[i + 1]?.text.toLowerCase() ?? '')) return;
    // "flagged for removal", "eligible for deportation": a purpose, not an act.
    if (prev === 'for' && /^(?:removal|deportation|detention|release|arrest)$/.test(word)) return;
    // "a final order of removal": an order, which may not be carried out.
    if (prev === 'of' && /^orders?$/i.test(tokens[i - 2]?.text ?? '')) return;
    // "released from immigration detention": where a release took them from, not a new detention.
    if (/^(?:detention|custody)$/.test(word) && tokens.slice(Math.max(0, i - 3), i).some((x) => x.text.toLowerCase() === 'from')) return;
    if (AMBIGUOUS_NOUNS.has(tok.text.toLowerCase()) && !NOUN_EVENT_CUES.has(tokens[i + 1]?.text.toLowerCase() ?? '')) return;
    // "Three Tajik men who were held … after officials linked them to ISIS have been released":
    // the subject sits before a relative clause, whose own actors take no part.
    // ("was taken into custody": the auxiliaries stand before "taken".)
    const relative = passive ? relativeClauseBefore(ctx, intoCustody ? i - 2 : i, start, t) : undefined;
    const window = relative ? { lo: clauseWindow(ctx, relative.from, start, t.reporting).lo, hi: clauseWindow(ctx, i, start, t.reporting).hi } : clauseWindow(ctx, i, start, t.reporting);
    // "X was arrested by FBI agents … and later pleaded guilty": an active verb joined to a passive
    // one has the sentence's subject; the passive one's agents before it take no part.
    const joinedActive = !passive && passiveTrigger && (prev === 'and' || (tokens[i - 2]?.text.toLowerCase() === 'and' && /^(?:later|then|subsequently|eventually|\w+ly)$/i.test(prev)));
    let { lo } = window;
    const { hi } = window;
    // "He cited the arrests in June of eight men": whoever does something with the event is not its agent
    // (but "ICE made the arrests", "agents carried out the raids").
    const objectNoun = EVENT_NOUNS.test(word) && /^(?:the|these|those)$/.test(prev) && /^\p{Ll}+(?:ed|s)$/u.test(tokens[i - 2]?.text ?? '') && !LIGHT_VERBS.test(tokens[i - 2]?.text ?? '');
    if (joinedActive || objectNoun || ownCourt) lo = i;
    // …and what comes before that noun phrase is another clause's ("Uzbekistan has asked the United States to extradite a man arrested…").
    else if (reduced) lo = Math.max(lo, nounPhraseStart(tokens, i - 1));
    // A window that runs out of room inside a list of actors takes the whole list.
    else if (!passive && lo === i - BEFORE) lo = listStart(ctx, lo, start);
    // "…were charged with conspiring to support ISIS and are being held at…": a verb phrase after "and" and
    // its auxiliaries starts there (its subject is the sentence's, found below).
    let auxStart = i;
    while (auxStart > start && t.aux.has(tokens[auxStart - 1]?.text.toLowerCase() ?? '')) auxStart--;
    if (auxStart < i && tokens[auxStart - 1]?.text.toLowerCase() === 'and') lo = Math.max(lo, auxStart);
    // "the attack on Crocus City Hall … and a bombing in Kerman": a second attack's noun phrase starts its own window.
    const priorAttack = type === 'Attack' ? byType.get('Attack') : undefined;
    const andAt = priorAttack ? tokens.slice(priorAttack.trigger + 1, i).findIndex((x, n, xs) => x.text === 'and' && /^(?:a|an|the)$/i.test(xs[n + 1]?.text ?? '')) : -1;
    if (priorAttack && andAt >= 0) lo = Math.max(lo, priorAttack.trigger + 2 + andAt);
    // (An appositive's own nationality is the person's: "Leqaa Kordia, a Palestinian woman, has been held".)
    const describesPerson = (m: Mention): boolean => relative?.appositive === true && isDemonym(m) && m.from <= relative.from + 3;
    const near = ctx.mentions.filter((m) => m.to > lo && m.from < hi && !(relative && m.from >= relative.from && m.to <= relative.to && !describesPerson(m)));
    // "Sen. X of Iowa and Sen. Y of Wisconsin asked": an actor joined to the agent by "and" acts too.
    // "Agents with the FBI's Joint Terrorism Task Force arrested him": the agent's owner acts through it.
    // "Sens. X of Florida, Y of Tennessee and Z of Utah asked": everyone listed with the agent.
    const listedWith = (m: Mention, agent: Mention): boolean =>
      m.type === 'PERSON' &&
      agent.type === 'PERSON' &&
      tokens.slice(m.to, agent.from).some((x) => x.text === 'and' || x.text === ',') &&
      tokens.slice(m.to, agent.from).every((x, n) => /^(?:,|and|of|\.)$/.test(x.text) || isPersonTitle(x.text) || ctx.mentions.some((o) => o.from <= m.to + n && m.to + n < o.to && (o.type === 'LOCATION' || o.type === 'PERSON')));
    // "the FBI's Joint Terrorism Task Force", "ERO Philadelphia's Fugitive Operations Team": the owner, with its field office's city.
    const ownerOf = (m: Mention, agent: Mention): boolean =>
      agent.from > m.to &&
      /^['’]s$/.test(tokens[agent.from - 1]?.text ?? '') &&
      tokens.slice(m.to, agent.from - 1).every((_, n) => ctx.mentions.some((o) => o.type === 'LOCATION' && o.from <= m.to + n && m.to + n < o.to));
    const conjoined = (m: Mention, agent: Mention | undefined): boolean =>
      agent !== undefined &&
      m.to < agent.from &&
      ((m.type === agent.type && agent.from - m.to <= 5 && tokens.slice(m.to, agent.from).some((x) => x.text === 'and')) ||
        listedWith(m, agent) ||
        ownerOf(m, agent) ||
        // "U.S. Immigration and Customs Enforcement (ICE) Enforcement and Removal Operations (ERO) Newark arrested": the body and its part.
        (agent.entry?.parent === m.name &&
          tokens.slice(m.to, agent.from).every((x, n) => /^[()]$/.test(x.text) || ctx.mentions.some((o) => (o.key === m.key || o.key === agent.key) && o.from <= m.to + n && m.to + n < o.to))));
    const byIndex = tokens.findIndex((x, k) => k > i && k < hi && x.text === 'by');
    const joinedToAgent = (m: Mention): boolean => {
      const last = [...participants].reverse().find((p) => p.role === 'agent' && p.mention.to <= m.from)?.mention;
      // "by the FBI and ICE", "by the FBI's Joint Terrorism Task Force"
      return last !== undefined && tokens.slice(last.to, m.from).every((x) => /^(?:and|,|the|['’]s)$/.test(x.text));
    };
    const participants: FoundEvent['participants'] = [];
    const add = (mention: Mention, role: Role): void => {
      if (participants.some((p) => p.mention.key === mention.key && p.role === role)) return;
      const asPeople = mention.type === 'COUNTRY' && (isDemonym(mention) || /^(from|of)$/i.test(tokens[mention.from - 1]?.text ?? '') || NATIONAL_NOUN.test(tokens[mention.to]?.text ?? ''));
      participants.push({ mention, role, ...(asPeople ? { asPeople } : {}) });
    };
    // In the active voice the nearest named actor before the trigger is its agent.
    const agentBefore = passive ? undefined : [...near].reverse().find((m) => m.from < i && m.type !== 'LOCATION');
    for (const m of near) {
      // "in Iraq", "to the United States": a country after a preposition of place is where it happened.
      const before = /^(?:the|a|an)$/.test(tokens[m.from - 1]?.text.toLowerCase() ?? '') ? tokens[m.from - 2] : tokens[m.from - 1];
      const isPlace =
        m.type === 'LOCATION' ||
        (m.type === 'COUNTRY' && /^(in|at|near|into|to|across)$/i.test(before?.text ?? '')) ||
        // "a student at Tufts University", "arrested at the Glenn Valley Foods plant": an organization after "at" is where.
        (m.type === 'ORGANIZATION' && /^at$/i.test(before?.text ?? '')) ||
        // "to appear in immigration court": a body named by a common noun after "in" is where.
        (m.type === 'AGENCY' && /^\p{Ll}/u.test(m.surface) && /^(?:in|at)$/i.test(tokens[m.from - 1]?.text ?? '')) ||
        // "taken into custody at the U.S. Citizenship and Immigration Services office": a body's building is where.
        (m.type === 'AGENCY' && /^(?:in|at|outside)$/i.test(before?.text ?? '') && /^(?:office|offices|headquarters|building|field)$/i.test(tokens[m.to]?.text ?? ''));
      // "as he prepared to board a flight to Beirut": where someone was headed is not where they were arrested.
      if (isPlace && STAYS.has(type) && !toFacility && /^(?:to|for)$/i.test(before?.text ?? '')) continue;
      // "German police arrested him at the request of U.S. authorities": who asked for it is not arrested.
      if (type !== 'Request' && /^of$/i.test(tokens[m.from - 1]?.text ?? '') && tokens.slice(Math.max(0, m.from - 3), m.from - 1).some((x) => /^requests?$/i.test(x.text))) continue;
      // "…gunmen killed 145 people at a concert hall outside Moscow, the Interior Ministry said": who tells of an attack is no part of it.
      if (type === 'Attack' && m.from > i && t.reporting.has(tokens[m.to]?.text.toLowerCase() ?? '')) continue;
      // "released from an ICE detention center": the body whose facility it was released them.
      const fromItsFacility = type === 'Release' && m.type === 'AGENCY' && /^(?:a|an|the)$/i.test(tokens[m.from - 1]?.text ?? '') && /^from$/i.test(tokens[m.from - 2]?.text ?? '') && /^(?:detention|custody|processing|facility|jail)$/i.test(tokens[m.to]?.text ?? '');
      if (isPlace) add(m, 'place');
      else if (custodians.includes(m) || fromItsFacility) add(m, 'agent');
      // "arrested by the FBI (and ICE) along with six other Tajik men": the agent follows "by";
      // later actors are agents only when joined to it by "and".
      else if (byIndex >= 0 && m.from > byIndex && (m.from - byIndex <= 3 || joinedToAgent(m))) add(m, 'agent');
      else if (m.from < i) {
        const role = m === agentBefore || conjoined(m, agentBefore) ? 'agent' : 'subject';
        // "the Biden administration's parole program": an owner is not the one held (see below).
        const owner = role === 'subject' && EVENTS_ON_PEOPLE.has(type) && /^['’]s$/.test(tokens[m.to]?.text ?? '');
        if ((m === agentBefore || m.key !== agentBefore?.key) && !owner) add(m, role);
      }
      // "arrested Kharwin's brother": the owner is not the one arrested. (A request for "the
      // Inspector General's report" is a request to its owner, so this holds for acts on people.)
      // "…on an Interpol red notice", "…in an ICE statement": a body named as a modifier is no subject.
      else if (m.type !== 'COUNTRY' && /^(?:a|an)$/i.test(tokens[m.from - 1]?.text ?? '') && /^\p{Ll}/u.test(tokens[m.to]?.text ?? '')) continue;
      else if (!(EVENTS_ON_PEOPLE.has(type) && /^['’]s$/.test(tokens[m.to]?.text ?? ''))) add(m, 'subject');
    }
    for (const ref of findAntecedent(ctx, i, earlier, t.reporting, { lo, hi, ...(joinedPassive ? { passive: true } : {}) })) if (!(objectNoun && ref.role === 'agent')) add(ref.mention, ref.role);
    // …sharing the first verb's subjects.
    if (ownCourt) {
      const first = [...byType.values()].filter((e) => e.trigger < i).at(-1);
      for (const p of first?.participants ?? []) if (p.role === 'subject') add(p.mention, 'subject');
    }
    // "ICE said 31 had already been removed": a government body opening the sentence to announce an
    // act on people that names no one who did it is the one that did it, and so is one closing it, however
    // far from the trigger ("…was deported to Somalia last week after …, ICE said Tuesday."; a charge only
    // by prosecutors: "…, the Justice Department said."); but not the one that arrested ("Federal agents
    // arrested…, the Justice Department said").
    // (…with at most a day after the verb: "…, ICE said Tuesday.")
    const closing = (m: Mention): boolean => m.from > i && m.to + 3 >= tokens.length && /^(?:,|the)$/i.test(tokens[m.from - 1]?.text ?? '');
    const announcer = ctx.mentions.find(
      (m) =>
        m.type === 'AGENCY' &&
        !isLegislature(m.name) &&
        t.reporting.has(tokens[m.to]?.text.toLowerCase() ?? '') &&
        ((m.from === start && m.to < lo && HELD_OR_SENT.has(type)) || (closing(m) && (HELD_OR_SENT.has(type) || (type === 'Charge' && PROSECUTORS.test(m.name))))),
    );
    if (announcer && EVENTS_ON_PEOPLE.has(type) && !participants.some((p) => p.role === 'agent')) add(announcer, 'agent');
    // "Mohammad Kharwin, an Afghan whose name …, was released": the sentence's subject, however
    // far back; in the active voice, a person opening the sentence ("Senator X, the top …, asked").
    // (Not a name inside a fronted phrase: "In a letter to Secretary Kristi Noem, the senators…".)
    // (Nor one after a preposition: "The man, identified by DHS as Alisher Tursunov, … was released".)
    const fronted = (m: Mention): boolean => PREPOSITIONS.test(tokens[m.from - 1]?.text ?? '') || (PREPOSITIONS.test(tokens[start]?.text ?? '') && !tokens.slice(start, m.from).some((x) => x.text === ','));
    // (Nor one inside an earlier verb phrase: "Both men were charged with conspiring to support ISIS and are being held…".)
    const inVerbPhrase = (m: Mention): boolean => tokens.slice(start, m.from).some((x) => t.aux.has(x.text.toLowerCase()));
    const opener = ctx.mentions.find((m) => m.from >= start && m.to <= lo && m.type !== 'LOCATION' && !fronted(m) && !inVerbPhrase(m));
    // "Farrukh Rakhimov, 27, was among the Tajik men detained by U.S. authorities": one of those people.
    const among = reduced && /^among$/i.test(tokens[nounPhraseStart(tokens, i - 1) - 1]?.text ?? '') && opener?.type === 'PERSON';
    if (among && opener) add(opener, 'subject');
    const clauseOpen = !tokens.slice(0, lo).some((x) => BACKWARD_BREAKS.has(x.text.toLowerCase()) || t.reporting.has(x.text.toLowerCase()));
    if (opener && clauseOpen && !reduced && !participants.some((p) => p.mention.key === opener.key)) {
      const passiveLike = passive || tokens[i - 1]?.text === 'into';
      if (passiveLike && (opener.type === 'PERSON' || !participants.some((p) => p.role === 'subject'))) add(opener, 'subject');
      else if (!passive && opener.type === 'PERSON' && !participants.some((p) => p.role === 'agent' && p.mention.type === 'PERSON')) add(opener, 'agent');
    }
    // An event needs someone in it; an attack is news by its place alone ("the attack in Boulder,
    // Colorado"), and so is an act on people counted there ("arrested 76 workers at a … plant in Omaha").
    const count = countNear(ctx, i, t.people, relative);
    const counted = count !== undefined && EVENTS_ON_PEOPLE.has(type) && !byType.has(type);
    // (A group told of before, "Both men are being held at…", is found after all sentences are read.)
    const groupTold = EVENTS_ON_PEOPLE.has(type) && groupOpener(tokens, start, t.people);
    if (!participants.some((p) => p.role !== 'place') && !((type === 'Attack' || counted || groupTold) && participants.length > 0)) return;
    // …and only people are held that way: "the meeting was held in Washington" is no detention.
    // "arrested a Honduran man … and later turned him over to ICE": "him" is the man told of before.
    // ("The men were handed over to U.S. Border Patrol agents": the nationals of the sentence before.)
    const handedPeople = /^(?:him|her|them)$/i.test(tokens[i + 1]?.text ?? '') || /^(?:the|these|those)$/i.test(tokens[start]?.text ?? '') || /^they$/i.test(tokens[start]?.text ?? '');
    if (handedTo.length > 0 && handedPeople && !participants.some((p) => p.role === 'subject')) {
      const national = [...ctx.mentions].reverse().find((m) => m.to <= i && isDemonym(m)) ?? [...(earlier.at(-1)?.mentions ?? [])].reverse().find((m) => m.type === 'COUNTRY');
      // (It may stand in the sentence before, whose tokens are not these: it stands for people either way.)
      if (national) participants.push({ mention: national, role: 'subject', asPeople: true });
    }
    const namesPeople = participants.some((p) => p.role === 'subject' && (p.mention.type === 'PERSON' || p.asPeople));
    const group = !namesPeople && groupTold;
    if ((heldPassive || toFacility || handedTo.length > 0) && !namesPeople && !group) return;

    // "the attack on Crocus City Hall near Moscow and a bombing in Kerman, Iran": two attacks, two places.
    const placesOf = (ps: FoundEvent['participants']): string[] => ps.filter((p) => p.role === 'place').map((p) => p.mention.key);
    const prior = byType.get(type);
    const priorHere = prior ? prior.participants.filter((p) => !(andAt >= 0 && p.mention.sentence === ctx.index && p.mention.from >= lo)) : [];
    const elsewhere = type === 'Attack' && prior !== undefined && placesOf(participants).length > 0 && placesOf(priorHere).length > 0 && !placesOf(participants).some((k) => placesOf(priorHere).includes(k));
    if (prior && elsewhere) prior.participants = priorHere;
    const key = elsewhere ? `${type}@${i}` : type;
    const existing = byType.get(key);
    if (existing) {
      for (const p of participants) if (!existing.participants.some((q) => q.mention.key === p.mention.key)) existing.participants.push(p);
      return;
    }
    const event: FoundEvent = { type, sentence: ctx.index, trigger: i, participants };
    if (group) event.group = heldPassive || toFacility || handedTo.length > 0 || !participants.some((p) => p.role !== 'place') ? 'required' : 'borrow';
    const relation = t.relationOf.get(type);
    if (relation) event.relation = relation;
    if (count !== undefined) event.count = count;
    const date = eventDate(ctx, text, publishedAt, i, { lo, hi }, relative);
    if (date) event.date = date;
    byType.set(key, event);
  });
  findSpokenEvents(ctx, t, text, publishedAt, byType);
  return [...byType.values()];
}

/**
 * Events told by a verb of speaking or passing on, which the trigger words do not cover: testimony
 * to a legislature, intelligence shared, one government body telling another. Adds to `byType`.
 */
function findSpokenEvents(ctx: SentenceContext, t: Triggers, text: string, publishedAt: string | null, byType: Map<string, FoundEvent>): void {
  const tokens = ctx.tokens;
  // "Director X told the House Judiciary Committee": speaking to a legislature is testimony.
  tokens.forEach((tok, i) => {
    if (byType.has('Testimony') || !TESTIMONY_VERBS.has(tok.text.toLowerCase())) return;
    const body = ctx.mentions.find((m) => m.from > i && m.from - i <= 3 && m.type === 'AGENCY' && isLegislature(m.name));
    const speaker = [...ctx.mentions].reverse().find((m) => m.to <= i && i - m.to <= 3 && m.type === 'PERSON');
    if (!body || !speaker) return;
    const event: FoundEvent = { type: 'Testimony', sentence: ctx.index, trigger: i, participants: [{ mention: speaker, role: 'agent' }, { mention: body, role: 'subject' }] };
    const date = dateOf(text.slice(ctx.span.start, ctx.span.end), publishedAt);
    if (date) event.date = date;
    byType.set('Testimony', event);
  });
  const alertAt = (trigger: number, participants: FoundEvent['participants']): void => {
    const event: FoundEvent = { type: 'Alert', sentence: ctx.index, trigger, participants };
    const relation = t.relationOf.get('Alert');
    if (relation) event.relation = relation;
    byType.set('Alert', event);
  };
  // "the government of Uzbekistan shared information with the FBI": passing on intelligence is an alert.
  tokens.forEach((tok, i) => {
    if (byType.has('Alert') || !SHARING_VERBS.has(tok.text.toLowerCase())) return;
    if (!tokens.slice(i + 1, i + 4).some((x) => INTELLIGENCE.has(x.text.toLowerCase()))) return;
    const source = [...ctx.mentions].reverse().find((m) => m.to <= i && i - m.to <= 4 && m.type !== 'LOCATION');
    const recipient = ctx.mentions.find((m) => m.from > i && m.from - i <= 8 && m.type !== 'LOCATION' && m.key !== source?.key);
    if (!source || !recipient) return;
    alertAt(i, [{ mention: source, role: 'agent' }, { mention: recipient, role: 'subject' }]);
  });
  // "the F.B.I. told the Department of Homeland Security that the man … was on the watchlist": one
  // government body telling another is an alert (a legislature told is testimony, above).
  tokens.forEach((tok, i) => {
    if (byType.has('Alert') || !/^(?:told|informed)$/i.test(tok.text)) return;
    const recipient = ctx.mentions.find((m) => m.from > i && m.from - i <= 2 && m.type === 'AGENCY' && !isLegislature(m.name));
    if (!recipient || !/^(?:that|about|of)$/i.test(tokens[recipient.to]?.text ?? '')) return;
    const source = [...ctx.mentions].reverse().find((m) => m.to <= i && i - m.to <= 3 && (m.type === 'AGENCY' || m.type === 'COUNTRY'));
    if (!source || source.key === recipient.key) return;
    // …and the person it was about.
    const about = ctx.mentions.find((m) => m.from > recipient.to && m.from - recipient.to <= 8 && m.type === 'PERSON');
    alertAt(i, [{ mention: source, role: 'agent' }, { mention: recipient, role: 'subject' }, ...(about ? [{ mention: about, role: 'subject' as const }] : [])]);
  });
}

export function numberValue(word: string): number | undefined {
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(word)) return Number(word.replace(/,/g, ''));
  return NUMBER_WORDS[word.toLowerCase()];
}

/** Events done to people: their subject is who it was done to, never the owner of something. */
const EVENTS_ON_PEOPLE = new Set(['Arrest', 'Detention', 'Release', 'Deportation', 'Charge']);
const NEGATIONS = new Set(['not', 'never', 'no', 'without']);
const IRREALIS = /^(?:plan|plans|planned|planning|plot|plots|plotted|plotting|foiled|thwarted|threatened|threatening)$/i;
const WANTING = /^(?:urged?|urging|called|calls|calling|asked|asks|asking|wants?|wanted|plans?|planned|expected|expects|agreed|agrees|sought|seeks?|tried|tries|try|hopes?|hoped|intends?|intended|vowed|vows|promised|promises|ordered|orders|demanded|demands|refused|refuses|declined|aims?|set|scheduled|due|likely|sued|moved|pushing|pushed|pressed|pressing)$/i;
const ATTACK_TALK = /^(?:discuss(?:ed|es|ing)?|talk(?:ed|s|ing)?|consider(?:ed|s|ing)?|encourag(?:ed|es|ing)|urg(?:ed|es|ing)|incit(?:ed|es|ing)|dream(?:ed|s|ing)|fantasi[sz](?:ed|es|ing)|aspir(?:ed|es|ing)|vow(?:ed|s|ing)|pledg(?:ed|es|ing))$/i;
const BLOCKING = /^(?:block(?:ed|s|ing)?|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|paus(?:ed|es|ing)|barr(?:ed|ing)|bars?|prevent(?:ed|s|ing)?|delay(?:ed|s|ing)?|suspend(?:ed|s|ing)?|postpon(?:ed|es|ing)|cancel(?:l?ed|s|l?ing)?|challeng(?:ed|es|ing)|appeal(?:ed|s|ing)?|fight(?:s|ing)?|fought|contest(?:ed|s|ing)?)$/i;
const DUTIES = /^(?:oversees?|oversaw|overseeing|handles?|handled|handling|manages?|managed|managing|coordinates?|coordinated|coordinating|responsible|tasked|specializes?|specializing|focuses?|focusing)$/i;

/** Whether the trigger noun at i is one of a list of duties ("oversees the apprehension, detention and removal", "responsible for the detention of"). */
function dutyOf(tokens: readonly Token[], i: number): boolean {
  if (!/(?:ion|al|s)$/i.test(tokens[i]?.text ?? '')) return false;
  let k = i - 1;
  while (k >= 0 && (/^(?:the|,|and|or|for|with|on|in)$/i.test(tokens[k]?.text ?? '') || load().typeOf.has(tokens[k]?.text.toLowerCase() ?? ''))) k--;
  return k >= 0 && k < i - 1 && DUTIES.test(tokens[k]?.text ?? '');
}

// Lower case only: "May" is a month.
const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'should', 'must', 'can']);

/**
 * Where a wire lede's dateline ends ("WASHINGTON (AP) — An Afghan man…", "NEW YORK — …"): the
 * place and agency before the dash are no actors of the sentence's events. 0 when there is none.
 */
function datelineEnd(tokens: readonly Token[]): number {
  // Reuters uses a hyphen after the agency: "BISHKEK, March 3 (Reuters) - …".
  const dash = tokens.findIndex((x, k) => k > 0 && k <= 10 && (/^(?:—|–|--)$/.test(x.text) || (x.text === '-' && tokens[k - 1]?.text === ')')));
  if (dash < 0) return 0;
  const head = tokens.slice(0, dash).filter((x) => /\p{L}/u.test(x.text));
  return head.length > 0 && head[0] !== undefined && /^\p{Lu}{2,}/u.test(head[0].text) ? dash + 1 : 0;
}

/**
 * Whether the words before a trigger say its event did not, or not yet, happen: negation ("has
 * never been charged"), a modal ("could be deported", "will be found and prosecuted"), a plan
 * ("planning attacks"; but "carried out or plotted attacks" did happen), or a question or
 * condition ("how many … it has vetted", "whether he was detained", "if he is convicted").
 */
function assertsNothing(tokens: readonly Token[], i: number): boolean {
  const before = (n: number): Token[] => tokens.slice(Math.max(0, i - n), i);
  if (before(3).some((x) => NEGATIONS.has(x.text.toLowerCase()) || /n['’]t$/i.test(x.text))) return true;
  const near = before(5);
  const lastStop = near.map((x) => /^[,.;:"“”]$/.test(x.text)).lastIndexOf(true);
  if (near.slice(lastStop + 1).some((x) => MODALS.has(x.text))) return true;
  // "plotting an Election Day attack": the plan may sit before the whole noun phrase.
  const planReach = /^(?:attacks?|bombings?|shootings?|massacre|assault)$/i.test(tokens[i]?.text ?? '') ? 5 : 3;
  if (before(planReach).some((x, k, xs) => IRREALIS.test(x.text) && !/^(?:or|and)$/.test((k > 0 ? xs[k - 1] : tokens[i - planReach - 1])?.text ?? ''))) return true;
  // "men who discussed carrying out attacks", "urged followers to launch attacks": talk of attacks is no attack.
  if (planReach === 5 && before(planReach).some((x) => ATTACK_TALK.test(x.text))) return true;
  // "A federal judge blocked the deportation of a Tajik man": an act stopped before it happened.
  if (/^(?:deportations?|removals?|release|extradition|transfer)$/i.test(tokens[i]?.text ?? '') && before(3).some((x) => BLOCKING.test(x.text))) return true;
  // "ERO oversees the apprehension, detention and removal of noncitizens": a body's duties, not events.
  if (dutyOf(tokens, i)) return true;
  // "called on Miller to testify", "expected to be deported": what someone wants or expects, not
  // what happened ("prompting DHS to scrutinize migrants" did happen).
  const word = tokens[i]?.text.toLowerCase() ?? '';
  const to = tokens[i - 1]?.text.toLowerCase() === 'to' && !/(?:s|ed|ing|ion|ment|al)$/.test(word) ? i - 1 : tokens[i - 2]?.text.toLowerCase() === 'to' && tokens[i - 1]?.text.toLowerCase() === 'be' ? i - 2 : -1;
  // "A judge ordered him deported", "ordered Kordia released": an order, which may not be carried out.
  if (/ed$/.test(word) && tokens.slice(Math.max(0, i - 4), i).some((x, k, xs) => /^order(?:ed|s|ing)?$/i.test(x.text) && xs.slice(k + 1).every((y) => !/^[,.;]$/.test(y.text)))) return true;
  if (to >= 0) {
    const lead = tokens.slice(Math.max(0, to - 8), to);
    const stop = lead.map((x) => /^[,.;:"“”]$/.test(x.text)).lastIndexOf(true);
    if (lead.slice(stop + 1).some((x) => WANTING.test(x.text))) return true;
  }
  const clause = before(10);
  const clauseStart = clause.map((x) => /^[.;:]$/.test(x.text)).lastIndexOf(true) + 1;
  // ("demanded answers … about how the men were vetted", "asked how they were screened": a question too.)
  return clause
    .slice(clauseStart)
    .some((x, k, xs) => /^(?:whether|if)$/i.test(x.text) || (/^how$/i.test(x.text) && (/^(?:many|much)$/i.test(xs[k + 1]?.text ?? '') || /^(?:about|asked|ask|asking|explain|know|knew|question|questions|answers)$/i.test(xs[k - 1]?.text ?? ''))));
}

/** Whether a sentence opens (at `start`) with a group told of before: "Both men…", "The eight men…", "The Tajik men…", "They…". */
export function groupOpener(tokens: readonly Token[], start = 0, people: Set<string> = load().people): boolean {
  const words = tokens.slice(start, start + 3).map((x) => x.text.toLowerCase());
  return words[0] === 'they' || (/^(?:the|these|those|both|all)$/.test(words[0] ?? '') && (people.has(words[1] ?? '') || people.has(words[2] ?? '')));
}

const PERFECT = new Set(['have', 'has', 'had']);
const MODIFIERS = /^(?:accused|suspected|wanted|believed|alleged|linked|tied|known|described|identified)$/i;
const PREPOSITIONS = /^(?:in|to|at|for|with|from|on|by|under|after|before|during|since|despite|among|into|through|against|about)$/i;

/**
 * A relative clause between a trigger's auxiliaries and the noun it tells of ("men who were held
 * … have been released", "Kharwin, who was on the watchlist, was released"): [from, to) from the
 * pronoun to the first auxiliary. Or an appositive after a person ("Ergashev, a member of Group 24,
 * a banned movement, was detained"): from the comma after the name to the auxiliary.
 */
function relativeClauseBefore(ctx: SentenceContext, i: number, start: number, t: Pick<Triggers, 'aux' | 'people'>): { from: number; to: number; appositive?: boolean } | undefined {
  const tokens = ctx.tokens;
  let a = i;
  while (a > start && (t.aux.has(tokens[a - 1]?.text.toLowerCase() ?? '') || PERFECT.has(tokens[a - 1]?.text.toLowerCase() ?? ''))) a--;
  if (a === i) return undefined;
  for (let r = a - 2; r > start && r >= a - 25; r--) {
    const w = tokens[r]?.text.toLowerCase() ?? '';
    // "…Afghans who arrived under X, after a parolee was charged": the trigger's clause, with its own
    // short subject, began after the pronoun (not "who were held … after officials linked them to ISIS have been").
    const clause = tokens.slice(r + 1, a);
    const ownClause =
      BACKWARD_BREAKS.has(w) &&
      w !== 'but' &&
      a - r <= 6 &&
      !clause.some((x) => /^\p{Ll}+(?:ed|ing)$/u.test(x.text)) &&
      // (…own subject: a pronoun, a people noun, "a parolee", or a name)
      (clause.some((x) => /^(?:he|she|they|we|i)$/i.test(x.text) || t.people.has(x.text.toLowerCase())) || ctx.mentions.some((m) => m.type === 'PERSON' && m.from > r && m.to <= a));
    if (/^[;:—–]$/.test(w) || ownClause) return undefined;
    // "A Kyrgyz national accused of recruiting fighters for ISIS-K was extradited": a participle after the people noun.
    if (MODIFIERS.test(w) && t.people.has(tokens[r - 1]?.text.toLowerCase() ?? '')) return { from: r, to: a };
    if (w !== 'who' && w !== 'which') continue;
    const next = tokens[r + 1]?.text.toLowerCase() ?? '';
    // "who ran a smuggling ring", "who was resettled": a verb right after the pronoun ("the man who ICE arrested" has none).
    return /^\p{Ll}+$/u.test(next) ? { from: r, to: a } : undefined;
  }
  if (tokens[a - 1]?.text !== ',') return undefined;
  const person = ctx.mentions.find((m) => m.type === 'PERSON' && m.from >= start && m.to < a - 1 && tokens[m.to]?.text === ',' && /^(?:a|an|the)$/i.test(tokens[m.to + 1]?.text ?? ''));
  return person && !tokens.slice(person.to, a).some((x) => /^[;:—–]$/.test(x.text)) ? { from: person.to, to: a, appositive: true } : undefined;
}

/**
 * The token window [lo, hi) whose mentions can take part in the event at trigger `i`: at most
 * BEFORE tokens back (not into a dateline) and AFTER forward, cut at clause boundaries.
 */
function clauseWindow(ctx: SentenceContext, i: number, start: number, reporting: Set<string>): { lo: number; hi: number } {
  const tokens = ctx.tokens;
  let lo = Math.max(start, i - BEFORE);
  // The trigger sits in a clause opened by "after", "when"…: what comes before belongs to another clause.
  for (let k = i - 1; k >= lo; k--) {
    const word = tokens[k]?.text.toLowerCase() ?? '';
    // "told the committee that arrests … would continue": the trigger opens the clause itself.
    const complementizer = word === 'that' && (k + 1 === i || /^(the|a|an|his|her|their|its|\p{Lu}.*)$/u.test(tokens[k + 1]?.text ?? ''));
    // "According to the Justice Department, ICE arrested…", "Since the Moscow attack, Russian police
    // have detained…": a fronted source or clause ends at its comma, and takes no part.
    const fronted = attribution(tokens, k) || (k === start && BACKWARD_BREAKS.has(word) && word !== 'but' && word !== ';');
    const comma = fronted ? tokens.findIndex((x, n) => n > k && n < i && x.text === ',') : -1;
    if (comma >= 0) {
      lo = comma + 1;
      break;
    }
    // "…in raids, and Kyrgyzstan and Uzbekistan have warned": the trigger's own clause starts after ", and".
    if (clauseAnd(ctx, k)) {
      lo = k + 1;
      break;
    }
    // "Homan said the arrest…": whoever speaks before a reporting verb is not a participant.
    if (BACKWARD_BREAKS.has(word) || complementizer || reporting.has(word)) {
      lo = k + 1;
      break;
    }
  }
  let hi = Math.min(tokens.length, i + 1 + AFTER);
  // A subordinate clause after the trigger ("…after ISIS-K claimed…") has its own actors.
  // So does a reporting clause after it ("…, said Marcos Charles"): the speaker is no participant.
  for (let k = i + 1; k < hi; k++) {
    const w = tokens[k]?.text.toLowerCase() ?? '';
    // "…crossed the southern border and were initially released … by CBP": a second verb phrase has its own actors.
    // "The man charged with shooting two Guard members near the White House had worked with the CIA": a
    // finite verb after a noun starts the sentence's predicate, which has its own actors.
    // (Not a predicate that says who the actor was: "The man who … attacked people … was a Somali refugee";
    // nor the verb of a question the trigger asks: "asked whether CBP had received the FBI's information".)
    const predicate =
      k > i + 1 &&
      /^(?:had|has|have|was|were|is|are)$/.test(w) &&
      /^[\p{L}\d]/u.test(tokens[k - 1]?.text ?? '') &&
      !/^(?:who|which|that|and|or|not|also|still|never)$/i.test(tokens[k - 1]?.text ?? '') &&
      (/^(?:had|has|have)$/.test(w) || /^(?:\p{Ll}+(?:ed|ing|en)|been|being|not|never|also|already)$/u.test(tokens[k + 1]?.text ?? '')) &&
      !tokens.slice(i + 1, k).some((x) => /^(?:whether|if|that|how|why|what)$/i.test(x.text));
    // "Karimi, who was arrested by ICE in June, was released…": the relative clause ends at the comma before the main verb.
    const relativeEnd = /^(?:had|has|have|was|were|is|are)$/.test(w) && tokens[k - 1]?.text === ',' && tokens.slice(Math.max(0, i - 8), i).some((x) => /^who$/i.test(x.text));
    // "charged two men with running a network that smuggled … Uzbek and Tajik migrants": a "that" clause has its own actors.
    const thatClause = w === 'that' && /^\p{Ll}+(?:ed|s)$/u.test(tokens[k + 1]?.text ?? '') && !/^(?:was|is|has)$/.test(tokens[k + 1]?.text ?? '');
    const nextVerb =
      predicate ||
      relativeEnd ||
      thatClause ||
      (w === 'and' && (/^(?:was|were|is|are|has|have|had)$/i.test(tokens[k + 1]?.text ?? '') || (clauseAnd(ctx, k) && tokens.slice(k + 1, k + 6).some((x) => CLAUSE_VERBS.test(x.text)))));
    // "testified before the House Homeland Security Committee": there "before" is a preposition.
    const verbAt = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)$/.test(tokens[k - 1]?.text ?? '') ? k - 2 : k - 1;
    const appearing = w === 'before' && /^(?:testif(?:y|ied|ies|ying)|appear(?:s|ed|ing)?)$/i.test(tokens[verbAt]?.text ?? '');
    // "…, his attorney, Sarah Lindqvist, said": the speaker before the verb, with the title before the name, is out too.
    const speaker = reporting.has(w) && tokens[k - 1]?.text === ',' ? ctx.mentions.find((m) => m.type === 'PERSON' && m.to === k - 1 && m.from > i) : undefined;
    if (speaker) {
      const comma = tokens.slice(Math.max(i + 1, speaker.from - 4), speaker.from).map((x) => x.text).indexOf(',');
      hi = comma >= 0 ? Math.max(i + 1, speaker.from - 4) + comma : speaker.from;
    } else if ((CLAUSE_BREAKS.has(w) && !appearing) || (reporting.has(w) && tokens[k - 1]?.text === ',') || attribution(tokens, k) || nextVerb) hi = k;
    // "…, his family told the BBC": the comma before a short speaker ends it too. A government
    // body announcing ("…, the Justice Department said") is usually the one that acted: it stays.
    else if (reporting.has(w)) {
      const from = Math.max(i + 1, k - 4);
      const comma = tokens.slice(from, k).findIndex((x) => x.text === ',');
      const body = ctx.mentions.some((m) => m.type === 'AGENCY' && m.from >= from + comma && m.to <= k);
      if (comma >= 0 && !body) hi = from + comma;
    }
  }
  return { lo, hi };
}

/** Where the noun phrase ending at `head` begins: at its determiner or number ("a 38-year-old man", "eight Tajik men"), at most four words back. */
function nounPhraseStart(tokens: readonly Token[], head: number): number {
  for (let k = head - 1; k >= Math.max(0, head - 4); k--) {
    const w = tokens[k]?.text ?? '';
    if (/^(?:a|an|the|some|several|many|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)$/i.test(w)) return k;
    if (!/^[\p{L}\d-]+$/u.test(w)) return k + 1;
  }
  return head;
}

/**
 * "Sens. Rick Scott of Florida, Marsha Blackburn of Tennessee and Mike Lee of Utah asked": where a
 * list of people (with their states) that the window's start cuts into begins.
 */
function listStart(ctx: SentenceContext, lo: number, start: number): number {
  const inMention = (k: number, types: string[]): boolean => ctx.mentions.some((m) => k >= m.from && k < m.to && types.includes(m.type));
  const inList = (k: number): boolean => {
    const text = ctx.tokens[k]?.text ?? '';
    return inMention(k, ['PERSON', 'LOCATION']) || /^(?:,|and|of|\.)$/.test(text) || isPersonTitle(text) || isPersonTitle(`${text}.`);
  };
  if (!inList(lo)) return lo;
  let k = lo - 1;
  let people = 0;
  while (k >= start && k >= lo - BEFORE && inList(k)) {
    if (inMention(k, ['PERSON']) && !inMention(k - 1, ['PERSON'])) people++;
    k--;
  }
  return people > 0 ? k + 1 : lo;
}

/** The body named from token k, after an optional "the", with the body it owns ("ICE's Enforcement and Removal Operations"). */
function custodiansAfter(ctx: SentenceContext, k: number): Mention[] {
  const at = ctx.tokens[k]?.text.toLowerCase() === 'the' ? k + 1 : k;
  const first = ctx.mentions.find((m) => m.from === at && m.type !== 'LOCATION' && m.type !== 'PERSON');
  if (!first) return [];
  const owned = /^['’]s$/.test(ctx.tokens[first.to]?.text ?? '') ? ctx.mentions.find((m) => m.from === first.to + 1 && m.type === 'AGENCY') : undefined;
  return owned ? [first, owned] : [first];
}

const CLAUSE_VERBS = /^(?:was|were|is|are|has|have|had|will|would|said|says)$/i;

/** ", and" at token k after a word that is not a name: it joins clauses, not the items of a list ("New York, Philadelphia, and Los Angeles"). */
function clauseAnd(ctx: SentenceContext, k: number): boolean {
  return ctx.tokens[k]?.text.toLowerCase() === 'and' && ctx.tokens[k - 1]?.text === ',' && !ctx.mentions.some((m) => k - 2 >= m.from && k - 2 < m.to);
}

/** "according to" at token k. */
function attribution(tokens: readonly Token[], k: number): boolean {
  return tokens[k]?.text.toLowerCase() === 'according' && tokens[k + 1]?.text.toLowerCase() === 'to';
}

const MONTHS = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$/;

// What may follow a count of people who are not named by a noun: "86 in a three-day operation",
// "31 had already been removed", "two of the men", "over 150 were arrested".
const COUNT_FOLLOWERS = /^(?:of|were|was|are|is|have|has|had|will|would|in|at|on|from|across|during|since|last|this|more|others|other|and|or|to|who|that|remain|remained|remains|face|faced|still|already|later|also|now)$/;

/** A people noun within a few words after a number, past names and adjectives ("131 Uzbek and Kyrgyz nationals"), not past a preposition. */
function peopleAfter(tokens: readonly Token[], k: number, people: Set<string>): boolean {
  for (let n = k + 1; n <= k + 5 && n < tokens.length; n++) {
    const w = tokens[n]?.text.toLowerCase() ?? '';
    if (people.has(w)) return true;
    if (/^(?:for|to|with|from|by|at|in|on|of|that|who|which|[.,;:])$/.test(w)) return false;
  }
  return false;
}

/** The number nearest the trigger that counts people ("eight Tajik men", "over 150 have been arrested"), outside `skip` (a relative clause). */
function countNear(ctx: SentenceContext, trigger: number, people: Set<string>, skip?: { from: number; to: number }): number | undefined {
  let best: { value: number; score: number } | undefined;
  ctx.tokens.forEach((tok, k) => {
    const distance = Math.abs(k - trigger);
    if (distance > 10 || (skip && k >= skip.from && k < skip.to)) return;
    const value = numberValue(tok.text);
    // "Group 24", "MS-13": a number in a name counts nothing.
    if (value === undefined || ctx.mentions.some((m) => k >= m.from && k < m.to)) return;
    const next = ctx.tokens[k + 1]?.text.toLowerCase() ?? '';
    if (TIME_UNITS.has(next) || next === '.' || (value >= 1900 && value <= 2100 && !tok.text.includes(','))) return;
    // "March 4" and "Oct. 7" are dates; "Hassan, 27," an age; "$15,000" money.
    const prev = ctx.tokens[k - 1]?.text ?? '';
    if (MONTHS.test(prev) || (prev === '.' && MONTHS.test(ctx.tokens[k - 2]?.text ?? '')) || /^[$€£]$/.test(prev) || /^[$€£]/.test(tok.text)) return;
    if (prev === ',' && ctx.mentions.some((m) => m.type === 'PERSON' && m.to === k - 1)) return;
    // "aged between 19 and 30": ages, not a count.
    if (ctx.tokens.slice(Math.max(0, k - 4), k).some((x) => /^(?:aged?|ages)$/i.test(x.text))) return;
    const countsPeople = peopleAfter(ctx.tokens, k, people);
    // "ordered two AK-47 rifles", "In one case": a number before another noun counts that.
    if (!countsPeople && !COUNT_FOLLOWERS.test(next) && !/^[,;:)—–-]$/.test(next) && !ctx.mentions.some((m) => m.from === k + 1 && m.type === 'COUNTRY')) return;
    const score = distance - (countsPeople ? 10 : 0);
    if (!best || score < best.score) best = { value, score };
  });
  return best?.value;
}

/**
 * The date of the event at trigger i: one stated in its own clause, else one in the sentence, but
 * not in a relative clause ("X, who came to the U.S. in September 2021, was arrested") or in a
 * clause after the trigger ("…have detained hundreds since the attack in March 2024").
 */
function eventDate(ctx: SentenceContext, text: string, publishedAt: string | null, i: number, window: { lo: number; hi: number }, relative?: { from: number; to: number }): string | undefined {
  const at = (k: number, edge: 'start' | 'end', fallback: number): number => ctx.tokens[k]?.[edge] ?? fallback;
  const blank = (s: string, from: number, to: number): string => s.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + s.slice(to);
  let sentence = text.slice(ctx.span.start, ctx.span.end);
  if (relative) sentence = blank(sentence, at(relative.from, 'start', ctx.span.start) - ctx.span.start, at(relative.to - 1, 'end', ctx.span.start) - ctx.span.start);
  const own = sentence.slice(at(window.lo, 'start', ctx.span.start) - ctx.span.start, at(window.hi - 1, 'end', ctx.span.end) - ctx.span.start);
  const tail = ctx.tokens.findIndex((x, k) => k > i && CLAUSE_BREAKS.has(x.text.toLowerCase()));
  return dateOf(own, publishedAt) ?? dateOf(tail > 0 ? sentence.slice(0, at(tail, 'start', ctx.span.end) - ctx.span.start) : sentence, publishedAt);
}

/** A date stated in the sentence, resolved against the publication date when there is one. */
export function dateOf(sentence: string, publishedAt: string | null): string | undefined {
  if (!/\d|January|February|March|April|May|June|July|August|September|October|November|December|day|week|month|year/i.test(sentence)) return undefined;
  const ref = publishedAt ? new Date(publishedAt) : undefined;
  const results = chrono.parse(sentence, ref ?? new Date(0), { forwardDate: false });
  for (const r of results) {
    // Without a publication date only dates stated with their year mean anything: "last week"
    // would otherwise resolve against 1970.
    if (!ref && !(r.start.isCertain('year') && /\b\d{4}\b/.test(r.text))) continue;
    if (!r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('weekday')) continue;
    return r.start.date().toISOString().slice(0, 10);
  }
  return undefined;
}
