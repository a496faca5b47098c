import type { FoundEvent } from './found-event.ts';
import { isDemonym, NATIONAL_NOUN, type Mention, type SentenceContext } from './mention.ts';
import type { Token } from './tokenize.ts';

const ONE_PERSON =
  /^(?:man|woman|national|citizen|immigrant|migrant|refugee|resident|native|teenager|teen|boy|girl|student|evacuee|asylum|interpreter|translator|soldier|officer|commander|commando|official|veteran|pilot|journalist|reporter|activist|worker|contractor|cleric|imam|suspect|defendant|fugitive|detainee|deportee|parolee|felon|passenger|traveler|traveller|businessman|businesswoman|doctor|engineer|driver|father|mother)$/i;
const SEVERAL_PEOPLE = /^(?:men|women|nationals|citizens|immigrants|migrants|refugees|residents|students|brothers|evacuees|fugitives|detainees|workers|passengers)$/i;

/**
 * The people a sentence opens with: after at most a title, or after an attribution ("According to
 * the charging documents, X, 35, and Y, 33, …"); with `several`, every name listed there.
 */
function openingPeople(next: SentenceContext, several: boolean): Mention[] {
  const tokens = next.tokens;
  const word = (k: number): string => tokens[k]?.text.toLowerCase() ?? '';
  // "The man, identified as Rami Haddad, 41, …", "The suspect, named as …": the name after the description.
  // ("The man, identified by DHS as Alisher Tursunov, …": whoever named him comes before "as".)
  // ("The illegal migrant, 33-year-old Jovokhir Attoev, …": words may qualify the description.)
  const comma = word(0) === 'the' ? [2, 3, 4].find((k) => word(k) === ',' && ONE_PERSON.test(word(k - 1))) : undefined;
  const as = comma !== undefined && /^(?:identified|named)$/.test(word(comma + 1)) ? [2, 3, 4, 5, 6].map((d) => comma + d).find((k) => word(k) === 'as') : undefined;
  const described = comma !== undefined ? (as !== undefined ? as + 1 : comma + 1) : 0;
  const start = /^according$/i.test(tokens[0]?.text ?? '') ? tokens.findIndex((x) => x.text === ',') + 1 : described;
  const people: Mention[] = [];
  for (const m of next.mentions) {
    if (m.from < start) continue;
    if (m.type !== 'PERSON') break;
    const last = people.at(-1);
    const gap = tokens.slice(last ? last.to : start, m.from);
    // (An age may stand before the name: "33-year-old Jovokhir Attoev".)
    const joined = last ? gap.every((x) => /^(?:,|and|\d{1,3})$/.test(x.text)) : m.from - start <= 2 && gap.every((x) => /^\p{Lu}/u.test(x.text) || /^\d{1,3}-year-old$/.test(x.text));
    if (!joined) break;
    people.push(m);
    if (!several) break;
  }
  // "Charles said two of the men…": someone who opens the sentence by speaking is its source.
  return SPOKE.test(tokens[people.at(-1)?.to ?? 0]?.text ?? '') ? [] : people;
}

/** "the wife of a Russian army officer": the national is someone else's relative, not the one named next. */
function kinOf(m: Mention, tokens: readonly Token[]): boolean {
  return tokens[m.from - 2]?.text.toLowerCase() === 'of' && /^(?:wife|husband|son|daughter|brother|sister|mother|father|relative|relatives|family|widow|child|children|cousin|nephew|niece)$/i.test(tokens[m.from - 3]?.text ?? '');
}

const SPOKE = /^(?:said|says|told|added|stated|explained|noted|confirmed|announced)$/i;

/** The people noun a country stands for: "an Afghan man", "a U.S. citizen", "two citizens of Tajikistan", "a Tajik opposition activist". */
function peopleNoun(m: Mention, tokens: readonly Token[]): string {
  const before = tokens[m.from - 2]?.text ?? '';
  if (tokens[m.from - 1]?.text.toLowerCase() === 'of' && NATIONAL_NOUN.test(before)) return before;
  // Up to two lower-case words may stand between: "opposition", "army", "asylum".
  for (let k = m.to; k <= m.to + 2; k++) {
    const w = tokens[k]?.text ?? '';
    if (ONE_PERSON.test(w) || SEVERAL_PEOPLE.test(w) || NATIONAL_NOUN.test(w)) return w;
    if (!/^\p{Ll}+$/u.test(w)) break;
  }
  return tokens[m.to]?.text ?? '';
}

/**
 * The unnamed national an event tells of, if any: a demonym or a country's name with a people noun
 * ("an Afghan man", "a U.S. citizen", "two citizens of Tajikistan"), who did the act ("An Uzbek
 * national … pleaded guilty") or had it done. After the trigger it must be the object itself
 * ("arrested a Somali national") or what the subject is said to be ("The man who … attacked people
 * … was a Somali refugee"), not someone further on ("charged two men with running a network that
 * smuggled … Tajik migrants").
 */
