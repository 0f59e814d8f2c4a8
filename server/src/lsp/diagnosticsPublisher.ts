// Publishes diagnostics: the edited document's soon after a burst of edits; every open document's a little later,
// since one article's edit can change the counts another's hints rest on; the store files' problems; and, for the
// indexed articles that are not open, only whether they state no date (cheap, and what Problems should list). Only
// changed diagnostics are sent, and every timer is guarded so a failure is logged, never fatal.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import type { StoreProblem } from '../node/store';
import type { DocumentAnalysis } from '../core/model';
import type { IndexedDocument } from '../core/corpus/index';
import type { ServerContext } from './context';
import { diagnosticsFor, storeDiagnostic, undatedDiagnostics } from './features/diagnostics';
import { canonicalUri } from '../node/corpusLoader';
import { hashPair } from '../core/corpus/nameTable';

/** Closed articles looked at between two turns of the event loop. */
const CLOSED_SLICE = 500;
/**
 * Notifications about closed articles sent per slice, and the pause after a slice that sent some: a large archive
 * has tens of thousands of undated articles, and sent at once they queue in front of every answer to the editor
 * (10,000 of them kept the first article opened after a warm start uncoloured for a second).
 */
const CLOSED_SENDS = 100;
const CLOSED_PAUSE_MS = 20;

export class DiagnosticsPublisher {
  /**
   * A digest of what was last sent per document (53 bits of two hashes: a change goes unsent only if both collide).
   * The text itself was kept before: at 100,000 undated articles, 50 MB of heap for a comparison.
   */
  private readonly published = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private allTimer: NodeJS.Timeout | undefined;
  /** Articles not open with diagnostics published, and the index generation they were made at. */
  private closedPublished = new Set<string>();
  private closedGeneration = -1;
  /** The analysis each closed article's diagnostics were made from: an unchanged one is not looked at again. */
  private closedFrom = new Map<string, DocumentAnalysis>();
  /** The walk over the closed articles under way, if any; `again` when a change asked for another after it. */
  private closedWalk: { generation: number; docs: Iterator<IndexedDocument>; open: Set<string>; now: Set<string>; from: Map<string, DocumentAnalysis>; again: boolean } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly ctx: () => ServerContext,
  ) {}

  /** Schedules the document's diagnostics (soon) and every open document's (a second later). */
  schedule(uri?: string): void {
    if (uri !== undefined) {
      this.dirty.add(uri);
      this.armEdited();
    }
    if (this.allTimer) clearTimeout(this.allTimer);
    this.allTimer = setTimeout(
      () => {
        this.allTimer = undefined;
        // Spelling hints weigh the corpus's entities: while the editor types they wait for the table (server.ts).
        if (this.ctx().typing()) return this.schedule();
        this.guard(() => this.publish(this.documents.keys()));
        this.guard(() => this.publishClosed());
      },
      uri === undefined ? 100 : 1000,
    );
  }

  private armEdited(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.ctx().typing()) return this.armEdited();
      const uris = [...this.dirty];
      this.dirty.clear();
      this.guard(() => this.publish(uris));
    }, 100);
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
    this.closedWalk = undefined;
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

  /**
   * Undated-article diagnostics of the indexed articles the editor does not hold open; cleared for those gone.
   * The walk over the corpus goes a slice at a time, so at 100,000 articles it never holds up a request; a change
   * made meanwhile is seen by the next walk, started when this one ends.
   */
  private publishClosed(): void {
    if (this.closedWalk) {
      this.closedWalk.again = true;
      return;
    }
    const ctx = this.ctx();
    const open = new Set(this.documents.keys().map(canonicalUri));
    if (ctx.index.generation === this.closedGeneration && [...this.closedPublished].every((u) => !open.has(u))) return;
    this.closedWalk = { generation: ctx.index.generation, docs: ctx.index.all(), open, now: new Set(), from: new Map(), again: false };
    this.stepClosed();
  }

  private stepClosed(): void {
    try {
      this.stepClosedSlice();
    } catch (e) {
      this.closedWalk = undefined; // a failed walk is logged by the guard; the next change starts a new one
      throw e;
    }
  }

  private stepClosedSlice(): void {
    const walk = this.closedWalk;
    if (!walk) return;
    const ctx = this.ctx();
    let sent = 0;
    for (let n = 0; n < CLOSED_SLICE && sent < CLOSED_SENDS; n++) {
      const next = walk.docs.next();
      if (next.done) {
        for (const uri of this.closedPublished) if (!walk.now.has(uri) && !walk.open.has(uri) && !ctx.index.has(uri)) this.send(uri, []);
        this.closedPublished = walk.now;
        this.closedFrom = walk.from;
        this.closedGeneration = walk.generation;
        this.closedWalk = undefined;
        if (walk.again) this.publishClosed();
        return;
      }
      const doc = next.value;
      if (walk.open.has(doc.uri)) continue;
      walk.from.set(doc.uri, doc.analysis);
      // An edit elsewhere bumps the generation; the thousands of articles it did not touch cost a comparison each.
      if (this.closedFrom.get(doc.uri) === doc.analysis) {
        if (this.closedPublished.has(doc.uri)) walk.now.add(doc.uri);
        continue;
      }
      const diagnostics = undatedDiagnostics(doc);
      if (diagnostics.length === 0 && !this.closedPublished.has(doc.uri)) continue;
      if (diagnostics.length > 0) walk.now.add(doc.uri);
      if (this.send(doc.uri, diagnostics)) sent++;
    }
    if (sent > 0) setTimeout(() => this.guard(() => this.stepClosed()), CLOSED_PAUSE_MS);
    else setImmediate(() => this.guard(() => this.stepClosed()));
  }

  /** Sends a document's diagnostics unless they are those last sent; whether it sent them. */
  private send(uri: string, diagnostics: Diagnostic[], version?: number): boolean {
    // The version is part of what was sent: an article opened in the editor gets its diagnostics for that version,
    // even when they equal those published while it was closed.
    const [h1, h2] = hashPair(`${version ?? ''}\u0000${JSON.stringify(diagnostics)}`);
    const key = (h2 & 0x1fffff) * 0x100000000 + (h1 >>> 0);
    if (this.published.get(uri) === key) return false;
    this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
    return true;
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.connection.console.error(`diagnostics failed: ${(e as Error).stack ?? (e as Error).message}`);
    }
  }
}
