// Keeps a corpus index in step with the article files of a workspace: the initial indexing (from the
// persistent cache where files are unchanged, in worker threads otherwise), single files changed on disk
// (in a worker thread too, so no request waits for a file that is not its own), and writing the cache back.
import * as fs from 'fs';
import type { Recognizers } from '../core/analyze';
import type { CorpusIndex } from '../core/corpus/index';
import { type ArticleFilter, findArticles } from './files';
import { type CacheEntry, type CacheIdentity, type DateFallback, LineArena, MentionArena, StringPool, compactAnalysis, readIndexCache, writeIndexCache, writeIndexCacheInSlices } from './indexCache';
import { type LoadOutcome, fileUri, loadFile } from './corpusLoader';
import { type PoolJob, analyzeInWorkers } from './indexingPool';
import type { WorkerReply } from './workerProtocol';

export interface IndexerSettings {
  files: ArticleFilter;
  referenceDate: string | null;
  dateFallback: DateFallback;
  maxFileBytes: number;
  /** The user's own date for a file (from the registry), or null. */
  userDateFor: (file: string) => string | null;
}

export interface IndexingReport {
  documents: number;
  fromCache: number;
  analysed: number;
  skipped: string[];
  warnings: string[];
  notes: string[];
  /** The entity clusters came from the cache (nothing changed since it was written). */
  clustersFromCache: boolean;
}

export interface IndexingCallbacks {
  onProgress?: (done: number, total: number) => void;
  /** Files the editor holds open: their text comes from the editor, not the disk. */
  isOpen?: (uri: string) => boolean;
  isCancelled?: () => boolean;
}

/** Analyses one file off the main thread (see BackgroundAnalyzer). */
export interface FileAnalyzer {
  analyzeFile(job: PoolJob, dates: { referenceDate: string | null; dateFallback: DateFallback }, maxBytes: number): Promise<WorkerReply>;
}

