// What every feature handler needs: the corpus index, the user's store, and a way to find an indexed document.
import type { Connection } from 'vscode-languageserver';
import type { CorpusIndex, IndexedDocument } from '../core/corpus/index';
import type { EntitySearch } from '../core/queries/symbols';
import type { UserStore } from './userStore';

export interface ServerContext {
  connection: Connection;
  index: CorpusIndex;
  search: EntitySearch;
  store: UserStore;
  /** The indexed document for a client uri, after any pending edit of it has been analysed. */
  document(uri: string): IndexedDocument | undefined;
  /** Analyses pending edits; for requests that draw on the whole corpus without naming a document. */
  sync(): void;
  /** The version of the open document the client holds, or null when it is not open. */
  openVersion(uri: string): number | null;
  /** Whether the workspace is being indexed (the first time, or again after a settings change). */
  indexing(): boolean;
  /**
   * Whether the editor is typing: open articles were edited since the entity table was last brought up to date,
   * which waits until the editor is quiet (see server.ts, settleEntities).
   */
  typing(): boolean;
  /** After a decision: asks the client to fetch tokens, code lenses and diagnostics again. */
  refresh(): void;
}
