// Analysis off the main thread: large open documents, and files changed on disk, in one worker thread, so
// the analysis of one file never holds up the requests about another. Started on first use; a crashed
// worker is replaced.
import { Worker } from 'worker_threads';
import type { AnalyzeOptions } from '../core/analyze';
import type { DocumentAnalysis } from '../core/model';
import { workerScript } from './indexingPool';
import type { PoolJob } from './indexingPool';
import type { TextRequest, TextResponse, WorkerReply, WorkerRequest, WorkerResponse } from './workerProtocol';
import type { DateFallback } from './indexCache';

/** The date settings a file is analysed with (see corpusLoader.dateOptions). */
export interface FileDates {
  referenceDate: string | null;
  dateFallback: DateFallback;
}

/** Texts at least this long are analysed in the background. */
export const LARGE_TEXT = 256 * 1024;
/**
 * Texts at least this long get a worker of their own, ended when it answers: its heap (a few times the text)
 * goes back to the system before the main thread builds the index over the result, instead of staying resident
 * in the shared worker.
 */
export const HUGE_TEXT = 2 * 1024 * 1024;

export class BackgroundAnalyzer {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();
  private readonly waitingFiles = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();

  analyze(uri: string, version: number, text: string, options: AnalyzeOptions): Promise<DocumentAnalysis> {
    if (text.length >= HUGE_TEXT) return analyzeOnce({ kind: 'text', id: 0, uri, version, text, options });
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: TextRequest = { kind: 'text', id, uri, version, text, options };
      worker.postMessage(request);
    });
  }

  /** Reads and analyses one file from disk, as cold indexing does. */
  analyzeFile(job: PoolJob, dates: FileDates, maxBytes: number): Promise<WorkerReply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waitingFiles.set(id, { resolve, reject });
      const request: WorkerRequest = { kind: 'files', batch: id, jobs: [job], referenceDate: dates.referenceDate, dateFallback: dates.dateFallback, maxBytes };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerScript());
    worker.unref();
    worker.on('message', (response: TextResponse | WorkerResponse) => {
      if (response.kind === 'files') {
        const waiter = this.waitingFiles.get(response.batch);
        if (!waiter) return;
        this.waitingFiles.delete(response.batch);
        const [reply] = response.replies;
        if (reply) waiter.resolve(reply);
        else waiter.reject(new Error('the analysis worker answered without a file'));
        return;
      }
      const waiter = this.waiting.get(response.id);
      if (!waiter) return;
      this.waiting.delete(response.id);
      if (response.ok) waiter.resolve(response.analysis);
      else waiter.reject(new Error(response.reason));
    });
    const fail = (error: Error) => {
      for (const w of [...this.waiting.values(), ...this.waitingFiles.values()]) w.reject(error);
      this.waiting.clear();
      this.waitingFiles.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

/** One analysis in a worker of its own, which is ended as soon as it has answered (or failed). */
function analyzeOnce(request: TextRequest): Promise<DocumentAnalysis> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript());
    worker.unref();
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (response: TextResponse) => settle(() => (response.ok ? resolve(response.analysis) : reject(new Error(response.reason)))));
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`analysis worker exited with code ${code}`))));
    worker.postMessage(request);
  });
}
