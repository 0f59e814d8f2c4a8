// Article dates from the client: Set Article Date on the active article, a code lens, or several files picked
// in the Explorer; Import Article Dates from a scraper's CSV or JSON lines file. The server checks and writes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_DATES_COMMAND, IMPORT_DATES_REQUEST, type ImportDatesParams, type ImportDatesResult, PICK_ARTICLE_DATE, SET_ARTICLE_DATE } from '../../server/src/protocol';

/**
 * The articles a Set Article Date call is about: a code lens passes `(uri string, current date)`, the Explorer
 * `(clicked Uri, every selected Uri)`, the palette nothing (the active editor's article).
 */
function targetsOf(first: unknown, second: unknown): { uris: string[]; current: string | null } {
  if (first instanceof vscode.Uri) {
    const selected = Array.isArray(second) ? second.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
    return { uris: (selected.length > 0 ? selected : [first]).map((u) => u.toString()), current: null };
  }
  if (typeof first === 'string') return { uris: [first], current: typeof second === 'string' ? second : null };
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  return { uris: active ? [active] : [], current: null };
}

export function registerArticleDateCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  let report: vscode.OutputChannel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(PICK_ARTICLE_DATE, async (first?: unknown, second?: unknown) => {
      const { uris, current } = targetsOf(first, second);
      if (uris.length === 0) return;
      const several = uris.length > 1;
      const value = await vscode.window.showInputBox({
        title: several ? `Article date of ${uris.length} files` : 'Article date',
        prompt: `The date relative dates in ${several ? 'these articles' : 'this article'} are resolved against (YYYY-MM-DD). Leave empty to use the date ${several ? 'each article' : 'the article'} states.`,
        value: current ?? '',
        validateInput: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'Use YYYY-MM-DD'),
      });
      if (value === undefined) return;
      await client()?.sendRequest('workspace/executeCommand', { command: SET_ARTICLE_DATE, arguments: [several ? uris : uris[0], value === '' ? null : value] });
    }),
    vscode.commands.registerCommand(IMPORT_DATES_COMMAND, async () => {
      const c = client();
      if (!c) return;
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectMany: false,
        filters: { 'Dates (CSV, JSON lines)': ['csv', 'jsonl', 'ndjson', 'json'] },
        openLabel: 'Import',
        title: 'Import Article Dates: a file of path,date[,title,source] rows',
      });
      if (!picked || picked.length === 0) return;
      const params: ImportDatesParams = { path: picked[0].fsPath };
      const result = await c.sendRequest<ImportDatesResult>(IMPORT_DATES_REQUEST, params);
      report ??= vscode.window.createOutputChannel('Article Lens Import');
      report.clear();
      for (const line of result.lines) report.appendLine(line);
      const show = 'Show Report';
      const answer = result.error
        ? await vscode.window.showErrorMessage(`Article Lens: ${result.error}${result.problems[0] ? ` (${result.problems[0]}${result.problems.length > 1 ? ', …' : ''})` : ''}`, show)
        : await vscode.window.showInformationMessage(`Article Lens: dates of ${result.changed} articles imported (${result.unchanged} already so). Undo Decision undoes the import.`, show);
      if (answer === show) report.show();
    }),
  );
}
