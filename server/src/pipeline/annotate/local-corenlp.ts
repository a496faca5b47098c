import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';
import { ensureMavenBuilt, freePort, keepOutput, lastLines, launcherClasspath, LocalServiceError, stopChild, supervise, waitForReadyLine, type MavenLauncher } from '../../jvm/jvm-service.ts';
import { createCoreNLPAnnotator } from './corenlp-client.ts';

/** A running local CoreNLP server. */
export interface LocalCoreNLP {
  url: string;
  /** Stops the JVM (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
  /** Resolves when the JVM exits, whoever stopped it. */
  exited: Promise<void>;
  pid: number | undefined;
  /** Seconds from spawn to the models answering a first document. */
  startSeconds: number;
}

/** Options for the local CoreNLP launcher. */
export interface LocalCoreNLPOptions {
  /** Port; 0 picks a free one. */
  port?: number;
  /** JVM heap, e.g. "3g". */
  heap?: string;
  /** Requests served at once. */
  threads?: number;
  /** Per-request limit inside the server, ms. */
  timeoutMs?: number;
  log?: (line: string) => void;
  startTimeoutMs?: number;
  /** When set, the URL is written there so CLIs on the same data folder can share the server. */
  dataDir?: string;
}

const LAUNCHER: MavenLauncher = {
  dir: path.join(ROOT_DIR, 'corenlp'),
  sources: ['pom.xml', 'src/main/java/dev/newsgraph/LocalCoreNLP.java'],
  service: 'CoreNLP',
  download: 'Stanford CoreNLP 4.5.10 and its English models, ~500 MB',
  alternative: 'point Newsgraph at a running CoreNLP server with CORENLP_URL, or run `docker compose up`',
};
const MAIN_CLASS = 'dev.newsgraph.LocalCoreNLP';
const READY = 'NEWSGRAPH_CORENLP_READY';
const URL_FILE = 'newsgraph-corenlp-url';

/** Builds the CoreNLP launcher if needed (the first build downloads the models from Maven Central). */
export function ensureCoreNLPBuilt(log: (line: string) => void = () => {}): void {
  ensureMavenBuilt(LAUNCHER, log);
}

/**
 * Starts CoreNLP's HTTP server on 127.0.0.1 and resolves once its models have annotated a
 * first document, so the first real article is not the one that waits for them. The JVM
 * exits when this process's pipe to it closes, even after kill -9.
 */
export async function startLocalCoreNLP(opts: LocalCoreNLPOptions = {}): Promise<LocalCoreNLP> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  ensureCoreNLPBuilt(log);
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const threads = opts.threads ?? 2;
  const child = spawn(
    'java',
    [`-Xmx${opts.heap ?? '3g'}`, '-XX:+UseG1GC', '-cp', launcherClasspath(LAUNCHER.dir), MAIN_CLASS, '--port', String(port), '--threads', String(threads), '--timeout', String(opts.timeoutMs ?? 120_000)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = keepOutput(child);
  const limit = opts.startTimeoutMs ?? 300_000;
  const stop = (): Promise<void> => {
    if (opts.dataDir) rmSync(path.join(opts.dataDir, URL_FILE), { force: true });
    return stopChild(child, 10_000);
  };

  const url = await waitForReadyLine(child, READY, output, limit, 'CoreNLP', (code) => explainExit(code, output));
  log(`Loading the CoreNLP models (tokenize, ssplit, pos, lemma, ner, depparse)…`);
  try {
    await createCoreNLPAnnotator({ url, timeoutMs: limit }).annotate('Warm-up: the Department of Homeland Security said on Monday that agents arrested two men in Baltimore.');
  } catch (err) {
    await stop();
    throw new LocalServiceError(`The local CoreNLP started but could not annotate: ${err instanceof Error ? err.message : String(err)}\n${lastLines(output)}`);
  }
  const startSeconds = (performance.now() - started) / 1000;
  log(`Local CoreNLP 4.5.10 ready at ${url} (${startSeconds.toFixed(1)} s).`);
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    writeFileSync(path.join(opts.dataDir, URL_FILE), url);
  }
  return { url, exited, pid: child.pid, startSeconds, stop };
}

/** The URL of a local CoreNLP another Newsgraph process runs for the same data folder, if it answers. */
export async function findRunningLocalCoreNLP(dataDir: string): Promise<string | undefined> {
  const file = path.join(dataDir, URL_FILE);
  if (!existsSync(file)) return undefined;
  const url = readFileSync(file, 'utf8').trim();
  try {
    await createCoreNLPAnnotator({ url, timeoutMs: 1000 }).check();
    return url;
  } catch {
    return undefined;
  }
}

function explainExit(code: number | null, output: string[]): string {
  const text = output.join('\n');
  if (/OutOfMemoryError|Java heap space/i.test(text)) return 'The local CoreNLP ran out of memory loading its models: raise CORENLP_HEAP (at least 2g).';
  if (/Address already in use|BindException/i.test(text)) return 'The local CoreNLP could not bind its port: the port is in use.';
  return `The local CoreNLP exited (code ${code}) before it was ready:\n${lastLines(output)}`;
}

/**
 * Starts the local CoreNLP and keeps it running: when the JVM dies (killed, out of memory) it is
 * started again on the same port, after `restartDelayMs` (default 1 s), then 2×, 4×… up to 30 s
 * between tries, so the client's URL stays valid. Meanwhile ingesting answers SERVICE_UNAVAILABLE.
 * `stop()` ends supervision first.
 */
export async function superviseLocalCoreNLP(opts: LocalCoreNLPOptions & { restartDelayMs?: number }): Promise<LocalCoreNLP> {
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const sup = await supervise((first) => startLocalCoreNLP({ ...opts, port, ...(first ? {} : { log: () => {} }) }), 'CoreNLP', opts.log ?? (() => {}), opts.restartDelayMs ?? 1000, (c) => c.url);
  const first = sup.current();
  return {
    url: first.url,
    startSeconds: first.startSeconds,
    exited: sup.exited,
    get pid() {
      return sup.current().pid;
    },
    stop: () => sup.stop(),
  };
}
