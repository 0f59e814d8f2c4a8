// The user's store as the server keeps it: each workspace folder's `.article-lens/` read from disk, handed to the
// corpus index, re-read when it changes outside (another window, a hand edit, a git pull), and changed by the
// user's actions: re-read first, written atomically, undoable. A file that cannot be read is reported at its line
// and never written.
import * as path from 'path';
import { type Action, type Outcome, applyAction, withPlacements } from '../core/annotations/actions';
import { type Registry, withArticleDate } from '../core/annotations/registry';
import type { ArticleRecords } from '../core/annotations/spans';
import type { CorpusIndex } from '../core/corpus/index';
import type { Span } from '../core/model';
import { canonicalUri, filePath } from '../node/corpusLoader';
import {
  type FolderStore,
  type StoreProblem,
  STORE_DIR,
  readIfPresent,
  readRecordsFile,
  readRegistryFile,
  recordsPath,
  registryPath,
  serializeRecordsFile,
  serializeRegistryFile,
  writeAtomic,
} from '../node/store';
import { applyWorkspaceStore, loadWorkspaceStore } from '../node/workspace';
import { planArticleDates } from '../node/articleDates';

interface UndoEntry {
  summary: string;
  files: { file: string; before: string | null; after: string | null }[];
}

export type ChangeResult = { ok: true; summary: string; files: string[] } | { ok: false; message: string };

const UNDO_DEPTH = 100;

export class UserStore {
  private stores: FolderStore[] = [];
  private dates = new Map<string, string>();
  private readonly undoStack: UndoEntry[] = [];
  /** Problems last published, per store file, so fixed files get their diagnostics cleared. */
  private problemFiles = new Set<string>();

  constructor(
    private readonly index: CorpusIndex,
    private readonly folders: () => readonly string[],
    private readonly onProblems: (byFile: Map<string, StoreProblem[]>) => void,
    private readonly onDatesChanged: (files: string[]) => void = () => undefined,
  ) {}

  /** Reads every folder's store from disk and hands it to the index. Returns the files whose dates changed. */
  reload(): string[] {
    const loaded = loadWorkspaceStore(this.folders());
    const problems = [...loaded.problems, ...applyWorkspaceStore(this.index, loaded)];
    this.stores = loaded.folders;
    const changedDates = [...new Set([...this.dates.keys(), ...loaded.dates.keys()])].filter((f) => this.dates.get(f) !== loaded.dates.get(f));
    this.dates = loaded.dates;
    this.publish(problems);
    if (changedDates.length > 0) this.onDatesChanged(changedDates);
    return changedDates;
  }

  userDateFor(file: string): string | null {
    return this.dates.get(file) ?? null;
  }

