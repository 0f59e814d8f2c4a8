// The VS Code side of Article Lens: starts the language server and registers client-only commands.
// No analysis happens here.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const config = vscode.workspace.getConfiguration('articleLens');
  const include = config.get<string[]>('files.include', ['**/*.txt', '**/*.article']);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'article' }, ...include.map((pattern) => ({ scheme: 'file', pattern }))],
    initializationOptions: { settings: config, storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath },
    synchronize: { configurationSection: 'articleLens' },
  };
  client = new LanguageClient('articleLens', 'Article Lens', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('articleLens.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('articleLens.showOutput', () => client?.outputChannel.show()),
    vscode.commands.registerCommand('articleLens.showRelatedArticles', async (related: { uri: string; title: string; shared: number }[] = []) => {
      const pick = await vscode.window.showQuickPick(
        related.map((r) => ({ label: r.title || r.uri, description: `${r.shared} shared entit${r.shared === 1 ? 'y' : 'ies'}`, uri: r.uri })),
        { placeHolder: 'Articles that share entities with this one', matchOnDescription: true },
      );
      if (pick) await vscode.window.showTextDocument(vscode.Uri.parse(pick.uri));
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('articleLens.files') || e.affectsConfiguration('articleLens.referenceDate') || e.affectsConfiguration('articleLens.maxFileSizeMB')) {
        const choice = await vscode.window.showInformationMessage('Article Lens settings changed. Re-index the workspace now?', 'Restart server');
        if (choice) await client?.restart();
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
