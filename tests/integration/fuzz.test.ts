import fc from 'fast-check';
import type { YogaServerInstance } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { AppError } from '../../server/src/domain/errors.ts';
import type { AppContext } from '../../server/src/graphql/context.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { exportPath, fileContent, fuzzFiles, graphqlCase, graphqlProblem, pageCase, sendGraphql, startPageServer } from '../helpers/fuzz.ts';
import { startServiceServer, type ServiceServer } from '../helpers/service-server.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

const MAX_BYTES = 20_000;

// A few hundred cases per boundary on every run; bench/fuzz.ts runs ten thousand and more.
describe('fuzzing each boundary (fast-check, real Neo4j): expected answers only, and the graph stays whole', () => {
  let repo: GraphRepository;
  let services: Services;
  let yoga: YogaServerInstance<Record<string, unknown>, AppContext>;
  let server: ServiceServer;
  let base: string;
  const integrity = async (): Promise<void> => {
    const report = await repo.checkIntegrity();
    expect(Object.keys(report).length).toBeGreaterThan(5);
    expect(Object.entries(report).filter(([, n]) => n !== 0)).toEqual([]);
  };

  beforeAll(async () => {
    repo = await freshRepository();
    services = testServices(repo, { MAX_ARTICLE_BYTES: String(MAX_BYTES), ALLOW_PRIVATE_URLS: 'true', FETCH_TIMEOUT_MS: '2000' });
    await services.ingest.ingest({ text: 'Seed Note\n\nImmigration and Customs Enforcement detained eight Tajik nationals in New York.', publishedAt: '2024-06-12' });
    server = await startServiceServer(services);
    ({ yoga, url: base } = server);
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    await repo?.close();
  });

  it('GraphQL inputs: 300 operations with hostile arguments', async () => {
    await fc.assert(
      fc.asyncProperty(graphqlCase, async (c) => {
        const problem = graphqlProblem(await sendGraphql((u, i) => Promise.resolve(yoga.fetch(u, i)), 'http://yoga/graphql', c));
        expect(problem, JSON.stringify(c).slice(0, 300)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    await integrity();
  }, 240_000);

  it('file ingest: about 120 files of any bytes in 40 runs, each stored or refused by name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileContent, { minLength: 1, maxLength: 5 }), async (contents) => {
        expect(await fuzzFiles(services, contents, MAX_BYTES)).toEqual([]);
      }),
      { numRuns: 40 },
    );
    await integrity();
  }, 240_000);

  it('URL ingest: 120 pages from a local server (any status, type and body), each stored or refused', async () => {
    const pages = await startPageServer();
    try {
      await fc.assert(
        fc.asyncProperty(pageCase, async (page) => {
          pages.serve(page);
          try {
            await services.ingest.ingest({ url: pages.url });
          } catch (err) {
            expect(err instanceof AppError && err.code !== 'SERVICE_UNAVAILABLE', String(err)).toBe(true);
          }
        }),
        { numRuns: 120 },
      );
    } finally {
      await pages.close();
    }
    await integrity();
  }, 240_000);

  it('export parameters: 300 download requests, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(exportPath, async (p) => {
        const res = await fetch(`${base}${p}`);
        await res.arrayBuffer();
        expect(res.status, p).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    await integrity();
  }, 240_000);
});
