import { describe, expect, it } from 'vitest';
import { findSentence } from '../../../web/src/article-view.ts';

describe('finding an evidence sentence in its article', () => {
  const paragraph = 'Agents detained two men on Tuesday. The agency said it "acted on a tip," and the men were held in Newark.';

  it('finds the sentence as stored', () => {
    const at = findSentence(paragraph, 'Agents detained two men on Tuesday.');
    expect(at && paragraph.slice(at.start, at.end)).toBe('Agents detained two men on Tuesday.');
  });

  it('finds a sentence read back from tokens, with spaces around punctuation', () => {
    const at = findSentence(paragraph, 'The agency said it " acted on a tip , " and the men were held in Newark .');
    expect(at && paragraph.slice(at.start, at.end)).toBe('The agency said it "acted on a tip," and the men were held in Newark.');
  });

  it('says null for a sentence the text does not have', () => {
    expect(findSentence(paragraph, 'Nobody was detained.')).toBeNull();
    expect(findSentence(paragraph, '   ')).toBeNull();
  });
});