export class WorkspaceIndexer {
  /** What the cache will hold: one entry per file indexed from disk. */
  private readonly entries = new Map<string, CacheEntry>();
  private dirty = false;
  /**
   * The strings of the analyses the workers sent, held compactly (see compactAnalysis): a worker's copy of every
   * name and key is dropped once packed, so each string is kept once.
   */
  private readonly pool = new StringPool();
  /** Their mentions and line indexes, in shared chunks. */
  private readonly arena = new MentionArena(this.pool);
  private readonly lineArena = new LineArena();
  /** Writes begun, so a sliced write overtaken by a newer one is not written over it; and one under way. */
  private writes = 0;
  private writing = false;
  private writeAgain = false;
  /** Bumped when a file is reloaded or forgotten: a worker's reply for an older epoch is stale and dropped. */
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly index: CorpusIndex,
    private readonly recognizers: Recognizers,
    private readonly settings: IndexerSettings,
    private readonly cache: { dir: string; identity: CacheIdentity } | null,
    private readonly useWorkers = true,
    /** Where a file changed on disk is analysed; without one, on the calling thread. */
    private readonly offThread?: FileAnalyzer,
  ) {}

  async indexFolders(folders: string[], callbacks: IndexingCallbacks = {}): Promise<IndexingReport> {
    const report: IndexingReport = { documents: 0, fromCache: 0, analysed: 0, skipped: [], warnings: [], notes: [], clustersFromCache: false };
    const files = folders.flatMap((f) => findArticles(f, this.settings.files));
    const total = files.length;
    let done = 0;
    let lastProgress = 0;
    const progress = (force = false) => {
      const now = Date.now();
      if (force || now - lastProgress > 100) {
        lastProgress = now;
        callbacks.onProgress?.(done, total);
      }
    };
    progress(true);

    const cached: ReturnType<typeof readIndexCache> = this.cache ? readIndexCache(this.cache.dir, this.cache.identity) : { entries: new Map<string, CacheEntry>() };
    if ('problem' in cached && cached.problem) report.notes.push(cached.problem);
    const jobs: PoolJob[] = [];
    const reused: CacheEntry[] = [];
    for (const file of files) {
      const uri = fileUri(file);
      if (callbacks.isOpen?.(uri)) {
        done++;
        continue;
      }
      const entry = cached.entries.get(file);
      const userDate = this.settings.userDateFor(file);
      if (entry && entry.analysis.uri === uri && entry.userDate === userDate && unchanged(file, entry)) {
        reused.push(entry);
        this.entries.set(file, entry);
        report.fromCache++;
        done++;
        continue;
      }
      jobs.push({ file, uri, userDate });
    }
    if (cached.names) {
      // The cache's name table counts every cached analysis: those not taken come off it.
      const taken = new Set(reused);
      const dropped = [...cached.entries.values()].filter((e) => !taken.has(e)).map((e) => e.analysis);
      this.index.restore(reused, cached.names, dropped);
    } else {
      for (const entry of reused) this.index.set(entry.analysis, { lines: entry.lines });
    }
    progress(true);
    if (jobs.length > 0) this.dirty = true;

    // The reply's cache entry is already kept (acceptReply, loadOne): here it is only counted.
    const accept = (reply: { file: string; outcome: LoadOutcome }) => {
      done++;
      this.dirty = true;
      if (reply.outcome.ok) {
        report.analysed++;
        if (reply.outcome.warning) report.warnings.push(reply.outcome.warning);
      } else {
        report.skipped.push(reply.outcome.reason);
      }
      progress();
    };
    const remaining = new Map(jobs.map((j) => [j.file, j]));
    const userDates = new Map(jobs.map((j) => [j.file, j.userDate]));
    const startEpochs = new Map(jobs.map((j) => [j.file, this.epochs.get(j.file) ?? 0]));
    // Even one file goes to a worker: while it is analysed, the open documents are answered.
    if (this.useWorkers && jobs.length > 0) {
      try {
        await analyzeInWorkers(jobs, {
          referenceDate: this.settings.referenceDate,
          dateFallback: this.settings.dateFallback,
          maxBytes: this.settings.maxFileBytes,
          isCancelled: callbacks.isCancelled,
          onReply: (r) => {
            remaining.delete(r.file);
            // An editor may have opened the file meanwhile (its text wins), or it changed or went on disk
            // while the worker read it (the newer reload or deletion wins).
            if (callbacks.isOpen?.(r.uri) || (this.epochs.get(r.file) ?? 0) !== startEpochs.get(r.file)) {
              done++;
              return;
            }
            accept({ file: r.file, ...this.acceptReply(r, userDates.get(r.file) ?? null) });
          },
        });
      } catch (e) {
        report.notes.push(`worker threads failed (${(e as Error).message}); analysing the remaining files on the main thread`);
      }
    }
    // Files no worker analysed (no workers, or a worker failed) are analysed here, yielding between files.
    for (const job of remaining.values()) {
      if (callbacks.isCancelled?.()) break;
      if (callbacks.isOpen?.(job.uri) || (this.epochs.get(job.file) ?? 0) !== startEpochs.get(job.file)) {
        done++;
        continue;
      }
      accept({ file: job.file, ...this.loadOne(job.file) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress(true);
    // Nothing changed since the cache was written: its entity clusters still hold (restoreClusters checks the keys).
    if (report.analysed === 0 && report.skipped.length === 0 && cached.clusters) {
      report.clustersFromCache = this.index.restoreClusters(cached.clusters);
      if (!report.clustersFromCache) report.notes.push('cached entity clusters did not match the corpus; resolving entities again');
    }
    report.documents = this.index.size;
    return report;
  }

  /**
   * Re-reads one file changed on disk. Until its analysis lands, the index answers from the previous one.
   * Resolves to null when the analysis was overtaken (the file changed again, went, or was opened meanwhile).
   */
  async reload(file: string, isOpen?: (uri: string) => boolean): Promise<LoadOutcome | null> {
    const epoch = (this.epochs.get(file) ?? 0) + 1;
    this.epochs.set(file, epoch);
    this.dirty = true;
    if (!this.offThread) return this.loadOne(file).outcome;
    const uri = fileUri(file);
    const userDate = this.settings.userDateFor(file);
    let reply: WorkerReply;
    try {
      reply = await this.offThread.analyzeFile({ file, uri, userDate }, this.settings, this.settings.maxFileBytes);
    } catch (e) {
      // The worker is gone (it is replaced on next use): this file is analysed here rather than left stale.
      if (this.epochs.get(file) !== epoch || isOpen?.(uri)) return null;
      const outcome = this.loadOne(file).outcome;
      return outcome.ok ? { ...outcome, warning: `${file}: analysed on the main thread after the worker failed (${(e as Error).message})` } : outcome;
    }
    if (this.epochs.get(file) !== epoch || isOpen?.(uri)) return null;
    return this.acceptReply(reply, userDate).outcome;
  }

  forget(file: string): void {
    this.epochs.set(file, (this.epochs.get(file) ?? 0) + 1);
    if (this.entries.delete(file)) this.dirty = true;
  }

  /** Writes the cache when something changed since the last write; problems come back as a message. */
  persist(): string | undefined {
    // A sliced write still under way is overtaken: this one writes now, and that one is dropped.
    if (!this.cache || (!this.dirty && !this.writing)) return undefined;
    this.writes++;
    try {
      writeIndexCache(this.cache.dir, this.cache.identity, this.entries.values(), this.index.exportClusters(), this.pool);
      this.dirty = false;
      return undefined;
    } catch (e) {
      return `could not write the index cache in ${this.cache.dir}: ${(e as Error).message}`;
    }
  }

  /**
   * The same, in the background: the index is cut into slices a pause apart, and a worker thread makes the file of
   * them and writes it (at 100,000 articles that takes seconds), so the requests that come meanwhile are answered.
   * What is written is the index as it was when the write began; a change meanwhile leaves the cache to write again.
   * A write overtaken by a newer one (persist at shutdown) is dropped.
   */
  async persistInBackground(pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve))): Promise<string | undefined> {
    if (!this.cache || !this.dirty) return undefined;
    if (this.writing) {
      this.writeAgain = true;
      return undefined;
    }
    const cache = this.cache;
    const write = ++this.writes;
    this.writing = true;
    this.dirty = false;
    try {
      await writeIndexCacheInSlices(cache.dir, cache.identity, this.entries.values(), this.index.exportClusters(), pause, () => this.writes === write, { pool: this.pool, offThread: this.useWorkers });
      return undefined;
    } catch (e) {
      this.dirty = true;
      return `could not write the index cache in ${cache.dir}: ${(e as Error).message}`;
    } finally {
      this.writing = false;
      if (this.writeAgain) {
        this.writeAgain = false;
        void this.persistInBackground(pause);
      }
    }
  }

  /** A worker's analysis of a file into the index and the cache's entries. */
  private acceptReply(r: WorkerReply, userDate: string | null): { outcome: LoadOutcome; entry?: CacheEntry } {
    if (!r.ok) {
      this.index.delete(r.uri);
      this.entries.delete(r.file);
      return { outcome: { ok: false, uri: r.uri, reason: r.reason } };
    }
    const lines = this.lineArena.index(r.starts, r.ends, r.length);
    this.index.set(r.analysis, { lines });
    // Counted into the index, the analysis is held compactly from now on (its mentions made again when read).
    const analysis = compactAnalysis(r.analysis, this.pool, this.arena);
    this.index.holdCompactly(r.analysis, analysis);
    const entry: CacheEntry = { file: r.file, size: r.size, mtimeMs: r.mtimeMs, userDate, analysis, lines };
    this.entries.set(r.file, entry);
    return { outcome: { ok: true, uri: r.uri, warning: r.warning, size: r.size, mtimeMs: r.mtimeMs }, entry };
  }

  private loadOne(file: string): { outcome: LoadOutcome; entry?: CacheEntry } {
    const outcome = loadFile(file, this.index, {
      recognizers: this.recognizers,
      referenceDate: this.settings.referenceDate,
      dateFallback: this.settings.dateFallback,
      maxBytes: this.settings.maxFileBytes,
      userDateFor: this.settings.userDateFor,
    });
    if (!outcome.ok) {
      this.entries.delete(file);
      return { outcome };
    }
    const doc = this.index.get(outcome.uri)!;
    const entry =
      outcome.size !== undefined && outcome.mtimeMs !== undefined
        ? { file, size: outcome.size, mtimeMs: outcome.mtimeMs, userDate: this.settings.userDateFor(file), analysis: doc.analysis, lines: doc.lines }
        : undefined;
    if (entry) this.entries.set(file, entry);
    return { outcome, entry };
  }
}


function unchanged(file: string, entry: CacheEntry): boolean {
  try {
    const st = fs.statSync(file);
    return st.size === entry.size && st.mtimeMs === entry.mtimeMs;
  } catch {
    return false;
  }
}
