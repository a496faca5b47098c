import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT_DIR } from '../../config.ts';
import type { Token } from './tokenize.ts';

/** A person's name found by the capitalisation rule, before coreference. */
export interface PersonMatch {
  name: string;
  /** Token range [from, to) of the name, titles excluded. */
  from: number;
  to: number;
}

const rulesFile = z.object({ titles: z.array(z.string()), leading: z.array(z.string()), notNames: z.array(z.string()) });

let rules: { titles: Set<string>; leading: Set<string>; notNames: Set<string> } | undefined;

function loadRules(): { titles: Set<string>; leading: Set<string>; notNames: Set<string> } {
  if (!rules) {
    const file = path.join(ROOT_DIR, 'data', 'lexicon', 'person-rules.json');
    const parsed = rulesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    rules = { titles: new Set(parsed.titles), leading: new Set(parsed.leading), notNames: new Set(parsed.notNames) };
  }
  return rules;
}

/** A title that can stand right before a person's name ("Sheriff", "Sen.", "Mayor"). */
export function isPersonTitle(word: string): boolean {
  return loadRules().titles.has(word);
}

const NAME_WORD = /^(?:\p{Lu}[\p{Ll}]+(?:[-'’]\p{Lu}?[\p{Ll}]+)*|\p{Lu}['’]\p{Lu}[\p{Ll}]+|(?:Mac|Mc|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}[\p{Ll}]+|\p{Lu}\.|(?:al|el|ad|ash|as|at|az|ul)-\p{Lu}[\p{Ll}]+)$/u;
const TIME_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** A day or month name: capitalised, but never part of a name. */
export function isCalendarWord(word: string): boolean {
  return TIME_WORD.test(word);
}
/** Lower-case particles inside a name: "Osama bin Laden", "Maria de la Cruz", "Vincent van Gogh". */
const PARTICLE = /^(?:bin|ibn|bint|al|el|ul|de|del|della|da|di|du|dos|das|la|le|van|von|der|den|ter|y)$/;

/**
 * The simple person rule: a run of two to four capitalised words that the lexicon did not
 * claim, with leading titles stripped, and none of the words one that marks an
 * institution, a place, a date or page furniture. A lone capitalised word is returned too,
 * so that coreference can attach a surname to a full name found elsewhere. Titles before
 * the name, and whatever precedes them, are left out of it ("FBI Director Christopher Wray",
 * "U.S. District Judge Regina Rodriguez").
 */
export function findPeople(tokens: Token[], covered: boolean[]): PersonMatch[] {
  const { titles, leading, notNames } = loadRules();
  const out: PersonMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "Gov. JB Pritzker", "Vice President JD Vance": two capitals after a title open a name.
    const titled = titles.has(tokens[i - 1]?.text ?? '') || (tokens[i - 1]?.text === '.' && titles.has(`${tokens[i - 2]?.text ?? ''}.`));
    const initials = /^\p{Lu}{2}$/u.test(tokens[i]?.text ?? '') && titled && NAME_WORD.test(tokens[i + 1]?.text ?? '') && !covered[i + 1];
    if (covered[i] || (!NAME_WORD.test(tokens[i]?.text ?? '') && !initials)) {
      i++;
      continue;
    }
    let j = initials ? i + 1 : i;
    while (j < tokens.length && !covered[j] && NAME_WORD.test(tokens[j]?.text ?? '')) {
      j++;
      // Inside a name: a middle initial ("Thomas D. Homan") or particles ("bin Laden", "de la Cruz"),
      // when more of the name follows.
      let m = j;
      if (/^\p{Lu}$/u.test(tokens[m]?.text ?? '') && tokens[m + 1]?.text === '.' && tokens[m + 1]?.start === tokens[m]?.end) m += 2;
      else while (m < tokens.length && PARTICLE.test(tokens[m]?.text ?? '')) m++;
      if (m > j && !covered.slice(j, m + 1).some(Boolean) && NAME_WORD.test(tokens[m]?.text ?? '')) j = m;
    }
    let from = i;
    const prevToken = tokens[i - 1];
    i = j;
    // The name starts after the last title of the run: "U.S. District Judge Regina Rodriguez",
    // "Deputy Attorney General Todd Blanche" (what precedes a title belongs to the title).
    for (let k = j - 2; k >= from; k--) {
      if (titles.has(tokens[k]?.text ?? '')) {
        from = k + 1;
        break;
      }
    }
    // Openers, party labels and the rest of a title are not part of a name ("Republican Mark
    // Green", "Secretary of State Marco Rubio", "Later Homan"), nor days and months at its end
    // ("Homan Tuesday"); other words that are never names mark an institution ("Tech Against
    // Terrorism", "Terrorist Screening Dataset").
    let to = j;
    while (from < to && leading.has(tokens[from]?.text ?? '')) from++;
    while (to > from && TIME_WORD.test(tokens[to - 1]?.text ?? '')) to--;
    // "Chief Executive Officer of…": a run ending in a title is a title, not a name.
    if (to - from >= 2 && titles.has(tokens[to - 1]?.text ?? '')) continue;
    // "Marine Lt. Col. James Whitaker": a run ending in an abbreviated title is the title's.
    if (tokens[to]?.text === '.' && titles.has(`${tokens[to - 1]?.text ?? ''}.`)) continue;
    // "Assistant Attorney General for National Security John A. Eisenberg": a title phrase too long
    // to strip word by word still ends in a name with a middle initial.
    const initialled = to - from >= 4 && /^\p{Lu}$/u.test(tokens[to - 3]?.text ?? '') && tokens[to - 2]?.text === '.' && NAME_WORD.test(tokens[to - 4]?.text ?? '');
    let run = tokens.slice(from, to);
    let words = run.filter((t) => t.text !== '.');
    if (initialled && (words.length > 4 || words.slice(0, -2).some((t) => notNames.has(t.text)))) {
      from = to - 4;
      run = tokens.slice(from, to);
      words = run.filter((t) => t.text !== '.');
    }
    if (words.length === 0 || words.length > 4) continue;
    // (A middle initial is no word: the "A" of "John A. Eisenberg" is not the article.)
    const initial = (t: Token): boolean => /^\p{Lu}$/u.test(t.text) && tokens[tokens.indexOf(t) + 1]?.text === '.';
    if (words.some((t) => notNames.has(t.text) && !initial(t))) {
      // "Director of National Intelligence Tulsi Gabbard": after "TITLE of", the office's words run
      // into the name; the last two words are the name when they are name words.
      const [given, surname] = words.slice(-2);
      const office = tokens[from - 1]?.text === 'of' && titles.has(tokens[from - 2]?.text ?? '');
      if (!office || !given || !surname || words.length < 3 || [given, surname].some((t) => notNames.has(t.text) || leading.has(t.text) || initial(t))) continue;
      from = tokens.indexOf(given);
      out.push({ name: `${given.text} ${surname.text}`.replace(/’/g, "'"), from, to });
      continue;
    }
    // A hyphenated prefix before the run means it is part of something larger.
    if (prevToken && /^[-–]$/.test(prevToken.text) && prevToken.end === run[0]?.start) continue;
    // Tokens that touch ("D" + ".") are written together.
    const name = run.reduce((acc, t, k) => acc + (k > 0 && t.start !== run[k - 1]?.end ? ' ' : '') + t.text, '');
    out.push({ name: name.replace(/’/g, "'"), from, to });
  }
  return out;
}
