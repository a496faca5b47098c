import type { EntityType } from '../../domain/types.ts';
import type { NerMention } from '../annotate/annotation.ts';
import { headNounType, nameOf } from './named-bodies.ts';
import { isPersonTitle } from './people.ts';
import type { Token } from './tokenize.ts';

/** A name the statistical model found that no lexicon or rule had claimed. */
export interface ModelName {
  name: string;
  type: EntityType;
  from: number;
  to: number;
}

const GENERIC_BODIES = new Set(['feds', 'police', 'cops', 'officials', 'authorities', 'agents', 'officers', 'prosecutors', 'investigators', 'troops', 'government']);
const UNIT_NOUNS = new Set(['division', 'unit', 'arm', 'subsidiary', 'branch', 'segment', 'business']);
const MODEL_TYPES: Record<string, EntityType> = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION', LOCATION: 'LOCATION' };

/**
 * CoreNLP's NER mentions mapped onto our tokens: the model supplies names the lexicon has never
 * seen (people, companies, teams, towns, foreign bodies); a body whose head noun makes it a
 * government body ("… Ministry", "… Police") is an Agency. MISC (events, nationalities, works)
 * is not an entity type here: demonyms come from the lexicon. Mentions overlapping a span the
 * lexicon or an earlier rule claimed are left to that claim.
 */
export function modelNames(tokens: Token[], covered: boolean[], mentions: NerMention[]): ModelName[] {
  const out: ModelName[] = [];
  for (const m of mentions) {
    const type = MODEL_TYPES[m.type];
    if (!type) continue;
    let from = tokens.findIndex((t) => t.start === m.start);
    const last = tokens.findIndex((t) => t.end === m.end);
    if (from < 0 || last < from) continue;
    // "Sheriff Chad Chronister": the title is not part of the name.
    while (type === 'PERSON' && from < last && isPersonTitle(tokens[from]?.text ?? '')) from++;
    // "Chief Executive Officer of Microsoft": an office (of two words or more) of a body names the body.
    const of = tokens.slice(from, last + 1).findIndex((t) => t.text === 'of');
    if (type === 'ORGANIZATION' && of > 1 && isPersonTitle(tokens[from + of - 1]?.text ?? '')) from += of + 1;
    // "Microsoft's Xbox division": a lower-case unit noun after an organization's name is not part of it.
    const to = type === 'ORGANIZATION' && last > from && UNIT_NOUNS.has(tokens[last]?.text ?? '') ? last : last + 1;
    if (covered.slice(from, to).some(Boolean)) continue;
    // "an operation it called \"Midway Blitz\"", "Father Christmas": one word of a longer
    // capitalised phrase, or a name given to a thing, is no one's name.
    const before = tokens[from - 1]?.text ?? '';
    if (type === 'PERSON' && to - from === 1 && from > 0 && /^\p{Lu}/u.test(before)) continue;
    if (/^["“]$/.test(before) && /^(?:called|dubbed|named|nicknamed|codenamed|titled|known)$/i.test(tokens[from - 2]?.text ?? '')) continue;
    const words = tokens.slice(from, to).map((t) => t.text);
    // "Feds charge Tajik man…": a headline's capitalised common noun for officials names no one.
    if (words.length === 1 && GENERIC_BODIES.has((words[0] ?? '').toLowerCase())) continue;
    const head = type === 'ORGANIZATION' ? headNounType(words.at(-1) ?? '') : undefined;
    out.push({ name: nameOf(words), type: head === 'AGENCY' ? 'AGENCY' : type, from, to });
  }
  return out;
}

/**
 * "Leeds beat Chelsea", "Austin said": a gazetteer place (a weak lexicon entry, not a curated
 * one) that the model reads, over exactly the same words, as an organization or a person is
 * that organization or person — a club, a company, a surname.
 */
export function modelRetype(mention: { start: number; end: number; type: EntityType; weak: boolean }, mentions: NerMention[]): EntityType | undefined {
  if (!mention.weak || mention.type !== 'LOCATION') return undefined;
  const m = mentions.find((x) => x.start === mention.start && x.end === mention.end);
  return m?.type === 'ORGANIZATION' ? 'ORGANIZATION' : m?.type === 'PERSON' ? 'PERSON' : undefined;
}
