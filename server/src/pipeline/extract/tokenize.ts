import type { Span } from '../../domain/types.ts';

/** A word-like token with its offsets in the source text. */
export interface Token extends Span {
  text: string;
}

// Dotted abbreviations (U.S., U.K., D.C.) first, then words that may carry inner hyphens,
// apostrophes or ampersands ("ISIS-K", "O’Leary", "AT&T"), then any other symbol.
// "77,000" and "1,200" are one number; "U.S." one abbreviation.
const TOKEN_RE = /\p{L}\.(?:\p{L}\.)+|\p{N}{1,3}(?:,\p{N}{3})+(?!\p{N})|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE_RE = /^(.+?)(['’]s)$/u;
// "Afghanistan-based", "Republican-led": the name before the suffix is a mention of its own
// (a headline capitalises the suffix: "ISIS-Linked").
const NAME_SUFFIX_RE = /^(\p{Lu}[\p{L}-]*?)(-(?:[Bb]ased|[Ll]ed|[Ll]inked|[Aa]ffiliated|[Bb]acked|[Bb]orn|[Rr]un|[Oo]wned|[Bb]ound|[Aa]llied|[Ii]nspired|[Aa]ligned))$/u;

/**
 * Splits text into tokens. A possessive "’s" becomes its own token so that "ICE’s"
 * still matches "ICE".
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = offset + (m.index ?? 0);
    const word = m[0];
    const suffix = NAME_SUFFIX_RE.exec(word);
    if (suffix && suffix[1] !== undefined && suffix[2] !== undefined) {
      out.push({ text: suffix[1], start, end: start + suffix[1].length });
      out.push({ text: suffix[2], start: start + suffix[1].length, end: start + word.length });
      continue;
    }
    const poss = POSSESSIVE_RE.exec(word);
    if (poss && poss[1] !== undefined && poss[2] !== undefined && poss[1].length > 1) {
      out.push({ text: poss[1], start, end: start + poss[1].length });
      out.push({ text: poss[2], start: start + poss[1].length, end: start + word.length });
    } else {
      out.push({ text: word, start, end: start + word.length });
    }
  }
  return out;
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'st', 'jr', 'sr',
    'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
  ].map((s) => s.toLowerCase()),
);

// Words that, after a dotted abbreviation such as "U.S.", show a new sentence has begun.
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'There', 'Despite',
  'However', 'But', 'And', 'In', 'On', 'At', 'After', 'Before', 'Since', 'While', 'When', 'Many', 'Most',
  'Some', 'No', 'His', 'Her', 'Their', 'Its', 'Officials', 'Authorities', 'Meanwhile', 'Still', 'Yet',
]);

/**
 * Splits text into sentence spans: at line breaks, and at . ! ? followed by space and an
 * upper-case letter, digit or quote — unless the period ends a known abbreviation
 * (Mr., Jan.) or a dotted one (U.S.) not followed by a typical sentence opener.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  const re = /\n+|[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const idx = m.index ?? 0;
    const end = idx + m[0].length;
    if (m[0].startsWith('\n')) {
      push(idx);
      continue;
    }
    if (m[0].startsWith('.') && !isSentenceEndingPeriod(text, idx, end)) continue;
    push(end);
  }
  push(text.length);
  return spans;
}

function isSentenceEndingPeriod(text: string, dot: number, after: number): boolean {
  const before = text.slice(Math.max(0, dot - 20), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  const next = /^\s+["'“‘(]?([\p{L}\p{N}]+)/u.exec(text.slice(after, after + 40))?.[1] ?? '';
  if (/^\p{L}(\.\p{L})+$/u.test(word)) return SENTENCE_STARTERS.has(next); // U.S., D.C.
  // An initial: "John F. Kennedy" (but the letter ending a hyphenated name, "ISIS-K.", ends its sentence).
  if (/^\p{Lu}$/u.test(word)) return /[-‐]$/.test(before.slice(0, -1)) ? SENTENCE_STARTERS.has(next) || /^\p{Lu}\p{Ll}/u.test(next) : false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}
