import { badInput } from '../domain/errors.ts';
import { normaliseDate } from '../pipeline/prepare-article.ts';
import { MAX_CONCURRENCY } from '../services/ingest-files.ts';

/** The ingest command's usage text. */
export const INGEST_USAGE = `usage: npm run ingest -- [PATH...] [--feed URL...] [--follow [--every 15m]] [--concurrency N]
  PATH            files or folders of .txt/.md articles (the first line is the title; a YAML
                  front matter block may give title, source, url and published)
  --source S      the source (outlet) of files whose front matter names none
  --published D   the publication date (ISO, e.g. 2024-06-11) of files whose front matter gives none
  --feed URL      an RSS or Atom feed: each item's page is fetched and stored (repeatable)
  --follow        keep polling the feeds (conditional requests; backs off on errors); Ctrl-C stops
  --every D       how often --follow polls: 30s, 15m, 2h (default 15m; at least 10s)
  --concurrency N articles worked on at once, 1–${MAX_CONCURRENCY} (default 1)`;

/** An ingest command line. */
export interface IngestArgs {
  paths: string[];
  feeds: string[];
  follow: boolean;
  /** Seconds between polls of a followed feed. */
  everySeconds: number;
  concurrency: number;
  /** --source and --published: for files whose front matter does not give them. */
  defaults: { source?: string; publishedAt?: string };
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** "30s", "15m", "2h" (a bare number is minutes) as seconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([smh]?)$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * (UNITS[m[2] || 'm'] ?? 60);
}

/** The paths and options of an ingest command line; a bad option is refused by name. */
export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  const out: IngestArgs = { paths: [], feeds: [], follow: false, everySeconds: 15 * 60, concurrency: 1, defaults: {} };
  let everyGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--concurrency') {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw badInput(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got ${v === undefined ? 'nothing' : JSON.stringify(v)}.`);
      out.concurrency = n;
    } else if (flag === '--feed') {
      const v = value();
      if (!v || v.startsWith('--')) throw badInput(`--feed needs the URL of an RSS or Atom feed; got ${v === undefined ? 'nothing' : JSON.stringify(v)}.`);
      out.feeds.push(v);
    } else if (flag === '--source') {
      const v = value();
      if (!v?.trim() || v.startsWith('--')) throw badInput(`--source needs the name of the outlet; got ${v === undefined ? 'nothing' : JSON.stringify(v)}.`);
      out.defaults.source = v.trim();
    } else if (flag === '--published') {
      const v = value();
      if (!v?.trim() || v.startsWith('--')) throw badInput(`--published needs a date such as 2024-06-11; got ${v === undefined ? 'nothing' : JSON.stringify(v)}.`);
      out.defaults.publishedAt = normaliseDate(v, '--published') ?? undefined;
    } else if (flag === '--follow') {
      out.follow = true;
    } else if (flag === '--every') {
      const v = value();
      const seconds = v === undefined ? null : parseDuration(v);
      if (seconds === null || seconds < 10) throw badInput(`--every must be a duration of at least 10s, such as 30s, 15m or 2h; got ${v === undefined ? 'nothing' : JSON.stringify(v)}.`);
      out.everySeconds = seconds;
      everyGiven = true;
    } else if (arg.startsWith('--')) {
      throw badInput(`Unknown option ${arg}.\n${INGEST_USAGE}`);
    } else {
      out.paths.push(arg);
    }
  }
  if (out.follow && out.feeds.length === 0) throw badInput('--follow needs at least one --feed URL to follow.');
  if (everyGiven && !out.follow) throw badInput('--every only applies with --follow.');
  if ((out.defaults.source !== undefined || out.defaults.publishedAt !== undefined) && out.paths.length === 0) {
    throw badInput('--source and --published apply to files; feeds give their own.');
  }
  return out;
}
