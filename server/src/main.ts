import { startApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

/** `npm start`: the explorer, GraphQL and (unless NEO4J_URI is set) a local Neo4j. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config);
  console.log(`\nNewsgraph explorer: ${app.url}   GraphQL: ${app.url}/graphql   (Ctrl-C to stop)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof Error) console.error(`Newsgraph could not start: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
