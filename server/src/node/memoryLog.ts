// Memory at the server's phases, for finding where peak RSS comes from: on stderr (stdout carries LSP), and only
// when ARTICLE_LENS_MEMORY_LOG=1, so a user's server never pays for it.
import * as v8 from 'v8';
import { isMainThread, threadId } from 'worker_threads';

const enabled = process.env.ARTICLE_LENS_MEMORY_LOG === '1';
const mb = (n: number): string => (n / 1048576).toFixed(0);

/** One line: the process's RSS and this thread's heap (a worker thread has a heap of its own). */
export function logMemory(phase: string): void {
  if (!enabled) return;
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  const thread = isMainThread ? 'main' : `thread ${threadId}`;
  process.stderr.write(`memory ${thread} ${phase}: rss ${mb(m.rss)} heap used ${mb(h.used_heap_size)} of ${mb(h.total_heap_size)} external ${mb(m.external)} array buffers ${mb(m.arrayBuffers)} MB\n`);
}
