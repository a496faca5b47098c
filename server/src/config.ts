import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, whatever the working directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc) URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEWSGRAPH_DATA_DIR: z.string().min(1).default(path.join(ROOT_DIR, '.data')),
  LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 1g').default('1g'),
  LOCAL_NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'must look like 256m or 1g').default('256m'),
  // One CoreNLP server, or several separated by commas (a round-robin pool).
  CORENLP_URL: z
    .string()
    .refine((v) => v.split(',').every((u) => /^https?:\/\/[^\s/]+/.test(u.trim()) && URL.canParse(u.trim())), 'must be the http(s) URL of a CoreNLP server (e.g. http://127.0.0.1:9000), or several separated by commas')
    .optional(),
  CORENLP_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 3g or 4096m').default('3g'),
  CORENLP_THREADS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  CORENLP_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(2_000_000),
  DEMO_CORPUS_DIR: z.string().min(1).default(path.join(ROOT_DIR, 'data', 'articles')),
  INGEST_DEMO: booleanFlag.default(true),
  ALLOW_PRIVATE_URLS: booleanFlag.default(false),
  EXTRACT_WORKERS: z.coerce.number().int().min(0).max(64).default(availableParallelism()),
  // Which event reader extraction uses: the token-window rules, or events read from CoreNLP's
  // dependency parse (docs/extraction.md, "Event readers").
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(5_000_000),
  API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  GRAPHIQL: booleanFlag.optional(),
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(
      z.array(
        z
          .string()
          .refine((o) => o !== '*', 'must list origins; "*" is never allowed (the API serves credentials)')
          .refine(isOrigin, 'must be origins like https://newsgraph.example.org (scheme, host and optional port; no path)'),
      ),
    )
    .default([]),
  PUBLIC_HOST: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'must be host names without scheme or port, e.g. newsgraph.example.org')))
    .default([]),
  NODE_ENV: z.string().default('development'),
});

/** An origin as browsers send it: scheme://host[:port], nothing after. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** Settings read once at startup from the environment. */
export type Config = z.infer<typeof envSchema>;

/** Thrown when an environment variable is invalid; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once. Empty strings count as unset so that `NEO4J_URI=` in a
 * shell or compose file falls back to the default instead of failing.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
