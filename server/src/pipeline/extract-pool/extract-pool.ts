import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors.ts';
import type { Article, GraphBatch } from '../../domain/types.ts';
import type { Annotation } from '../annotate/annotation.ts';

/** A message to an extraction thread. */
export interface WorkerTask {
  id: number;
  article: Article;
  annotation: Annotation;
}

/** An extraction thread's answer. */
export type WorkerReply = { id: number; batch: GraphBatch; error?: undefined } | { id: number; error: string; batch?: undefined };

/** Extraction (extract → resolve) run off the event loop. */
export interface ExtractPool {
  /** Extracts and resolves one annotated article in a worker thread. */
  run(article: Article, annotation: Annotation): Promise<GraphBatch>;
  /** Starts the threads now instead of on first use (they take a second or two to load). */
  warm(): Promise<void>;
  /** Ends every thread; pending work is refused. */
  close(): Promise<void>;
}

/** Options for the pool. */
export interface ExtractPoolOptions {
  /** Threads; defaults to the machine's cores. */
  size?: number;
  /** Longest one article may take before its thread is replaced and the article refused. */
  timeoutMs?: number;
}

interface Job {
  id: number;
  article: Article;
  annotation: Annotation;
  resolve(batch: GraphBatch): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

const WORKER_URL = new URL('./extract-worker.ts', import.meta.url).href;

/**
 * Workers are started through tsx's loader so that they run the TypeScript sources directly,
 * the same way the server does (under `tsx` and under vitest alike).
 */
function spawnWorker(): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); });`;
  return new Worker(bootstrap, { eval: true, name: 'newsgraph-extract' });
}

/**
 * A fixed pool of extraction threads with a queue. A thread that crashes or overruns the time
 * limit is replaced, and only the article it was working on is refused.
 */
export function createExtractPool(opts: ExtractPoolOptions = {}): ExtractPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    const worker = spawnWorker();
    const slot: Slot = {
      worker,
      job: undefined,
      timer: undefined,
      ready: new Promise<void>((resolve, reject) => {
        const onMessage = (m: unknown): void => {
          if (typeof m === 'object' && m !== null && 'ready' in m) {
            worker.off('message', onMessage);
            resolve();
          }
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.once('exit', () => reject(new Error('the extraction thread exited while starting')));
      }),
    };
    slot.ready.catch(() => {});
    worker.on('message', (m: WorkerReply | { ready: true }) => {
      if (!('id' in m) || slot.job?.id !== m.id) return;
      const job = slot.job;
      finish(slot);
      if (m.batch) job.resolve(m.batch);
      else job.reject(new Error(`Extraction failed: ${m.error}`));
      pump();
    });
    const fail = (err: Error): void => {
      const job = slot.job;
      finish(slot);
      replace(slot);
      job?.reject(err);
      pump();
    };
    worker.on('error', (err) => fail(new Error(`The extraction thread crashed: ${err.message}`)));
    worker.on('exit', () => {
      if (!closed && slots.includes(slot)) fail(new Error('The extraction thread exited.'));
    });
    return slot;
  };

  const finish = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  };

  const replace = (slot: Slot): void => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    void slot.worker.terminate();
    if (!closed) slots.push(start());
  };

  const ensure = (): void => {
    while (!closed && slots.length < size) slots.push(start());
  };

  const pump = (): void => {
    ensure();
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift();
      if (!job) break;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const running = slot.job;
        finish(slot);
        replace(slot);
        running?.reject(new AppError('BAD_USER_INPUT', `Extraction took longer than ${timeoutMs / 1000} s; the article was refused.`));
        pump();
      }, timeoutMs);
      slot.worker.postMessage({ id: job.id, article: job.article, annotation: job.annotation } satisfies WorkerTask);
    }
  };

  return {
    run(article, annotation) {
      if (closed) return Promise.reject(new Error('The extraction pool is closed.'));
      return new Promise<GraphBatch>((resolve, reject) => {
        queue.push({ id: nextId++, article, annotation, resolve, reject });
        pump();
      });
    },
    async warm() {
      ensure();
      await Promise.all(slots.map((s) => s.ready));
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The extraction pool is closed.'));
      const all = slots.splice(0);
      for (const s of all) {
        const job = s.job;
        finish(s);
        job?.reject(new Error('The extraction pool is closed.'));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
