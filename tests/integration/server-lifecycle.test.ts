import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { postGraphql } from '../helpers/graphql-client.ts';

/** PIDs of JVMs whose command line names the folder (the local Neo4j's data dir). */
function jvmsUsing(dir: string): string[] {
  return pgrep(`dev.newsgraph.LocalNeo4j --data ${dir}`);
}

/** PIDs of processes whose command line contains `pattern`. */
function pgrep(pattern: string): string[] {
  const r = spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before ${pattern}; output:\n${seen}`)));
  });
}

describe('the server process (npm start path, local Neo4j)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts its own Neo4j and CoreNLP, seeds the demo corpus, serves, restarts a killed CoreNLP, and on SIGTERM leaves no JVM behind', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NEWSGRAPH_DATA_DIR: dataDir, PORT: '0', LOCAL_NEO4J_HEAP: '512m', LOCAL_NEO4J_PAGECACHE: '64m' };
    delete env.NEO4J_URI;
    delete env.CORENLP_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/main.ts')], { cwd: ROOT_DIR, env });
    const [, url] = await waitForLine(child, /Newsgraph explorer: (http:\/\/\S+)/, 120_000);
    const res = await postGraphql<{ search: Array<{ name: string }> }>(String(url), '{ search(query: "ICE") { name } }');
    expect(res.data?.search[0]?.name).toBe('Immigration and Customs Enforcement');
    const neo4jDir = path.join(dataDir, 'neo4j');
    expect(jvmsUsing(neo4jDir)).toHaveLength(1);
    // The local CoreNLP leaves its URL for the CLIs; its JVM is found by its port.
    const corenlpUrl = readFileSync(path.join(dataDir, 'corenlp', 'newsgraph-corenlp-url'), 'utf8').trim();
    const corenlpJvm = `dev.newsgraph.LocalCoreNLP --port ${new URL(corenlpUrl).port} `;
    expect(new URL(corenlpUrl).hostname).toBe('127.0.0.1');
    expect(pgrep(corenlpJvm)).toHaveLength(1);
    const health = (await (await fetch(`${String(url)}/health`)).json()) as { dependencies: Record<string, { ok: boolean }> };
    expect(health.dependencies).toMatchObject({ neo4j: { ok: true }, corenlp: { ok: true } });

    // CoreNLP killed: ingesting answers SERVICE_UNAVAILABLE, the app restarts it, ingesting works again.
    const ingest = 'mutation($t: String!) { ingestArticle(input: { text: $t }) { created } }';
    spawnSync('kill', ['-9', ...pgrep(corenlpJvm)]);
    await new Promise((r) => setTimeout(r, 300));
    const down = await postGraphql<unknown>(String(url), ingest, { t: 'Outage Note\n\nICE agents arrested a man in Denver on Monday.' });
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const back = Date.now() + 120_000;
    for (;;) {
      const h = (await (await fetch(`${String(url)}/health`)).json()) as { dependencies: Record<string, { ok: boolean }> };
      if (h.dependencies.corenlp?.ok) break;
      if (Date.now() > back) throw new Error('CoreNLP did not come back within 120 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    const again = await postGraphql<{ ingestArticle: { created: boolean } }>(String(url), ingest, { t: 'Outage Note\n\nICE agents arrested a man in Denver on Monday.' });
    expect(again.data?.ingestArticle.created).toBe(true);
    expect(pgrep(corenlpJvm)).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(jvmsUsing(neo4jDir)).toEqual([]);
    expect(existsSync(path.join(neo4jDir, 'newsgraph-bolt-uri'))).toBe(false);
    expect(pgrep(corenlpJvm)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'corenlp', 'newsgraph-corenlp-url'))).toBe(false);
  }, 240_000);
});
