import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanField, cleanText, FIELD_LIMITS } from '../../../server/src/domain/clean-text.ts';

/** Code points no stored string may keep. */
function isUnwanted(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe || (cp >= 0xd800 && cp <= 0xdfff);
}

describe('cleanText and cleanField', () => {
  it.each([
    ['Bell\u0007 and \u001b[31mescape', 'Bell and [31mescape'],
    ['I\u0000C\uFFFEE', 'ICE'],
    ['line one\nline two\tand a tab', 'line one line two and a tab'],
    ['  padded \u0085 C1  ', 'padded  C1'],
    ['non-character \uDBFF\uDFFF at the end of plane 16', 'non-character  at the end of plane 16'],
    ['a lone surrogate \uD800 here', 'a lone surrogate  here'],
    ['emoji 🛂 stays', 'emoji 🛂 stays'],
  ])('cleans the field %j', (input, expected) => {
    expect(cleanField(input, 'title')).toBe(expected);
  });

  it('keeps tabs and newlines in article text, and drops the rest', () => {
    expect(cleanText('Title\n\n\tBody\u0007 with BEL\u001b.')).toBe('Title\n\n\tBody with BEL.');
  });

  it('refuses a field over its cap, naming it', () => {
    expect(() => cleanField('s'.repeat(FIELD_LIMITS.source + 1), 'source')).toThrow(/^source is 201 characters; the limit is 200\.$/);
    expect(() => cleanField('n'.repeat(400), 'alias', 'aliases')).toThrow(/^aliases is 400 characters/);
  });

  it('leaves no unwanted code point in any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        // Carriage returns stay in text for normaliseText to turn into line breaks.
        for (const ch of cleanText(s)) if (ch !== '\r') expect(isUnwanted(ch.codePointAt(0) ?? 0), JSON.stringify(ch)).toBe(false);
        for (const ch of cleanField(s.slice(0, 300), 'name')) expect(isUnwanted(ch.codePointAt(0) ?? 0), JSON.stringify(ch)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
