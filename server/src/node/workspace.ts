// Loads a workspace the same way for the server and the command line: each folder's store (registry, article
// dates, stand-off records) read from disk and handed to the corpus index as the user's decisions.
import * as path from 'path';
import { spellingRules } from '../core/annotations/apply';
import type { RegistryEntity, SpellingDecision } from '../core/annotations/registry';
import type { CorpusIndex } from '../core/corpus/index';
import { fileUri } from './corpusLoader';
import { type FolderStore, type StoreProblem, loadFolderStore } from './store';

export interface WorkspaceStore {
  folders: FolderStore[];
  /** The user's article dates, by absolute file path. */
  dates: Map<string, string>;
  /** The titles the user gave articles (with their dates, as `article-lens dates import` writes them), by uri. */
  titles: Map<string, string>;
  problems: StoreProblem[];
}

/** Reads every folder's store. `storeDir` (the command line's `--store`) replaces the first folder's. */
export function loadWorkspaceStore(folders: readonly string[], storeDir?: string): WorkspaceStore {
  const stores = folders.map((f, i) => loadFolderStore(f, i === 0 ? storeDir : undefined));
  const dates = new Map<string, string>();
  const titles = new Map<string, string>();
  const problems: StoreProblem[] = [];
  for (const store of stores) {
    problems.push(...store.problems);
    for (const d of store.registry?.articleDates ?? []) {
      const file = path.join(store.folder, ...d.article.split('/'));
      dates.set(file, d.date);
      if (typeof d.title === 'string' && d.title.trim() !== '') titles.set(fileUri(file), d.title.trim());
    }
  }
  return { folders: stores, dates, titles, problems };
}

/**
 * Hands the stores' decisions to the index. The registries of several folders are one table; an id used by two
 * folders is taken from the first (a problem says so).
 */
export function applyWorkspaceStore(index: CorpusIndex, store: WorkspaceStore): StoreProblem[] {
  const problems: StoreProblem[] = [];
  const entities = new Map<string, RegistryEntity>();
  const spellings: SpellingDecision[] = [];
  for (const folder of store.folders) {
    for (const e of folder.registry?.entities ?? []) {
      if (entities.has(e.id)) problems.push({ file: path.join(folder.folder, '.article-lens', 'registry.json'), line: 0, severity: 'warning', message: `entity id "${e.id}" is also used in another workspace folder; that one is used` });
      else entities.set(e.id, e);
    }
    spellings.push(...(folder.registry?.spellings ?? []));
  }
  index.setDecisions({ entities: [...entities.values()], rules: spellingRules(spellings) });
  index.setUserTitles(store.titles);
  const wanted = new Map<string, FolderStore['records'] extends Map<string, infer R> ? R : never>();
  for (const folder of store.folders) {
    for (const [article, records] of folder.records) wanted.set(fileUri(path.join(folder.folder, ...article.split('/'))), records);
  }
  for (const uri of index.annotatedUris()) if (!wanted.has(uri)) index.setRecords(uri, null);
  for (const [uri, file] of wanted) index.setRecords(uri, file.records);
  return problems;
}
