import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT_DIR } from '../../config.ts';
import type { EntityType } from '../../domain/types.ts';
import { isDemonym, isLegislature, type Mention } from './mention.ts';
import { isCalendarWord } from './people.ts';
import type { Token } from './tokenize.ts';

/** A named agency, organization or place (an airport, a base, a detention center) found by its head noun, not by the lexicon. */
export interface BodyMatch {
  name: string;
  type: EntityType;
  from: number;
  to: number;
}

const file = z.object({
  agency: z.array(z.string()),
  organization: z.array(z.string()),
  location: z.array(z.string()),
  facilityQualifiers: z.array(z.string()),
  possessiveWords: z.array(z.string()),
  connectors: z.array(z.string()),
});
let heads: { agency: Set<string>; organization: Set<string>; location: Set<string>; facility: Set<string>; possessive: Set<string>; connectors: Set<string> } | undefined;

function load(): NonNullable<typeof heads> {
  if (!heads) {
    const d = file.parse(JSON.parse(readFileSync(path.join(ROOT_DIR, 'data', 'lexicon', 'org-head-nouns.json'), 'utf8')));
    heads = { agency: new Set(d.agency), organization: new Set(d.organization), location: new Set(d.location), facility: new Set(d.facilityQualifiers), possessive: new Set(d.possessiveWords), connectors: new Set(d.connectors) };
  }
  return heads;
}

