// The document notifications as the client sends them, checked before the document store sees them. One that
// does not fit the protocol (a uri or text that is not a string, a change that is not a list of text edits) is
// dropped with a log line; a bad change to an open document drops the document, since its text is no longer
// known (the file on disk is the article again). So no document is ever held half-made.
import type { Connection, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, Disposable, NotificationHandler, TextDocuments } from 'vscode-languageserver';
import { type Log, guarded } from './guard';

/** The part of the connection a document store listens to. */
type TextDocumentConnection = Parameters<TextDocuments<never>['listen']>[0];

export interface CheckedDocumentSync {
  /** What `TextDocuments.listen` is given instead of the connection. */
  connection: TextDocumentConnection;
  /** Closes an open document as if the client had: the store forgets it and its close handlers run. */
  drop(uri: string, why: string): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUri = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isVersion = (v: unknown): v is number => Number.isSafeInteger(v);
const isPosition = (v: unknown) => isObject(v) && isCount(v.line) && isCount(v.character);

function openProblem(p: unknown): string | null {
  if (!isObject(p) || !isObject(p.textDocument)) return 'has no textDocument';
  const td = p.textDocument;
  if (!isUri(td.uri)) return 'has no uri string';
  if (typeof td.text !== 'string') return `has no text string (${td.uri})`;
  if (!isVersion(td.version)) return `has no integer version (${td.uri})`;
  return null;
}

function changeProblem(p: Record<string, unknown>): string | null {
  const td = p.textDocument as Record<string, unknown>;
  if (!isVersion(td.version)) return 'has no integer version';
  if (!Array.isArray(p.contentChanges)) return 'has no list of content changes';
  for (const c of p.contentChanges) {
    if (!isObject(c) || typeof c.text !== 'string') return 'has a content change without a text string';
    if (c.range !== undefined && !(isObject(c.range) && isPosition(c.range.start) && isPosition(c.range.end))) return 'has a content change with a malformed range';
  }
  return null;
}

export function checkedDocumentSync(connection: Connection, log: Log): CheckedDocumentSync {
  let close: NotificationHandler<DidCloseTextDocumentParams> | undefined;
  const drop = (uri: string, why: string) => {
    log(`dropped the document ${uri}: ${why}`);
    close?.({ textDocument: { uri } });
  };
  const refuse = (method: string, why: string) => log(`ignored a ${method} notification that ${why}`);
  const uriOf = (p: unknown): string | null => (isObject(p) && isObject(p.textDocument) && isUri(p.textDocument.uri) ? p.textDocument.uri : null);

  const checked: TextDocumentConnection = {
    onDidOpenTextDocument(handler: NotificationHandler<DidOpenTextDocumentParams>): Disposable {
      return connection.onDidOpenTextDocument(
        guarded(log, 'didOpen', (p: unknown) => {
          const why = openProblem(p);
          if (why) {
            refuse('didOpen', why);
            return;
          }
          const td = (p as DidOpenTextDocumentParams).textDocument;
          handler({ textDocument: { uri: td.uri, languageId: typeof td.languageId === 'string' ? td.languageId : 'plaintext', version: td.version, text: td.text } });
        }),
      );
    },
    onDidChangeTextDocument(handler: NotificationHandler<DidChangeTextDocumentParams>): Disposable {
      return connection.onDidChangeTextDocument(
        guarded(log, 'didChange', (p: unknown) => {
          const uri = uriOf(p);
          if (uri === null) {
            refuse('didChange', 'has no uri string');
            return;
          }
          const why = changeProblem(p as Record<string, unknown>);
          if (why) {
            drop(uri, `a change ${why}`);
            return;
          }
          try {
            handler(p as DidChangeTextDocumentParams);
          } catch (e) {
            drop(uri, `its change could not be applied (${(e as Error).message})`);
          }
        }),
      );
    },
    onDidCloseTextDocument(handler: NotificationHandler<DidCloseTextDocumentParams>): Disposable {
      close = handler;
      return connection.onDidCloseTextDocument(
        guarded(log, 'didClose', (p: unknown) => {
          const uri = uriOf(p);
          if (uri === null) refuse('didClose', 'has no uri string');
          else handler({ textDocument: { uri } });
        }),
      );
    },
    onWillSaveTextDocument(handler) {
      return connection.onWillSaveTextDocument(guarded(log, 'willSave', (p: unknown) => void (uriOf(p) !== null && handler(p as Parameters<typeof handler>[0]))));
    },
    onWillSaveTextDocumentWaitUntil(handler) {
      return connection.onWillSaveTextDocumentWaitUntil((p, token) => (uriOf(p) !== null ? handler(p, token) : []));
    },
    onDidSaveTextDocument(handler) {
      return connection.onDidSaveTextDocument(guarded(log, 'didSave', (p: unknown) => void (uriOf(p) !== null && handler(p as Parameters<typeof handler>[0]))));
    },
  };
  return { connection: checked, drop };
}
