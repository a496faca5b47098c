import type { Annotation, NerMention } from '../annotate/annotation.ts';
import type { Article, Evidence, ExtractedEntity, ExtractedEvent, ExtractedRelation, Extraction, RelationType, Span } from '../../domain/types.ts';
import type { FoundEvent } from './found-event.ts';
import { sentenceGraphs } from './sentence-graph.ts';
import { StanceReader } from './stance-reader.ts';
import { findSyntaxEvents } from './syntax-events.ts';
import { buildLexicon, defaultLexicon, foldKey, type Lexicon, type LexiconEntry } from './lexicon.ts';
import { entityKey, isDemonym, type Mention, type SentenceContext } from './mention.ts';
import { ledeNational, nameTheNational } from './lede-nationals.ts';
import { findAppositiveBodies, findNamedBodies, headNounType, withNeighbours } from './named-bodies.ts';
import { modelNames, modelRetype } from './model-names.ts';
import { findPeople, isPersonTitle } from './people.ts';
import { ruleRelations } from './relation-rules.ts';
import { retellings } from './retellings.ts';
import { splitSentences, tokenize, type Token } from './tokenize.ts';

export { entityKey } from './mention.ts';

/** Bumped whenever extraction output changes, so stored articles can be re-processed. */
export const EXTRACTOR_VERSION = 'rules-18+corenlp-4.5.10';

/** Most entities in one sentence that get pairwise co-mention links; more is a list, not a claim. */
const MAX_COMENTION_ENTITIES = 8;

/** Confidence by how a relation was found. */
const CONFIDENCE = { rule: 0.8, event: 0.7, lexiconShared: 0.9, lexicon: 0.6, coMention: 0.3 } as const;

/**
 * Finds entities, events and the relations between them in one article, each relation
 * with the sentence that supports it. Pure: no I/O beyond the lexicon, loaded once.
 */
export function extract(article: Pick<Article, 'text'> & Partial<Pick<Article, 'publishedAt'>>, annotation: Annotation, lexicon: Lexicon = defaultLexicon()): Extraction {
  const text = article.text;
  const local = localDefinitions(text, lexicon);
  const english = looksEnglish(text);
  const contexts = readSentences(text, [local, lexicon], english, annotation);
  resolvePeople(contexts);
  resolveBodies(contexts);
  resolveShouted(contexts);

  const mentions = contexts.flatMap((c) => c.mentions);
  const entities = groupEntities(mentions);
  const graphs = sentenceGraphs(annotation, mentions, text);
  const events = english ? findSyntaxEvents(graphs, contexts, text, article.publishedAt ?? null) : [];
  borrowAgents(events, contexts);
  borrowGroups(events, contexts);
  placeByHomeCountry(events, contexts);
  // An event nobody can be named in says nothing the graph can hold.
  for (let i = events.length - 1; i >= 0; i--) if (events[i]?.participants.length === 0) events.splice(i, 1);
  const fromEvents = nameTheNational(events, contexts);
  const named = [...fromEvents, ...ledeNational(contexts, fromEvents)];
  const retold = retellings(events, contexts);
  const told = new Map(events.filter((e) => !retold.has(e)).map((e) => [e, toExtractedEvent(e, events.filter((r) => retold.get(r) === e), contexts, text)]));
  const extractedEvents = [...told.values()];
  const stances = new StanceReader(graphs, mentions);
  for (const [found, ev] of told) stances.assign(ev.evidence, [], [triggerAt(found, contexts)]);

  const relations: ExtractedRelation[] = [
    ...lexiconRelations(mentions, contexts, text),
    ...contexts.flatMap((ctx) =>
      ruleRelations(ctx).map((r) => relation(r.source.key, r.target.key, r.type, ctx.span, text, CONFIDENCE.rule, [r.rule])),
    ),
    ...eventRelations(events, (e) => told.get(retold.get(e) ?? e), contexts, text, (r, e) => stances.anchor(r, triggerAt(e, contexts))),
    ...named.map(({ person, country, sentence, rule }) => relation(person.key, country.key, 'NATIONAL_OF', contexts[sentence]?.span ?? { start: 0, end: 0 }, text, CONFIDENCE.rule, [rule])),
    ...coMentions(contexts, text),
  ];
  const kept = dedupeRelations(relations);
  for (const r of kept) {
    // A link the lexicon knows (ICE is part of DHS) is no claim of the sentence that names its ends.
    if (r.evidence.rules.every((id) => id.startsWith('lexicon-'))) r.evidence.stanceRules = ['asserted.known-link'];
    else {
      // An event's links take the event's stance: read from its trigger, not from how its participants are described.
      const triggers = stances.anchorsOf(r);
      stances.assign(r.evidence, triggers.length > 0 ? [] : [r.source, r.target], triggers);
    }
  }
  return { extractorVersion: EXTRACTOR_VERSION, entities, relations: kept, events: extractedEvents };
}

/** Where an event's trigger word starts in the text (its stance is read from there). */
function triggerAt(e: FoundEvent, contexts: SentenceContext[]): number {
  return contexts[e.sentence]?.tokens[e.trigger]?.start ?? contexts[e.sentence]?.span.start ?? 0;
}

