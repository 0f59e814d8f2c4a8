// The plain data the exporters and importers work on: a corpus as its final mentions and entities, and what an
// import found in one file. Offsets here are UTF-16 code units (JavaScript string indices), end exclusive, like
// everywhere in core; each format converts to its own unit on the way out and back on the way in.
import type { EntityType, MentionType } from '../../model';

export interface ExportMention {
  /** UTF-16 offsets into the document text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** person | organization | location | misc | date | time */
  type: MentionType;
  /** Entity id for names; null for dates and times. */
  entity: string | null;
  /** ISO value for dates and times. */
  value: string | null;
  /** Decided by the user. */
  confirmed: boolean;
}

export interface ExportEntity {
  id: string;
  name: string;
  type: EntityType;
  spellings: string[];
  mentions: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Identifiers in other knowledge bases, by lower-case base name: `{ wikidata: 'Q3775' }`. */
  externalIds: Record<string, string>;
  note: string | null;
  confirmed: boolean;
}

export interface ExportDocument {
  /** Path relative to the workspace folder, with `/` separators. */
  path: string;
  text: string;
  title: string;
  referenceDate: string | null;
  /** Sorted by start, non-overlapping. */
  mentions: ExportMention[];
}

export interface ExportCorpus {
  documents: ExportDocument[];
  entities: ExportEntity[];
}

export interface ImportedSpan {
  /** UTF-16 offsets into the article text, end exclusive. */
  start: number;
  end: number;
  label: MentionType;
  value?: string | null;
  note?: string;
  entityName?: string;
  // What a format can carry beyond the above, so that an export read back exports the same again.
  /** The Article Lens entity id the span was exported with. */
  entity?: string;
  /** Identifiers in other knowledge bases, by lower-case base name. */
  externalIds?: Record<string, string>;
  /** Whether the file says a person decided this span (brat's `Confirmed` attribute, Label Studio's annotations). */
  confirmed?: boolean;
}

export interface ImportReport {
  /** The file read, or for one article of a stream the article's path (else `file:line`). */
  file: string;
  /** Sorted by start, non-overlapping, inside the text; empty when there are mismatches. */
  spans: ImportedSpan[];
  /** Why the file does not fit its text, first few, for a person to read; when non-empty nothing is imported. */
  mismatches: string[];
  /** What was left out and why (a relation, an unknown label, an overlapping span), counted. */
  skipped: { reason: string; count: number }[];
  /** For a record of a stream: its copy of the article text (to find the article by its text). */
  text?: string;
}
