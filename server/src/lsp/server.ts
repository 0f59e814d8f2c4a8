// The language server: wiring between the LSP connection and the corpus index.
// Handlers live one per feature in ./features; this module owns the index's lifecycle.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  type Connection,
  DidChangeWatchedFilesNotification,
  WatchKind,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../core/analyze';
import { CorpusIndex } from '../core/corpus/index';
import { EntitySearch } from '../core/queries/symbols';
import { readArticle } from '../node/files';
import { canonicalUri, filePath } from '../node/corpusLoader';
import { cacheIdentity } from '../node/indexCache';
import { nameModelPath } from '../node/nameModel';
import { loadRecognizers } from '../node/recognizers';
import { WorkspaceIndexer } from '../node/workspaceIndexer';
import { collectAfterPhase } from '../node/collect';
import { whenQuiet } from './idle';
import { isCalendarDay } from '../core/calendarDay';
import { isMarkdownUri } from '../core/text/article';
import { STORE_DIR } from '../node/store';
import { pathToFileURL } from 'url';
import { ANNOTATE_COMMAND, ENTITIES_CHANGED, INDEX_CHANGED, type IndexChangedParams, INDEXING_COMPLETE, type IndexingCompleteParams, SET_ARTICLE_DATE, UNDO_COMMAND } from '../protocol';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from './convert';
import type { ServerContext } from './context';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { OpenDocumentAnalyzer } from './openDocuments';
import { articleTest, sortFileEvents } from './fileEvents';
import { checkedDocumentSync } from './documentSync';
import { errorText, guarded } from './guard';
import { ANNOTATE_KIND, annotationActions, runAnnotate } from './features/annotate';
import { registerCodeLens } from './features/codeLens';
import { registerDecisions } from './features/decisions';
import { registerEntitiesView } from './features/entitiesView';
import { registerGraph } from './features/graph';
import { registerExport } from './features/exportAnnotations';
import { registerImport } from './features/importAnnotations';
import { registerImportDates } from './features/importDates';
import { registerMap } from './features/map';
import { registerDefinition } from './features/definition';
import { spellingFixes } from './features/diagnostics';
import { registerHighlights } from './features/highlights';
import { registerRename } from './features/rename';
import { registerHover } from './features/hover';
import { registerReferences } from './features/references';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerSymbols } from './features/symbols';
import { registerTimeline } from './features/timeline';
import { registerTimelineData } from './features/timelineData';
import { DEFAULT_SETTINGS, type Settings, parseSettings } from './settings';
import { UserStore } from './userStore';

const PERSIST_AFTER_INDEXING_MS = 1000;
/**
 * A pause in typing this long brings the entity table up to date with the edits. Shorter than a person's pause
 * after a word would resolve between keystrokes, and the next keystroke would wait for it.
 */
const SETTLE_AFTER_TYPING_MS = 500;
/** However busy the editor, the table is brought up to date this long after the first edit of a burst. */
const SETTLE_AT_MOST_MS = 3000;
const WARM_UP = 'Harbour talks resume\n\nPORT ASTER, March 4, 2024 - Prime Minister Helena Marsh met the Velorian Harbour Authority on Monday and said the Kessel Bridge would reopen in late July.\n';