/** Splits the text into sentences and finds every mention in each. */
function readSentences(text: string, lexicons: Lexicon[], english: boolean, annotation: Annotation): SentenceContext[] {
  const spans = splitSentences(text);
  // Mentions and sentences both run in text order: one pass hands each sentence its mentions
  // (a filter per sentence was quadratic on long articles).
  const nerMentions = annotation.sentences.flatMap((s) => s.mentions);
  let nextMention = 0;
  const surnames = new Set<string>();
  const nerTag = new Map(annotation.sentences.flatMap((s) => s.tokens.map((t) => [t.start, t.ner] as const)));
  let paragraph = 0;
  let last = 0;
  return spans.map((span, index) => {
    if (/\n\s*\n/.test(text.slice(last, span.start))) paragraph++;
    last = span.end;
    const tokens = tokenize(text.slice(span.start, span.end), span.start);
    const isTitle = index === 0 && /\n/.test(text.slice(span.end, span.end + 3)) && !/[.!?"”]$/.test(text.slice(span.start, span.end));
    const ctx: SentenceContext = { index, span, tokens, mentions: [], paragraph, isTitle };
    const covered = new Array<boolean>(tokens.length).fill(false);
    const add = (from: number, to: number, m: Omit<Mention, 'start' | 'end' | 'surface' | 'sentence' | 'from' | 'to' | 'key'>): void => {
      const first = tokens[from];
      const lastTok = tokens[to - 1];
      if (!first || !lastTok) return;
      for (let k = from; k < to; k++) covered[k] = true;
      ctx.mentions.push({ ...m, key: entityKey(m.type, m.name), start: first.start, end: lastTok.end, surface: text.slice(first.start, lastTok.end), sentence: index, from, to });
    };

    while ((nerMentions[nextMention]?.start ?? Infinity) < span.start) nextMention++;
    const inSentence: NerMention[] = [];
    for (let k = nextMention; k < nerMentions.length && (nerMentions[k]?.start ?? Infinity) < span.end; k++) {
      const m = nerMentions[k];
      if (m && m.end <= span.end) inSentence.push(m);
    }
    for (const hit of matchLexicon(tokens, lexicons)) {
      const start = tokens[hit.from]?.start ?? 0;
      const end = tokens[hit.to - 1]?.end ?? 0;
      const retyped = english ? modelRetype({ start, end, type: hit.entry.type, weak: hit.entry.weak === true }, inSentence) : undefined;
      const surface = text.slice(start, end);
      if (retyped) add(hit.from, hit.to, { name: surface, type: retyped, rule: 'lexicon-retyped-by-model' });
      else add(hit.from, hit.to, { name: hit.entry.name, type: hit.entry.type, entry: hit.entry, rule: 'lexicon' });
    }
    const prose = english && !isTitleCase(tokens);
    if (prose) {
      for (const body of findNamedBodies(tokens, covered)) {
        const named = withNeighbours(body, tokens, covered, ctx.mentions);
        ctx.mentions = ctx.mentions.filter((m) => m.to <= named.from || m.from >= named.to);
        add(named.from, named.to, { name: named.name, type: body.type, rule: 'named-body' });
      }
      // "Source: Government Executive": the header names the outlet that published the story.
      const outlet = sourceHeader(tokens, covered);
      if (outlet) add(outlet.from, outlet.to, { name: text.slice(tokens[outlet.from]?.start ?? 0, tokens[outlet.to - 1]?.end ?? 0), type: 'ORGANIZATION', rule: 'source-header' });
    }
    if (prose) {
      for (const body of findAppositiveBodies(tokens, ctx.mentions)) {
        ctx.mentions = ctx.mentions.filter((m) => m.to <= body.from || m.from >= body.to);
        add(body.from, body.to, { name: body.name, type: body.type, rule: 'appositive-body' });
      }
      for (const p of findPeople(tokens, covered)) {
        // "an operation it called \"Midway Blitz\"": a name given in quotes to a thing is no person.
        if (/^["“]$/.test(tokens[p.from - 1]?.text ?? '') && /^(?:called|dubbed|named|nicknamed|codenamed|titled|known)$/i.test(tokens[p.from - 2]?.text ?? '')) continue;
        const tags = tokens.slice(p.from, p.to).map((t) => nerTag.get(t.start) ?? 'O');
        // "beat Linda Wild (U.S.)": where the model reads a person, the place rule does not apply.
        const modelPerson = tags.includes('PERSON') && !tags.includes('LOCATION');
        const type = !modelPerson && isPlaceBeforeRegion(tokens, p, ctx.mentions) ? 'LOCATION' : headOfBody(tokens, p.from) ? 'ORGANIZATION' : 'PERSON';
        // "M Butcher", "Hector \"Macho\" Camacho": where the model reads a longer name around the
        // rule's, its boundaries win (its name is added below).
        if (inSentence.some((m) => m.type === 'PERSON' && m.start <= (tokens[p.from]?.start ?? 0) && m.end >= (tokens[p.to - 1]?.end ?? 0) && m.end - m.start > (tokens[p.to - 1]?.end ?? 0) - (tokens[p.from]?.start ?? 0) && !isPersonTitle(m.text.split(' ')[0] ?? ''))) continue;
        // The model vouches for a person rule's name when it tags a word of it a person, or reads
        // it as some other name it cannot type (MISC: "Osama bin Laden" in some contexts). It
        // overrules it when it reads a place or a body there ("Leicestershire beat Somerset"), and
        // capitalised words it reads as no name at all ("How Did", "Screening Database") are a
        // headline's or a title's capitals. A person's title or a surname already named vouches too.
        // ("the Russian Criminal Code": a name of a law, list or treaty is no one's, whatever vouches for it.)
        if (type === 'PERSON' && THING_HEADS.has(p.name.split(' ').at(-1) ?? '')) continue;
        const vouched = tags.includes('PERSON') || (tags.includes('MISC') && !tags.some((t) => t === 'ORGANIZATION' || t === 'LOCATION'));
        const knownSurname = surnames.has(p.name.split(' ').at(-1) ?? '');
        if (type === 'PERSON' && !vouched && !knownSurname && !isPersonTitle(tokens[p.from - 1]?.text ?? '')) continue;
        add(p.from, p.to, { name: p.name, type, rule: type === 'PERSON' ? 'person-name' : type === 'LOCATION' ? 'place-before-region' : 'head-of-body' });
      }
    }
    // Then the model's names for what the lexicon and the rules left: names they have never
    // seen, and headlines, where the capitalisation rules cannot read.
    if (english) for (const name of modelNames(tokens, covered, inSentence)) add(name.from, name.to, { name: name.name, type: name.type, model: true, rule: 'corenlp-ner' });
    ctx.mentions.sort((a, b) => a.from - b.from);
    for (const m of ctx.mentions) if (m.type === 'PERSON' && m.name.includes(' ')) surnames.add(m.name.split(' ').at(-1) ?? '');
    // "RELATED: Biden administration faces scrutiny…": a link to another story names nothing in this one.
    if (/^(?:RELATED|READ MORE|MORE|WATCH|LISTEN|SEE ALSO|ALSO READ|RECOMMENDED|Related|Read more|Read More|See also|Watch)\s*:/.test(text.slice(span.start, span.end))) ctx.mentions = [];
    if (english) countryBodies(ctx, text);
    georgiaTheState(ctx);
    return ctx;
  });
}

/** The outlet a "Source: …" header line names, when no earlier rule claimed it. */
function sourceHeader(tokens: Token[], covered: boolean[]): { from: number; to: number } | undefined {
  if (tokens[0]?.text !== 'Source' || tokens[1]?.text !== ':' || tokens.length < 3 || tokens.length > 8 || covered.slice(2).some(Boolean)) return undefined;
  return /^[\p{Lu}\d]/u.test(tokens[2]?.text ?? '') ? { from: 2, to: tokens.length } : undefined;
}

/** "co-founder of Militant Wire", "director of Crisis Group": what someone founded, runs or belongs to is a body, not a person. */
function headOfBody(tokens: Token[], from: number): boolean {
  const at = tokens[from - 1]?.text.toLowerCase() === 'the' ? from - 1 : from;
  return tokens[at - 1]?.text.toLowerCase() === 'of' && /^(?:co-?founder|founder|director|president|chairman|chairwoman|member|members|head|leader|editor)$/i.test(tokens[at - 2]?.text ?? '');
}

const THING_HEADS = new Set(['Code', 'Act', 'Law', 'Constitution', 'Treaty', 'Convention', 'Agreement', 'Accord', 'Database', 'List', 'Program', 'Programme', 'Protocol', 'Amendment', 'Bill']);

const COUNTRY_BODY_HEADS = new Set(['Embassy', 'Consulate', 'Ministry']);

/**
 * "the U.S. Embassy in Tashkent", "Uzbekistan's Foreign Ministry", "the Russian Embassy": a
 * country (or its demonym) right before an embassy or ministry names that body.
 */
function countryBodies(ctx: SentenceContext, text: string): void {
  for (let k = 0; k < ctx.mentions.length; k++) {
    const country = ctx.mentions[k];
    if (!country || country.type !== 'COUNTRY') continue;
    let at = country.to;
    if (/^['’]s$/.test(ctx.tokens[at]?.text ?? '')) at++;
    const body = ctx.mentions[k + 1]?.from === at && ctx.mentions[k + 1]?.type === 'AGENCY' && !ctx.mentions[k + 1]?.entry ? ctx.mentions[k + 1] : undefined;
    const head = body ? undefined : ctx.tokens[at];
    const rest = body ? body.name : (head?.text ?? '');
    if (!COUNTRY_BODY_HEADS.has(rest.split(' ').at(-1) ?? '')) continue;
    const end = body?.end ?? head?.end ?? 0;
    const name = `${country.surface.replace(/^the\s+/i, '')} ${rest}`;
    const merged: Mention = { key: entityKey('AGENCY', name), name, type: 'AGENCY', start: country.start, end, surface: text.slice(country.start, end), sentence: ctx.index, from: country.from, to: body?.to ?? at + 1, rule: 'country-body' };
    ctx.mentions.splice(k, body ? 2 : 1, merged);
  }
}

/**
 * "facilities in Georgia and Arizona", "Atlanta, Georgia": next to a place in the United States,
 * Georgia is the state, not the country.
 */
function georgiaTheState(ctx: SentenceContext): void {
  ctx.mentions.forEach((m, k) => {
    if (m.type !== 'COUNTRY' || m.name !== 'Georgia' || isDemonym(m)) return;
    const gap = (n: Mention): number => (n.from < m.from ? m.from - n.to : n.from - m.to);
    const near = [ctx.mentions[k - 1], ctx.mentions[k + 1]].filter((n): n is Mention => n !== undefined && gap(n) <= 2);
    if (!near.some((n) => n.type === 'LOCATION' && n.entry?.in === 'United States')) return;
    const state: LexiconEntry = { name: 'Georgia', type: 'LOCATION', aliases: [], acronyms: [], in: 'United States' };
    Object.assign(m, { type: 'LOCATION', entry: state, key: entityKey('LOCATION', 'Georgia'), rule: 'georgia-the-state' });
  });
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'outside', 'to']);

// Lower-case nouns that make the name before them a place: "the Otay Mesa port of entry".
const PLACE_NOUNS = new Set(['port', 'sector', 'crossing', 'border', 'area', 'region', 'province', 'district', 'valley', 'neighborhood', 'neighbourhood', 'county']);

/**
 * "in Otay Mesa, California": two capitalised words after a place preposition and before a
 * comma and a known state or country are a place the gazetteer lacks, not a person; so are
 * capitalised words before a place noun ("near the Otay Mesa port of entry").
 */
function isPlaceBeforeRegion(tokens: Token[], name: { from: number; to: number }, mentions: Mention[]): boolean {
  if (PLACE_NOUNS.has(tokens[name.to]?.text ?? '') && tokens[name.from - 1]?.text === 'the' && name.to - name.from >= 2) return true;
  // "at a mosque in Bay Ridge": two or more capitalised words right after "in" or "near", ending the phrase, are a place.
  if (/^(?:in|near|outside|throughout)$/.test(tokens[name.from - 1]?.text ?? '') && name.to - name.from >= 2 && /^(?:[.,;:)]|and|or|on|in|at|to|for|where|after|before|last|this|that|which|who)?$/.test(tokens[name.to]?.text ?? '')) return true;
  if (!PLACE_PREPOSITIONS.has(tokens[name.from - 1]?.text ?? '') || tokens[name.to]?.text !== ',') return false;
  // "according to Rob Bonta, California's attorney general" names a person.
  return mentions.some((m) => m.from === name.to + 1 && (m.type === 'LOCATION' || m.type === 'COUNTRY') && !isDemonym(m) && !/^['’]s$/.test(tokens[m.to]?.text ?? ''));
}

interface LexiconMatch {
  from: number;
  to: number;
  entry: LexiconEntry;
}

/** Greedy longest match of token runs against the lexicons, earlier lexicons first. */
function matchLexicon(tokens: Token[], lexicons: Lexicon[]): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hit = overlappedByLonger(tokens, matchAt(tokens, i, lexicons), lexicons);
    if (hit && !isPartOfName(tokens, hit)) {
      out.push(hit);
      i = hit.to;
    } else {
      i++;
    }
  }
  return out;
}

/** "the Bureau of Prisons": a longer name starting inside a match ("the Bureau") wins. */
function overlappedByLonger(tokens: Token[], hit: LexiconMatch | undefined, lexicons: Lexicon[]): LexiconMatch | undefined {
  if (!hit) return undefined;
  for (let k = hit.from + 1; k < hit.to; k++) {
    const other = matchAt(tokens, k, lexicons);
    if (other && other.to > hit.to) return other;
  }
  return hit;
}

function matchAt(tokens: Token[], i: number, lexicons: Lexicon[]): LexiconMatch | undefined {
  const first = tokens[i]?.text ?? '';
  const firstFolded = foldKey([first]);
  for (const lexicon of lexicons) {
    const maxExact = lexicon.firstExact.get(first) ?? 0;
    const maxFolded = lexicon.firstFolded.get(firstFolded) ?? 0;
    for (let len = Math.min(Math.max(maxExact, maxFolded), tokens.length - i); len >= 1; len--) {
      const words = tokens.slice(i, i + len).map((t) => t.text);
      const exact = len <= maxExact ? lexicon.exact.get(words.join(' ')) : undefined;
      if (exact) return { from: i, to: i + len, entry: exact };
      const folded = len <= maxFolded ? lexicon.folded.get(foldKey(words)) : undefined;
      if (folded && (!folded.capitalised || /^\p{Lu}/u.test(first)) && !isShouted(words, folded.entry)) return { from: i, to: i + len, entry: folded.entry };
    }
  }
  return undefined;
}

const NAME_LIKE = /^\p{Lu}\p{Ll}+$/u;
const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'In', 'At', 'On', 'From', 'To', 'For', 'Of', 'By', 'With', 'And', 'But', 'Or', 'Near', 'Outside', 'Inside']);

// A one-word city next to another capitalised word is most likely part of a name:
// "Tyler Smith", "Austin Police" — not the city.
function isPartOfName(tokens: Token[], hit: LexiconMatch): boolean {
  if (hit.to - hit.from !== 1) return false;
  const prev = tokens[hit.from - 1]?.text ?? '';
  // "Sheriff Chad Chronister", "Sen. Jordan Smith": after a person's title and before a name, a
  // country or place word is a first name.
  const titled = isPersonTitle(prev) || (prev === '.' && isPersonTitle(`${tokens[hit.from - 2]?.text ?? ''}.`));
  if (titled && (hit.entry.type === 'COUNTRY' || hit.entry.type === 'LOCATION') && NAME_LIKE.test(tokens[hit.to]?.text ?? '')) return true;
  if (!hit.entry.weak) return false;
  return NAME_LIKE.test(tokens[hit.to]?.text ?? '') || (NAME_LIKE.test(prev) && !FUNCTION_WORDS.has(prev));
}

// An all-caps word like "US" in "TOLD US" is only a country when the lexicon lists that exact
// spelling; folded matching of an all-caps single token would otherwise find "IS", "US" etc.
function isShouted(words: string[], entry: LexiconEntry): boolean {
  const word = words[0] ?? '';
  if (words.length !== 1 || !/^\p{Lu}{2,}$/u.test(word)) return false;
  return !entry.acronyms.includes(word) && entry.name !== word && !entry.aliases.includes(word);
}

const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'was', 'for', 'on', 'that', 'with', 'by', 'he', 'she', 'it', 'were', 'are', 'has', 'have', 'from', 'at', 'as', 'said']);
const FOREIGN_FUNCTION_WORDS = new Set([
  'der', 'die', 'das', 'und', 'hat', 'ist', 'nicht', 'mit', 'den', 'von', 'am', 'im', 'ein', 'eine', 'el', 'la', 'los', 'las', 'de',
  'del', 'y', 'que', 'en', 'le', 'les', 'et', 'est', 'une', 'un', 'des', 'por', 'para', 'con', 'il', 'di', 'che', 'per', 'och', 'het', 'een',
]);

