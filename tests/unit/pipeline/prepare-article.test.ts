import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/src/domain/errors.ts';
import { articleId, prepareArticle } from '../../../server/src/pipeline/prepare-article.ts';

const limits = { maxBytes: 2_000_000 };

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('prepareArticle', () => {
  it.each([
    ['an empty text', '', /empty/],
    ['whitespace only', '  \n\t \n', /empty/],
    ['a text with NUL bytes', 'abc\u0000def', /binary/],
    ['mostly control characters', '\u0001\u0002\u0003\u0004 text', /binary/],
  ])('refuses %s with a message naming the problem', (_, text, message) => {
    const err = refusal(() => prepareArticle({ text }, limits));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(message);
  });

  it('refuses text over the size limit and names the limit variable', () => {
    const err = refusal(() => prepareArticle({ text: 'a'.repeat(1001) }, { maxBytes: 1000 }));
    expect(err.message).toMatch(/over the 1 kB limit \(MAX_ARTICLE_BYTES\)/);
  });

  it('takes the first line as the title when none is given', () => {
    const a = prepareArticle({ text: '\n# DHS Identifies Migrants\n\nBody text here.' }, limits);
    expect(a.title).toBe('DHS Identifies Migrants');
  });

  it('gives the same id to the same text with other line endings and spacing', () => {
    const a = prepareArticle({ text: 'Title\r\n\r\nICE  arrested eight men.\r\n' }, limits);
    const b = prepareArticle({ text: 'Title\n\nICE arrested eight men.' }, limits);
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(articleId('Title ICE arrested eight men.'));
  });

  it('gives different texts different ids', () => {
    expect(articleId('one')).not.toBe(articleId('two'));
  });

  it('refuses a publication date it cannot read', () => {
    expect(() => prepareArticle({ text: 'x', publishedAt: 'last Tuesday-ish' }, limits)).toThrow(/publishedAt/);
  });

  it('normalises a readable publication date to ISO 8601', () => {
    expect(prepareArticle({ text: 'x', publishedAt: '2024-06-12' }, limits).publishedAt).toBe('2024-06-12T00:00:00.000Z');
  });
});
