import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

// What the two local Java services (Neo4j, CoreNLP) share: a Maven-built launcher, a free
// port, a clean stop. Each service keeps its own start-up protocol.

/** Thrown when a local Java service cannot be built or started; the message says what to do. */
export class LocalServiceError extends Error {
  override name = 'LocalServiceError';
}

/**
 * Throws a LocalServiceError naming the missing tool, what needs it and how to do without it
 * (`alternative`, e.g. "point Newsgraph at your own Neo4j with NEO4J_URI").
 */
export function requireTool(cmd: string, args: string[], what: string, service: string, alternative: string): void {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error || r.status !== 0) {
    throw new LocalServiceError(
      `${what} was not found (\`${cmd}\`). The local ${service} needs JDK 17+ and Maven 3.8+ ` +
        `(Debian/Ubuntu: apt-get install openjdk-17-jdk maven). Or ${alternative}.`,
    );
  }
}

/** A Maven project under the repository that builds a launcher and copies its classpath to target/lib. */
export interface MavenLauncher {
  /** Folder holding pom.xml. */
  dir: string;
  /** Files (relative to dir) whose content decides whether a rebuild is needed. */
  sources: string[];
  /** "Neo4j", "CoreNLP": for messages. */
  service: string;
  /** What the first build downloads, for the progress line. */
  download: string;
  /** How to run without a local build. */
  alternative: string;
}

/**
 * Builds the launcher with Maven unless a build of the same sources exists. The first build
 * downloads its dependencies from Maven Central; later starts reuse them.
 */
export function ensureMavenBuilt(launcher: MavenLauncher, log: (line: string) => void = () => {}): void {
  requireTool('java', ['-version'], 'Java', launcher.service, launcher.alternative);
  const target = path.join(launcher.dir, 'target');
  const stamp = path.join(target, 'newsgraph-build.stamp');
  const h = createHash('sha256');
  for (const f of launcher.sources) h.update(readFileSync(path.join(launcher.dir, f)));
  const hash = h.digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && existsSync(path.join(target, 'lib'))) return;
  requireTool('mvn', ['-v'], 'Maven', launcher.service, launcher.alternative);
  log(`Building the local ${launcher.service} launcher with Maven (the first run downloads ${launcher.download})…`);
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(launcher.dir, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalServiceError(`Building the local ${launcher.service} launcher failed (mvn exit ${r.status}):\n${tail}`);
  }
  writeFileSync(stamp, hash);
}

/** The launcher's classpath: its own classes and every dependency jar. */
export function launcherClasspath(dir: string): string {
  return [path.join(dir, 'target', 'classes'), path.join(dir, 'target', 'lib', '*')].join(path.delimiter);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The last non-empty lines of a process's output, for error messages. */
export function lastLines(lines: string[], count = 15): string {
  return lines.filter((l) => l.trim()).slice(-count).join('\n');
}

/** Keeps the last 200 lines a child printed. */
export function keepOutput(child: ChildProcess): string[] {
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(...chunk.toString('utf8').split('\n'));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stderr?.on('data', keep);
  child.stdout?.on('data', keep);
  return output;
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the process has exited. */
export function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Resolves with what follows `marker` on the first stdout line that starts with it (the
 * launcher's "ready" line); rejects with `explainExit`'s message if the JVM exits first, or
 * after `limitMs` (killing it).
 */
export function waitForReadyLine(child: ChildProcess, marker: string, output: string[], limitMs: number, service: string, explainExit: (code: number | null) => string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalServiceError(`The local ${service} did not start within ${limitMs / 1000} s.\n${lastLines(output)}`));
    }, limitMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const line = chunk.toString('utf8').split('\n').find((l) => l.startsWith(marker));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(marker.length).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new LocalServiceError(explainExit(code)));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new LocalServiceError(`Could not run java: ${err.message}`));
    });
  });
}

/** A started JVM service, as the supervisor sees it. */
export interface SupervisedService {
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** A service kept running by `supervise`. */
export interface Supervisor<T> {
  /** The instance running now (a new one after each restart). */
  current(): T;
  /** Resolves when supervision has ended and the last instance has exited. */
  exited: Promise<void>;
  /** Ends supervision, then stops the running instance. */
  stop(): Promise<void>;
}

/**
 * Starts a service with `start(true)` and keeps it running: when it exits unasked it is started
 * again with `start(false)` (quietly), after `firstDelayMs`, then twice as long after each failed
 * try, up to 30 s. Callers keep the port fixed so their clients' addresses stay valid.
 */
export async function supervise<T extends SupervisedService>(
  start: (first: boolean) => Promise<T>,
  service: string,
  log: (line: string) => void,
  firstDelayMs: number,
  where: (t: T) => string,
): Promise<Supervisor<T>> {
  let current = await start(true);
  let stopping = false;
  let wake: (() => void) | undefined;
  let resolveExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => (resolveExited = resolve));
  const loop = async (): Promise<void> => {
    let delay = firstDelayMs;
    for (;;) {
      await current.exited;
      if (stopping) break;
      log(`The local ${service} stopped unexpectedly; restarting it in ${delay / 1000} s…`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopping) break;
      try {
        current = await start(false);
        // stop() was called while it was starting: it stopped the old one, so stop this one.
        if (stopping) {
          await current.stop();
          break;
        }
        log(`The local ${service} is back at ${where(current)}.`);
        delay = firstDelayMs;
      } catch (err) {
        log(`Restarting the local ${service} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    resolveExited();
  };
  void loop();
  return {
    current: () => current,
    exited,
    async stop() {
      stopping = true;
      wake?.();
      await current.stop();
      await exited;
    },
  };
}
