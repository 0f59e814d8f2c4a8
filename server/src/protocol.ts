// Names and payloads of Article Lens's own requests, notifications and commands: one module that the server, the
// client and the tests import, so no string literal drifts.
import type { Action } from './core/annotations/actions';

/** Sent when the initial indexing of the workspace is complete. */
export const INDEXING_COMPLETE = 'articleLens/indexingComplete';
export interface IndexingCompleteParams {
  documents: number;
  skipped: number;
  fromCache: number;
  clustersFromCache: boolean;
  ms: number;
}

/**
 * Sent when files changed, created or deleted on disk (or an article whose date changed) have been analysed into
 * the index: views that list the corpus refresh. Their analysis runs off the main thread, so it lands after the
 * event that caused it; until then requests see the previous analysis.
 */
export const INDEX_CHANGED = 'articleLens/indexChanged';
export interface IndexChangedParams {
  /** The articles that changed or went. */
  uris: string[];
}

/** Request: the corpus timeline as a markdown document. */
export const TIMELINE_REQUEST = 'articleLens/timeline';

/**
 * Request: the timeline view's data (core/queries/timelineData.ts): dated mentions grouped by article or by entity,
 * filtered by the entities named near them, summed per day range (`bins`) when there are many, the groups capped.
 */
export const TIMELINE_DATA_REQUEST = 'articleLens/timelineData';
export interface TimelineDataParams {
  groupBy?: 'article' | 'entity';
  /** Keeps mentions with an entity named nearby whose name or a spelling contains it (case-insensitive). */
  filter?: string;
  /** Keeps mentions with an entity of one of these types named nearby; absent or empty: any. */
  types?: ('person' | 'organization' | 'location' | 'misc')[];
  /** How many groups to show, most mentioned first (default 50, at most 1000). */
  maxGroups?: number;
}
export interface TimelineMarkItem {
  /** The days the value covers, inclusive, `YYYY-MM-DD`: one day, or an ISO week, a month, a year. */
  from: string;
  to: string;
  value: string;
  /** The mention as written; plain text, control characters removed (as are all strings here). */
  text: string;
  location: EntityLocation;
  /** The value was counted from the file's date: a guess. */
  guessed: boolean;
  resolution: string;
  /** The article's title. */
  article: string;
  /** Where the article's date came from (`text`, `metadata`, `user`, `file date`), where the analysis says. */
  source: string | null;
}
export interface TimelineBinItem {
  from: string;
  to: string;
  count: number;
  /** How many of them are guessed from the file's date. */
  guessed: number;
  /** The first of them, where a click goes. */
  location: EntityLocation;
}
export interface TimelineGroupItem {
  /** The article's uri or the entity's id. */
  id: string;
  label: string;
  type?: 'person' | 'organization' | 'location' | 'misc';
  referenceDate?: string | null;
  /** Where the article's date came from (`text`, `metadata`, `user`, `file date`) where the analysis says. */
  referenceSource?: string | null;
  mentions: number;
  /** One per mention, unless the answer is aggregated. */
  marks?: TimelineMarkItem[];
  /** Mentions summed per day range, when the answer is aggregated. */
  bins?: TimelineBinItem[];
}
export interface TimelineDataResult {
  groupBy: 'article' | 'entity';
  filter: string;
  types: string[];
  maxGroups: number;
  aggregated: boolean;
  groups: TimelineGroupItem[];
  hiddenGroups: number;
  hiddenMentions: number;
  totalMentions: number;
  /** By entity, unfiltered: dated mentions with no name nearby, in no group. */
  ungrouped: number;
  extent: { from: string; to: string } | null;
  /** Articles without a known date: none, or only `guessedDate`, guessed from the file's date. */
  undated: { uri: string; title: string; guessedDate: string | null; mentions: number }[];
  undatedTotal: number;
}

/** Request: entities matching a query, for pick lists (merge, find). */
export const ENTITIES_REQUEST = 'articleLens/entities';
export interface EntitiesParams {
  query: string;
  /** An entity to leave out (the one being merged). */
  exclude?: string;
  limit?: number;
}
export interface EntityItem {
  id: string;
  name: string;
  type: string;
  mentions: number;
  articles: number;
  spellings: string[];
  confirmed: boolean;
  /** The entity's defining mention (its first full-name mention), where Find Entity opens it. */
  location?: EntityLocation;
}

type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };
export interface EntityLocation {
  uri: string;
  range: LspRange;
}

/** Sent when the entities may have changed (a decision, an undo, files changed on disk): views fetch again. */
export const ENTITIES_CHANGED = 'articleLens/entitiesChanged';

/**
 * Request: the entities view, lazily. Without `type`: the groups (one per entity type, with counts under the
 * filter) and the orphaned annotations; with `type`: a page of that type's entities.
 */
