// Memory at the server's phases, for finding where peak RSS comes from: on stderr (stdout carries LSP), and only
// when ARTICLE_LENS_MEMORY_LOG=1, so a user's server never pays for it.
import * as v8 from 'v8';
import { isMainThread, threadId } from 'worker_threads';
import { collectAfterPhase } from './collect';

const enabled = process.env.ARTICLE_LENS_MEMORY_LOG === '1' || process.env.ARTICLE_LENS_MEMORY_LOG === 'live';
/** `live`: each line first collects garbage (the server runs with --expose-gc), so its heap is what is live. */
const live = process.env.ARTICLE_LENS_MEMORY_LOG === 'live';
const mb = (n: number): string => (n / 1048576).toFixed(0);

/** The main thread also logs every `seconds` (with ARTICLE_LENS_MEMORY_LOG=1 or =live). */
export function logMemoryEvery(seconds: number): void {
  if (!enabled || !isMainThread) return;
  const started = Date.now();
  setInterval(() => logMemory(`at ${((Date.now() - started) / 1000).toFixed(0)} s`), seconds * 1000).unref();
}

/** One line: the process's RSS and this thread's heap (a worker thread has a heap of its own). */
export function logMemory(phase: string): void {
  if (!enabled) return;
  if (live) collectAfterPhase();
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  const thread = isMainThread ? 'main' : `thread ${threadId}`;
  process.stderr.write(`memory ${thread} ${phase}: rss ${mb(m.rss)} heap used ${mb(h.used_heap_size)} of ${mb(h.total_heap_size)} external ${mb(m.external)} array buffers ${mb(m.arrayBuffers)} MB\n`);
}
