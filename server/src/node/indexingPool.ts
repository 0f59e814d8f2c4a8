// Cold indexing on every core: files go to worker threads in small batches and their analyses stream back,
// so the first articles are answerable long before the last is read. Each file is read once, by its worker.
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { WorkerReply, WorkerRequest, WorkerResponse } from './workerProtocol';
import type { DateFallback } from './indexCache';

export interface PoolJob {
  file: string;
  uri: string;
  userDate: string | null;
}

export interface PoolOptions {
  referenceDate: string | null;
  dateFallback: DateFallback;
  maxBytes: number;
  /** Called for every analysed (or failed) file, in completion order. */
  onReply: (reply: WorkerReply) => void;
  isCancelled?: () => boolean;
  /** Number of worker threads; defaults to the machine's available parallelism. */
  threads?: number;
}

const BATCH = 16;
const IN_FLIGHT = 2;

/** The worker script sits beside the bundle that starts it (dist/worker.js). */
export function workerScript(): string {
  return path.join(__dirname, 'worker.js');
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
}

export async function analyzeInWorkers(jobs: PoolJob[], opts: PoolOptions): Promise<void> {
  if (jobs.length === 0) return;
  const threads = Math.min(opts.threads ?? defaultThreads(), Math.ceil(jobs.length / BATCH));
  let next = 0;
  let batch = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      // Sends the next batch, if any; resolves once every batch sent has come back.
      const feed = (worker: Worker) => {
        if (next >= jobs.length || opts.isCancelled?.()) {
          if (inFlight === 0) resolve();
          return;
        }
        const slice = jobs.slice(next, next + BATCH);
        next += slice.length;
        const request: WorkerRequest = { kind: 'files', batch: batch++, jobs: slice, referenceDate: opts.referenceDate, dateFallback: opts.dateFallback, maxBytes: opts.maxBytes };
        inFlight++;
        worker.postMessage(request);
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(workerScript());
        workers.push(worker);
        worker.on('message', (response: WorkerResponse) => {
          inFlight--;
          for (const reply of response.replies) opts.onReply(reply);
          feed(worker);
        });
        worker.on('error', reject);
        // Two batches queued per worker: it starts the second while the main thread takes in the first, so on a
        // busy main thread (or few cores) the workers do not wait to be fed.
        for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
