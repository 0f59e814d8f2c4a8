// The language server: wiring between the LSP connection and the corpus index.
// Handlers live one per feature in ./features; this module owns the index's lifecycle.
import * as fs from 'fs';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../core/analyze';
import { CorpusIndex, type IndexedDocument } from '../core/corpus/index';
import { EntitySearch } from '../core/queries/symbols';
import { createMatcher, findArticles, modificationDay } from '../node/files';
import { canonicalUri, filePath, loadFile, loadFiles } from '../node/corpusLoader';
import { loadRecognizers } from '../node/recognizers';
import { withAcceptedSpelling } from '../core/annotations/registry';
import { REGISTRY_PATH, loadRegistry, saveRegistry } from '../node/registryStore';
import * as path from 'path';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from './convert';
import type { ServerContext } from './context';
import { registerCodeLens } from './features/codeLens';
import { registerDefinition } from './features/definition';
import { ACCEPT_SPELLING, diagnosticsFor, registerCodeActions } from './features/diagnostics';
import { registerHighlights } from './features/highlights';
import { registerHover } from './features/hover';
import { registerReferences } from './features/references';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerSymbols } from './features/symbols';
import { DEFAULT_SETTINGS, type Settings, parseSettings } from './settings';

/** Sent when the initial indexing of the workspace is complete: `{ documents, skipped, ms }`. */
export const INDEXING_COMPLETE = 'articleLens/indexingComplete';

