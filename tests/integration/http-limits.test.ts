import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { Slots } from '../../server/src/http/slots.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import { startServiceServer, type ServiceServer } from '../helpers/service-server.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';

describe('whole-graph exports share EXPORT_CONCURRENCY slots, and production errors leak nothing', () => {
  let repo: GraphRepository;
  let services: Services;
  let server: ServiceServer;
  let url: string;
  const slots = new Slots(1, 300);

  beforeAll(async () => {
    repo = await freshRepository();
    services = testServices(repo);
    await services.ingest.ingest({ text: 'Slot Note\n\nImmigration and Customs Enforcement detained a man in Texas.' });
    server = await startServiceServer(services, { exportSlots: slots });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    await repo?.close();
  });

  it('makes a whole-graph export wait for a slot, then answers 503 with Retry-After; a subgraph export is not held up', async () => {
    const release = await slots.acquire();
    try {
      const busy = await fetch(`${url}/export/json?all=true`);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(await busy.json()).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringMatching(/EXPORT_CONCURRENCY/) }] });
      expect((await fetch(`${url}/export/json?ids=agency:immigration-and-customs-enforcement`)).status).toBe(200);
    } finally {
      release?.();
    }
    const free = await fetch(`${url}/export/json?all=true`);
    expect(free.status).toBe(200);
    await free.arrayBuffer();
    expect(slots.inUse).toBe(0);
  });

  it('in production, suggests no enum values or fields and passes on no parser message', async () => {
    const post = async (body: string): Promise<{ status: number; text: string }> => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      return { status: res.status, text: await res.text() };
    };
    const enumTypo = await post(JSON.stringify({ query: '{ exportSubgraph(ids: ["a"], format: GEXFF) { filename } }' }));
    const fieldTypo = await post(JSON.stringify({ query: '{ serch(query: "ICE") { id } }' }));
    const badJson = await post('{"query": ');
    for (const r of [enumTypo, fieldTypo, badJson]) {
      expect(r.status).toBe(400);
      expect(r.text).not.toMatch(/Did you mean|originalError|SyntaxError|stack/);
      expect(JSON.parse(r.text)).toMatchObject({ errors: [{ extensions: { code: expect.any(String) } }] });
    }
  });
});
