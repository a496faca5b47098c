import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ROOT_DIR } from '../config.ts';
import { buildSchema } from '../graphql/schema.ts';

/** Where the printed schema is committed; a test fails when it drifts from the .graphql files. */
export const PRINTED_SCHEMA = path.join(ROOT_DIR, 'docs', 'schema.graphql');

/** The whole schema as SDL, sorted so the file diff is stable. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(PRINTED_SCHEMA, printedSchema());
  console.log(`wrote ${path.relative(process.cwd(), PRINTED_SCHEMA)}`);
}
