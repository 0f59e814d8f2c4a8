// A minimal LSP client for protocol tests: starts the bundled server over stdio and speaks LSP to it.
// Nothing here sleeps: tests await responses and notifications.
import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  type ClientCapabilities,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type FileChangeType,
  InitializeRequest,
  InitializedNotification,
  type ProtocolConnection,
  type Position,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { INDEX_CHANGED, type IndexChangedParams, INDEXING_COMPLETE, type IndexingCompleteParams } from '../../server/src/protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const SEEDS = path.resolve(ROOT, '..', 'shared', 'corpus', 'seeds');
export const EXAMPLES = path.join(ROOT, 'examples', 'corpus');

export type IndexingComplete = IndexingCompleteParams;

export interface TestServer {
  connection: ProtocolConnection;
  folder: string;
  /** Resolves when the initial indexing is complete. */
  indexed: Promise<IndexingComplete>;
  /** Resolves with the exit code when the server process ends. */
  exited: Promise<number | null>;
  /** Progress notifications received, in order. */
  progress: unknown[];
  /** The messages of window/logMessage received, in order. */
  logs: string[];
  /** Resolves when the server has begun reporting indexing progress (indexing has started). */
  indexingStarted: Promise<void>;
  uri(file: string): string;
  /** Request parameters for the `nth` occurrence of `needle` in `file` (see `positionOf`). */
  at(file: string, needle: string, nth?: number, delta?: number): { textDocument: { uri: string }; position: Position };
  /** The LSP position of the `nth` occurrence (0-based) of `needle` in `file`, plus `delta` characters. */
  positionOf(file: string, needle: string, nth?: number, delta?: number): Position;
  open(file: string, text?: string): Promise<void>;
  change(file: string, version: number, text: string): Promise<void>;
  close(file: string): Promise<void>;
  fileEvent(file: string, type: FileChangeType): Promise<void>;
  /** Sends the file event for an article and resolves when the server has analysed the change into its index. */
  articleChanged(file: string, type: FileChangeType): Promise<void>;
  /** Resolves with the first message shown to the user (from now on) that satisfies `accept`. */
  message(accept: (m: { type: number; message: string }) => boolean): Promise<{ type: number; message: string }>;
  /** Resolves at the next `articleLens/indexChanged` that names `file`. */
  indexChanged(file: string): Promise<void>;
  /** Resolves at the server's next request to refresh semantic tokens (it sends one when an analysis lands late). */
  nextRefresh(): Promise<void>;
  /** Resolves with the first diagnostics published for `file` (from now on) that satisfy `accept`. */
  diagnostics(file: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** How many publishDiagnostics notifications have arrived so far. */
  diagnosticsReceived(): number;
  /** Shuts the server down; the workspace folder is deleted unless `keepFolder`. */
  stop(options?: { keepFolder?: boolean }): Promise<void>;
}

/** Copies `source` folders into a fresh temporary workspace, so tests may edit and delete files. */
export function copyCorpus(...sources: string[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-'));
  for (const source of sources) {
    for (const name of fs.readdirSync(source)) fs.copyFileSync(path.join(source, name), path.join(folder, name));
  }
  return folder;
}

const CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, semanticTokens: { refreshSupport: true }, workspaceFolders: true },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export async function startServer(folder: string, settings: unknown = {}, options: { storagePath?: string; nodeArgs?: string[] } = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const progress: unknown[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let resolveIndexed!: (v: IndexingComplete) => void;
  const indexed = new Promise<IndexingComplete>((resolve, reject) => {
    resolveIndexed = resolve;
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before indexing was complete`)));
  });
  indexed.catch(() => undefined);
  connection.onNotification(INDEXING_COMPLETE, (p: IndexingComplete) => resolveIndexed(p));
  let resolveStarted!: () => void;
  const indexingStarted = new Promise<void>((resolve) => (resolveStarted = resolve));
  connection.onNotification('$/progress', (p: unknown) => {
    progress.push(p);
    if ((p as { value?: { kind?: string } })?.value?.kind === 'begin') resolveStarted();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  const refreshWaiters: (() => void)[] = [];
  const changeWaiters: { uri: string; resolve: () => void }[] = [];
  connection.onNotification(INDEX_CHANGED, (p: IndexChangedParams) => {
    for (const w of changeWaiters.splice(0)) {
      if (p.uris.includes(w.uri)) w.resolve();
      else changeWaiters.push(w);
    }
  });
  connection.onRequest('workspace/semanticTokens/refresh', () => {
    for (const w of refreshWaiters.splice(0)) w();
    return null;
  });
  const diagnosticWaiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  let diagnosticsReceived = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnosticsReceived++;
    for (const w of [...diagnosticWaiters]) {
      if (w.uri === p.uri && w.accept(p.diagnostics)) {
        diagnosticWaiters.splice(diagnosticWaiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  const messages: { type: number; message: string }[] = [];
  const messageWaiters: { accept: (m: { type: number; message: string }) => boolean; resolve: (m: { type: number; message: string }) => void }[] = [];
  connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    messages.push(m);
    for (const w of messageWaiters.splice(0)) {
      if (w.accept(m)) w.resolve(m);
      else messageWaiters.push(w);
    }
  });
  connection.listen();

  const uri = (file: string) => pathToFileURL(path.join(folder, file)).href;
  const indexChanged = (file: string) => new Promise<void>((resolve) => changeWaiters.push({ uri: uri(file), resolve }));
  const texts = new Map<string, string>();
  // As the server reads it: without a byte-order mark.
  const textOf = (file: string) => texts.get(file) ?? fs.readFileSync(path.join(folder, file), 'utf8').replace(/^\uFEFF/, '');

  const positionOf = (file: string, needle: string, nth = 0, delta = 0): Position => {
    const text = textOf(file);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at === -1) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times in ${file}`);
    }
    return LineIndex.fromText(text).positionAt(at + delta);
  };

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
    capabilities: CAPABILITIES,
    initializationOptions: { settings, ...options },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    folder,
    indexed,
    exited,
    progress,
    logs,
    indexingStarted,
    uri,
    at: (file, needle, nth, delta) => ({ textDocument: { uri: uri(file) }, position: positionOf(file, needle, nth, delta) }),
    positionOf,
    async open(file, text) {
      const content = text ?? fs.readFileSync(path.join(folder, file), 'utf8');
      texts.set(file, content);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId: 'plaintext', version: 1, text: content } });
    },
    async change(file, version, text) {
      texts.set(file, text);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
    },
    async close(file) {
      texts.delete(file);
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(file) } });
    },
    async fileEvent(file, type) {
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(file), type }] });
    },
    indexChanged,
    message: (accept) => new Promise((resolve) => messageWaiters.push({ accept, resolve })),
    async articleChanged(file, type) {
      const landed = indexChanged(file);
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(file), type }] });
      await landed;
    },
    nextRefresh() {
      return new Promise((resolve) => refreshWaiters.push(resolve));
    },
    diagnosticsReceived: () => diagnosticsReceived,
    diagnostics(file, accept) {
      return new Promise((resolve) => diagnosticWaiters.push({ uri: uri(file), accept, resolve }));
    },
    async stop({ keepFolder = false } = {}) {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await exited;
      connection.dispose();
      if (!keepFolder) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Decodes LSP relative semantic tokens into absolute line/character/length/type tuples. */
export function decodeTokens(data: number[]): { line: number; character: number; length: number; type: number; modifiers: number }[] {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2], type: data[i + 3], modifiers: data[i + 4] });
  }
  return out;
}
