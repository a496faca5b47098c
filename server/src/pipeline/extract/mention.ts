import type { EntityType, Span } from '../../domain/types.ts';
import type { LexiconEntry } from './lexicon.ts';
import type { Token } from './tokenize.ts';

/** One entity mention inside a sentence, before entities are grouped. */
export interface Mention {
  /** Extraction-local entity key (type and canonical name); set once coreference is done. */
  key: string;
  name: string;
  type: EntityType;
  entry?: LexiconEntry;
  /** Found by the statistical NER model rather than the lexicon or a rule. */
  model?: boolean;
  /** Id of the rule that found the mention (see docs/extraction.md, "Mention rules"). */
  rule: string;
  start: number;
  end: number;
  surface: string;
  /** Sentence index, and token range [from, to) within that sentence. */
  sentence: number;
  from: number;
  to: number;
}

/** A sentence with its tokens and the mentions found in it, in token order. */
export interface SentenceContext {
  index: number;
  span: Span;
  tokens: Token[];
  mentions: Mention[];
  paragraph: number;
  /** The article's headline: its entities count, but no events are read from it. */
  isTitle: boolean;
}

/** The key an entity has within one extraction: its type and canonical name. */
export function entityKey(type: EntityType, name: string): string {
  return `${type}:${name}`;
}

/** Whether a mention names a country by its demonym ("Tajik", "an Afghan") rather than its name. */
export function isDemonym(m: Mention): boolean {
  if (m.type !== 'COUNTRY') return false;
  // Demonym endings, including "Kazakh", "Turkmen", "Filipino", "Argentine".
  return /(?:an|ian|ish|ese|i|ic|ek|ik|ch|iot|er|ss|z|kh|men|ino|ine)s?$/u.test(m.surface) && !/stan$|land$|ia$/u.test(m.surface) && m.surface !== m.name;
}

/** Whether a body's name is a legislature's or one of its committees' ("Senate Judiciary Committee"). */
export function isLegislature(name: string): boolean {
  return /\b(?:Committee|Subcommittee|Congress|Senate|House|Parliament)\b/.test(name);
}

/** A noun that makes a country stand for its people: "a U.S. citizen", "citizens of Tajikistan". */
export const NATIONAL_NOUN = /^(?:citizens?|nationals?|natives?)$/i;