export const ENTITIES_VIEW_REQUEST = 'articleLens/entitiesView';
export interface EntitiesViewParams {
  type?: 'person' | 'organization' | 'location' | 'misc';
  sort?: 'count' | 'name';
  /** Keeps entities whose name or a spelling contains it (case-insensitive). */
  filter?: string;
  offset?: number;
  limit?: number;
}
export interface EntitiesViewGroup {
  type: 'person' | 'organization' | 'location' | 'misc';
  /** For a person: "People", "Organizations", ... */
  label: string;
  entities: number;
  mentions: number;
}
export interface EntitiesViewEntity {
  id: string;
  /** Plain text, control characters removed; not markdown. */
  name: string;
  type: string;
  mentions: number;
  articles: number;
  /** The user's decisions on it, one phrase each; empty when the recogniser alone made it. */
  decisions: string[];
  /** Annotations meant for this entity that no longer find their words. */
  orphans: number;
}
export interface EntitiesViewOrphan {
  uri: string;
  exact: string;
  reason: string;
  entity: string | null;
}
export interface EntitiesViewResult {
  groups?: EntitiesViewGroup[];
  orphans?: EntitiesViewOrphan[];
  /** With `type`: the page asked for, and how many entities of the type pass the filter. */
  entities?: EntitiesViewEntity[];
  total?: number;
}

/** Request: `{ id }` -> where a click on an entity goes: its definition and every mention, or null if it is gone. */
export const ENTITY_LOCATIONS_REQUEST = 'articleLens/entityLocations';
export interface EntityLocationsResult {
  definition: EntityLocation;
  references: EntityLocation[];
  /** The user's note on it, for the note editor to start from. */
  note: string | null;
}

/**
 * Request: the co-occurrence graph: the most mentioned entities (of the types asked for) as nodes, and the pairs
 * of them that share the most articles (or sentences) as edges. Counts are made once per index version.
 */
export const GRAPH_REQUEST = 'articleLens/graph';
export type GraphScope = 'article' | 'sentence';
export interface GraphParams {
  /** Two entities co-occur when they are mentioned in the same article (default) or the same sentence. */
  scope?: GraphScope;
  /** Entity types to keep; all four when absent. */
  types?: ('person' | 'organization' | 'location' | 'misc')[];
  /** How many entities, most mentioned first (default 150, at most GRAPH_MAX_NODES). */
  nodes?: number;
  /** How many edges, strongest first (default 300, at most GRAPH_MAX_EDGES), plus each node's strongest edge. */
  edges?: number;
  /** Leaves out edges with a lower weight (default 1). */
  minWeight?: number;
}
export const GRAPH_MAX_NODES = 400;
export const GRAPH_MAX_EDGES = 2000;
export interface GraphNode {
  id: string;
  /** Plain text, control characters removed; not markdown. */
  name: string;
  type: 'person' | 'organization' | 'location' | 'misc';
  mentions: number;
  articles: number;
  /** The entity's defining mention, where a click shows its references; null when none is found. */
  definition: EntityLocation | null;
}
export interface GraphEdge {
  source: string;
  target: string;
  /** Articles (or sentences) that mention both. */
  weight: number;
}
export interface GraphResult {
  scope: GraphScope;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Entities of the types asked for in the whole corpus (the nodes are the most mentioned of them). */
  totalEntities: number;
  /** Edges among the nodes with at least the minimum weight (the edges sent are the strongest of them, and each node's strongest). */
  totalEdges: number;
}

/** Request: every decision of the user's, with where it applies, orphans first. */
export const DECISIONS_REQUEST = 'articleLens/decisions';
export interface DecisionItem {
  /** What the decision says, for a person. */
  label: string;
  /** Where it lives (the store file) and what it concerns. */
  detail: string;
  /** Where it applies, when it applies at one place. */
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
  orphan: boolean;
  file: string;
}

/** Request: the misspelling hints of the whole corpus (VS Code's Problems panel does not list hints). */
export const SPELLING_HINTS_REQUEST = 'articleLens/spellingHints';
export interface SpellingHintItem {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  spelling: string;
  suggestion: string;
  message: string;
}

/** Request: writes the corpus's annotations in a format other tools read (see README, Export). */
export const EXPORT_REQUEST = 'articleLens/export';
export interface ExportParams {
  /** A format name: brat, w3c, conll, jsonl, doccano, label-studio, csv. */
  format: string;
  /** Absolute path of the folder to write into. */
  out: string;
  onlyConfirmed?: boolean;
}
export interface ExportResult {
  /** Null when it was written; else why nothing was. */
  error: string | null;
  articles: number;
  mentions: number;
  files: number;
}

