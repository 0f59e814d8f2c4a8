// Imports a scraper's file of article dates into the running server's store: the same check and plan as
// `article-lens dates import`, against the articles the index holds, written as one undoable decision.
import * as path from 'path';
import { IMPORT_DATES_REQUEST, type ImportDatesParams, type ImportDatesResult } from '../../protocol';
import { describeDatesImport, planDatesImportFile } from '../../node/articleDates';
import type { ServerContext } from '../context';
import { workspaceArticles } from './workspaceArticles';

export function registerImportDates(ctx: ServerContext, folders: () => readonly string[]): void {
  ctx.connection.onRequest(IMPORT_DATES_REQUEST, (params: ImportDatesParams): ImportDatesResult => {
    const fail = (error: string, problems: string[] = [], lines: string[] = []): ImportDatesResult => ({ error, problems, changed: 0, unchanged: 0, lines });
    if (!params || typeof params.path !== 'string' || !path.isAbsolute(params.path)) return fail('the import of dates needs an absolute file path');
    ctx.sync();
    const articles = new Set<string>();
    for (const a of workspaceArticles(ctx.index, folders())) if (a.root) articles.add(a.file);
    if (articles.size === 0) return fail('no article of the workspace is indexed yet');
    const dryRun = params.dryRun === true;
    const result = planDatesImportFile(params.path, folders().map((folder) => ({ folder })), (file) => articles.has(file));
    const lines = describeDatesImport(params.path, result, dryRun);
    if (result.error || !result.plan) return fail(result.error ?? 'nothing to import', result.problems, lines);
    const { changed, unchanged } = result.plan;
    if (!dryRun) {
      const written = ctx.store.writePlanned(result.plan.writes, `dates of ${changed} articles imported from ${path.basename(params.path)}`);
      if (!written.ok) return fail(written.message, result.problems, lines);
      if (result.plan.writes.length > 0) ctx.refresh();
    }
    return { error: null, problems: [], changed, unchanged, lines };
  });
}
