import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from '../../../server/src/cli/ingest-args.ts';
import { summarize, type FileOutcome } from '../../../server/src/services/ingest-files.ts';

describe('npm run ingest: arguments', () => {
  it('takes paths and --concurrency in either spelling', () => {
    expect(parseIngestArgs(['data/articles', '--concurrency', '4', 'more.txt'])).toMatchObject({ paths: ['data/articles', 'more.txt'], concurrency: 4 });
    expect(parseIngestArgs(['--concurrency=2', 'a.txt'])).toMatchObject({ paths: ['a.txt'], concurrency: 2 });
    expect(parseIngestArgs(['a.txt'])).toEqual({ paths: ['a.txt'], feeds: [], follow: false, everySeconds: 900, concurrency: 1, defaults: {} });
  });

  it.each([['0'], ['-1'], ['2.5'], ['many'], ['33']])('refuses --concurrency %s, naming the option', (value) => {
    expect(() => parseIngestArgs(['a.txt', '--concurrency', value])).toThrow(/--concurrency must be a whole number from 1 to 32/);
  });

  it('refuses --concurrency with no value and an unknown option', () => {
    expect(() => parseIngestArgs(['a.txt', '--concurrency'])).toThrow(/got nothing/);
    expect(() => parseIngestArgs(['a.txt', '--fast'])).toThrow(/Unknown option --fast/);
  });
});

describe('npm run ingest: --source and --published', () => {
  it('takes a source and a publication date for the files, the date as an ISO instant', () => {
    expect(parseIngestArgs(['a.txt', '--source', 'Border Desk', '--published=2024-06-11'])).toMatchObject({
      paths: ['a.txt'],
      defaults: { source: 'Border Desk', publishedAt: '2024-06-11T00:00:00.000Z' },
    });
  });

  it('refuses a date that is not one, an empty source, and either without files, naming the option', () => {
    expect(() => parseIngestArgs(['a.txt', '--published', 'last Tuesday'])).toThrow(/--published/);
    expect(() => parseIngestArgs(['a.txt', '--published', '1066-10-14'])).toThrow(/--published .*out of range/);
    expect(() => parseIngestArgs(['a.txt', '--source', ' '])).toThrow(/--source needs the name of the outlet/);
    expect(() => parseIngestArgs(['a.txt', '--source'])).toThrow(/got nothing/);
    expect(() => parseIngestArgs(['--feed', 'https://a.example/rss', '--source', 'X'])).toThrow(/apply to files/);
  });
});

describe('npm run ingest: feeds', () => {
  it('takes several --feed URLs, --follow and --every in s, m or h', () => {
    expect(parseIngestArgs(['--feed', 'https://a.example/rss', '--feed=https://b.example/atom', '--follow', '--every', '30s'])).toEqual({
      paths: [],
      feeds: ['https://a.example/rss', 'https://b.example/atom'],
      follow: true,
      everySeconds: 30,
      concurrency: 1,
      defaults: {},
    });
    expect(parseIngestArgs(['--feed', 'u', '--follow', '--every=2h']).everySeconds).toBe(7200);
    expect(parseIngestArgs(['--feed', 'u', '--follow', '--every', '5']).everySeconds).toBe(300);
    expect(parseIngestArgs(['--feed', 'u', '--follow']).everySeconds).toBe(900);
  });

  it.each([
    [['--feed'], /--feed needs the URL of an RSS or Atom feed; got nothing/],
    [['--feed', '--follow'], /--feed needs the URL/],
    [['--follow'], /--follow needs at least one --feed/],
    [['--feed', 'u', '--every', '15m'], /--every only applies with --follow/],
    [['--feed', 'u', '--follow', '--every', '5s'], /--every must be a duration of at least 10s.*got "5s"/],
    [['--feed', 'u', '--follow', '--every', 'often'], /got "often"/],
  ])('refuses %j, naming the problem', (argv, message) => {
    expect(() => parseIngestArgs(argv)).toThrow(message);
  });
});

describe('npm run ingest: the closing summary', () => {
  const outcome = (created: boolean, reprocessed: boolean): FileOutcome => ({
    file: 'x.txt',
    ok: true,
    outcome: { article: { id: 'a', title: 't', url: null, source: null, publishedAt: null }, created, reprocessed, entityCount: 0, relationCount: 0 },
  });

  it('counts stored, unchanged, re-processed and refused articles and the rate', () => {
    const results = [outcome(true, false), outcome(true, false), outcome(false, false), outcome(false, true), { file: 'bad.txt', ok: false as const, error: 'bad.txt: binary' }];
    expect(summarize(results, 2500)).toEqual({ stored: 2, unchanged: 1, reprocessed: 1, refused: 1, seconds: 2.5, perSecond: 2 });
  });
});
