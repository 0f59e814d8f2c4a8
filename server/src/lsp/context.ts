// What every feature handler needs: the corpus index and a way to find an indexed document.
import type { Connection } from 'vscode-languageserver';
import type { CorpusIndex, IndexedDocument } from '../core/corpus/index';
import type { EntitySearch } from '../core/queries/symbols';

export interface ServerContext {
  connection: Connection;
  index: CorpusIndex;
  search: EntitySearch;
  /** The indexed document for a client uri, after any pending edit of it has been analysed. */
  document(uri: string): IndexedDocument | undefined;
  /** Analyses pending edits; for requests that draw on the whole corpus without naming a document. */
  sync(): void;
  /** Spellings the user accepted as aliases: no misspelling hint for these. */
  acceptedSpellings(): ReadonlySet<string>;
}
