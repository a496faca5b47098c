import type { AddressInfo } from 'node:net';
import type { YogaServerInstance } from 'graphql-yoga';
import { WEB_ROOT } from '../../server/src/app.ts';
import type { AppContext } from '../../server/src/graphql/context.ts';
import { createHttpServer, type HttpLimits } from '../../server/src/http/create-server.ts';
import { createGraphqlApp } from '../../server/src/http/create-yoga.ts';
import type { Services } from '../../server/src/services/create-services.ts';

/** The real HTTP server over given services (production GraphQL: no GraphiQL), on a free loopback port. */
export interface ServiceServer {
  yoga: YogaServerInstance<Record<string, unknown>, AppContext>;
  url: string;
  close(): Promise<void>;
}

/** Serves `services` the way the app does, with the limits a test chooses. */
export async function startServiceServer(services: Services, limits: Partial<HttpLimits> = {}): Promise<ServiceServer> {
  const yoga = createGraphqlApp(services, { graphiql: false });
  const server = createHttpServer(yoga, WEB_ROOT, { maxRequestBytes: 1_000_000, ...limits }, services.exports);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    yoga,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
