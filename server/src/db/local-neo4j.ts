import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { ROOT_DIR } from '../config.ts';
import { ensureMavenBuilt, freePort, keepOutput, lastLines, launcherClasspath, LocalServiceError, stopChild, supervise, waitForReadyLine, type MavenLauncher } from '../jvm/jvm-service.ts';

export { freePort } from '../jvm/jvm-service.ts';

/** A running local Neo4j. */
export interface LocalNeo4j {
  uri: string;
  /** The user and the data folder's own password (auth is always on). */
  user: string;
  password: string;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Resolves when the JVM exits, whoever stopped it. */
  exited: Promise<void>;
  /** The JVM's process id. */
  pid: number | undefined;
}

/** The only user of a local Neo4j. */
export const LOCAL_NEO4J_USER = 'neo4j';

const SECRET_FILE = 'newsgraph-neo4j-secret';

/**
 * The data folder's Neo4j password: made once at random, kept in a file only its owner can
 * read (mode 0600), so no other local user or process can open the store over Bolt.
 */
export function localNeo4jSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 16) throw new LocalNeo4jError(`${file} holds no usable password; delete it and start again.`);
  return secret;
}

/** Options for the local Neo4j launcher. */
export interface LocalNeo4jOptions {
  /** Folder for the store (created if missing). */
  dataDir: string;
  /** Bolt port; 0 picks a free one. */
  port?: number;
  heap?: string;
  pagecache?: string;
  /** Progress lines for the user ("building…", "started…"). */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

/** Thrown when the local Neo4j cannot be built or started; the message says what to do. */
export class LocalNeo4jError extends LocalServiceError {
  override name = 'LocalNeo4jError';
}

const LAUNCHER: MavenLauncher = {
  dir: path.join(ROOT_DIR, 'neo4j'),
  sources: ['pom.xml', 'src/main/java/dev/newsgraph/LocalNeo4j.java'],
  service: 'Neo4j',
  download: 'Neo4j 5.26, ~120 MB',
  alternative: 'point Newsgraph at your own Neo4j with NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD), or run `docker compose up`',
};
const MAIN_CLASS = 'dev.newsgraph.LocalNeo4j';
const READY = 'NEWSGRAPH_NEO4J_READY';

/**
 * Builds the launcher with Maven unless a build of the same sources exists. The first
 * build downloads Neo4j from Maven Central (about 120 MB); later starts reuse it.
 */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  ensureMavenBuilt(LAUNCHER, log);
}

/**
 * Starts the embedded Neo4j (building it first if needed) and resolves once Bolt answers.
 * The JVM watches its stdin: if this process dies without cleaning up, the pipe closes
 * and Neo4j shuts itself down, so no orphan JVM keeps the store locked.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  ensureLauncherBuilt(log);
  const password = localNeo4jSecret(opts.dataDir);
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const classpath = launcherClasspath(LAUNCHER.dir);
  const child = spawn(
    'java',
    [
      `-Xmx${opts.heap ?? '1g'}`,
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      MAIN_CLASS,
      '--data',
      opts.dataDir,
      '--port',
      String(port),
      '--pagecache',
      opts.pagecache ?? '256m',
    ],
    // The password goes by environment, not argv: other users can read a process's arguments.
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEWSGRAPH_NEO4J_PASSWORD: password } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = keepOutput(child);

  const uri = await waitForReadyLine(child, READY, output, opts.startTimeoutMs ?? 120000, 'Neo4j', (code) => explainExit(code, opts.dataDir, output));
  log(`Local Neo4j 5.26 running at ${uri} (data in ${opts.dataDir}).`);
  const uriFile = path.join(opts.dataDir, URI_FILE);
  writeFileSync(uriFile, uri);
  return {
    uri,
    user: LOCAL_NEO4J_USER,
    password,
    exited,
    pid: child.pid,
    stop: async () => {
      rmSync(uriFile, { force: true });
      await stopChild(child);
    },
  };
}

/**
 * Starts the local Neo4j and keeps it running: when the JVM dies (killed, crashed) it is
 * started again on the same port, after 1 s, then 2, 4… up to 30 s between tries, so the
 * driver's URI stays valid and the app recovers by itself. `stop()` ends supervision first.
 */
export async function superviseLocalNeo4j(opts: LocalNeo4jOptions & { restartDelayMs?: number }): Promise<LocalNeo4j> {
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const sup = await supervise((first) => startLocalNeo4j({ ...opts, port, ...(first ? {} : { log: () => {} }) }), 'Neo4j', opts.log ?? (() => {}), opts.restartDelayMs ?? 1000, (n) => n.uri);
  const first = sup.current();
  return {
    get uri() {
      return sup.current().uri;
    },
    user: first.user,
    password: first.password,
    exited: sup.exited,
    get pid() {
      return sup.current().pid;
    },
    stop: () => sup.stop(),
  };
}

const URI_FILE = 'newsgraph-bolt-uri';

/**
 * The Bolt URI of a local Neo4j that another Newsgraph process (npm start) already runs on
 * this data folder, if its port answers; lets the CLI share the store instead of failing
 * on its lock.
 */
export async function findRunningLocalNeo4j(dataDir: string): Promise<{ uri: string; user: string; password: string } | undefined> {
  const file = path.join(dataDir, URI_FILE);
  if (!existsSync(file) || !existsSync(path.join(dataDir, SECRET_FILE))) return undefined;
  const uri = readFileSync(file, 'utf8').trim();
  const port = Number(/:(\d+)$/.exec(uri)?.[1]);
  if (!port) return undefined;
  const open = await new Promise<boolean>((resolve) => {
    const sock = connect({ host: '127.0.0.1', port }, () => {
      sock.end();
      resolve(true);
    });
    sock.on('error', () => resolve(false));
    sock.setTimeout(1000, () => {
      sock.destroy();
      resolve(false);
    });
  });
  return open ? { uri, user: LOCAL_NEO4J_USER, password: localNeo4jSecret(dataDir) } : undefined;
}


function explainExit(code: number | null, dataDir: string, output: string[]): string {
  const text = output.join('\n');
  if (/lock|StoreLockException|FileLockException/i.test(text)) {
    return `The local Neo4j could not lock its data folder ${dataDir}: another Newsgraph (or Neo4j) is using it. Stop it first, or set NEWSGRAPH_DATA_DIR.`;
  }
  if (/Address already in use|BindException/i.test(text)) {
    return 'The local Neo4j could not bind its Bolt port: the port is in use.';
  }
  return `The local Neo4j exited (code ${code}) before it was ready:\n${lastLines(output)}`;
}

