import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { isEntityType } from '../domain/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../pipeline/export/export-data.ts';
import { ExportService } from '../services/export-service.ts';
import { GraphService } from '../services/graph-service.ts';
import { runCli } from './run-cli.ts';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|').toLowerCase()} (--ids ID[,ID…] [--depth N] [--limit N] | --all) [--types PERSON,AGENCY] [--since DATE] [--until DATE] > FILE`;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** `npm run export`: streams one export to standard output (binary for CSV: a zip). */
async function main(argv: string[]): Promise<number> {
  const format = (option(argv, 'format') ?? '').toUpperCase().replace(/-/g, '_') as ExportFormat;
  const ids = (option(argv, 'ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const all = argv.includes('--all');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format) || (ids.length === 0) === !all) {
    console.error(USAGE);
    return 2;
  }
  const types = (option(argv, 'types') ?? '').split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
  const bad = types.find((t) => !isEntityType(t));
  if (bad) {
    console.error(`error: --types: "${bad}" is not an entity type.`);
    return 2;
  }
  const db = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    const exports = new ExportService(db.repo, new GraphService(db.repo));
    const number = (name: string): number | null => (option(argv, name) === undefined ? null : Number(option(argv, name)));
    const file = await exports.open(format, {
      ids,
      all,
      depth: number('depth'),
      limit: number('limit'),
      types: types.filter(isEntityType),
      since: option(argv, 'since') ?? null,
      until: option(argv, 'until') ?? null,
    });
    let bytes = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of file.chunks) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    };
    await pipeline(Readable.from(counted()), process.stdout, { end: false });
    console.error(`${file.filename}: ${bytes} bytes`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(`error: ${err.message}`);
    return 1;
  } finally {
    await db.repo.close();
    await db.local?.stop();
  }
}

runCli(main);
