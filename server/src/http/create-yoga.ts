import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createGraphQLError, createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { AppError } from '../domain/errors.ts';
import type { AppContext } from '../graphql/context.ts';
import { buildSchema } from '../graphql/schema.ts';
import { offlineGraphiql } from './graphiql-page.ts';

/** Options for the GraphQL endpoint. */
export interface YogaOptions {
  /** GraphiQL and introspection on (local use) or off (production). */
  graphiql: boolean;
  /** When set, mutations need `Authorization: Bearer <token>`. */
  apiToken?: string | undefined;
  /** Origins (CORS_ORIGINS) that get CORS headers; none by default: same-origin only. */
  corsOrigins?: readonly string[];
}

/** Limits on the shape of a query, enforced before it runs. */
export const QUERY_LIMITS = { maxDepth: 12, maxCost: 5000, maxAliases: 15, maxTokens: 3000, maxDirectives: 20 } as const;

function isExpected(value: unknown): boolean {
  return value instanceof AppError || (value instanceof GraphQLError && value.originalError instanceof AppError);
}

function operationOf(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? ops.find((o) => o.name?.value === name) : ops[0];
}

/** Mutations need the API token when one is configured. */
function useMutationToken(token: string): Plugin {
  return {
    onExecute({ args }) {
      const op = operationOf(args.document, args.operationName);
      if (op?.operation !== 'mutation') return;
      const request = (args.contextValue as { request?: Request }).request;
      const header = request?.headers.get('authorization') ?? '';
      if (header !== `Bearer ${token}`) {
        throw createGraphQLError('Mutations need "Authorization: Bearer <API_TOKEN>".', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
  };
}

/**
 * Every error reaches the client with an `extensions.code` (graphql-js's errors for bad
 * variables carry none: they get BAD_USER_INPUT), and a request that produced no data at all
 * is a client mistake answered 4xx. Without GraphiQL (production), nothing that describes the
 * schema or the server leaks: no "Did you mean …" suggestions, no `originalError` (a parser's
 * message), no stack. Errors are amended in place so yoga still serialises them its way.
 */
function useClientErrorShape(production: boolean): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || typeof result !== 'object' || result === null || !('errors' in result)) return;
      const { errors, data } = result as { errors?: readonly unknown[]; data?: unknown };
      for (const e of errors ?? []) {
        if (!(e instanceof GraphQLError)) continue;
        const ext = e.extensions as Record<string, unknown>;
        ext.code ??= 'BAD_USER_INPUT';
        if ((data === undefined || data === null) && ext.code !== 'INTERNAL_SERVER_ERROR' && ext.code !== 'SERVICE_UNAVAILABLE') {
          // yoga answers `spec` errors 200 under Accept: application/json; a request that did
          // nothing is the client's mistake whatever it accepts.
          const http = (ext.http ?? {}) as { status?: number };
          const status = http.status && http.status >= 400 ? http.status : ext.code === 'UNAUTHENTICATED' ? 401 : 400;
          ext.http = { ...http, status, spec: false };
        }
        if (production) {
          delete ext.originalError;
          delete ext.stack;
          e.message = e.message.replace(/\s*Did you mean [^?]*\?/g, '');
        }
      }
    },
  };
}

/** Introspection off (production without GRAPHIQL=true). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * The GraphQL endpoint at /graphql. Expected failures (AppError) reach the client with
 * their message and `extensions.code`; anything else is masked as an unexpected error.
 * Query shape is limited (depth, cost, aliases, tokens, directives) by graphql-armor.
 */
export function createGraphqlApp(context: AppContext, opts: YogaOptions): YogaServerInstance<Record<string, unknown>, AppContext> {
  const tagTooComplex = (_: unknown, err: GraphQLError): void => {
    Object.assign(err.extensions, { code: 'QUERY_TOO_COMPLEX' });
  };
  const armor = { onReject: [tagTooComplex], propagateOnRejection: true };
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: QUERY_LIMITS.maxDepth, ...armor },
      costLimit: { maxCost: QUERY_LIMITS.maxCost, ...armor },
      maxAliases: { n: QUERY_LIMITS.maxAliases, ...armor },
      maxTokens: { n: QUERY_LIMITS.maxTokens, ...armor },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...armor },
      blockFieldSuggestion: { enabled: !opts.graphiql },
    }) as Plugin,
  ];
  if (!opts.graphiql) plugins.push(useNoIntrospection());
  plugins.push(useClientErrorShape(!opts.graphiql));
  const corsOrigins = new Set((opts.corsOrigins ?? []).map((o) => o.toLowerCase()));
  if (opts.apiToken) plugins.push(useMutationToken(opts.apiToken));
  const graphiqlPage = offlineGraphiql();
  if (opts.graphiql) plugins.push(graphiqlPage.plugin);

  return createYoga<Record<string, unknown>, AppContext>({
    schema: buildSchema(),
    context: () => context,
    graphqlEndpoint: '/graphql',
    graphiql: opts.graphiql,
    renderGraphiQL: graphiqlPage.render,
    landingPage: false,
    // Same-origin unless CORS_ORIGINS lists an origin; then exactly that origin, never a reflected one.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !corsOrigins.has(origin.toLowerCase())) return false;
      return { origin: [origin], credentials: true, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization'], maxAge: 600 };
    },
    // The HTTP server bounds every body (MAX_REQUEST_BYTES, chunked or not) before yoga sees
    // it; yoga's own limit pipes each request through a TransformStream (~0.1 ms a request).
    maxRequestBodySize: false,
    plugins,
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => console.warn(...args),
      // Expected failures (bad input, Neo4j down) are answers, not server errors: keep them out of the log.
      error: (...args: unknown[]) => {
        if (args.some(isExpected)) return;
        console.error(...args);
      },
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof AppError) {
          return createGraphQLError(original.message, {
            ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
            extensions: { code: original.code },
          });
        }
        return maskError(error, message, isDev);
      },
    },
  });
}
