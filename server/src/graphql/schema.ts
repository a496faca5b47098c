import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { ROOT_DIR } from '../config.ts';
import { resolvers } from './resolvers.ts';

/** Folder of the .graphql files that make up the schema. */
export const SCHEMA_DIR = path.join(ROOT_DIR, 'server', 'src', 'graphql', 'schema');

/** The SDL files, in name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
}

/** The executable schema: SDL from .graphql files plus the thin resolvers. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
