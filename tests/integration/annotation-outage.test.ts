import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { freePort } from '../../server/src/jvm/jvm-service.ts';
import { createCoreNLPAnnotator } from '../../server/src/pipeline/annotate/corenlp-client.ts';
import { createServices, type Services } from '../../server/src/services/create-services.ts';
import { postGraphql } from '../helpers/graphql-client.ts';
import { startServiceServer, type ServiceServer } from '../helpers/service-server.ts';
import { freshRepository, testConfig } from '../helpers/test-db.ts';

// CoreNLP going away: the API answers SERVICE_UNAVAILABLE, the CLI says which server, and no
// article is half-written. (The annotator points at a port where nothing listens.)
describe('ingesting while CoreNLP is down', () => {
  let repo: GraphRepository;
  let services: Services;
  let server: ServiceServer;
  let deadUrl: string;

  beforeAll(async () => {
    repo = await freshRepository();
    deadUrl = `http://127.0.0.1:${await freePort()}`;
    services = createServices(repo, testConfig({ EXTRACT_WORKERS: '1' }), createCoreNLPAnnotator({ url: deadUrl, timeoutMs: 2000 }));
    server = await startServiceServer(services);
  });
  afterAll(async () => {
    await server.close();
    await services.close();
    await repo.close();
  });

  it('answers SERVICE_UNAVAILABLE over GraphQL and writes nothing', async () => {
    const before = await repo.countGraph();
    const res = await postGraphql<unknown>(server.url, 'mutation($t: String!) { ingestArticle(input: { text: $t }) { article { id } } }', { t: 'Note\n\nICE arrested a man in Baltimore.' });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringContaining('CoreNLP') });
    expect(await repo.countGraph()).toEqual(before);
  });

  it('makes npm run extract exit 1 with a message naming the server', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/extract.ts'), path.join(ROOT_DIR, 'data', 'articles', '01-ice-arrests-tajik-nationals.txt')], {
      cwd: ROOT_DIR,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CORENLP_URL: deadUrl },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`The annotation service (CoreNLP at ${deadUrl}) could not be reached`);
  });
});