// A capitalised word, or an Arabic name with its article: "al-Azaim Foundation".
const CAP = /^(?:\p{Lu}|(?:al|el|ad|an|ar|as|ash|at|az)-\p{Lu})[\p{L}’'&.-]*$/u;

// Capitalised only because they open a sentence: never the first word of a name.
const OPENERS = new Set(['The', 'In', 'At', 'On', 'A', 'An', 'By', 'For', 'From', 'With', 'After', 'Before', 'Despite', 'When', 'While', 'But', 'And', 'Meanwhile', 'According', 'Former', 'Last', 'This', 'That', 'Its', 'Their', 'His', 'Her']);

/** A capitalised word that is never the first word of a name ("The", "In", "According"…). */
export function isOpener(word: string): boolean {
  return OPENERS.has(word);
}

const PLACE_PREFIXES = new Set(['Fort', 'Camp', 'Mount', 'Lake', 'Cape']);

/** Tokens back to the written name: "John F. Kennedy …", "Sheriff's Office", straight apostrophes. */
export function nameOf(words: string[]): string {
  return words
    .join(' ')
    .replace(/\b(\p{Lu}) \./gu, '$1.')
    .replace(/ (['’]s)\b/gu, '$1')
    .replace(/’/g, "'");
}

/** The type a head noun gives a name, if it is one. */
export function headNounType(word: string): EntityType | undefined {
  const h = load();
  if (h.agency.has(word)) return 'AGENCY';
  if (h.organization.has(word)) return 'ORGANIZATION';
  if (h.location.has(word)) return 'LOCATION';
  return undefined;
}

/**
 * Runs of capitalised words (joined by of/and/for/the) that end in a head noun
 * ("Eagle Pass Police Department") or start with one followed by "of", "on" or "for" ("Office
 * of Refugee Resettlement", "Committee on Homeland Security"): named bodies the lexicon does not list.
 */
export function findNamedBodies(tokens: Token[], covered: boolean[]): BodyMatch[] {
  const { connectors, possessive, facility: facilityQualifiers } = load();
  const out: BodyMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (covered[i] || !CAP.test(tokens[i]?.text ?? '')) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && !covered[j]) {
      const t = tokens[j]?.text ?? '';
      // A middle initial inside a name: "John F. Kennedy International Airport".
      if (/^\p{Lu}$/u.test(t) && tokens[j + 1]?.text === '.' && CAP.test(tokens[j + 2]?.text ?? '') && !covered[j + 2]) j += 2;
      // "Hillsborough County Sheriff's Office": a possessive after a title-like word stays in the name.
      else if (/^['’]s$/.test(t) && possessive.has(tokens[j - 1]?.text ?? '') && CAP.test(tokens[j + 1]?.text ?? '') && !covered[j + 1]) j += 2;
      else if (CAP.test(t)) j++;
      else if (connectors.has(t.toLowerCase()) && CAP.test(tokens[j + 1]?.text ?? '') && !covered[j + 1]) j += 2;
      else break;
    }
    let from = i;
    while (from < j && OPENERS.has(tokens[from]?.text ?? '')) from++;
    i = j;
    // "Dulles International Airport on Monday": a connector after a head noun can end the name;
    // "of" or "for" goes on with it ("Federal Office for Migration and Refugees").
    let head = -1;
    if (!headNounType(tokens[j - 1]?.text ?? '') && !/^(?:of|on|for)$/.test(tokens[from + 1]?.text ?? '')) {
      for (let k = j - 2; k > from; k--) {
        const connector = tokens[k + 1]?.text.toLowerCase() ?? '';
        if (!headNounType(tokens[k]?.text ?? '') || !connectors.has(connector)) continue;
        if (/^(?:of|for)$/.test(connector) && !tokens.slice(k + 2, j).some((x) => isCalendarWord(x.text))) head = k;
        else j = k + 1;
        break;
      }
    }
    const words = tokens.slice(from, j).map((t) => t.text);
    const content = words.filter((w) => !connectors.has(w.toLowerCase()));
    if (content.length < 2) continue;
    const last = words[words.length - 1] ?? '';
    const first = words[0] ?? '';
    // "Prairieland Detention Center", "Krome Service Processing Center": where people are held is a place.
    const facility = /^(?:Center|Centre|Facility)$/.test(last) && facilityQualifiers.has(words[words.length - 2] ?? '');
    // "Fort Bliss", "Camp Pendleton": a base or camp is a place (unless a known name follows: "Camp East Montana").
    const base = PLACE_PREFIXES.has(first) && words.length >= 2 && !covered[j];
    const type = facility || base ? 'LOCATION' : (headNounType(last) ?? (head >= 0 ? headNounType(tokens[head]?.text ?? '') : /^(?:of|on|for)$/.test(words[1] ?? '') ? headNounType(first) : undefined));
    if (type) out.push({ name: nameOf(words), type, from, to: j });
  }
  return out;
}

// What an appositive says a name is: "Nebraska Appleseed, an advocacy group in Lincoln".
const BODY_DESCRIPTORS = new Set(['group', 'organization', 'organisation', 'nonprofit', 'non-profit', 'charity', 'coalition', 'network', 'alliance', 'tank', 'firm', 'company', 'foundation', 'movement', 'militia', 'faction']);

/**
 * "Nebraska Appleseed, an advocacy group in Lincoln", "Mijente, a Latino rights group": a name
 * the appositive after it calls a group, charity, coalition or company is an organization, even
 * when it opens with a place the gazetteer knows. Only names with a word no earlier rule claimed,
 * and with no mention inside them but places and countries.
 */
export function findAppositiveBodies(tokens: Token[], mentions: readonly Mention[]): BodyMatch[] {
  const { connectors } = load();
  const out: BodyMatch[] = [];
  tokens.forEach((tok, c) => {
    if (tok.text !== ',' || !/^(?:a|an)$/i.test(tokens[c + 1]?.text ?? '')) return;
    const head = tokens.slice(c + 2, c + 7).findIndex((x) => BODY_DESCRIPTORS.has(x.text.toLowerCase()));
    if (head < 0 || tokens.slice(c + 2, c + 2 + head).some((x) => !/^[\p{L}-]+$/u.test(x.text))) return;
    // The descriptor must end its noun phrase: "John Smith, a company spokesman" is a person.
    const after = tokens[c + 3 + head]?.text ?? '';
    if (after !== '' && !/^(?:[,.;:)]|in|of|that|which|who|based|founded|for|with|at|from|on|and|whose|to)$/i.test(after)) return;
    let from = c;
    while (from > 0 && (CAP.test(tokens[from - 1]?.text ?? '') || (connectors.has(tokens[from - 1]?.text.toLowerCase() ?? '') && CAP.test(tokens[from - 2]?.text ?? '')))) from--;
    while (from < c && (OPENERS.has(tokens[from]?.text ?? '') || connectors.has(tokens[from]?.text.toLowerCase() ?? ''))) from++;
    const words = tokens.slice(from, c);
    if (words.length === 0 || words.length > 6 || words.some((x) => isCalendarWord(x.text))) return;
    // "Separately, a group of…": one capitalised word opening a sentence is no name.
    if (from === 0 && words.length === 1) return;
    const inside = mentions.filter((m) => m.to > from && m.from < c);
    if (inside.some((m) => m.from < from || m.to > c || (m.type !== 'LOCATION' && m.type !== 'COUNTRY'))) return;
    const free = words.filter((_, k) => !inside.some((m) => from + k >= m.from && from + k < m.to));
    if (free.length === 0) return;
    out.push({ name: nameOf(words.map((x) => x.text)), type: 'ORGANIZATION', from, to: c });
  });
  return out;
}

/**
 * A named body with what around it belongs to its name: a place right before it ("Houston Police
 * Department", "Texas Department of Public Safety"); a nationality before a government body ("the
 * Afghan Air Force": not the U.S. one) and the country whose "Attorney's Office" it is; the agency
 * that runs a facility, with the words before it ("the Northwest ICE Processing Center"); the
 * district of an attorney's office and the country of an organization after it; the agency a
 * unit belongs to ("ICE Air Operations").
 */
// Heads of a part of an agency: "ICE Air Operations", "the FBI Counterterrorism Division".
const SUBUNIT_HEADS = new Set(['Operations', 'Division', 'Unit', 'Team', 'Squad', 'Section', 'Branch']);

export function withNeighbours(body: BodyMatch, tokens: Token[], covered: boolean[], mentions: Mention[]): { name: string; from: number; to: number } {
  const owner = (m: Mention): boolean => body.type === 'AGENCY' && !isLegislature(body.name) && (isDemonym(m) || body.name === "Attorney's Office");
  const unit = body.type === 'AGENCY' && SUBUNIT_HEADS.has(body.name.split(' ').pop() ?? '');
  const operator = body.type === 'LOCATION' || unit ? mentions.find((m) => m.to === body.from && m.type === 'AGENCY' && m.to - m.from === 1) : undefined;
  const before = operator ?? mentions.find((m) => m.to === body.from && (m.type === 'LOCATION' || (m.type === 'COUNTRY' && owner(m))));
  let from = before?.from ?? body.from;
  // "the Northwest ICE Processing Center", "the Royal Thai Police": capitalised words before the operator or nationality are the name's too.
  const extend = operator !== undefined || before?.type === 'COUNTRY';
  while (extend && from > 0 && !covered[from - 1] && /^\p{Lu}\p{Ll}+$/u.test(tokens[from - 1]?.text ?? '') && !isOpener(tokens[from - 1]?.text ?? '') && !isCalendarWord(tokens[from - 1]?.text ?? '')) from--;
  const suffix = body.name.endsWith("Attorney's Office") ? districtAfter(tokens, body.to, mentions) : ofCountry(tokens, body, mentions);
  const lead = tokens.slice(from, before?.from ?? body.from).map((t) => `${t.text} `).join('');
  const name = `${lead}${before ? `${before.surface.replace(/^the\s+/i, '')} ` : ''}${body.name}${suffix ? ` ${suffix.words}` : ''}`;
  // A unit is named with its agency, which stays a mention of its own (the unit is PART_OF it).
  return { name, from: unit ? body.from : from, to: suffix?.to ?? body.to };
}


/**
 * "for the Eastern District of Pennsylvania" after "U.S. Attorney's Office": the district names
 * which of the 94 offices it is. Returns the words and where they end.
 */
function districtAfter(tokens: Token[], at: number, mentions: Mention[]): { words: string; to: number } | undefined {
  if (tokens[at]?.text !== 'for' || tokens[at + 1]?.text !== 'the') return undefined;
  const d = tokens.findIndex((x, k) => k > at + 1 && k <= at + 4 && x.text === 'District');
  if (d < 0 || tokens[d + 1]?.text !== 'of' || !tokens.slice(at + 2, d).every((x) => /^\p{Lu}\p{Ll}+$/u.test(x.text))) return undefined;
  const place = mentions.find((m) => m.from === d + 2 && m.type === 'LOCATION');
  const end = place?.to ?? (/^\p{Lu}/u.test(tokens[d + 2]?.text ?? '') ? d + 3 : undefined);
  if (end === undefined) return undefined;
  return { words: tokens.slice(at, end).map((x) => x.text).join(' '), to: end };
}

/** "the Islamic Renaissance Party of Tajikistan": an organization named with its country ends with it. */
function ofCountry(tokens: Token[], body: { type: string; to: number }, mentions: Mention[]): { words: string; to: number } | undefined {
  const country = body.type === 'ORGANIZATION' && tokens[body.to]?.text === 'of' ? mentions.find((m) => m.from === body.to + 1 && m.type === 'COUNTRY' && !isDemonym(m)) : undefined;
  return country ? { words: `of ${country.surface}`, to: country.to } : undefined;
}
