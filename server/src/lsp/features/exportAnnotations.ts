// Export from the running index: the same final mentions and files as `article-lens export`, for every indexed
// article of the workspace, with paths relative to the workspace folder that holds each.
import * as path from 'path';
import { entityTable, formatNamed, onlyConfirmed } from '../../core/annotations/formats';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../protocol';
import { exportCorpusOf, writeExport } from '../../node/exportCorpus';
import type { ServerContext } from '../context';
import { workspaceArticles } from './workspaceArticles';

export function registerExport(ctx: ServerContext, folders: () => readonly string[]): void {
  ctx.connection.onRequest(EXPORT_REQUEST, (params: ExportParams): ExportResult => {
    const none = { articles: 0, mentions: 0, files: 0 };
    const format = params && typeof params.format === 'string' ? formatNamed(params.format) : undefined;
    if (!format) return { error: `unknown export format "${String(params?.format)}"`, ...none };
    if (!params.out || typeof params.out !== 'string' || !path.isAbsolute(params.out)) return { error: 'the export needs an absolute folder path', ...none };
    ctx.sync();
    const sources: { uri: string; path: string }[] = [];
    const seen = new Set<string>();
    for (const { uri, root, relative } of workspaceArticles(ctx.index, folders())) {
      // Two folders of a multi-root workspace may hold the same relative path: the second gets its folder's name.
      const unique = seen.has(relative) && root ? `${path.basename(root)}/${relative}` : relative;
      seen.add(unique);
      sources.push({ uri, path: unique });
    }
    let corpus = exportCorpusOf(ctx.index, sources);
    if (params.onlyConfirmed) corpus = onlyConfirmed(corpus);
    const files: { path: string; content: string }[] = [];
    if (format.output === 'stream') files.push({ path: `annotations${format.extension}`, content: [...format.write(corpus)].join('') });
    else {
      const table = entityTable(corpus.entities);
      for (const doc of corpus.documents) {
        files.push({ path: format.outputPath(doc.path), content: format.write(doc, table) });
        files.push({ path: doc.path, content: doc.text });
      }
    }
    for (const extra of format.support?.() ?? []) files.push(extra);
    const counts = { articles: corpus.documents.length, mentions: corpus.documents.reduce((n, d) => n + d.mentions.length, 0), files: files.length };
    try {
      writeExport(params.out, files);
    } catch (e) {
      return { error: `could not write ${params.out}: ${(e as Error).message}; nothing was written`, ...counts, files: 0 };
    }
    return { error: null, ...counts };
  });
}
