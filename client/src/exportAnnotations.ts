// Article Lens: Export Annotations...: pick a format and a folder, the server writes the files (the same as
// `article-lens export`), and a message says how much was written with a button to open the folder.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../server/src/protocol';

const FORMATS: { name: string; label: string; detail: string }[] = [
  { name: 'brat', label: 'brat standoff', detail: 'a .ann beside a copy of each .txt, and annotation.conf (brat, INCEpTION)' },
  { name: 'w3c', label: 'W3C Web Annotation', detail: 'one JSON-LD AnnotationCollection with quote and position selectors' },
  { name: 'conll', label: 'CoNLL (IOB2)', detail: 'one token a line, names as PER ORG LOC MISC' },
  { name: 'jsonl', label: 'JSONL with character spans', detail: 'spaCy and Prodigy' },
  { name: 'doccano', label: 'doccano', detail: 'sequence labelling JSON lines' },
  { name: 'label-studio', label: 'Label Studio tasks', detail: 'confirmed mentions as annotations, the others as predictions' },
  { name: 'csv', label: 'CSV of entities', detail: 'one row per entity, for a spreadsheet' },
];

export function registerExportCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('articleLens.exportAnnotations', async () => {
      const c = client();
      if (!c) return;
      const picked = await vscode.window.showQuickPick(
        FORMATS.map((f) => ({ ...f, description: f.name })),
        { title: 'Export Annotations: format', placeHolder: 'The format to write', matchOnDetail: true },
      );
      if (!picked) return;
      const scope = await vscode.window.showQuickPick(
        [
          { label: 'Every mention', description: 'the recogniser\'s and your decisions, each marked', onlyConfirmed: false },
          { label: 'Your decisions only', description: '--only-confirmed', onlyConfirmed: true },
        ],
        { title: 'Export Annotations: what' },
      );
      if (!scope) return;
      const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here', title: 'Export Annotations: folder' });
      if (!folder || folder.length === 0) return;
      const params: ExportParams = { format: picked.name, out: folder[0].fsPath, onlyConfirmed: scope.onlyConfirmed };
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Exporting annotations as ${picked.label}…` },
        () => c.sendRequest<ExportResult>(EXPORT_REQUEST, params),
      );
      if (result.error) {
        void vscode.window.showErrorMessage(`Article Lens: ${result.error}`);
        return;
      }
      const open = 'Open Folder';
      const answer = await vscode.window.showInformationMessage(
        `Article Lens: exported ${result.mentions} mentions of ${result.articles} articles as ${picked.label} (${result.files} files).`,
        open,
      );
      if (answer === open) await vscode.commands.executeCommand('revealFileInOS', folder[0]);
    }),
  );
}
