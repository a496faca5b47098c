import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../../server/src/pipeline/extract/tokenize.ts';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('tokenize', () => {
  it('keeps dotted abbreviations, hyphenated names and apostrophes whole', () => {
    expect(tokenize('the U.S. and ISIS-K, said O’Leary').map((t) => t.text)).toEqual(['the', 'U.S.', 'and', 'ISIS-K', ',', 'said', 'O’Leary']);
  });

  it('splits a possessive off so the name still matches', () => {
    expect(tokenize('ICE’s actions').map((t) => t.text)).toEqual(['ICE', '’s', 'actions']);
  });

  it('reports offsets into the original text', () => {
    const text = 'Hello DHS';
    const [, dhs] = tokenize(text);
    expect(text.slice(dhs?.start, dhs?.end)).toBe('DHS');
  });
});

describe('splitSentences', () => {
  it.each([
    ['splits at a period before a capital', 'ICE acted. DHS agreed.', ['ICE acted.', 'DHS agreed.']],
    ['does not split inside "U.S." mid-sentence', 'Released into the U.S. by CBP. Later found.', ['Released into the U.S. by CBP.', 'Later found.']],
    ['splits after "U.S." when a new sentence starts', 'He stayed in the U.S. Despite this, he left.', ['He stayed in the U.S.', 'Despite this, he left.']],
    ['does not split after a title', 'Mr. Smith spoke. Dr. Jones agreed.', ['Mr. Smith spoke.', 'Dr. Jones agreed.']],
    ['splits at line breaks', 'Headline\n\nBody text', ['Headline', 'Body text']],
  ])('%s', (_, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});
