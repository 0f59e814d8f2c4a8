// The seams where recognisers plug in. The LSP layer and the corpus index see only these.
import type { DateMention, NameSpan, Span } from '../model';

/** Finds names (person, organization, location, misc) in raw article text. */
export interface NameRecognizer {
  recognize(text: string): NameSpan[];
}

export interface DateRecognition {
  /** Reference date of the first article in the text, `YYYY-MM-DD`, or null if none could be found. */
  referenceDate: string | null;
  mentions: DateMention[];
  /** The articles the text holds, each with its date; absent: the text is one article with `referenceDate`. */
  articles?: (Span & { referenceDate: string | null; referenceSource: string })[];
}

export interface DateOptions {
  /** Used when the article states no full date of its own (`YYYY-MM-DD`). */
  fallbackReferenceDate?: string | null;
  /** The user's date for this file (`YYYY-MM-DD`): wins over the metadata and anything the text states. */
  referenceDate?: string | null;
  /** The file's own metadata date (front matter, `YYYY-MM-DD`): wins over the text, not over the user's date. */
  metadataDate?: string | null;
  /**
   * The file's modification date (`YYYY-MM-DD`), given only when the user lets it stand in for an article that
   * states none (`articleLens.dates.fallback: fileDate`): values counted from it are marked `guessed`.
   */
  fileDate?: string | null;
}

/** Finds date and time expressions and normalises them against the article's own date. */
export interface DateRecognizer {
  recognize(text: string, options?: DateOptions): DateRecognition;
}