  /** Whether a file (absolute path) belongs to a folder's store. */
  isStoreFile(file: string): boolean {
    return this.folders().some((f) => {
      const rel = path.relative(path.join(f, STORE_DIR), file);
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }

  folderOf(file: string): string | undefined {
    return this.folders().find((f) => {
      const rel = path.relative(f, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }

  /** Applies one of the user's actions to the article at `uri`, whose current text is `text`. */
  act(uri: string, text: string, span: Span, action: Action): ChangeResult {
    const located = this.locate(uri);
    if (!located.ok) return located;
    const { folder, article } = located;
    return this.change(folder, article, (files) => {
      const doc = this.index.get(canonicalUri(uri));
      // The article's records as they sit on the text now, so the file follows the text it is written with.
      const records = doc ? withPlacements(files.records, doc.placed, text) : files.records;
      return applyAction(this.index, { uri: canonicalUri(uri), text, span }, action, { registry: files.registry, records });
    });
  }

  /** Sets or clears the user's date for an article. */
  setArticleDate(uri: string, date: string | null): ChangeResult {
    const located = this.locate(uri);
    if (!located.ok) return located;
    return this.change(located.folder, located.article, (files) => ({
      ok: true,
      registry: withArticleDate(files.registry, located.article, date),
      summary: date === null ? `date of ${located.article} cleared` : `${located.article} dated ${date}`,
    }));
  }

  /** Sets or clears the user's date of several articles, as one undoable decision. */
  setArticleDates(uris: readonly string[], date: string | null): ChangeResult {
    const files: string[] = [];
    for (const uri of uris) {
      const file = filePath(canonicalUri(uri));
      if (!file || !this.folderOf(file)) return { ok: false, message: `${uri}: decisions are kept for articles inside a workspace folder; nothing was written` };
      files.push(file);
    }
    const plan = planArticleDates(this.folders().map((folder) => ({ folder })), files.map((file) => ({ file, date })));
    if (plan.error) return { ok: false, message: plan.error };
    const n = files.length;
    const summary = date === null ? `dates of ${n} articles cleared` : `${n} articles dated ${date}`;
    return this.writePlanned(plan.writes, summary);
  }

  /**
   * Writes files planned elsewhere (an import), as one undoable decision. A file that changed on disk since it
   * was read for the plan fails the whole write before anything is written.
   */
  writePlanned(writes: readonly { file: string; before: string | null; after: string | null }[], summary: string): ChangeResult {
    for (const w of writes) {
      if ((readIfPresent(w.file) ?? null) !== w.before) return { ok: false, message: `${w.file} changed while the import was prepared; nothing was written, run it again` };
      if (!this.isStoreFile(w.file)) return { ok: false, message: `${w.file} is not in a store of this workspace; nothing was written` };
    }
    const done: { file: string; before: string | null; after: string | null }[] = [];
    try {
      for (const w of writes) {
        writeAtomic(w.file, w.after);
        done.push(w);
      }
    } catch (e) {
      // Put back what was written, so the store is as it was before the import.
      for (const w of done) {
        try {
          writeAtomic(w.file, w.before);
        } catch {
          // The file stays as the import wrote it (whole, never half-written); the message says so.
        }
      }
      return { ok: false, message: `could not save the import: ${(e as Error).message}; the store was put back as it was` };
    }
    if (writes.length > 0) {
      this.undoStack.push({ summary, files: writes.map((w) => ({ ...w })) });
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    }
    this.reload();
    return { ok: true, summary, files: writes.map((w) => w.file) };
  }

  /** Undoes the last decision, unless its files changed since (then nothing is touched). */
  undo(): ChangeResult {
    const last = this.undoStack[this.undoStack.length - 1];
    if (!last) return { ok: false, message: 'no decision to undo in this session' };
    for (const f of last.files) {
      const now = readIfPresent(f.file);
      if ((now ?? null) !== f.after) return { ok: false, message: `${f.file} changed since “${last.summary}”; undo it there by hand` };
    }
    try {
      for (const f of last.files) writeAtomic(f.file, f.before);
    } catch (e) {
      return { ok: false, message: `could not undo: ${(e as Error).message}` };
    }
    this.undoStack.pop();
    this.reload();
    return { ok: true, summary: `undone: ${last.summary}`, files: last.files.map((f) => f.file) };
  }

  get canUndo(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.summary ?? null;
  }

  /** Every folder's registry and records as last read, for the list of decisions. */
  snapshot(): readonly FolderStore[] {
    return this.stores;
  }

  private locate(uri: string): { ok: true; folder: string; article: string } | { ok: false; message: string } {
    const file = filePath(canonicalUri(uri));
    const folder = file ? this.folderOf(file) : undefined;
    if (!file || !folder) return { ok: false, message: 'decisions are kept for articles inside a workspace folder' };
    return { ok: true, folder, article: path.relative(folder, file).split(path.sep).join('/') };
  }

  /** Re-reads the files (the user may have edited them by hand), applies the change, writes what changed. */
  private change(folder: string, article: string, decide: (files: { registry: Registry; records: ArticleRecords }) => Outcome): ChangeResult {
    const regFile = registryPath(folder);
    const recFile = recordsPath(folder, article);
    const reg = readRegistryFile(regFile);
    if (!reg.registry) return { ok: false, message: `${regFile} cannot be used (${reg.problems[0]?.message ?? 'unreadable'})` };
    const rec = readRecordsFile(recFile, article);
    if (!rec.records) return { ok: false, message: `${recFile} cannot be used (${rec.problems[0]?.message ?? 'unreadable'})` };
    const outcome = decide({ registry: reg.registry, records: rec.records });
    if (!outcome.ok) return outcome;
    const writes: UndoEntry['files'] = [];
    if (outcome.registry) writes.push({ file: regFile, before: readIfPresent(regFile) ?? null, after: serializeRegistryFile(outcome.registry) });
    if (outcome.records) {
      const empty = outcome.records.records.length === 0 && (outcome.records.kept?.records.length ?? 0) === 0 && Object.keys(outcome.records.kept?.topLevel ?? {}).length === 0;
      writes.push({ file: recFile, before: readIfPresent(recFile) ?? null, after: empty ? null : serializeRecordsFile(outcome.records) });
    }
    const changed = writes.filter((w) => w.before !== w.after);
    try {
      for (const w of changed) writeAtomic(w.file, w.after);
    } catch (e) {
      return { ok: false, message: `could not save: ${(e as Error).message}` };
    }
    if (changed.length > 0) {
      this.undoStack.push({ summary: outcome.summary, files: changed });
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    }
    this.reload();
    return { ok: true, summary: outcome.summary, files: changed.map((w) => w.file) };
  }

  private publish(problems: StoreProblem[]): void {
    const byFile = new Map<string, StoreProblem[]>();
    for (const p of problems) {
      const list = byFile.get(p.file);
      if (list) list.push(p);
      else byFile.set(p.file, [p]);
    }
    for (const f of this.problemFiles) if (!byFile.has(f)) byFile.set(f, []);
    this.problemFiles = new Set([...byFile].filter(([, list]) => list.length > 0).map(([f]) => f));
    this.onProblems(byFile);
  }
}

