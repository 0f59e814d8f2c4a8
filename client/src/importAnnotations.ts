// Article Lens: Import Annotations...: pick a format and the file or folder, the server checks every span against
// the article's text and writes the decisions (the same as `article-lens import`); a message says how many came
// in, and which files were refused and why, with the full report a click away. One Undo Decision undoes it all.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_REQUEST, type ImportParams, type ImportResult } from '../../server/src/protocol';

const FORMATS: { name: string; label: string; detail: string; folders: boolean; filters: Record<string, string[]> }[] = [
  { name: 'brat', label: 'brat standoff', detail: 'a folder of .ann files beside their .txt (brat, INCEpTION, an Article Lens export)', folders: true, filters: { brat: ['ann'] } },
  { name: 'jsonl', label: 'JSONL with character spans', detail: 'spaCy and Prodigy: {"text", "spans", "meta"} a line', folders: false, filters: { 'JSON lines': ['jsonl', 'json'] } },
  { name: 'doccano', label: 'doccano', detail: 'sequence labelling JSON lines: {"text", "label"}', folders: false, filters: { 'JSON lines': ['jsonl', 'json'] } },
  { name: 'label-studio', label: 'Label Studio tasks', detail: 'annotations as decisions, predictions left to the recogniser', folders: false, filters: { JSON: ['json'] } },
];

export function registerImportCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  let report: vscode.OutputChannel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand('articleLens.importAnnotations', async () => {
      const c = client();
      if (!c) return;
      const format = await vscode.window.showQuickPick(
        FORMATS.map((f) => ({ ...f, description: f.name })),
        { title: 'Import Annotations: format', placeHolder: 'The format of the files to import', matchOnDetail: true },
      );
      if (!format) return;
      const mode = await vscode.window.showQuickPick(
        [
          { label: 'As the file says', description: 'recommended', detail: 'a file that marks its decisions (an export, Label Studio) lists every mention; any other adds its spans', mode: undefined },
          { label: 'Add to the recogniser\'s mentions', detail: 'the file\'s spans become decisions; the recogniser\'s other mentions stay', mode: 'add' as const },
          { label: 'Replace the recogniser\'s mentions', detail: 'a mention the file does not list is marked not an entity', mode: 'replace' as const },
        ],
        { title: 'Import Annotations: how' },
      );
      if (!mode) return;
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: format.folders,
        canSelectFiles: true,
        canSelectMany: false,
        filters: format.filters,
        openLabel: 'Import',
        title: `Import Annotations: ${format.label} ${format.folders ? 'file or folder' : 'file'}`,
      });
      if (!picked || picked.length === 0) return;
      const params: ImportParams = { format: format.name, path: picked[0].fsPath, mode: mode.mode };
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Importing ${format.label} annotations…` },
        () => c.sendRequest<ImportResult>(IMPORT_REQUEST, params),
      );
      if (result.lines.length > 0) {
        report ??= vscode.window.createOutputChannel('Article Lens Import');
        report.clear();
        for (const line of result.lines) report.appendLine(line);
      }
      if (result.error) {
        void vscode.window.showErrorMessage(`Article Lens: ${result.error}`);
        return;
      }
      const show = 'Show Report';
      const refused = result.files.filter((f) => !f.imported);
      const counts = `${result.decided} decisions from ${result.files.length - refused.length} of ${result.files.length} files${result.rejected > 0 ? `, ${result.rejected} mentions not in the files marked not an entity` : ''}`;
      const answer =
        refused.length > 0
          ? await vscode.window.showWarningMessage(`Article Lens: imported ${counts}. Not imported: ${refused.slice(0, 3).map((f) => `${f.file} (${f.problems[0] ?? 'no reason given'})`).join('; ')}${refused.length > 3 ? ` and ${refused.length - 3} more` : ''}.`, show)
          : await vscode.window.showInformationMessage(`Article Lens: imported ${counts}. Undo Decision undoes the import.`, show);
      if (answer === show) report?.show();
    }),
  );
}
