// Import into the running server: the same check and plan as `article-lens import`, against the articles the
// index holds (open documents as the editor has them), written as one undoable decision, then every view refreshed.
import * as path from 'path';
import { formatNamed } from '../../core/annotations/formats';
import { IMPORT_REQUEST, type ImportParams, type ImportResult } from '../../protocol';
import { describePlan, type ImportArticle, planImport } from '../../node/importAnnotations';
import type { ServerContext } from '../context';
import { workspaceArticles } from './workspaceArticles';

export function registerImport(ctx: ServerContext, folders: () => readonly string[]): void {
  ctx.connection.onRequest(IMPORT_REQUEST, (params: ImportParams): ImportResult => {
    const fail = (error: string): ImportResult => ({ error, files: [], decided: 0, rejected: 0, lines: [] });
    const format = params && typeof params.format === 'string' ? formatNamed(params.format === 'labelstudio' ? 'label-studio' : params.format) : undefined;
    if (!format || !format.read) return fail(`cannot import the format "${String(params?.format)}": import brat, jsonl, doccano or label-studio`);
    if (typeof params.path !== 'string' || !path.isAbsolute(params.path)) return fail('the import needs an absolute file or folder path');
    const mode = params.mode === 'add' || params.mode === 'replace' ? params.mode : undefined;
    ctx.sync();
    const articles: ImportArticle[] = [];
    for (const { uri, root, relative } of workspaceArticles(ctx.index, folders())) {
      if (root) articles.push({ uri, folder: root, relative, text: () => ctx.index.get(uri)?.text ?? '' });
    }
    if (articles.length === 0) return fail('no article of the workspace is indexed yet');
    const plan = planImport(ctx.index, articles, format, params.path, { mode, predictions: params.predictions === true ? 'decide' : 'leave' });
    if (plan.error) return fail(plan.error);
    const lines = describePlan(plan);
    const files = plan.files.map((f) => ({ file: f.file, imported: f.imported, articles: f.articles, decided: f.counts.decided, problems: f.problems }));
    const summary = `imported ${plan.counts.decided} decisions from ${path.basename(params.path)}`;
    const written = ctx.store.writePlanned(plan.writes, summary);
    if (!written.ok) return { ...fail(written.message), files, lines };
    if (plan.writes.length > 0) ctx.refresh();
    return { error: null, files, decided: plan.counts.decided, rejected: plan.counts.rejected, lines };
  });
}
