// The VS Code side of Article Lens: starts the language server and registers client-only commands.
// No analysis happens here.
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { GRAPH_REQUEST, type GraphResult, PICK_ARTICLE_DATE, SHOW_MENTIONS, SHOW_RELATED, TIMELINE_REQUEST } from '../../server/src/protocol';
import { registerArticleDateCommands } from './articleDates';
import { registerAnnotationCommands } from './annotate';
import { corpusChanges } from './corpusEvents';
import { registerEntitiesView } from './entitiesView';
import { registerFindEntity } from './findEntity';
import { registerMapView } from './mapView';
import { registerExportCommand } from './exportAnnotations';
import { registerImportCommand } from './importAnnotations';
import { registerTimelineView } from './timelineView';
import { registerWebview } from './webviews/panel';
import { MAX_RESTARTS, RestartPolicy, WINDOW_MS } from './restarts';

let client: LanguageClient | undefined;

/** Read-only documents the extension shows (the timeline as markdown), served from memory. */
const VIRTUAL_SCHEME = 'article-lens';
const virtualDocuments = new Map<string, string>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const virtualChanged = new vscode.EventEmitter<vscode.Uri>();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // --expose-gc: the server collects garbage at the end of a cold index (server/src/node/collect.ts).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc', '--nolazy', '--inspect=6009'] } },
  };
  const config = vscode.workspace.getConfiguration('articleLens');
  const include = config.get<string[]>('files.include', ['**/*.txt', '**/*.article']);
  // Markdown files are articles only where the settings say so: the editor menu follows (a README stays a README).
  void vscode.commands.executeCommand('setContext', 'articleLens.markdownArticles', coversMarkdown(include));
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    // A server that dies is started again, up to a limit, and the user is told once (not at every restart).
    errorHandler: {
      // As the default handler: a few errors on the connection in a row are borne, then it is shut down (and closed).
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () => {
        const decision = restarts.crashed();
        if (decision.restart) {
          if (decision.tell) void vscode.window.showWarningMessage('Article Lens: the language server stopped unexpectedly and was restarted. Run "Article Lens: Show Output" to see why.');
          return { action: CloseAction.Restart, handled: true };
        }
        const minutes = WINDOW_MS / 60_000;
        if (decision.tell) void vscode.window.showErrorMessage(`Article Lens: the language server stopped ${MAX_RESTARTS + 1} times in ${minutes} minutes and is not restarted again. Run "Article Lens: Restart Language Server" to try again.`);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    documentSelector: [{ scheme: 'file', language: 'article' }, ...include.map((pattern) => ({ scheme: 'file', pattern }))],
    initializationOptions: { settings: config, storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath },
    synchronize: { configurationSection: 'articleLens' },
    // A hover on a date in an undated article links to Set Article Date, a card that leaves articles out to the
    // peek of every mention; no other command may run from a hover.
    markdown: { isTrusted: { enabledCommands: [PICK_ARTICLE_DATE, SHOW_MENTIONS] } },
  };
  client = new LanguageClient('articleLens', 'Article Lens', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('articleLens.restartServer', async () => {
      restarts.reset();
      await client?.restart();
    }),
    vscode.commands.registerCommand('articleLens.showOutput', () => client?.outputChannel.show()),
    vscode.commands.registerCommand(SHOW_RELATED, async (related: { uri: string; title: string; shared: number }[] = []) => {
      const pick = await vscode.window.showQuickPick(
        related.map((r) => {
          const uriPath = vscode.Uri.parse(r.uri).path;
          const file = uriPath.slice(uriPath.lastIndexOf('/') + 1);
          return { label: r.title || file, description: `${file} · ${r.shared} shared entit${r.shared === 1 ? 'y' : 'ies'}`, uri: r.uri };
        }),
        { placeHolder: 'Articles that share entities with this one', matchOnDescription: true },
      );
      if (pick) await vscode.window.showTextDocument(vscode.Uri.parse(pick.uri));
    }),
    virtualChanged,
    vscode.workspace.registerTextDocumentContentProvider(VIRTUAL_SCHEME, { onDidChange: virtualChanged.event, provideTextDocumentContent: (uri) => virtualDocuments.get(uri.path) ?? '' }),
    vscode.commands.registerCommand('articleLens.showTimelineMarkdown', async () => {
      if (!client) return;
      const { markdown } = await client.sendRequest<{ markdown: string }>(TIMELINE_REQUEST);
      virtualDocuments.set('/timeline.md', markdown);
      const uri = vscode.Uri.from({ scheme: VIRTUAL_SCHEME, path: '/timeline.md' });
      virtualChanged.fire(uri);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The date settings (`referenceDate`, `dates.fallback`) reach the server, which analyses the articles again itself.
      if (e.affectsConfiguration('articleLens.files') || e.affectsConfiguration('articleLens.maxFileSizeMB')) {
        const choice = await vscode.window.showInformationMessage('Article Lens settings changed. Re-index the workspace now?', 'Restart server');
        if (choice) await client?.restart();
      }
    }),
  );
  registerAnnotationCommands(context, () => client);
  registerExportCommand(context, () => client);
  registerImportCommand(context, () => client);
  registerArticleDateCommands(context, () => client);
  registerFindEntity(context, () => client);
  const started = client.start();
  const changes = corpusChanges(context, () => client, started);
  registerEntitiesView(context, () => client, started, changes);
  registerMapView(context, () => client, started, changes);
  registerTimelineView(context, () => client, changes);
  registerWebview(context, () => client, 'articleLens.showGraph', { viewType: 'articleLens.graph', title: 'Article Lens: Graph', script: 'graph.js', load: (c, params) => c.sendRequest<GraphResult>(GRAPH_REQUEST, params ?? {}) }, changes);
  await started;
}

/** Whether any include pattern takes in Markdown files (a `.md` somewhere below a folder). */
function coversMarkdown(include: readonly string[]): boolean {
  const matches = picomatch([...include], { dot: true });
  return ['a.md', 'articles/a.md', 'articles/2024/a.md', 'a.markdown'].some((p) => matches(p)) || include.some((p) => /\.(?:md|markdown)\b|[,{]md\b|\*$/.test(p));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