export function startServer(connection: Connection): void {
  const recognizers = loadRecognizers();
  const index = new CorpusIndex();
  const search = new EntitySearch(index);
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let capabilities: InitializeParams['capabilities'] = {};
  let initialProgress: WorkDoneProgressServerReporter | undefined;
  /** Open documents whose latest edit has not been analysed yet: analysed on the next request that needs them. */
  const pending = new Map<string, TextDocument>();
  let accepted = new Set<string>();
  const registryFile = () => (folders.length > 0 ? path.join(folders[0], REGISTRY_PATH) : null);
  const readRegistry = () => {
    const file = registryFile();
    if (!file) return null;
    const loaded = loadRegistry(file);
    if (!loaded.ok) {
      void connection.window.showErrorMessage(`Article Lens: ${loaded.error}`);
      return null;
    }
    for (const w of loaded.warnings) connection.console.warn(w);
    accepted = new Set(loaded.registry.acceptedSpellings.map((e) => e.spelling));
    return loaded.registry;
  };

  const referenceDateFor = (uri: string): string | null => {
    if (settings.referenceDate) return settings.referenceDate;
    const file = filePath(uri);
    if (!file) return null;
    try {
      return modificationDay(fs.statSync(file).mtimeMs);
    } catch {
      return null;
    }
  };

  const analyzeOpen = (doc: TextDocument): IndexedDocument => {
    const uri = canonicalUri(doc.uri);
    const text = doc.getText();
    return index.set(analyzeText(recognizers, uri, doc.version, text, { fallbackReferenceDate: referenceDateFor(uri) }), { text });
  };

  const ctx: ServerContext = {
    connection,
    index,
    search,
    document(uri) {
      // Every answer draws on the whole corpus, so all pending edits are analysed, not only this document's.
      ctx.sync();
      return index.get(canonicalUri(uri));
    },
    sync() {
      for (const edit of pending.values()) analyzeOpen(edit);
      pending.clear();
    },
    acceptedSpellings: () => accepted,
  };

  // Diagnostics of open documents depend on the whole corpus, so they are republished after any change, once per burst.
  let publishTimer: NodeJS.Timeout | undefined;
  const schedulePublish = () => {
    if (publishTimer) return;
    publishTimer = setTimeout(() => {
      publishTimer = undefined;
      for (const d of documents.all()) void connection.sendDiagnostics({ uri: d.uri, version: d.version, diagnostics: diagnosticsFor(ctx, d.uri) });
    }, 100);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.map(filePath).filter((p): p is string => p !== null);
    const problems: string[] = [];
    settings = parseSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings, problems);
    for (const p of problems) connection.console.warn(p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'Article Lens' },
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS }, full: true, range: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [ACCEPT_SPELLING] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: false } },
      },
      serverInfo: { name: 'Article Lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.configuration) {
      try {
        const [raw] = await connection.workspace.getConfiguration([{ section: 'articleLens' }]);
        const problems: string[] = [];
        settings = parseSettings(raw, problems);
        for (const p of problems) connection.window.showWarningMessage(`Article Lens: ${p}`);
      } catch {
        // A client that cannot answer keeps the defaults.
      }
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...settings.files.include, `**/${REGISTRY_PATH.split(path.sep).join('/')}`].map((globPattern) => ({ globPattern })),
      });
    }
    if (capabilities.window?.workDoneProgress) {
      try {
        initialProgress = await connection.window.createWorkDoneProgress();
      } catch {
        initialProgress = undefined;
      }
    }
    readRegistry();
    await indexWorkspace();
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== ACCEPT_SPELLING) return null;
    const [spelling, of] = (args ?? []) as [unknown, unknown];
    const file = registryFile();
    if (typeof spelling !== 'string' || typeof of !== 'string' || !file) return null;
    // Re-read first: the user may have edited the file by hand since we last read it.
    const registry = readRegistry();
    if (!registry) return null;
    try {
      saveRegistry(file, withAcceptedSpelling(registry, spelling, of));
    } catch (e) {
      void connection.window.showErrorMessage(`Article Lens: could not save ${file}: ${(e as Error).message}`);
      return null;
    }
    accepted = new Set([...accepted, spelling]);
    schedulePublish();
    return { accepted: spelling, of, file };
  });

  async function indexWorkspace(): Promise<void> {
    const started = Date.now();
    const files = folders.flatMap((f) => findArticles(f, settings.files));
    const progress = initialProgress;
    progress?.begin('Article Lens: indexing articles', 0, `0/${files.length}`, false);
    const skipped: string[] = [];
    const result = await loadFiles(
      // Open documents are already analysed from the editor's text; do not overwrite them with disk contents.
      files.filter((f) => !documents.get(fileUriOf(f))),
      index,
      {
        recognizers,
        referenceDate: settings.referenceDate,
        maxBytes: settings.maxFileBytes,
        onProgress: ({ done, total }) => progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done}/${total}`),
        onProblem: (o) => {
          if (!o.ok) skipped.push(o.reason);
          else if (o.warning) connection.console.warn(o.warning);
        },
      },
    );
    progress?.done();
    for (const reason of skipped) connection.console.warn(`skipped ${reason}`);
    if (skipped.length > 0) {
      void connection.window.showWarningMessage(`Article Lens: ${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped (${skipped[0]}${skipped.length > 1 ? ', …' : ''}). See the output channel for all.`);
    }
    const ms = Date.now() - started;
    connection.console.info(`indexed ${result.indexed} articles in ${ms} ms`);
    void connection.sendNotification(INDEXING_COMPLETE, { documents: index.size, skipped: skipped.length, ms });
    if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
    schedulePublish();
  }

  const fileUriOf = (file: string) => {
    const uri = canonicalUri('file://' + (file.startsWith('/') ? '' : '/') + file.replace(/\\/g, '/'));
    for (const d of documents.all()) if (canonicalUri(d.uri) === uri) return d.uri;
    return uri;
  };

  documents.onDidOpen(({ document }) => {
    pending.delete(canonicalUri(document.uri));
    analyzeOpen(document);
    schedulePublish();
  });
  documents.onDidChangeContent(({ document }) => {
    // Analysis waits for the next request, so a burst of keystrokes is analysed once.
    pending.set(canonicalUri(document.uri), document);
    schedulePublish();
  });
  documents.onDidClose(({ document }) => {
    const uri = canonicalUri(document.uri);
    pending.delete(uri);
    // The editor's unsaved text is gone: the file on disk is the article again.
    const file = filePath(uri);
    if (file && isArticle(file)) loadFile(file, index, { recognizers, referenceDate: settings.referenceDate, maxBytes: settings.maxFileBytes });
    else index.delete(uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    schedulePublish();
  });

  const isArticle = (file: string) => {
    const root = folders.find((f) => file.startsWith(f.endsWith('/') ? f : f + '/'));
    return root !== undefined && createMatcher(settings.files)(file.slice(root.length + 1));
  };

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      const registry = registryFile();
      if (registry && filePath(uri) === registry) {
        readRegistry();
        continue;
      }
      if (documents.get(change.uri) || pending.has(uri)) continue; // the editor's text wins over the disk
      const file = filePath(uri);
      if (!file) continue;
      if (change.type === FileChangeType.Deleted) {
        index.delete(uri);
        // A deleted folder arrives as one event for the folder.
        for (const doc of index.documents()) if (doc.uri.startsWith(uri.endsWith('/') ? uri : uri + '/')) index.delete(doc.uri);
      } else if (isArticle(file)) {
        const outcome = loadFile(file, index, { recognizers, referenceDate: settings.referenceDate, maxBytes: settings.maxFileBytes });
        if (!outcome.ok) connection.console.warn(`skipped ${outcome.reason}`);
      }
    }
    if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
    schedulePublish();
  });

  registerSemanticTokens(ctx);
  registerHover(ctx);
  registerDefinition(ctx);
  registerReferences(ctx);
  registerHighlights(ctx);
  registerSymbols(ctx);
  registerCodeActions(ctx);
  registerCodeLens(ctx);

  documents.listen(connection);
  connection.listen();
}