function unnamedNational(e: FoundEvent, tokens: readonly Token[]): FoundEvent['participants'][number] | undefined {
  const predicate = (m: Mention): boolean => /^(?:a|an)$/i.test(tokens[m.from - 1]?.text ?? '') && /^(?:was|is)$/i.test(tokens[m.from - 2]?.text ?? '');
  return e.participants.find((p) => {
    const noun = peopleNoun(p.mention, tokens);
    const near = p.mention.from < e.trigger || p.mention.from - e.trigger <= 4 || predicate(p.mention);
    const national = isDemonym(p.mention) || NATIONAL_NOUN.test(noun);
    return p.role !== 'place' && p.asPeople === true && near && national && (ONE_PERSON.test(noun) || SEVERAL_PEOPLE.test(noun)) && !kinOf(p.mention, tokens);
  });
}

/**
 * "Federal agents arrested a Somali national in Minneapolis. Abdirahman Yusuf Hassan, 27, was
 * taken…": a lede's unnamed national, named as the subject of the next sentence, is that person
 * ("Two Uzbek nationals were charged. … Bakhrom Yusupov, 35, and Otabek Nurmatov, 33, …": those
 * people). They join the events that had the nationality as their subject; returns who was named,
 * with the sentence that names them, for a NATIONAL_OF link.
 */
export function nameTheNational(events: FoundEvent[], contexts: SentenceContext[]): Array<{ person: Mention; country: Mention; sentence: number; rule: string }> {
  const out: Array<{ person: Mention; country: Mention; sentence: number; rule: string }> = [];
  for (const e of events) {
    // A headline's national is named in the story, not by the byline under it.
    if (contexts[e.sentence]?.isTitle) continue;
    const tokens = contexts[e.sentence]?.tokens ?? [];
    const national = unnamedNational(e, tokens);
    if (!national || e.participants.some((p) => p.mention.type === 'PERSON')) continue;
    const next = contexts[e.sentence + 1];
    if (!next) continue;
    // The next sentence must open with the name(s), and name nobody else first; or tell the same act of
    // one named person ("ERO Newark arrested an Afghan national… Officers arrested Abdul-Rahman Qasimi, 31, …").
    const opening = openingPeople(next, SEVERAL_PEOPLE.test(peopleNoun(national.mention, tokens)));
    const again = events.find((o) => o.sentence === next.index && o.type === e.type && !o.participants.some((p) => p.mention.type === 'COUNTRY'));
    const named = again?.participants.filter((p) => p.role === 'subject' && p.mention.type === 'PERSON') ?? [];
    // ("Senator John Cornyn said … 70,000 Afghan nationals … Cornyn linked…": who spoke of them is not one of them.)
    const here = new Set((contexts[e.sentence]?.mentions ?? []).map((m) => m.key));
    const people = (opening.length > 0 ? opening : ONE_PERSON.test(peopleNoun(national.mention, tokens)) && named.length === 1 ? named.map((p) => p.mention) : []).filter((m) => !here.has(m.key));
    for (const person of people) {
      e.participants.push({ mention: person, role: national.role });
      for (const other of events) {
        const there = other.participants.find((p) => p.mention.key === national.mention.key);
        if (other !== e && other.sentence === e.sentence && there && !other.participants.some((p) => p.mention.key === person.key)) {
          other.participants.push({ mention: person, role: there.role });
        }
      }
      if (!out.some((o) => o.person.key === person.key)) out.push({ person, country: national.mention, sentence: next.index, rule: 'name-the-national' });
    }
  }
  // "Afghan Man Charged…" over a story that names its Afghan man: the headline's national is the one
  // person of that nationality the story names that way.
  for (const e of events) {
    const tokens = contexts[e.sentence]?.tokens ?? [];
    const national = contexts[e.sentence]?.isTitle ? unnamedNational(e, tokens) : undefined;
    if (!national || !ONE_PERSON.test(peopleNoun(national.mention, tokens)) || e.participants.some((p) => p.mention.type === 'PERSON')) continue;
    const people = out.filter((o) => o.country.key === national.mention.key);
    if (people.length === 1 && people[0]) e.participants.push({ mention: people[0].person, role: national.role });
  }
  return out;
}

/**
 * "An Afghan interpreter who worked alongside U.S. Marines was granted asylum. Ahmad Wali Sediqi,
 * 34, fled Kabul…": the lede's unnamed national is the person the next sentence opens with, even
 * when the lede tells of no event. Returns the NATIONAL_OF links found that way.
 */
export function ledeNational(contexts: SentenceContext[], known: Array<{ person: Mention }>): Array<{ person: Mention; country: Mention; sentence: number; rule: string }> {
  const unnamed = (c: SentenceContext): Mention | undefined =>
    c.mentions.find((m) => isDemonym(m) && /^(?:a|an)$/i.test(c.tokens[m.from - 1]?.text ?? '') && ONE_PERSON.test(peopleNoun(m, c.tokens)) && !kinOf(m, c.tokens));
  // The lede is among the first sentences (after a headline and header lines such as "Source: …").
  const lede = contexts.filter((c) => !c.isTitle).slice(0, 4).find((c) => unnamed(c) !== undefined);
  const next = lede ? contexts[lede.index + 1] : undefined;
  if (!lede || !next || lede.mentions.some((m) => m.type === 'PERSON')) return [];
  const national = unnamed(lede);
  const [person] = national ? openingPeople(next, false) : [];
  if (!national || !person || known.some((k) => k.person.key === person.key)) return [];
  return [{ person, country: national, sentence: next.index, rule: 'lede-national' }];
}