export function startServer(connection: Connection): void {
  const recognizers = loadRecognizers();
  /** A message for the user: a notification, which every client accepts (a request would fail on clients without it). */
  const tell = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  let settings: Settings = DEFAULT_SETTINGS;
  // Documents indexed from a worker or the cache are read again only when a hover needs a snippet.
  const index = new CorpusIndex({
    loadText: (uri) => {
      const file = filePath(uri);
      const read = file ? readArticle(file, settings.maxFileBytes) : null;
      return read?.ok ? read.text : '';
    },
  });
  const search = new EntitySearch(index);
  const documents = new TextDocuments(TextDocument);
  const logError = (message: string) => connection.console.error(message);
  // Document notifications are checked before the store sees them; a document that cannot be handled is dropped.
  const documentSync = checkedDocumentSync(connection, logError);
  /** Canonical uris of the documents the editor holds open: their text wins over the disk. */
  const open = new Set<string>();
  let folders: string[] = [];
  let storagePath: string | null = null;
  let indexer: WorkspaceIndexer | undefined;
  let persistTimer: NodeJS.Timeout | undefined;
  let capabilities: InitializeParams['capabilities'] = {};
  let initialProgress: WorkDoneProgressServerReporter | undefined;
  /** Open documents whose latest edit has not been analysed yet: analysed on the next request that needs them. */
  const pending = new Map<string, TextDocument>();
  // The user's store: decisions handed to the index; problems shown at their line (once as a message, too).
  const toldProblems = new Set<string>();
  const store = new UserStore(
    index,
    () => folders,
    (byFile) => {
      publisher.publishStore(byFile);
      for (const [file, problems] of byFile) {
        const fatal = problems.find((p) => p.severity === 'error');
        const key = `${file}\u0000${fatal?.message}`;
        if (fatal && !toldProblems.has(key)) {
          toldProblems.add(key);
          tell(MessageType.Error, `Article Lens: ${file}:${fatal.line + 1}: ${fatal.message}`);
        }
        for (const p of problems) connection.console.warn(`${file}:${p.line + 1}: ${p.message}`);
      }
    },
    // A date added, changed or removed (by a command, a hand edit, a git pull) applies at once.
    (files) => {
      if (indexer) for (const file of files) reanalyze(file);
    },
  );
  const userDateFor = (file: string) => store.userDateFor(file);

  const openDocuments = new OpenDocumentAnalyzer({
    index,
    recognizers,
    documents,
    isOpen: (uri) => open.has(uri),
    settings: () => settings,
    userDateFor,
    tell,
    log: connection.console,
    landed: (uri) => {
      if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
      schedulePublish(uri);
    },
  });
  const analyzeOpen = (doc: TextDocument) => openDocuments.analyze(doc);

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
      // One document's failure is that document's: it is dropped, and the others are analysed.
      const edits = [...pending.values()];
      pending.clear();
      for (const edit of edits) {
        try {
          analyzeOpen(edit);
        } catch (e) {
          documentSync.drop(edit.uri, `its analysis failed: ${errorText(e)}`);
        }
      }
    },
    store,
    openVersion(uri) {
      return documents.get(uri)?.version ?? null;
    },
    indexing: () => indexingNow,
    typing: () => typing,
    refresh() {
      if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
      if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
      void connection.sendNotification(ENTITIES_CHANGED);
      publisher.schedule();
    },
  };

  const publisher = new DiagnosticsPublisher(connection, documents, () => ctx);
  const schedulePublish = (uri?: string) => publisher.schedule(uri);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.map(filePath).filter((p): p is string => p !== null);
    const problems: string[] = [];
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; storagePath?: unknown };
    settings = parseSettings(options.settings, problems);
    storagePath = typeof options.storagePath === 'string' && options.storagePath !== '' ? options.storagePath : null;
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ANNOTATE_KIND] },
        codeLensProvider: { resolveProvider: false },
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [ANNOTATE_COMMAND, UNDO_COMMAND, SET_ARTICLE_DATE] },
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
        for (const p of problems) tell(MessageType.Warning, `Article Lens: ${p}`);
      } catch {
        // A client that cannot answer keeps the defaults.
      }
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          ...[...settings.files.include, `**/${STORE_DIR}/**`].map((globPattern) => ({ globPattern })),
          // A deleted folder is reported for the folder alone, which the article patterns do not match.
          { globPattern: '**/*', kind: WatchKind.Delete },
        ],
      });
    }
    if (capabilities.window?.workDoneProgress) {
      try {
        initialProgress = await connection.window.createWorkDoneProgress();
      } catch {
        initialProgress = undefined;
      }
    }
    store.reload();
    // Documents opened before the settings and the store were read are analysed again with them.
    for (const d of documents.all()) analyzeOpen(d);
    indexing = indexWorkspace();
    await indexing;
  });

  /** While the workspace is indexed, open articles are coloured from the entity table as last built. */
  let indexingNow = false;
  /** Open articles were edited and the entity table not brought up to date since: settleEntities does that. */
  let typing = false;
  let settling = false;
  /**
   * Typing changes an article's names, and bringing the entity table up to date with them costs what the names
   * reach (at 100,000 articles, a common name's count changing reaches thousands of names: 30-200 ms). So while the
   * editor types, the article is coloured from the table as last built, and its diagnostics wait; once the editor
   * has been quiet a moment the table is brought up to date, and the client asks for tokens and diagnostics again.
   * A question that needs the table meanwhile (a hover, references) brings it up to date itself.
   */
  const settleEntities = () => {
    typing = true;
    if (settling) return;
    settling = true;
    void whenQuiet(SETTLE_AFTER_TYPING_MS, SETTLE_AT_MOST_MS).then(
      guarded(logError, 'bringing the entities up to date', () => {
        settling = false;
        typing = false;
        ctx.sync();
        void index.entityTableVersion;
        // Tokens were answered from the table as it was (a hover meanwhile may have brought it up to date since).
        if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
        publisher.schedule();
      }),
    );
  };
  /** The indexing under way (or the last one): a re-indexing after a settings change waits for it. */
  let indexing: Promise<void> = Promise.resolve();

  // A change of the date settings changes every article's values: the open documents and the workspace are analysed
  // again (the cache, written with the other settings, is not used). Other settings take a restart (the client asks).
  connection.onDidChangeConfiguration(
    guarded(logError, 'a settings change', (params: { settings?: unknown } | undefined) => {
      const sent = params?.settings && typeof params.settings === 'object' ? (params.settings as Record<string, unknown>).articleLens : undefined;
      const read: Promise<unknown> =
        sent !== undefined ? Promise.resolve(sent) : capabilities.workspace?.configuration ? connection.workspace.getConfiguration({ section: 'articleLens' }) : Promise.resolve(undefined);
      void read.then(
        guarded(logError, 'a settings change', (raw: unknown) => {
          if (raw === undefined) return;
          const problems: string[] = [];
          const next = parseSettings(raw, problems);
          for (const p of problems) tell(MessageType.Warning, `Article Lens: ${p}`);
          const datesChanged = next.dateFallback !== settings.dateFallback || next.referenceDate !== settings.referenceDate;
          settings = { ...next, files: settings.files };
          if (!datesChanged || !indexer) return;
          indexing = indexing.then(async () => {
            persist();
            for (const d of documents.all()) analyzeOpen(d);
            await indexWorkspace();
            ctx.refresh();
          });
        }),
        (e: Error) => logError(`reading the settings failed: ${e.message}`),
      );
    }),
  );

  /** Analyses an article again after its date changed: from the editor's text when open, else from disk. */
  const reanalyze = (file: string) => {
    const uri = canonicalUri(pathToFileURL(file).href);
    const openDoc = documents.all().find((d) => canonicalUri(d.uri) === uri);
    if (openDoc) analyzeOpen(openDoc);
    else void reloadFromDisk([file], []).catch((e) => logError(`reading ${file} again: ${errorText(e)}`));
    schedulePersist();
  };

  /**
   * Files changed on disk are analysed in the background; requests meanwhile see their previous analysis.
   * When all have landed, views refresh and the client hears which articles changed.
   */
  const reloadFromDisk = async (files: string[], gone: string[]) => {
    const current = indexer;
    if (!current) return;
    const outcomes = await Promise.all(files.map((file) => current.reload(file, (uri) => open.has(uri))));
    if (current !== indexer) return; // the workspace was indexed again meanwhile
    for (const outcome of outcomes) if (outcome && !outcome.ok) connection.console.warn(`skipped ${outcome.reason}`);
    for (const outcome of outcomes) if (outcome?.ok && outcome.warning) connection.console.warn(outcome.warning);
    schedulePersist();
    ctx.refresh();
    const uris = [...files, ...gone].map((f) => canonicalUri(pathToFileURL(f).href));
    void connection.sendNotification(INDEX_CHANGED, { uris } satisfies IndexChangedParams);
  };

  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command === ANNOTATE_COMMAND) {
      const result = runAnnotate(ctx, args?.[0]);
      tell(result.ok ? MessageType.Info : MessageType.Error, result.message);
      return result;
    }
    if (command === UNDO_COMMAND) {
      const result = store.undo();
      if (result.ok) ctx.refresh();
      const message = `Article Lens: ${result.ok ? result.summary : result.message}`;
      tell(result.ok ? MessageType.Info : MessageType.Warning, message);
      return { ok: result.ok, message };
    }
    if (command === SET_ARTICLE_DATE) {
      const [uri, date] = (args ?? []) as [unknown, unknown];
      const several = Array.isArray(uri) && uri.length > 0 && uri.every((u) => typeof u === 'string');
      if (!(typeof uri === 'string' || several) || !(date === null || isCalendarDay(date))) {
        tell(MessageType.Error, 'Article Lens: the article date must be a day written YYYY-MM-DD, for articles in the workspace.');
        return null;
      }
      // Saving re-reads the store, which re-analyses the articles whose date changed.
      const result = several ? store.setArticleDates(uri as string[], date) : store.setArticleDate(uri as string, date);
      if (!result.ok) {
        tell(MessageType.Error, `Article Lens: ${result.message}`);
        return null;
      }
      ctx.refresh();
      if (several) tell(MessageType.Info, `Article Lens: ${result.summary}`);
      return { date, file: result.files[0] ?? null };
    }
    return null;
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const fixes = spellingFixes(ctx, textDocument, context.diagnostics, ctx.openVersion(textDocument.uri));
    const only = context.only;
    const wantsAnnotations = !only || only.some((k) => ANNOTATE_KIND.startsWith(k) || k === ANNOTATE_KIND);
    return [...fixes, ...(wantsAnnotations ? annotationActions(ctx, doc, range) : [])];
  });

  async function indexWorkspace(): Promise<void> {
    indexingNow = true;
    try {
      await indexWorkspaceNow();
    } finally {
      indexingNow = false;
    }
  }

  async function indexWorkspaceNow(): Promise<void> {
    const started = Date.now();
    const cache = storagePath ? { dir: storagePath, identity: cacheIdentity(nameModelPath(), settings.referenceDate, settings.dateFallback) } : null;
    indexer = new WorkspaceIndexer(index, recognizers, { ...settings, userDateFor }, cache, true, openDocuments.worker);
    const progress = initialProgress;
    initialProgress = undefined; // a reporter is used once: a later re-indexing reports none
    progress?.begin('Article Lens: indexing articles', 0, undefined, false);
    const report = await indexer.indexFolders(folders, {
      isOpen: (uri) => open.has(uri),
      onProgress: (done, total) => {
        progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done}/${total} articles`);
        // The main thread mostly waits for the workers: it indexes some of the names found so far meanwhile, and
        // compiles the recognisers for the articles the editor will open.
        index.prepareEntities(250);
        if (done > 0 && done < total) setImmediate(warmUp);
      },
    });
    // Resolve the entity table now, so the first request after indexing does not pay for it.
    progress?.report(100, 'resolving entities');
    void index.entityTableVersion;
    // The workers' copies of every analysis and the resolution's working sets are garbage now (node/collect.ts).
    if (report.analysed > 0) logCollected('indexing', collectAfterPhase());
    indexingNow = false;
    progress?.done();
    for (const note of report.notes) connection.console.info(note);
    for (const warning of report.warnings) connection.console.warn(warning);
    for (const reason of report.skipped) connection.console.warn(`skipped ${reason}`);
    if (report.skipped.length > 0) {
      const n = report.skipped.length;
      tell(MessageType.Warning, `Article Lens: ${n} file${n === 1 ? '' : 's'} skipped (${report.skipped[0]}${n > 1 ? ', …' : ''}). See the output channel for all.`);
    }
    const ms = Date.now() - started;
    connection.console.info(`indexed ${report.documents} articles in ${ms} ms (${report.fromCache} from the cache, ${report.analysed} analysed)`);
    // Tokens, code lenses ("shared with N other articles") and diagnostics were answered on a partial index.
    ctx.refresh();
    // Last, so a client that waits for it has seen everything indexing sent.
    void connection.sendNotification(INDEXING_COMPLETE, { documents: report.documents, skipped: report.skipped.length, fromCache: report.fromCache, clustersFromCache: report.clustersFromCache, ms } satisfies IndexingCompleteParams);
    setImmediate(warmUp);
    // Clusters restored from the cache leave the resolver's index of the keys to build: a slice at a time, when idle.
    const prepareSlice = guarded(logError, 'preparing the entities', () => {
      if (!index.prepareEntities(500)) setTimeout(prepareSlice, 10);
    });
    setTimeout(prepareSlice, 50);
    schedulePublish();
    // The cache is written once the editor's first questions after indexing are answered (its first step takes a
    // snapshot of the entities: a few hundred milliseconds at 100,000 articles); a shutdown meanwhile writes it whole.
    persistTimer = setTimeout(guarded(logError, 'saving the index cache', () => {
      persistTimer = undefined;
      persistInBackground();
    }), PERSIST_AFTER_INDEXING_MS);
  }

  // The main thread analyses only open documents; the first would otherwise pay for compiling the recognisers' code
  // and building chrono-node's parsers. A sentence of our own does that once, while workers index or after.
  let warmedUp = false;
  const warmUp = guarded(logError, 'warm-up', () => {
    if (warmedUp) return;
    warmedUp = true;
    analyzeText(recognizers, 'warm-up:', 0, WARM_UP, { fallbackReferenceDate: '2024-03-04' });
  });

  const persist = () => {
    const problem = indexer?.persist();
    if (problem) connection.console.warn(problem);
  };
  const logCollected = (phase: string, collected: ReturnType<typeof collectAfterPhase>) => {
    if (collected) connection.console.info(`collected garbage after ${phase}: heap ${collected.beforeMb} MB -> ${collected.afterMb} MB`);
  };
  /**
   * The cache is cut into slices here (a few milliseconds each), in the gaps between the editor's messages or a
   * quarter of a second apart in a burst of them, and made and written by a worker thread. No garbage is collected
   * after it: it ends whenever it ends, and a full collection of a large heap while the user typed held a
   * keystroke's tokens for 366 ms in the 100k bench.
   */
  const persistInBackground = () => {
    void indexer?.persistInBackground(() => whenQuiet(10, 250)).then((problem) => {
      if (problem) connection.console.warn(problem);
    });
  };
  /** After changes on disk, the cache is written once things are quiet again. */
  const schedulePersist = () => {
    if (persistTimer) clearTimeout(persistTimer);
    persistTimer = setTimeout(
      guarded(logError, 'saving the index cache', () => {
        persistTimer = undefined;
        persistInBackground();
      }),
      5000,
    );
  };
  connection.onShutdown(() => {
    if (persistTimer) clearTimeout(persistTimer);
    persist();
    openDocuments.dispose();
    publisher.dispose();
  });

  // A document the handlers below fail on is dropped: the editor's text is then not used, the disk's is.
  const orDrop = (what: string, f: (document: TextDocument) => void) => ({ document }: { document: TextDocument }) => {
    try {
      f(document);
    } catch (e) {
      documentSync.drop(document.uri, `${what} failed: ${errorText(e)}`);
    }
  };
  /**
   * A Markdown file is an article only where the include patterns say so, whatever the client sends: most
   * folders hold READMEs, and an editor configured for every `.md` would otherwise colour them all.
   */
  const isWanted = (uri: string) => {
    if (!isMarkdownUri(uri)) return true;
    const file = filePath(canonicalUri(uri));
    return file !== null && isArticle(file);
  };
  /** The document just opened: its content change, which the document store fires right after, is no edit. */
  let opening: TextDocument | undefined;
  documents.onDidOpen(
    orDrop('opening it', (document) => {
      opening = document;
      if (!isWanted(document.uri)) return;
      open.add(canonicalUri(document.uri));
      pending.delete(canonicalUri(document.uri));
      analyzeOpen(document);
      schedulePublish(document.uri);
    }),
  );
  documents.onDidChangeContent(
    orDrop('its change', (document) => {
      if (document === opening) {
        // Analysed as it was opened: not again at the next request, and it starts no burst of typing.
        opening = undefined;
        return;
      }
      if (!open.has(canonicalUri(document.uri))) return; // a document not taken in when it was opened
      // Analysis waits for the next request, so a burst of keystrokes is analysed once.
      pending.set(canonicalUri(document.uri), document);
      settleEntities();
      schedulePublish(document.uri);
    }),
  );
  documents.onDidClose(guarded(logError, 'closing a document', ({ document }: { document: TextDocument }) => {
    const uri = canonicalUri(document.uri);
    pending.delete(uri);
    open.delete(uri);
    openDocuments.forget(uri);
    // The editor's unsaved text is gone: the file on disk is the article again.
    const file = filePath(uri);
    if (file && indexer && isArticle(file)) void reloadFromDisk([file], []).catch((e) => logError(`reading ${file} again: ${errorText(e)}`));
    else index.delete(uri);
    publisher.forget(document.uri);
    schedulePublish();
  }));

  const isArticle = articleTest(() => folders, () => settings);

  connection.onDidChangeWatchedFiles((params) => {
    const current = indexer;
    const { storeChanged, reloaded, gone } = sortFileEvents(params?.changes, {
      index,
      isStoreFile: (file) => store.isStoreFile(file),
      isOpen: (uri) => open.has(uri),
      // Before the first indexing, the indexer reads every article anyway.
      isArticle: (file) => current !== undefined && isArticle(file),
      forget: (file) => current?.forget(file),
      logError,
    });
    if (storeChanged) store.reload();
    schedulePersist();
    ctx.refresh();
    if (reloaded.length > 0 || gone.length > 0) void reloadFromDisk(reloaded, gone).catch((e) => logError(`reading changed files: ${errorText(e)}`));
  });

  registerSemanticTokens(ctx);
  registerHover(ctx);
  registerDefinition(ctx);
  registerReferences(ctx);
  registerHighlights(ctx);
  registerSymbols(ctx);
  registerCodeLens(ctx);
  registerTimeline(ctx);
  registerTimelineData(ctx);
  registerRename(ctx);
  registerDecisions(ctx);
  registerEntitiesView(ctx);
  registerMap(ctx);
  registerGraph(ctx);
  registerExport(ctx, () => folders);
  registerImport(ctx, () => folders);
  registerImportDates(ctx, () => folders);

  documents.listen(documentSync.connection);
  connection.listen();
}
