// A worker thread of the indexing pool: reads and analyses the files it is sent, and posts back each
// analysis with its line boundaries (not the text, which the main thread reads again only if a hover needs it).
// Started as the cache writer (indexCacheWrite.ts), the same script makes and writes the persistent index instead.
import { parentPort, workerData } from 'worker_threads';
import { analyzeText } from '../core/analyze';
import { LineIndex } from '../core/text/lineIndex';
import { readArticle } from './files';
import { dateOptions } from './corpusLoader';
import { loadRecognizers } from './recognizers';
import type { TextRequest, TextResponse, WorkerReply, WorkerRequest } from './workerProtocol';
import { CACHE_WRITER_ROLE, serveCacheWriter } from './indexCacheWrite';

if ((workerData as { role?: string } | null)?.role === CACHE_WRITER_ROLE) serveCacheWriter(parentPort!);
else serveAnalysis();

function serveAnalysis(): void {
  const recognizers = loadRecognizers();
  parentPort!.on('message', (request: WorkerRequest | TextRequest) => {
    if (request.kind === 'text') {
      let response: TextResponse;
      try {
        response = { kind: 'text', id: request.id, ok: true, analysis: analyzeText(recognizers, request.uri, request.version, request.text, request.options) };
      } catch (e) {
        response = { kind: 'text', id: request.id, ok: false, reason: (e as Error).message };
      }
      parentPort!.postMessage(response);
      return;
    }
    const replies: WorkerReply[] = [];
    for (const job of request.jobs) {
      const read = readArticle(job.file, request.maxBytes);
      if (!read.ok) {
        replies.push({ ok: false, uri: job.uri, file: job.file, reason: read.reason });
        continue;
      }
      try {
        const analysis = analyzeText(recognizers, job.uri, 0, read.text, dateOptions(request, read.mtimeMs, job.userDate));
        const lines = LineIndex.fromText(read.text);
        replies.push({ ok: true, uri: job.uri, file: job.file, analysis, starts: lines.starts, ends: lines.ends, length: lines.length, size: read.size, mtimeMs: read.mtimeMs, warning: read.warning });
      } catch (e) {
        replies.push({ ok: false, uri: job.uri, file: job.file, reason: `${job.file}: analysis failed: ${(e as Error).message}` });
      }
    }
    parentPort!.postMessage({ kind: 'files', batch: request.batch, replies });
  });
}
