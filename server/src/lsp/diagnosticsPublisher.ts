// Publishes diagnostics: the edited document's soon after a burst of edits; every open document's a little later,
// since one article's edit can change the counts another's hints rest on; and the store files' problems. Only
// changed diagnostics are sent, and every timer is guarded so a failure is logged, never fatal.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import type { StoreProblem } from '../node/store';
import type { ServerContext } from './context';
import { diagnosticsFor, storeDiagnostic } from './features/diagnostics';

export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private allTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly ctx: () => ServerContext,
  ) {}

  /** Schedules the document's diagnostics (soon) and every open document's (a second later). */
  schedule(uri?: string): void {
    if (uri !== undefined) {
      this.dirty.add(uri);
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        const uris = [...this.dirty];
        this.dirty.clear();
        this.guard(() => this.publish(uris));
      }, 100);
    }
    if (this.allTimer) clearTimeout(this.allTimer);
    this.allTimer = setTimeout(
      () => {
        this.allTimer = undefined;
        this.guard(() => this.publish(this.documents.keys()));
      },
      uri === undefined ? 100 : 1000,
    );
  }

  forget(uri: string): void {
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The store's problems, at the line of each file at fault; an empty list clears a file's. */
  publishStore(byFile: Map<string, StoreProblem[]>): void {
    for (const [file, problems] of byFile) {
      const uri = pathToFileURL(file).href;
      const diagnostics: Diagnostic[] = problems.map(storeDiagnostic);
      this.send(uri, diagnostics);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.allTimer) clearTimeout(this.allTimer);
  }

  private publish(uris: Iterable<string>): void {
    const ctx = this.ctx();
    for (const uri of uris) {
      // One document's failure leaves the others' diagnostics to be published.
      this.guard(() => {
        const doc = this.documents.get(uri);
        if (!doc) return;
        // Diagnostics for an analysis of an older version would point at the wrong text: wait for the new one.
        if (ctx.document(uri)?.version !== doc.version) return;
        this.send(uri, diagnosticsFor(ctx, uri), doc.version);
      });
    }
  }

  private send(uri: string, diagnostics: Diagnostic[], version?: number): void {
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.connection.console.error(`diagnostics failed: ${(e as Error).stack ?? (e as Error).message}`);
    }
  }
}
