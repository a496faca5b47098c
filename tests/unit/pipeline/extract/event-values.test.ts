import { describe, expect, it } from 'vitest';
import { dateOf, numberValue } from '../../../../server/src/pipeline/extract/event-values.ts';

// Sentences written for this test. Publication: Tuesday 11 June 2024.
const PUBLISHED = '2024-06-11T00:00:00.000Z';

describe('dateOf', () => {
  it('reads a stated date, and a bare weekday or weekend as the one before publication', () => {
    expect(dateOf('ICE arrested eight men on June 9, 2024.', PUBLISHED)).toBe('2024-06-09');
    expect(dateOf('ICE arrested eight men over the weekend.', PUBLISHED)).toBe('2024-06-08');
    expect(dateOf('ICE arrested eight men on Sunday.', PUBLISHED)).toBe('2024-06-09');
  });

  it('does not date the event by when it was said ("told CNN Tuesday", "said on Thursday")', () => {
    expect(dateOf('Federal agents arrested eight men, two sources told CNN Tuesday.', PUBLISHED)).toBeUndefined();
    expect(dateOf('Federal agents arrested eight men, officials said on Monday.', PUBLISHED)).toBeUndefined();
    expect(dateOf('Agents detained seven men on June 9, relatives said on Monday.', PUBLISHED)).toBe('2024-06-09');
    expect(dateOf('ICE said it arrested the men on Sunday.', PUBLISHED)).toBe('2024-06-09');
  });

  it('needs a year when there is no publication date', () => {
    expect(dateOf('ICE arrested eight men last week.', null)).toBeUndefined();
    expect(dateOf('ICE arrested eight men on June 9, 2024.', null)).toBe('2024-06-09');
  });
});

describe('numberValue', () => {
  it('reads digits and number words', () => {
    expect(numberValue('1,200')).toBe(1200);
    expect(numberValue('eight')).toBe(8);
    expect(numberValue('several')).toBeUndefined();
  });
});
