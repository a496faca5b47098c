import { badInput } from '../domain/errors.ts';
import { MAX_CONCURRENCY } from '../services/ingest-files.ts';

/** The ingest command's usage text. */
export const INGEST_USAGE = `usage: npm run ingest -- PATH... [--concurrency N]
  PATH            files or folders of .txt/.md articles (the first line is the title)
  --concurrency N articles worked on at once, 1–${MAX_CONCURRENCY} (default 1)`;

/** The paths and options of an ingest command line; a bad option is refused by name. */
export function parseIngestArgs(argv: readonly string[]): { paths: string[]; concurrency: number } {
  const paths: string[] = [];
  let concurrency = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--concurrency') {
      const value = inline ?? argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw badInput(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got ${value === undefined ? 'nothing' : JSON.stringify(value)}.`);
      concurrency = n;
    } else if (arg.startsWith('--')) {
      throw badInput(`Unknown option ${arg}.\n${INGEST_USAGE}`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, concurrency };
}
