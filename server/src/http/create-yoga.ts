import { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import { AppError } from '../domain/errors.ts';
import type { AppContext } from '../graphql/context.ts';
import { buildSchema } from '../graphql/schema.ts';

function isExpected(value: unknown): boolean {
  return value instanceof AppError || (value instanceof GraphQLError && value.originalError instanceof AppError);
}

/** Options for the GraphQL endpoint. */
export interface YogaOptions {
  /** GraphiQL and introspection on (local use) or off (production). */
  graphiql: boolean;
}

/**
 * The GraphQL endpoint at /graphql. Expected failures (AppError) reach the client with
 * their message and `extensions.code`; anything else is masked as an unexpected error.
 */
export function createGraphqlApp(context: AppContext, opts: YogaOptions): YogaServerInstance<Record<string, unknown>, AppContext> {
  return createYoga<Record<string, unknown>, AppContext>({
    schema: buildSchema(),
    context: () => context,
    graphqlEndpoint: '/graphql',
    graphiql: opts.graphiql,
    landingPage: false,
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
