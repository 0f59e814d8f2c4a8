// An LSP client for the benchmark: starts the bundled server over stdio as an editor does, with a storage folder
// for its persistent index, and exposes the server's process id so its memory can be read from /proc.
import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  type ClientCapabilities,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  type InitializeResult,
  InitializedNotification,
  type ProtocolConnection,
  type Range,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './corpora';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface IndexingComplete {
  documents: number;
  skipped: number;
  ms: number;
}

export interface BenchServer {
  connection: ProtocolConnection;
  pid: number;
  initializeResult: Promise<InitializeResult>;
  /** Resolves on `articleLens/indexingComplete`, with the milliseconds since the server was spawned. */
  indexed: Promise<IndexingComplete & { elapsedMs: number }>;
  uri(file: string): string;
  open(file: string, text: string): Promise<void>;
  /** Replaces `range` of the open document with `text` (an incremental change, as an editor sends for typing). */
  edit(file: string, version: number, range: Range, text: string): Promise<void>;
  /** `VmHWM` (peak resident set) and `VmRSS` of the server process, in MiB. */
  memory(): { peakMb: number; rssMb: number };
  stop(): Promise<void>;
}

const CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, semanticTokens: { refreshSupport: true }, workspaceFolders: true, symbol: {} },
  textDocument: {
    synchronization: { didSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: false },
    references: {},
    documentHighlight: {},
    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export function startServer(folder: string, storagePath: string, server = SERVER): BenchServer {
  const spawnedAt = performance.now();
  // As the VS Code client starts it (client/src/extension.ts): with --expose-gc, so it collects at phase ends.
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', ...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (child.pid === undefined) throw new Error(`cannot start ${server}`);
  const pid = child.pid;
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));

  let resolveIndexed!: (v: IndexingComplete & { elapsedMs: number }) => void;
  let rejectIndexed!: (e: Error) => void;
  const indexed = new Promise<IndexingComplete & { elapsedMs: number }>((resolve, reject) => {
    resolveIndexed = resolve;
    rejectIndexed = reject;
  });
  let rejectExited!: (e: Error) => void;
  const exited = new Promise<never>((_, reject) => (rejectExited = reject));
  exited.catch(() => undefined);
  indexed.catch(() => undefined);
  child.once('exit', (code, signal) => {
    const e = new Error(`the server exited (${code ?? signal}) before indexing completed`);
    rejectIndexed(e);
    rejectExited(e);
  });
  connection.onNotification('articleLens/indexingComplete', (p: IndexingComplete) => resolveIndexed({ ...p, elapsedMs: performance.now() - spawnedAt }));
  // An editor answers every server request; the benchmark answers configuration with defaults and the rest with null.
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  for (const method of ['window/workDoneProgress/create', 'client/registerCapability', 'client/unregisterCapability', 'window/showMessageRequest', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/diagnostic/refresh']) {
    connection.onRequest(method, () => null);
  }
  for (const method of ['$/progress', 'window/logMessage', 'window/showMessage', 'textDocument/publishDiagnostics', 'telemetry/event']) {
    connection.onNotification(method, () => undefined);
  }
  connection.listen();

  const uri = (file: string) => pathToFileURL(path.join(folder, file)).href;
  const root = pathToFileURL(folder).href;
  const initializeResult = Promise.race([exited, connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: path.basename(folder) }],
    capabilities: CAPABILITIES,
    initializationOptions: { settings: {}, storagePath },
  })]);
  initializeResult.catch(() => undefined);
  void initializeResult.then(() => connection.sendNotification(InitializedNotification.type, {}));

  return {
    connection,
    pid,
    initializeResult,
    indexed,
    uri,
    async open(file, text) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId: 'plaintext', version: 1, text } });
    },
    async edit(file, version, range, text) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(file), version }, contentChanges: [{ range, text }] });
    },
    memory() {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    },
    async stop() {
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}