/** Request: brings annotations made elsewhere into the user's store as decisions (see README, Import). */
export const IMPORT_REQUEST = 'articleLens/import';
export interface ImportParams {
  /** A format the server reads: brat, jsonl, doccano, label-studio. */
  format: string;
  /** Absolute path of the file or folder to import. */
  path: string;
  /** Overrides the mode the file implies: `add` beside the recogniser's mentions, `replace` them. */
  mode?: 'add' | 'replace';
  /** Take the file's unconfirmed spans (predictions) as decisions too. */
  predictions?: boolean;
}
export interface ImportResult {
  /** Null when the import ran (some files may still have been refused: see `files`); else why nothing was done. */
  error: string | null;
  /** One entry per file read. */
  files: { file: string; imported: boolean; articles: number; decided: number; problems: string[] }[];
  decided: number;
  rejected: number;
  /** The report as the command line prints it, one line each. */
  lines: string[];
}

/** Request: imports a CSV or JSON lines file of `path,date[,title,source]` into the user's store (see README, Article dates). */
export const IMPORT_DATES_REQUEST = 'articleLens/importDates';
export interface ImportDatesParams {
  /** Absolute path of the `.csv`, `.jsonl` or `.json` file. */
  path: string;
  /** Check and report; write nothing. */
  dryRun?: boolean;
}
export interface ImportDatesResult {
  /** Null when the file was imported (or, with dryRun, would be); else why nothing was. */
  error: string | null;
  /** The bad rows, `line N: why`. */
  problems: string[];
  /** Articles whose date changed, and those that already had it. */
  changed: number;
  unchanged: number;
  /** The report as the command line prints it, one line each. */
  lines: string[];
}

/** Server command: `[AnnotateArgs]`. */
export const ANNOTATE_COMMAND = 'articleLens.annotate';
export interface AnnotateArgs {
  uri: string;
  /** The mention or selection acted on, as an LSP range in the document as the client has it. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  action: Action;
}
export interface AnnotateResult {
  ok: boolean;
  message: string;
}

/** Server command: undo the last decision of this session. */
export const UNDO_COMMAND = 'articleLens.undoDecision';
/**
 * Server command: `[uri, 'YYYY-MM-DD' | null]` sets or clears the user's date for an article; `[uris[], date]`
 * for several at once (one undoable decision).
 */
export const SET_ARTICLE_DATE = 'articleLens.setArticleDate';

// Client commands a code action may carry: they ask the user for the rest, then run ANNOTATE_COMMAND.
/** `[AnnotateArgs without action, { entity, name }]`: a fuzzy pick list of entities to merge with. */
export const PICK_MERGE_TARGET = 'articleLens.pickMergeTarget';
/** `[AnnotateArgs without action, { kind: 'note' | 'externalId' | 'value', current }]`: an input box. */
export const ASK_ANNOTATION_TEXT = 'articleLens.askAnnotationText';
/** The client command that lists the related articles in a pick list. */
export const SHOW_RELATED = 'articleLens.showRelatedArticles';
/** The client command that asks the user for the date, then runs SET_ARTICLE_DATE: `[uri, current]` from a code lens, `[Uri, Uri[]]` from the Explorer. */
export const PICK_ARTICLE_DATE = 'articleLens.pickArticleDate';
/** The client command that asks for a file of dates, then sends IMPORT_DATES_REQUEST. */
export const IMPORT_DATES_COMMAND = 'articleLens.importDates';
/** The client command that asks for an entity by name, typos forgiven, and opens its defining mention. */
export const FIND_ENTITY = 'articleLens.findEntity';
/** The client command that shows the decisions in a pick list. */
export const SHOW_DECISIONS = 'articleLens.showDecisions';

/**
 * Request: the map view's places. Each location entity is placed at its best gazetteer match (the most populous
 * city of its name, or a country at its capital), one marker per matched place; places the gazetteer does not
 * know are listed, never guessed. `problem` says why the gazetteer could not be read (then nothing is placed).
 */
export const MAP_REQUEST = 'articleLens/map';
export interface MapRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface MapResult {
  places: {
    key: string;
    /** `Paris, FR` or `France`. */
    label: string;
    /** `city, population 2.1 M` or `country, drawn at its capital Paris`. */
    detail: string;
    /** `assumed: the largest place of this name (…)` when other places share the name. */
    assumed: string | null;
    lat: number;
    lon: number;
    mentions: number;
    articleCount: number;
    /** `readAs`: how a short form was read (`UK` as `the United Kingdom`). */
    entities: { id: string; name: string; mentions: number; matchedSpelling: string | null; readAs: string | null }[];
    /** The articles with the most mentions, at most 20; `article` indexes `articles`. */
    articles: { article: number; mentions: number; range: MapRange }[];
  }[];
  /** `reason`: `not in the gazetteer`, or `a continent: no single point`. */
  unplaced: { id: string; name: string; mentions: number; articleCount: number; reason: string; first: { uri: string; range: MapRange } | null }[];
  unplacedTotal: number;
  articles: { uri: string; title: string }[];
  problem: string | null;
}

/** The client command a hover card links to for the rest of an entity's mentions: `[entity id]`. */
export const SHOW_MENTIONS = 'articleLens.showMentions';
