// Analysis of the documents the editor holds open: a short one at once, on the main thread; a large one in the
// background worker, one analysis at a time per document (requests see its previous analysis until the new one
// lands); one over the size limit not at all, and the user is told once.
import * as fs from 'fs';
import { type Connection, MessageType, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Recognizers, analyzeText } from '../core/analyze';
import type { CorpusIndex, IndexedDocument } from '../core/corpus/index';
import type { DocumentAnalysis } from '../core/model';
import { BackgroundAnalyzer, LARGE_TEXT } from '../node/backgroundAnalyzer';
import { canonicalUri, dateOptions, filePath } from '../node/corpusLoader';
import { guarded } from './guard';
import type { Settings } from './settings';

export interface OpenDocumentsDeps {
  index: CorpusIndex;
  recognizers: Recognizers;
  documents: TextDocuments<TextDocument>;
  /** Whether the editor holds the document (canonical uri) open. */
  isOpen(uri: string): boolean;
  settings(): Settings;
  userDateFor(file: string): string | null;
  tell(type: MessageType, message: string): void;
  log: Connection['console'];
  /** A background analysis landed in the index: the document's tokens and diagnostics are due again. */
  landed(uri: string): void;
}

export class OpenDocumentAnalyzer {
  /** Also analyses the files changed on disk (see WorkspaceIndexer.reload). */
  readonly worker = new BackgroundAnalyzer();
  /** Large documents with an analysis running in the background: uri -> the version under analysis. */
  private readonly inFlight = new Map<string, number>();
  /** Open documents over the size limit, told about once. */
  private readonly tooLarge = new Set<string>();

  constructor(private readonly deps: OpenDocumentsDeps) {}

  /** Analyses the editor's text of `doc` into the index; returns what the index holds for it now. */
  analyze(doc: TextDocument): IndexedDocument | undefined {
    const { index, settings } = this.deps;
    const uri = canonicalUri(doc.uri);
    const text = doc.getText();
    const file = filePath(uri);
    const options = dateOptions(settings(), this.mtimeOf(file), file ? this.deps.userDateFor(file) : null);
    // What one analysis may take is bounded (about 30 times the text, see bench:memory): an editor's text over the
    // size limit is not analysed, as a file that size on disk is not, and the user is told once.
    const limit = settings().maxFileBytes;
    if (text.length > limit) {
      this.inFlight.delete(uri);
      index.delete(uri);
      if (!this.tooLarge.has(uri)) {
        this.tooLarge.add(uri);
        const mb = (text.length / 1048576).toFixed(1);
        this.deps.log.warn(`not analysing ${uri}: ${mb} MB, over the ${(limit / 1048576).toFixed(0)} MB limit`);
        this.deps.tell(MessageType.Warning, `Article Lens: this article is ${mb} MB, over the ${(limit / 1048576).toFixed(0)} MB limit (articleLens.maxFileSizeMB), so it is not analysed.`);
      }
      return undefined;
    }
    this.tooLarge.delete(uri);
    if (text.length < LARGE_TEXT) {
      this.inFlight.delete(uri); // a running background analysis of an older, larger version is now stale
      return index.set(analyzeText(this.deps.recognizers, uri, doc.version, text, options), { text });
    }
    // When the analysis lands on an outdated version, the latest text is analysed next.
    if (!this.inFlight.has(uri)) {
      const version = doc.version;
      this.inFlight.set(uri, version);
      this.worker.analyze(uri, version, text, options).then(
        guarded((m) => this.deps.log.error(m), `analysis of ${uri}`, (analysis: DocumentAnalysis) => {
          if (this.inFlight.get(uri) !== version) return;
          this.inFlight.delete(uri);
          const latest = this.deps.documents.get(doc.uri);
          if (!latest || !this.deps.isOpen(uri)) return;
          if (latest.version !== version) {
            this.analyze(latest);
            return;
          }
          index.set(analysis, { text });
          this.deps.landed(doc.uri);
        }),
        (error: Error) => {
          if (this.inFlight.get(uri) === version) this.inFlight.delete(uri);
          this.deps.log.error(`analysis of ${uri} failed: ${error.message}`);
        },
      );
    }
    return index.get(uri);
  }

  /** The editor closed the document: a background analysis of it is no longer wanted. */
  forget(uri: string): void {
    this.inFlight.delete(uri);
  }

  dispose(): void {
    this.worker.dispose();
  }

  /** The file's modification time, asked for only when the settings let the file's date stand in for an article's. */
  private mtimeOf(file: string | null): number | null {
    if (!file || this.deps.settings().dateFallback !== 'fileDate') return null;
    try {
      return fs.statSync(file).mtimeMs;
    } catch {
      return null;
    }
  }
}
