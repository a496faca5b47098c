import { describe, expect, it } from 'vitest';
import { outletKey, outletOf } from '../../../server/src/domain/outlet.ts';

describe('the outlet an article is counted by', () => {
  it('is the source as given, without a note in parentheses', () => {
    expect(outletOf('Associated Press', 'https://apnews.com/x')).toBe('Associated Press');
    expect(outletOf('Kabul Now (English edition)', null)).toBe('Kabul Now');
  });

  it('is otherwise the address\'s host, without www. or a mobile prefix', () => {
    expect(outletOf(null, 'https://www.Example.org/a/b?c=1')).toBe('example.org');
    expect(outletOf('  ', 'https://m.news.example/story')).toBe('news.example');
    expect(outletOf(null, 'not a url')).toBeNull();
    expect(outletOf(null, null)).toBeNull();
  });

  it('keys one outlet however its name is written, and none for an article with no outlet', () => {
    expect(outletKey('The Associated Press')).toBe(outletKey('associated  press'));
    expect(outletKey('A.P.')).not.toBe(outletKey('Reuters'));
    expect(outletKey(null)).toBeNull();
  });
});
