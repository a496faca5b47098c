import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../../server/src/pipeline/annotate/chunk-text.ts';

describe('chunkText', () => {
  it('keeps a short text whole', () => {
    expect(chunkText('One line.', 100)).toEqual([{ offset: 0, text: 'One line.' }]);
  });

  it('cuts at a paragraph break before a line break or a sentence end', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(20)}\n${'c'.repeat(30)}`;
    expect(chunkText(text, 100).map((c) => c.text.length)).toEqual([62, 51]);
  });

  it('cuts after a full stop when a piece has no line break', () => {
    const text = `${'word '.repeat(12)}ends here. ${'more '.repeat(12)}`;
    expect(chunkText(text, 80)[0]?.text.endsWith('here. ')).toBe(true);
  });

  it('covers any text exactly, in order, with no piece over the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), fc.integer({ min: 10, max: 300 }), (text, max) => {
        const chunks = chunkText(text, max);
        expect(chunks.map((c) => c.text).join('')).toBe(text);
        let at = 0;
        for (const c of chunks) {
          expect(c.offset).toBe(at);
          expect(c.text.length).toBeLessThanOrEqual(max);
          at += c.text.length;
        }
      }),
    );
  });
});
