// Analysis of large open documents in a worker thread, so a several-megabyte article never blocks the
// requests of other documents. One worker, started on first use; a crashed worker is replaced.
import { Worker } from 'worker_threads';
import type { AnalyzeOptions } from '../core/analyze';
import type { DocumentAnalysis } from '../core/model';
import { workerScript } from './indexingPool';
import type { TextRequest, TextResponse } from './workerProtocol';

/** Texts at least this long are analysed in the background. */
export const LARGE_TEXT = 256 * 1024;

export class BackgroundAnalyzer {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();

  analyze(uri: string, version: number, text: string, options: AnalyzeOptions): Promise<DocumentAnalysis> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: TextRequest = { kind: 'text', id, uri, version, text, options };
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
    worker.on('message', (response: TextResponse) => {
      const waiter = this.waiting.get(response.id);
      if (!waiter) return;
      this.waiting.delete(response.id);
      if (response.ok) waiter.resolve(response.analysis);
      else waiter.reject(new Error(response.reason));
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