/**
 * The capitalisation and trigger-word rules only make sense in English; elsewhere only the
 * lexicon (place and country names) is trusted. A text is taken as English when most of its
 * letters are Latin and its common function words are more English than not.
 */
function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && latin / letters < 0.5) return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w.toLowerCase())).length;
  // Written in lower case: "El Paso", "Los Angeles", "De Niro" are names, not Spanish or Dutch.
  const foreign = words.filter((w) => FOREIGN_FUNCTION_WORDS.has(w)).length;
  return english >= foreign;
}

function isTitleCase(tokens: Token[]): boolean {
  // Headlines carry no closing punctuation; a sentence that ends in one is prose.
  if (/^[.!?"”’]$/.test(tokens.at(-1)?.text ?? '')) return false;
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (words.length < 4) return false;
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length >= 0.7;
}

/**
 * Acronyms the article defines for bodies the lexicon lacks: "the National Border Patrol
 * Council (NBPC)". Later mentions of the acronym then resolve to the full name.
 */
function localDefinitions(text: string, lexicon: Lexicon): Lexicon {
  const entries: LexiconEntry[] = [];
  const re = /((?:\p{Lu}[\p{L}’'.&-]*\s+(?:(?:of|and|for|on|the)\s+)*){1,7}\p{Lu}[\p{L}’'.&-]*)\s+\((\p{Lu}[\p{Lu}\p{Ll}&.-]{1,9})\)/gu;
  for (const m of text.matchAll(re)) {
    // "the Department of Homeland Security’s Office of Inspector General (OIG)": the name is what follows the possessive.
    // …and starts after any sentence or line break the match ran across ("…in Central Asia\n\nThe Islamic Movement of Uzbekistan (IMU)").
    const sentence = (m[1] ?? '').split(/\n+|(?<=\p{Ll})[.!?]\s+/u).at(-1) ?? '';
    const phrase = sentence
      .replace(/^.*['’]s\s+/u, '')
      .replace(/^(?:(?:The|A|An|In|At|By|From|With|Since|After|Before|When|While|But|And|As|For|On|To|Under|Despite|During|Like|Unlike|Including|Both)\s+)+/iu, '')
      .trim();
    const acronym = m[2] ?? '';
    // "Stefan Edberg (Sweden)": a capitalised word in brackets is a note, not an acronym; an
    // acronym is mostly capitals ("NBPC", "ICE", "DoD").
    const capitals = acronym.replace(/[^\p{Lu}]/gu, '').length;
    if (capitals < 2 || capitals * 2 < acronym.replace(/[^\p{L}]/gu, '').length) continue;
    const known = (form: string): boolean => lexicon.exact.has(form) || lexicon.folded.has(foldKey(tokenize(form).map((t) => t.text)));
    if (known(phrase)) continue;
    const words = phrase.split(/\s+/);
    // "Uzbekistan's State Security Service (SGB)": a known acronym makes the phrase another name
    // of that body, here and wherever the article repeats it — one node, not two.
    // (The acronym may be the body's name itself: "the Islamic State-Khorasan Province (ISIS-K)".)
    const byName = lexicon.folded.get(foldKey(tokenize(acronym).map((t) => t.text)));
    const named = lexicon.exact.get(acronym) ?? (byName && byName.entry.weak !== true && byName.entry.name === acronym ? byName.entry : undefined);
    if (named) {
      const head = headNounType(words[words.length - 1] ?? '');
      if (head === undefined || head === named.type) entries.push({ ...named, aliases: [phrase.replace(/’/g, "'")], acronyms: [] });
      continue;
    }
    const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (!initials.toUpperCase().includes(acronym.replace(/[^\p{Lu}]/gu, '').slice(0, 2))) continue;
    const type = headNounType(words[words.length - 1] ?? '') ?? headNounType(words[0] ?? '') ?? 'ORGANIZATION';
    entries.push({ name: phrase.replace(/’/g, "'"), type, aliases: [], acronyms: [acronym] });
  }
  return buildLexicon(entries);
}

/**
 * "the U.S. Attorney's Office for the Eastern District of New York … the U.S. Attorney's Office": a
 * body named without the district or place it is for is the one body the article names in full.
 */
function resolveBodies(contexts: SentenceContext[]): void {
  const bodies = contexts.flatMap((c) => c.mentions).filter((m) => (m.type === 'AGENCY' || m.type === 'ORGANIZATION') && m.entry === undefined);
  const names = [...new Set(bodies.map((m) => m.name))];
  for (const m of bodies) {
    const longer = names.filter((n) => n.startsWith(`${m.name} for `) || n.startsWith(`${m.name} in `));
    if (longer.length !== 1 || longer[0] === undefined) continue;
    m.name = longer[0];
    m.key = entityKey(m.type, m.name);
  }
}

/** "CALEXICO – … the Calexico port of entry": a dateline's capitals name what the story names in mixed case. */
function resolveShouted(contexts: SentenceContext[]): void {
  const mentions = contexts.flatMap((c) => c.mentions);
  // (The model may read a dateline's capitals as a person: "DENVER –".)
  const mixed = new Map(mentions.filter((m) => m.name !== m.name.toUpperCase()).map((m) => [m.name.toUpperCase(), m]));
  for (const m of mentions) {
    if (m.name !== m.name.toUpperCase() || m.name.replace(/[^\p{L}]/gu, '').length < 4) continue;
    const same = mixed.get(m.name);
    if (!same) continue;
    m.name = same.name;
    m.type = same.type;
    m.key = same.key;
  }
}

/** Surnames and spelling variants of a person ("Kharwin", "Mohammed Kharwin") join the fullest name. */
function resolvePeople(contexts: SentenceContext[]): void {
  const people = contexts.flatMap((c) => c.mentions).filter((m) => m.type === 'PERSON');
  const full = people.filter((p) => p.name.includes(' '));
  const canonical = new Map<string, string>();
  for (const p of full) {
    // "Kilmar Abrego Garcia … Abrego Garcia said": a double surname alone is the full name before it.
    const longer = full.filter((f) => f.start < p.start && f.name.endsWith(` ${p.name}`)).at(-1);
    const match = longer ? longer.name : [...canonical.values()].find((c) => sameSurname(c, p.name) && similarGivenName(c, p.name));
    canonical.set(p.name, canonical.get(p.name) ?? (match ? (canonical.get(match) ?? match) : p.name));
  }
  // "Mr. Safi" is the Safi named last before it ("Abdul Wasi Safi"), not a relative named after it
  // ("His brother, Samiullah Safi"); before any, the first one named.
  // (Passing over a relative quoted on the way: "…, said his wife, Marwa Wardak. … Wardak had been flagged".)
  const quoted = (m: Mention): boolean => {
    const tokens = contexts[m.sentence]?.tokens ?? [];
    return /^(?:said|says|told)$/i.test(tokens[m.to]?.text ?? '') || tokens.slice(Math.max(0, m.from - 5), m.from).some((x) => /^(?:said|says|told)$/i.test(x.text));
  };
  const bySurname = (surname: string, at: number): string | undefined => {
    const same = full.filter((f) => f.name.split(' ').at(-1) === surname);
    const before = same.filter((x) => x.start < at);
    const f = (before.some((x) => !quoted(x)) ? before.filter((x) => !quoted(x)) : before).at(-1) ?? same[0];
    return f ? (canonical.get(f.name) ?? f.name) : undefined;
  };
  for (const p of people) {
    const name = p.name.includes(' ') ? canonical.get(p.name) : bySurname(p.name, p.start);
    if (name) {
      p.name = canonical.get(name) ?? name;
      p.key = entityKey('PERSON', p.name);
    }
  }
  // "Hassan said": a gazetteer town (India's Hassan) that is the surname of someone the article
  // names is that person.
  for (const m of contexts.flatMap((c) => c.mentions)) {
    const person = m.type === 'LOCATION' && m.entry?.weak && m.to - m.from === 1 ? bySurname(m.surface, m.start) : undefined;
    if (!person) continue;
    m.type = 'PERSON';
    m.name = person;
    m.key = entityKey('PERSON', person);
    delete m.entry;
  }
  // A lone surname that matches no full name is too weak to be a node on its own, unless a title
  // says it is a person ("President Macron", "Gov. Abbott").
  // (Only titles that stand for a person: not "General Motors", "Father Christmas", "Private Equity".)
  const titled = (ctx: SentenceContext, m: Mention): boolean => {
    const before = ctx.tokens[m.from - 1]?.text ?? '';
    if (isPersonTitle(m.name)) return false;
    return before === '.' ? isPersonTitle(`${ctx.tokens[m.from - 2]?.text ?? ''}.`) : SURNAME_TITLES.test(before);
  };
  // The model's reading of context ("Duran won", "said Alan") is evidence enough on its own.
  for (const ctx of contexts) ctx.mentions = ctx.mentions.filter((m) => m.type !== 'PERSON' || m.name.includes(' ') || titled(ctx, m) || m.model === true);
}

const SURNAME_TITLES = /^(?:President|Senator|Representative|Congressman|Congresswoman|Governor|Secretary|Director|Judge|Detective|Speaker|Mayor|Sheriff|Commissioner|Ambassador|Minister|Chairman|Chairwoman|Prosecutor|Inspector|Administrator|Deputy|Officer|Agent|Sergeant|Lieutenant|Colonel|Captain|Admiral)$/;

function sameSurname(a: string, b: string): boolean {
  return a.split(' ').at(-1) === b.split(' ').at(-1);
}

// "Mohammad" and "Mohammed" share their consonants; so do most transliteration variants.
function similarGivenName(a: string, b: string): boolean {
  const skeleton = (s: string): string => (s.split(' ')[0] ?? '').toLowerCase().replace(/[aeiouy]/g, '');
  return skeleton(a) === skeleton(b);
}

function groupEntities(mentions: Mention[]): ExtractedEntity[] {
  const byKey = new Map<string, ExtractedEntity>();
  for (const m of mentions) {
    let e = byKey.get(m.key);
    if (!e) {
      const aliases = m.entry ? [...m.entry.acronyms, ...m.entry.aliases] : [];
      e = { key: m.key, name: m.name, type: m.type, aliases, mentions: [], rules: [] };
      byKey.set(m.key, e);
    }
    e.mentions.push({ start: m.start, end: m.end, surface: m.surface });
    if (!e.rules.includes(m.rule)) e.rules.push(m.rule);
    const surface = m.surface.replace(/^(?:the|The)\s+/, '');
    if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
  }
  return [...byKey.values()];
}

function evidenceOf(span: Span, text: string, confidence: number, rules: readonly string[]): Evidence {
  // ASSERTED until the stance reader has read the sentence (StanceReader.assign).
  return { start: span.start, end: span.end, sentence: text.slice(span.start, span.end), confidence, rules: [...new Set(rules)], stance: 'ASSERTED', stanceRules: [] };
}

function relation(source: string, target: string, type: RelationType, span: Span, text: string, confidence: number, rules: readonly string[]): ExtractedRelation {
  return { source, target, type, evidence: evidenceOf(span, text, confidence, rules) };
}

/** Curated links (agency hierarchy, affiliations, places) between entities the article names. */
function lexiconRelations(mentions: Mention[], contexts: SentenceContext[], text: string): ExtractedRelation[] {
  const byName = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byName.get(m.name);
    if (list) list.push(m);
    else byName.set(m.name, [m]);
  }
  const out: ExtractedRelation[] = [];
  const links: Array<['parent' | 'affiliate' | 'in', RelationType]> = [
    ['parent', 'PART_OF'],
    ['affiliate', 'AFFILIATED_WITH'],
    ['in', 'LOCATED_IN'],
  ];
  for (const list of byName.values()) {
    const entry = list[0]?.entry;
    if (!entry) continue;
    for (const [field, type] of links) {
      const target = entry[field];
      const targets = target ? byName.get(target) : undefined;
      const first = targets?.[0];
      if (!targets || !first) continue;
      // Prefer a sentence naming both; else the first sentence naming the child.
      const shared = list.find((m) => targets.some((t) => t.sentence === m.sentence));
      const at = shared ?? list[0];
      const span = at ? contexts[at.sentence]?.span : undefined;
      if (at && span) out.push(relation(at.key, first.key, type, span, text, shared ? CONFIDENCE.lexiconShared : CONFIDENCE.lexicon, [`lexicon-${field}`]));
    }
  }
  return out;
}

const AGENT_TYPES = new Set(['AGENCY', 'ORGANIZATION', 'COUNTRY']);
const ACTS_ON_PEOPLE = new Set(['ARRESTED', 'RELEASED']);
/** Events that put their subjects at their place. */
const PHYSICAL_EVENTS = new Set(['Arrest', 'Detention', 'Release', 'Deportation', 'Crossing', 'Search', 'Attack']);

/**
 * "Additionally, an Uzbek man was arrested in Baltimore": an arrest, detention, release or
 * deportation with no named agent takes the agent of the previous event of the same type
 * in the same paragraph.
 */
function borrowAgents(events: FoundEvent[], contexts: SentenceContext[]): void {
  const inheritable = new Set(['Arrest', 'Detention', 'Release', 'Deportation']);
  events.forEach((e, i) => {
    if (!inheritable.has(e.type) || e.participants.some((p) => p.role === 'agent' && AGENT_TYPES.has(p.mention.type))) return;
    const paragraph = contexts[e.sentence]?.paragraph;
    for (let k = i - 1; k >= 0; k--) {
      const prev = events[k];
      if (!prev || contexts[prev.sentence]?.paragraph !== paragraph) break;
      if (prev.type !== e.type) continue;
      const agent = prev.participants.find((p) => p.role === 'agent' && AGENT_TYPES.has(p.mention.type));
      if (agent) e.participants.unshift({ mention: agent.mention, role: 'agent' });
      return;
    }
  });
}

/**
 * "Iran's Ministry of Intelligence … the ministry says it has arrested 11 people in six provinces": a
 * country's own body that arrests, detains or searches with no place named does so at home.
 */
function placeByHomeCountry(events: FoundEvent[], contexts: SentenceContext[]): void {
  const home = new Map<string, Mention>();
  for (const ctx of contexts) {
    ctx.mentions.forEach((m, k) => {
      const before = ctx.mentions[k - 1];
      if (m.type === 'AGENCY' && before?.type === 'COUNTRY' && !isDemonym(before) && before.to === m.from - 1 && /^['’]s$/.test(ctx.tokens[before.to]?.text ?? '')) home.set(m.key, before);
    });
  }
  for (const e of events) {
    if (!/^(?:Arrest|Detention|Search)$/.test(e.type) || e.participants.some((p) => p.role === 'place')) continue;
    const country = e.participants.filter((p) => p.role === 'agent').map((p) => home.get(p.mention.key)).find((c) => c !== undefined);
    if (!country || e.participants.some((p) => p.mention.key === country.key)) continue;
    e.participants.push({ mention: country, role: 'place' });
    e.rules.push('place.home-country');
  }
}

// (Two events of a type in one sentence, "the attack on Crocus City Hall … and a bombing in Kerman", are two keys.)
/**
 * "…arrested two Uzbek men in Brooklyn. Both men were charged with conspiring to support ISIS and
 * are being held at the Metropolitan Detention Center": the group is the nationals of the event
 * at most two sentences before. An event that must be of people and finds none is dropped.
 */
function borrowGroups(events: FoundEvent[], contexts: SentenceContext[]): void {
  // In story order, so that a group told of again and again is passed along ("The men … They …").
  const dropped = new Set<FoundEvent>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!e?.group) continue;
    const earlier = events.slice(0, i).filter((p) => p.sentence < e.sentence && e.sentence - p.sentence <= 2 && !dropped.has(p));
    const nationals = earlier.reverse().map((p) => p.participants.filter((q) => q.role === 'subject' && q.asPeople === true)).find((ps) => ps.length > 0) ?? [];
    for (const p of nationals) if (!e.participants.some((q) => q.mention.key === p.mention.key)) e.participants.push({ mention: p.mention, role: 'subject', asPeople: true });
    // "Felipe Orduna-Torres and Armando Gonzales-Ortega were… A jury convicted the men": with no
    // nationals to borrow, the group is the people the nearest sentence before names together.
    const named = nationals.length > 0 ? [] : groupNamedBefore(e, contexts);
    for (const m of named) e.participants.push({ mention: m, role: 'subject' });
    // "The two people … were Jordanian nationals. … arrested the pair": with neither, the nationals the
    // sentence before says they were.
    const stated = nationals.length > 0 || named.length > 0 ? [] : nationalsStatedBefore(e, contexts);
    for (const m of stated) e.participants.push({ mention: m, role: 'subject', asPeople: true });
    if (nationals.length === 0 && named.length === 0 && stated.length === 0 && e.group === 'required') dropped.add(e);
  }
  for (let i = events.length - 1; i >= 0; i--) if (dropped.has(events[i] as FoundEvent)) events.splice(i, 1);
}

/** The countries whose nationals ("Jordanian nationals", "citizens of Yemen") the nearest of the two sentences before an event's speaks of as a group. */
function nationalsStatedBefore(e: FoundEvent, contexts: SentenceContext[]): Mention[] {
  for (let s = e.sentence - 1; s >= Math.max(0, e.sentence - 2); s--) {
    const ctx = contexts[s];
    const found = (ctx?.mentions ?? []).filter((m) => {
      if (m.type !== 'COUNTRY') return false;
      const after = ctx?.tokens[m.to]?.text ?? '';
      const ofThem = /^(?:of|from)$/.test(ctx?.tokens[m.from - 1]?.text.toLowerCase() ?? '') && /^(?:citizens|nationals)$/i.test(ctx?.tokens[m.from - 2]?.text ?? '');
      return (isDemonym(m) && PLURAL_PEOPLE.test(after)) || ofThem;
    });
    if (found.length > 0) return [...new Map(found.map((m) => [m.key, m])).values()];
  }
  return [];
}

const PLURAL_PEOPLE = /^(?:nationals|citizens|noncitizens|men|women|migrants|immigrants|people|suspects|residents|refugees)$/i;

/** The people (two or more) named by the nearest of the two sentences before an event's, none of them in it already. */
function groupNamedBefore(e: FoundEvent, contexts: SentenceContext[]): Mention[] {
  for (let s = e.sentence - 1; s >= Math.max(0, e.sentence - 2); s--) {
    const people = [...new Map((contexts[s]?.mentions ?? []).filter((m) => m.type === 'PERSON').map((m) => [m.key, m])).values()];
    if (people.length >= 2) return people.filter((m) => !e.participants.some((p) => p.mention.key === m.key));
  }
  return [];
}

function eventKey(e: FoundEvent): string {
  return `EVENT:${e.sentence}:${e.type}:${e.trigger}`;
}

/** One event node: its first telling, with what its retellings add (participants, date, count). */
function toExtractedEvent(e: FoundEvent, retold: FoundEvent[], contexts: SentenceContext[], text: string): ExtractedEvent {
  const span = contexts[e.sentence]?.span ?? { start: 0, end: 0 };
  const all = [e, ...retold];
  const participants = new Map<string, FoundEvent['participants'][number]>();
  for (const p of all.flatMap((x) => x.participants)) if (!participants.has(p.mention.key)) participants.set(p.mention.key, p);
  const names = [...new Set([...participants.values()].map((p) => p.mention.name))];
  const shown = names.slice(0, 4).join(', ') + (names.length > 4 ? ` +${names.length - 4}` : '');
  const date = all.find((x) => x.date)?.date;
  const count = all.find((x) => x.count !== undefined)?.count;
  return {
    key: eventKey(e),
    type: e.type,
    name: `${e.type}: ${shown}${date ? ` (${date})` : ''}`,
    participants: [...participants.values()].map((p) => ({ key: p.mention.key, role: p.role })),
    ...(count !== undefined ? { count } : {}),
    ...(date ? { date } : {}),
    evidence: evidenceOf(span, text, CONFIDENCE.event, all.flatMap((x) => x.rules ?? [])),
  };
}

/**
 * Each participant PARTICIPATED_IN its event; an agent gets the event's typed link to each subject.
 * A retelling's links go to the event it retells, with the retelling's sentence as evidence.
 */
function eventRelations(
  found: FoundEvent[],
  eventOf: (e: FoundEvent) => ExtractedEvent | undefined,
  contexts: SentenceContext[],
  text: string,
  onRelation: (r: ExtractedRelation, e: FoundEvent) => void,
): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  found.forEach((e) => {
    const ev = eventOf(e);
    const span = contexts[e.sentence]?.span;
    if (!ev || !span) return;
    const add = (r: ExtractedRelation): void => {
      onRelation(r, e);
      out.push(r);
    };
    const rules = e.rules ?? [];
    for (const p of e.participants) add({ ...relation(p.mention.key, ev.key, 'PARTICIPATED_IN', span, text, CONFIDENCE.event, rules), role: p.role });
    if (!e.relation) return;
    const agents = e.participants.filter((p) => p.role === 'agent');
    // People, groups and nationals ("Tajik men") are arrested or released; a country by its name is not.
    // One body alerting another about a person alerted the body, not the person, nor the group it was
    // about ("warned the Biden administration that ISIS-K was trying…").
    const toldBody = e.relation === 'ALERTED' && e.participants.some((p) => p.role === 'subject' && p.mention.type === 'AGENCY');
    const charged = e.type === 'Charge' && e.participants.some((p) => p.role === 'subject' && (p.mention.type === 'PERSON' || p.asPeople === true));
    const subjects = e.participants.filter(
      (p) =>
        p.role === 'subject' &&
        (!ACTS_ON_PEOPLE.has(e.relation ?? '') || p.mention.type !== 'COUNTRY' || p.asPeople === true) &&
        !(toldBody && (p.mention.type === 'PERSON' || p.mention.type === 'ORGANIZATION')) &&
        // A group named in a charge is what the person was charged with helping, not one charged.
        !(charged && p.mention.type === 'ORGANIZATION'),
    );
    for (const a of agents) for (const s of subjects) if (a.mention.key !== s.mention.key) add(relation(a.mention.key, s.mention.key, e.relation, span, text, CONFIDENCE.event, rules));
    // A person arrested or released somewhere was there; one who asked or was asked for something was not.
    for (const s of PHYSICAL_EVENTS.has(e.type) ? subjects.filter((p) => p.mention.type === 'PERSON') : []) {
      for (const place of e.participants.filter((p) => p.role === 'place' && p.mention.type === 'LOCATION')) {
        add(relation(s.mention.key, place.mention.key, 'LOCATED_IN', span, text, CONFIDENCE.event, [...rules, 'physical-event-place']));
      }
    }
  });
  return out;
}

/** Entities named in the same sentence are linked, with that sentence as evidence. */
function coMentions(contexts: SentenceContext[], text: string): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  for (const ctx of contexts) {
    const keys = [...new Set(ctx.mentions.map((m) => m.key))];
    if (keys.length < 2 || keys.length > MAX_COMENTION_ENTITIES) continue;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i];
        const b = keys[j];
        if (a && b) out.push(relation(a, b, 'MENTIONED_WITH', ctx.span, text, CONFIDENCE.coMention, ['co-mention']));
      }
    }
  }
  return out;
}

/**
 * One relation per (pair, type, sentence). A typed link makes the plain co-mention of the
 * same pair in the same sentence redundant; in another sentence the co-mention stays, since
 * that sentence may present the pair otherwise ("alleged" in one, "denied" in the next).
 */
function dedupeRelations(relations: ExtractedRelation[]): ExtractedRelation[] {
  const typedPairs = new Set(relations.filter((r) => r.type !== 'MENTIONED_WITH' && r.type !== 'PARTICIPATED_IN').map((r) => `${pairKey(r.source, r.target)}@${r.evidence.start}`));
  const seen = new Map<string, ExtractedRelation>();
  return relations.filter((r) => {
    if (r.source === r.target) return false;
    if (r.type === 'MENTIONED_WITH' && typedPairs.has(`${pairKey(r.source, r.target)}@${r.evidence.start}`)) return false;
    const k = `${r.source}|${r.type}|${r.target}|${r.evidence.start}`;
    const first = seen.get(k);
    if (first) {
      // Two rules read the same link from one sentence: one link, both rule ids.
      for (const id of r.evidence.rules) if (!first.evidence.rules.includes(id)) first.evidence.rules.push(id);
      return false;
    }
    seen.set(k, r);
    return true;
  });
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
