import { describe, expect, it } from 'vitest';
import { creditedOutlet, outletKey, outletOf } from '../../../server/src/domain/outlet.ts';

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

  it('is otherwise the wire or outlet its text credits in a dateline or byline, before the host', () => {
    expect(outletOf(null, 'https://local-paper.example/x', 'HARBOR CITY (AP) — Agents detained two men on Tuesday.')).toBe('Associated Press');
    expect(outletOf('Harbor Courier', 'https://local-paper.example/x', 'HARBOR CITY (AP) — Agents detained two men.')).toBe('Harbor Courier');
    expect(creditedOutlet('Two Men Held\n\nBy Dana Pike, Reuters\n\nAgents detained two men.')).toBe('Reuters');
    expect(creditedOutlet('By Lee Park | The Lake Gazette\nAgents detained two men.')).toBe('The Lake Gazette');
    expect(creditedOutlet('OSLO, May 2. /TASS/. Police held a man.')).toBe('TASS');
    expect(creditedOutlet('(CNN) — Agents detained two men.')).toBe('CNN');
  });

  it('credits no outlet for a byline that names a job, or for a text without a credit', () => {
    expect(creditedOutlet('By Dana Pike, Staff Writer\nAgents detained two men.')).toBeNull();
    expect(creditedOutlet('By Dana Pike and Lee Park\nAgents detained two men.')).toBeNull();
    expect(creditedOutlet('WASHINGTON — Agents (ICE) detained two men.')).toBeNull();
    expect(creditedOutlet('Agents detained two men in Portland (Maine) on Tuesday.')).toBeNull();
    expect(outletOf(null, 'https://www.local-paper.example/x', 'Agents detained two men.')).toBe('local-paper.example');
  });

  it('keys one outlet however its name is written, and none for an article with no outlet', () => {
    expect(outletKey('The Associated Press')).toBe(outletKey('associated  press'));
    expect(outletKey('A.P.')).not.toBe(outletKey('Reuters'));
    expect(outletKey(null)).toBeNull();
  });
});
