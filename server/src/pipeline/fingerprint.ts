/**
 * Near-duplicate detection for articles: MinHash over word shingles, with LSH band keys so that
 * candidates are found by an index lookup instead of a comparison with every stored article.
 * The same story in another wrapper (text vs HTML, other whitespace or punctuation, a footer or
 * a byline added) shares almost all of its shingles; two reports of one event in their own words
 * share few.
 */

import type { Fingerprint } from '../domain/types.ts';

export type { Fingerprint };

/** Words per shingle: long enough that two different reports rarely share one by chance. */
export const SHINGLE_WORDS = 5;
/** Hash functions in a signature. */
export const SIGNATURE_SIZE = 64;
/** Rows per LSH band: SIGNATURE_SIZE / BAND_ROWS bands. At similarity 0.8 a pair shares a band with p > 0.999; at 0.3 with p ≈ 0.12. */
export const BAND_ROWS = 4;

// Fixed seeds: a signature must mean the same thing in every process and every release.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** The fingerprint of an article text: case, punctuation and whitespace do not matter. */
export function fingerprint(text: string): Fingerprint {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set<number>();
  const last = Math.max(0, words.length - SHINGLE_WORDS);
  for (let i = 0; i <= last; i++) shingles.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  const signature = SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const h of shingles) {
      const v = mix32(h ^ seed);
      if (v < min) min = v;
    }
    return min;
  });
  const bands: string[] = [];
  for (let b = 0; b < SIGNATURE_SIZE / BAND_ROWS; b++) {
    const rows = signature.slice(b * BAND_ROWS, (b + 1) * BAND_ROWS).join(',');
    bands.push(`b${b}x${fnv1a(rows).toString(16)}`);
  }
  return { signature, bands, shingles: shingles.size };
}

/** Estimated Jaccard similarity of two texts' shingle sets: the share of equal signature rows. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
