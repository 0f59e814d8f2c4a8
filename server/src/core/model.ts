// Plain data shared by every layer of the analysis core. Offsets are UTF-16 code units
// (JavaScript string indices), end exclusive, into the document text as read.

export type EntityType = 'person' | 'organization' | 'location' | 'misc';
export type TemporalType = 'date' | 'time';
export type MentionType = EntityType | TemporalType;

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];
export const MENTION_TYPES: readonly MentionType[] = ['person', 'organization', 'location', 'misc', 'date', 'time'];

export function isEntityType(type: MentionType): type is EntityType {
  return type !== 'date' && type !== 'time';
}

export interface Span {
  start: number;
  end: number;
}

/** A name the tagger found: a span and a type, nothing else. */
export interface NameSpan extends Span {
  type: EntityType;
  /** The recogniser was unsure of the type (another type scored nearly as well): the corpus may decide it. */
  weak?: boolean;
}

/** A date or time expression, normalised against the article's reference date. */
export interface DateMention extends Span {
  type: TemporalType;
  /** ISO value: `2022-02-24`, `2022-05`, `2014`, `2022-W46`, `2022-11-11T05:00`; null when the text does not pin it down. */
  value: string | null;
  /** How the value was found, for a person to read: `"Wednesday" in an article dated 2022-11-11`. */
  resolution: string;
  /** The value was counted from the file's date, not from a date the article or the user gave: a guess. */
  guessed?: boolean;
  /** No value because the article's date is unknown: a date for the article would give it one. */
  needsDate?: boolean;
}

/** One mention in an analysed document. */
export interface Mention extends Span {
  text: string;
  type: MentionType;
  /** ISO value of a date or time; null for names. */
  value: string | null;
  /** Key of the name this mention refers to within its document (after in-document alias resolution); null for dates. */
  key: string | null;
  resolution?: string;
  /** A date whose value was counted from the file's date (see DateMention.guessed). */
  guessed?: boolean;
  /** A date with no value only because the article's date is unknown (see DateMention.needsDate). */
  needsDate?: boolean;
  /** A decision of the user's made or confirmed this mention (its type, its entity, or that it is one). */
  confirmed?: boolean;
  /** A name whose type the recogniser was unsure of (see NameSpan.weak): its confident mentions elsewhere decide it. */
  weak?: boolean;
  /**
   * A name as its entity spells it, with the context that says which entity it is, where that is more than its text:
   * `Britain's Defense Ministry` for the mention `Defense Ministry` (see resolve/institutions.ts).
   */
  form?: string;
}

/**
 * A mention as every consumer sees it, at the end of the one pipeline: the recogniser's output, the user's
 * decisions applied, clustered across the corpus. Its type is final (a name's is its entity's type).
 */
export interface FinalMention extends Mention {
  /** The entity's id for names; null for dates and times. */
  entity: string | null;
  confirmed: boolean;
  /** The type the recogniser gave this name, where its entity's type (from the corpus) is another. */
  recognisedType?: EntityType;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Problem {
  message: string;
  severity: Severity;
  span?: Span;
  /** For a problem in a file of the user's store: the 0-based line at fault. */
  line?: number;
}

/** Analysis never fails: it returns a value plus the problems met on the way. */
export interface Result<T> {
  value: T;
  problems: Problem[];
}

/**
 * Where an article's date came from: its own text, its metadata (front matter), the user (a date set for the
 * article, or the reference-date setting), the file's modification date (a guess), or nowhere (null).
 */
export type ArticleDateSource = 'text' | 'metadata' | 'user' | 'file date' | null;

/** One article of a file (a file may hold several), with the date its relative expressions count from. */
export interface ArticleInfo extends Span {
  /** Its headline: its first non-blank line, shortened. */
  title: string;
  /** Where the headline is in the text (empty at the article's start when it has none). */
  headline: Span;
  /** `YYYY-MM-DD`, or null when nothing dates the article. */
  referenceDate: string | null;
  referenceSource: ArticleDateSource;
}

export interface DocumentAnalysis {
  uri: string;
  version: number;
  /** The article's title: its front matter's, else its headline past any site furniture, shortened (text/title.ts). */
  title: string;
  /** The reference date of the document's (first) article, `YYYY-MM-DD`, or null. */
  referenceDate: string | null;
  /** The file's articles in text order (at least one), each with its own date. */
  articles: ArticleInfo[];
  /** Sorted by start offset, non-overlapping. */
  mentions: Mention[];
  problems: Problem[];
}

/**
 * An analysis that holds its mentions packed may let a question over every article of an archive read each
 * mention's start, type, key and value without making it an object. False when it cannot (its mentions were
 * replaced): the caller reads `mentions` then.
 */
export interface PackedScan {
  scanMentions(visit: (start: number, type: MentionType, key: string | null, value: string | null) => void): boolean;
  /** Only the mentions `keep` takes, made as objects (in text order); null when the mentions were replaced. */
  mentionsWhere(keep: (type: MentionType, key: string | null, value: string | null) => boolean): Mention[] | null;
}

export function canScan(a: DocumentAnalysis): a is DocumentAnalysis & PackedScan {
  return typeof (a as Partial<PackedScan>).scanMentions === 'function';
}

/** A canonical entity of the corpus. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
}
