import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/src/domain/errors.ts';
import { articleId, normaliseDate, prepareArticle } from '../../../server/src/pipeline/prepare-article.ts';

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

describe('normaliseDate', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it.each([
    ['2024-06-12', '2024-06-12T00:00:00.000Z'],
    ['2024-06-12T09:30:00Z', '2024-06-12T09:30:00.000Z'],
    ['2024-06-12T09:30:00.123+02:00', '2024-06-12T07:30:00.123Z'],
    ['2024-06-12 09:30', '2024-06-12T09:30:00.000Z'],
    ['1900-01-01', '1900-01-01T00:00:00.000Z'],
    ['2027-12-04', '2027-12-04T00:00:00.000Z'],
    ['', null],
  ])('accepts %j as %j', (value, expected) => {
    expect(normaliseDate(value, 'publishedAt', now)).toBe(expected);
  });

  it.each([
    ['+099999-01-01', /not an ISO 8601 date/],
    ['-000001-01-01', /not an ISO 8601 date/],
    ['2024-02-30', /not a real date/],
    ['2023-02-29', /not a real date/],
    ['2024-06-12T25:00', /not a real date/],
    ['1899-12-31', /out of range/],
    ['2027-12-05', /out of range/],
    ['12/06/2024', /not an ISO 8601 date/],
    ['2024-06-12T09:30:00Zjunk', /not an ISO 8601 date/],
  ])('refuses %j, naming the field', (value, message) => {
    expect(() => normaliseDate(value, 'publishedAt', now)).toThrow(message);
    expect(() => normaliseDate(value, 'publishedAt', now)).toThrow(/^publishedAt "/);
  });

  it('strips control characters from the title and refuses an oversized source, by name', () => {
    expect(prepareArticle({ title: 'A\u0007B\u001b', text: 'x' }, limits).title).toBe('AB');
    expect(() => prepareArticle({ source: 'x'.repeat(201), text: 'x' }, limits)).toThrow(/^source is 201 characters/);
    expect(() => prepareArticle({ url: `https://e.org/${'x'.repeat(2048)}`, text: 'x' }, limits)).toThrow(/^url is/);
  });
});
