import { parentPort } from 'node:worker_threads';
import type { Article } from '../../domain/types.ts';
import { extract } from '../extract/extract.ts';
import { resolve } from '../resolve.ts';
import type { WorkerReply, WorkerTask } from './extract-pool.ts';

// One extraction thread: annotated article in, resolved batch out. Pure computation, no I/O, so a long
// article keeps this thread busy instead of the server's.
parentPort?.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    const article: Article = task.article;
    reply = { id: task.id, batch: resolve(article, extract(article, task.annotation)) };
  } catch (err) {
    reply = { id: task.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
