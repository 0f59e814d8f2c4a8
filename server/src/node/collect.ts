// Collects garbage at the end of a phase that leaves much of it behind (a cold index, before it reports done), where
// the server runs with --expose-gc (the VS Code client starts it so; another editor may add the flag to its command).
// V8 otherwise lets the heap grow to several times what is live before it collects: at 100,000 articles, a cold
// index left ~430 MB live in a heap of 865, and the next phases took the process to 2.9 GB.
import * as v8 from 'v8';

/** A full collection now, if the server runs with --expose-gc: the heap used before and after, in MB; else null. */
export function collectAfterPhase(): { beforeMb: number; afterMb: number } | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return null;
  const before = v8.getHeapStatistics().used_heap_size;
  gc();
  const after = v8.getHeapStatistics().used_heap_size;
  return { beforeMb: Math.round(before / 1048576), afterMb: Math.round(after / 1048576) };
}
