// The corpus index: every analysed document, and the indexes that answer editor questions without scanning the
// corpus: name key -> documents, entity -> keys, date value -> documents (values known apart from values guessed from a file's date). It runs the one pipeline from the
// recogniser's output to final mentions: the user's decisions applied once per document (cached with it, so a
// decision never re-runs the tagger), clustering with the user's registry as constraints, final mentions.
import { ENTITY_TYPES, type DocumentAnalysis, type Entity, type EntityType, type FinalMention, type Mention, type MentionType, canScan, isEntityType } from '../model';
import { knownDateOf } from './articleDates';

export { articleAt, isDated, knownDateOf } from './articleDates';
import { LineIndex } from '../text/lineIndex';
import { createAliasResolver } from '../resolve/aliases';
import type { EntityResolver } from '../resolve/corpus';
import { NO_RULES, type PlacedRecord, type SpellingRules, applyDecisions } from '../annotations/apply';
import { reattach, textHash } from '../annotations/anchor';
import type { RegistryEntity } from '../annotations/registry';
import type { SpanRecord } from '../annotations/spans';
import { LazyMap } from './lazyMap';
import { type NameStats, NameTable, canonicalForm, docsOfType, sureCount } from './nameTable';
import { nameKey } from '../resolve/names';
import { type Clusters, type ClustersState, buildClusters, clustersFromState, clustersState, entityOfMention, registryDigest, updateClusters } from './clusters';

export interface IndexedDocument {
  readonly uri: string;
  readonly version: number;
  /** The recogniser's output, as analysed (and cached) before any decision of the user's. */
  readonly analysis: DocumentAnalysis;
  /** Final mentions: sorted, non-overlapping, each with its final type and entity. What every consumer reads. */
  readonly mentions: readonly FinalMention[];
  /** The user's records on this article that could not be placed on its text with confidence. */
  readonly orphans: readonly Orphan[];
  /** The user's records placed on the text, with where they now are. */
  readonly placed: readonly PlacedRecord[];
  readonly lines: LineIndex;
  /** The text; for documents indexed without it, read on first use through the index's text loader. */
  readonly text: string;
}

export interface Orphan {
  record: SpanRecord;
  reason: string;
}

/**
 * A document of a persistent index: its analysis (whose mentions may be made only when first read), its line index,
 * and, where known without reading the mentions, the values of its date mentions.
 */
export interface RestoredDocument {
  analysis: DocumentAnalysis;
  lines: LineIndex;
  dates?: readonly { value: string; guessed: boolean }[];
}

/** The resolver's groups, representative key -> keys, with the fingerprint of the name table they were made from. */
export interface SavedGroups {
  fingerprint: string;
  groups: ReadonlyMap<string, readonly string[]>;
  /**
   * The entities built from them, and the digest of the registry they were built with (clusters.ts, registryDigest);
   * `current` says whether they are still the index's (a change replaces them, and may update their maps in place).
   */
  built?: { state: ClustersState; registry: string; current?: () => boolean };
}

/** What the index needs of a document: its analysis, and either its text or its line index. */
export type DocumentContent = { text: string } | { lines: LineIndex };

export interface CorpusIndexOptions {
  resolver?: EntityResolver;
  /** Reads a document's text when it was indexed without it (from a cache or a worker); '' when unreadable. */
  loadText?: (uri: string) => string;
}

/** The user's corpus-wide decisions: the registry's entities and its decisions on spellings. */
export interface Decisions {
  entities: readonly RegistryEntity[];
  rules: SpellingRules;
}

const NO_PLACED = Object.freeze([]) as unknown as PlacedRecord[];
const NO_ORPHANS = Object.freeze([]) as unknown as Orphan[];

/** What a stored document asks of its index. */
interface DocumentHost {
  loadText(uri: string): string;
  finalize(doc: StoredDocument): { version: number; mentions: FinalMention[] };
  clustersVersion(): number;
}

class StoredDocument implements IndexedDocument {
  private cachedText: string | undefined;
  private decidedOwn: Mention[] | null = null;
  /** The mentions after the user's decisions, before clustering: the recogniser's own until a decision is applied. */
  get decided(): Mention[] {
    return this.decidedOwn ?? this.analysis.mentions;
  }
  set decided(mentions: Mention[]) {
    // Where no decision touches the document (applyDecisions gives the recogniser's own list back), none is kept:
    // the analysis holds its mentions packed, made when read, and a copy per document would undo that.
    this.decidedOwn = mentions === this.held.mentions ? null : mentions;
  }
  // Shared empty lists until the user's records are placed: most of an archive's documents have none.
  placed: PlacedRecord[] = NO_PLACED;
  orphans: Orphan[] = NO_ORPHANS;
  /** The text the records were last placed on, kept only for documents with records: a change is diffed against it. */
  placedOn: string | null = null;
  private final: { version: number; mentions: FinalMention[] } | null = null;

  constructor(
    private held: DocumentAnalysis,
    readonly lines: LineIndex,
    text: string | undefined,
    /** The index's services, one object for all its documents (not closures of each: 100,000 documents hold them). */
    private readonly host: DocumentHost,
  ) {
    this.cachedText = text;
  }

  get analysis(): DocumentAnalysis {
    return this.held;
  }

  /** Holds `analysis`, equal to the one held, in its place (see CorpusIndex.holdCompactly). */
  swap(analysis: DocumentAnalysis): void {
    if (this.decidedOwn === this.held.mentions) this.decidedOwn = null;
    this.held = analysis;
  }

  get uri(): string {
    return this.analysis.uri;
  }

  get version(): number {
    return this.analysis.version;
  }

  get text(): string {
    if (this.cachedText !== undefined) return this.cachedText;
    // Lazily loaded text is not kept: only a few documents are read per hover, and memory stays small.
    // Text that no longer fits the line index (the file changed on disk) would give wrong snippets: none at all is better.
    const text = this.host.loadText(this.uri);
    return text.length === this.lines.length ? text : '';
  }

  get mentions(): FinalMention[] {
    if (this.final === null || this.final.version !== this.host.clustersVersion()) this.final = this.host.finalize(this);
    return this.final.mentions;
  }

  /** The final mentions if they are kept and current, else null (see CorpusIndex.mentionsOf). */
  keptFinal(): FinalMention[] | null {
    return this.final !== null && this.final.version === this.host.clustersVersion() ? this.final.mentions : null;
  }

  /**
   * Visits each decided mention's start, type, key and value, without making the mentions where the analysis holds
   * them packed and no decision changed them (a scan of every article otherwise makes millions of objects).
   */
  scanDecided(visit: (start: number, type: MentionType, key: string | null, value: string | null) => void): void {
    if (this.decidedOwn === null && canScan(this.held) && this.held.scanMentions(visit)) return;
    for (const m of this.decided) visit(m.start, m.type, m.key, m.value);
  }

  /** The decided mentions `keep` takes, made as objects only for those where the analysis holds them packed. */
  decidedWhere(keep: (type: MentionType, key: string | null, value: string | null) => boolean): Mention[] {
    if (this.decidedOwn === null && canScan(this.held)) {
      const some = this.held.mentionsWhere(keep);
      if (some) return some;
    }
    return this.decided.filter((m) => keep(m.type, m.key, m.value));
  }

  /** Drops the final mentions kept for reuse (made again on the next question). */
  forgetFinal(): void {
    this.final = null;
  }
}

export interface MentionRef {
  uri: string;
  mention: Mention;
}

export interface EntityInfo extends Entity {
  /** Name keys that resolve to this entity. */
  keys: string[];
  /** The user's registry entry for it, when the user decided on it (renamed, typed, merged, split, noted). */
  registered?: RegistryEntity;
  /** Cleaned spellings with counts, commonest first. */
  spellings: { text: string; count: number }[];
  mentionCount: number;
  /** Of `mentionCount`, the recogniser's mentions it was sure of the type of (the user's decisions are not counted). */
  sureMentions: number;
  /** The entity takes only its names' mentions of its type: they are also names of another type (clusters.ts, senses). */
  typeSlice?: true;
  /** Mentions per document, for every document that mentions the entity. */
  documents: Map<string, number>;
  /** The defining mention, once a query has looked for it (null: none); dropped with the entity when it changes. */
  definition?: MentionRef | null;
  /** Entities sharing the most articles with this one, once a hover has counted them. */
  related?: { id: string; name: string; type: EntityType; articles: number }[];
  /** The dates of its articles, once a hover has looked, for the index's generation then (an article's date may change). */
  dates?: { generation: number; appears: { first: string; last: string } | null; undatedArticles: number };
}

/** How many documents keep their final mentions between questions (see CorpusIndex.finalized). */
const FINALIZED_KEPT = 2000;

export class CorpusIndex {
  private readonly docs = new Map<string, StoredDocument>();
  private readonly names = new NameTable();
  private readonly dates = new Map<string, Map<string, number>>();
  /** Values counted from a file's date: kept apart, so "the same day" never mixes a guess with a known date. */
  private readonly guessedDates = new Map<string, Map<string, number>>();
  private clusters: Clusters | null = null;
  /** Clusters are rebuilt when the name table or the registry changed since they were built. */
  private clustersStale = true;
  /**
   * A decision of the user's changed mentions since the entities were last built: no answer may take the old table
   * then (see provisionalMentions), since the decision's types and entities are the point of it.
   */
  private decisionPending = false;
  /** The resolver's groups restored from a cache, used once instead of resolving an unchanged table again. */
  private restoredGroups: Map<string, string> | null = null;
  /** False after groups were restored from a cache, until the resolver has indexed every key. */
  private resolverReady = true;
  private clustersVersion = 0;
  private readonly entityCache = new Map<string, EntityInfo>();
  private order: string[] | null = null;
  private decisions: Decisions = { entities: [], rules: NO_RULES };
  private readonly records = new Map<string, readonly SpanRecord[]>();
  /** Titles the user gave articles, by uri: they win over the front matter's and the headline. */
  private userTitles: ReadonlyMap<string, string> = new Map();
  /** Bumped on every change, so caches built over the whole corpus know when they are stale. */
  generation = 0;

  private readonly resolver: EntityResolver;
  private readonly loadText: (uri: string) => string;

  private readonly host: DocumentHost;

  constructor(options: CorpusIndexOptions = {}) {
    this.resolver = options.resolver ?? createAliasResolver();
    this.loadText = options.loadText ?? (() => '');
    this.host = { loadText: this.loadText, finalize: (d) => this.finalize(d), clustersVersion: () => this.ensureClusters().version };
  }

  setUserTitles(titles: ReadonlyMap<string, string>): void {
    const same = titles.size === this.userTitles.size && [...titles].every(([uri, t]) => this.userTitles.get(uri) === t);
    if (same) return;
    this.userTitles = titles;
    this.generation++;
  }

  /**
   * An article's title as lists show it: the user's, else the front matter's or the headline the analysis found.
   * In a file of several articles the user's title is the first article's (a title is imported per file).
   */
  titleOf(doc: IndexedDocument): string {
    return this.userTitles.get(doc.uri) ?? doc.analysis.title;
  }

  /** Adds or replaces a document's analysis (the recogniser's output); the user's decisions are applied to it here. */
  set(analysis: DocumentAnalysis, content: DocumentContent): IndexedDocument {
    const previous = this.docs.get(analysis.uri);
    const doc =
      'text' in content
        ? new StoredDocument(analysis, LineIndex.fromText(content.text), content.text, this.host)
        : new StoredDocument(analysis, content.lines, undefined, this.host);
    if (previous) {
      doc.placedOn = previous.placedOn;
      doc.placed = previous.placed;
    }
    if (previous) this.finalized.delete(previous);
    this.decide(doc);
    this.docs.set(doc.uri, doc);
    if (this.spellings) {
      if (previous) indexSpellings(this.spellings, previous.uri, previous.analysis.mentions, false);
      indexSpellings(this.spellings, doc.uri, doc.analysis.mentions, true);
    }
    this.replaceMentions(doc.uri, previous?.decided ?? [], doc.decided);
    // An article analysed again under the same date keeps its place in corpus order (most edits).
    this.changed(!previous || knownDateOf(previous.analysis) !== knownDateOf(analysis));
    return doc;
  }

  /**
   * A warm start's bulk load: documents from a persistent index, with the name table of their recogniser's output
   * (`table`, counted from exactly the cached documents: those taken here and those `dropped`), so that millions of
   * mentions are not counted again one by one. `dropped` are the cached analyses not taken (the file changed or went,
   * or is open in the editor): their share comes off the table. A document already indexed (opened meanwhile) is
   * kept as it is and its cached analysis dropped. The user's decisions are then applied where they touch, so the
   * index ends as set() on each document would leave it.
   */
  restore(documents: readonly RestoredDocument[], table: Iterable<NameStats>, dropped: readonly DocumentAnalysis[]): void {
    const held = [...this.docs.values()];
    this.names.load(table);
    for (const a of dropped) this.names.remove(a.uri, a.mentions);
    const taken: StoredDocument[] = [];
    for (const { analysis, lines, dates } of documents) {
      if (this.docs.has(analysis.uri)) {
        this.names.remove(analysis.uri, analysis.mentions);
        continue;
      }
      // Its decided mentions are the recogniser's until a decision touches it (checked below): what decide() gives.
      const doc = new StoredDocument(analysis, lines, undefined, this.host);
      this.docs.set(doc.uri, doc);
      if (this.spellings) indexSpellings(this.spellings, doc.uri, analysis.mentions, true);
      if (dates) for (const d of dates) bump(d.guessed ? this.guessedDates : this.dates, d.value, doc.uri, 1);
      else for (const m of analysis.mentions) if (m.value !== null) bump(m.guessed ? this.guessedDates : this.dates, m.value, doc.uri, 1);
      taken.push(doc);
    }
    for (const doc of held) this.names.add(doc.uri, doc.decided);
    const rules = this.decisions.rules;
    const keys = new Set([...rules.rejected, ...rules.typed.keys()]);
    for (const doc of taken) {
      const touched = this.records.has(doc.uri) || rules.lexicon.length > 0 || (keys.size > 0 && doc.analysis.mentions.some((m) => m.key !== null && keys.has(keyOfSpelling(m))));
      if (touched) this.redecide(doc);
    }
    this.clustersStale = true;
    this.changed();
  }

  /**
   * Holds `to` in place of `from`, a document's analysis as indexed: the same analysis, its mentions kept compactly
   * until read (a cold index of a large archive would otherwise hold millions of mention objects). Nothing any
   * question sees changes. False when the document holds another analysis by now.
   */
  holdCompactly(from: DocumentAnalysis, to: DocumentAnalysis): boolean {
    const doc = this.docs.get(from.uri);
    if (!doc || doc.analysis !== from) return false;
    doc.swap(to);
    return true;
  }

  delete(uri: string): boolean {
    const doc = this.docs.get(uri);
    if (!doc) return false;
    this.finalized.delete(doc);
    this.replaceMentions(uri, doc.decided, []);
    if (this.spellings) indexSpellings(this.spellings, uri, doc.analysis.mentions, false);
    this.docs.delete(uri);
    this.changed();
    return true;
  }

  /**
   * The user's corpus-wide decisions. Documents whose mentions the spelling rules touch (or may: a typed spelling
   * is searched for in every text) are decided again; the entities are rebuilt on the next question.
   */
  setDecisions(decisions: Decisions): void {
    const before = this.decisions.rules;
    this.decisions = decisions;
    this.clustersStale = true;
    this.decisionPending = true;
    const keys = new Set([...before.rejected, ...before.typed.keys(), ...decisions.rules.rejected, ...decisions.rules.typed.keys()]);
    const lexiconChanged = JSON.stringify(before.lexicon) !== JSON.stringify(decisions.rules.lexicon);
    if (before.lexicon.length + decisions.rules.lexicon.length > 0) {
      // Typed spellings are searched for in every text.
      for (const doc of this.docs.values()) {
        const affected = lexiconChanged || doc.analysis.mentions.some((m) => m.key !== null && keys.has(keyOfSpelling(m)));
        if (affected || (keys.size > 0 && doc.decided.some((m) => m.confirmed))) this.redecide(doc);
      }
    } else if (keys.size > 0) {
      // The articles that write one of the spellings, and those with the user's records (the only others with
      // confirmed mentions when no spelling is typed).
      const uris = new Set(this.records.keys());
      const index = this.spellingIndex();
      for (const key of keys) for (const uri of index.get(key) ?? []) uris.add(uri);
      for (const uri of uris) {
        const doc = this.docs.get(uri);
        if (doc) this.redecide(doc);
      }
    }
    this.entityCache.clear();
    // Decisions change mentions, never an article's date: corpus order stands.
    this.changed(false);
  }

  /** The user's records on one article (null: none). Placed on its text now, or when it is indexed. */
  setRecords(uri: string, records: readonly SpanRecord[] | null): void {
    if (records && records.length > 0) this.records.set(uri, records);
    else this.records.delete(uri);
    const doc = this.docs.get(uri);
    if (doc) {
      this.redecide(doc);
      this.decisionPending = true;
      this.changed(false);
    }
  }

  recordsOf(uri: string): readonly SpanRecord[] {
    return this.records.get(uri) ?? [];
  }

  /** Every article with records, placed or not (records may wait for an article not indexed yet). */
  annotatedUris(): string[] {
    return [...this.records.keys()];
  }

  getDecisions(): Decisions {
    return this.decisions;
  }

  /** Spelling key -> the articles that write it; built when a decision first needs it, then kept current. */
  private spellings: Map<string, Set<string>> | null = null;

  private spellingIndex(): Map<string, Set<string>> {
    if (!this.spellings) {
      this.spellings = new Map();
      for (const doc of this.docs.values()) indexSpellings(this.spellings, doc.uri, doc.analysis.mentions, true);
    }
    return this.spellings;
  }

  private redecide(doc: StoredDocument): void {
    const before = doc.decided;
    this.decide(doc);
    this.replaceMentions(doc.uri, before, doc.decided);
  }

  /** Places the document's records on its text and applies every decision to the recogniser's output. */
  private decide(doc: StoredDocument): void {
    const records = this.records.get(doc.uri) ?? [];
    const rules = this.decisions.rules;
    const needsText = records.length > 0 || rules.lexicon.length > 0;
    const text = needsText ? doc.text : null;
    // Where each record sat on the text it was last placed on: a change is diffed from there.
    const before = new Map(doc.placed.map((p) => [p.record.id, p.span]));
    const last = doc.placedOn;
    doc.placed = records.length > 0 ? [] : NO_PLACED;
    doc.orphans = records.length > 0 ? [] : NO_ORPHANS;
    if (records.length > 0 && text !== null && text !== '') {
      const hash = textHash(text);
      for (const record of records) {
        const prior = last !== null ? before.get(record.id) : undefined;
        const placement =
          prior !== undefined
            ? reattach(prior, quoteOfRecord(record), text, last)
            : reattach({ start: record.start, end: record.end }, quoteOfRecord(record), text, record.hash === hash ? text : null);
        if (placement.span) doc.placed.push({ record, span: placement.span });
        else doc.orphans.push({ record, reason: placement.reason });
      }
      doc.placedOn = text;
    } else {
      for (const record of records) doc.orphans.push({ record, reason: 'the article text could not be read' });
      doc.placedOn = null;
    }
    // Records placed later in the list win where two overlap; the list is in the order the user decided.
    doc.decided = applyDecisions(text, doc.analysis.mentions, rules, doc.placed);
  }

  /** Updates the name table and the date index from one document's old mentions to its new ones. */
  private replaceMentions(uri: string, before: readonly Mention[], after: readonly Mention[]): void {
    // An edit that leaves the names as they were (most keystrokes) changes nothing the entities rest on.
    // (A document new to the index changes them when it names anything: no signature to compare.)
    if (before.length === 0 ? after.some((m) => m.key !== null) : nameSignature(before) !== nameSignature(after)) {
      this.names.replace(uri, before, after);
      this.clustersStale = true;
    }
    for (const m of after) if (m.value !== null) bump(m.guessed ? this.guessedDates : this.dates, m.value, uri, 1);
    for (const m of before) if (m.value !== null) bump(m.guessed ? this.guessedDates : this.dates, m.value, uri, -1);
  }

  get(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Documents in corpus order: by known reference date (undated and guessed last), then by uri. */
  documents(): IndexedDocument[] {
    if (!this.order) {
      // Each document's date looked up once, not in every comparison (100,000 articles: 1.7 million of them).
      const keyed = [...this.docs.values()].map((d) => ({ date: knownDateOf(d.analysis), uri: d.uri }));
      keyed.sort(compareKeyed);
      this.order = keyed.map((k) => k.uri);
    }
    return this.order.map((u) => this.docs.get(u)!);
  }

  /** Each document's place in corpus order, made with the order: sorting by it costs no date comparisons. */
  private ranks: Map<string, number> | null = null;

  /** A document's place in corpus order (documents()); -1 when it is not indexed. */
  rankOf(uri: string): number {
    if (!this.ranks || !this.order) {
      const order = this.documents();
      this.ranks = new Map();
      for (let i = 0; i < order.length; i++) this.ranks.set(order[i].uri, i);
    }
    return this.ranks.get(uri) ?? -1;
  }

  /**
   * `uris` in corpus order, as sorting them by rankOf gives (those not indexed first, as they came): by their ranks
   * sorted as numbers, not by a comparison looking both up each time (an entity of an archive is in thousands of
   * articles, and a page of its references sorted them at each request).
   */
  inCorpusOrder(uris: Iterable<string>): string[] {
    const unknown: string[] = [];
    const known: number[] = [];
    for (const u of uris) {
      const r = this.rankOf(u);
      if (r < 0) unknown.push(u);
      else known.push(r);
    }
    const ranks = Int32Array.from(known).sort();
    const order = this.order!;
    for (const r of ranks) unknown.push(order[r]);
    return unknown;
  }

  /** Rank of a document in corpus order, for sorting mentions. */
  compareUris(a: string, b: string): number {
    const ra = this.rankOf(a);
    const rb = this.rankOf(b);
    if (ra < 0 || rb < 0) return a < b ? -1 : a > b ? 1 : 0;
    return ra - rb;
  }

  entityIdOfKey(key: string): string | undefined {
    return this.ensureClusters().keyToEntity.get(key);
  }

  /** The entity of a final mention (or of a mention's key). */
  entityOf(mention: Mention): EntityInfo | undefined {
    const id = 'entity' in mention ? (mention as FinalMention).entity : mention.key === null ? undefined : this.entityIdOfKey(mention.key);
    return id === null || id === undefined ? undefined : this.entity(id);
  }

  entity(id: string): EntityInfo | undefined {
    const clusters = this.ensureClusters();
    const cached = this.entityCache.get(id);
    if (cached) return cached;
    const keys = clusters.entityKeys.get(id);
    if (!keys) return undefined;
    const forms = new Map<string, number>();
    let mentionCount = 0;
    // An entity that takes some types of its names (senses) counts their mentions of those types; spellings are kept
    // per name, not per type, so it lists every spelling of its names.
    const slice = clusters.slices.get(id);
    let sureMentions = 0;
    const stats: NameStats[] = [];
    for (const key of keys) {
      const s = this.names.get(key);
      if (!s) continue;
      stats.push(s);
      for (const [f, n] of s.forms) forms.set(f, (forms.get(f) ?? 0) + n);
      for (const t of slice ?? ENTITY_TYPES) {
        mentionCount += s.types[t];
        sureMentions += sureCount(s, t);
      }
    }
    // Its articles are counted when first asked for: a hover weighs dozens of entities by how many articles they are
    // in (known without counting for an entity of one name), and the articles of an entity of thousands are many.
    const documents = new LazyMap<string, number>(
      (map) => {
        for (const s of stats) for (const t of slice ?? [null]) for (const [u, n] of t === null ? s.docs : docsOfType(s, t)) map.set(u, (map.get(u) ?? 0) + n);
      },
      stats.length === 1 && !slice ? stats[0].docs.size : -1,
    );
    const spellings = [...forms].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
    const registered = clusters.registered.get(id);
    const info: EntityInfo = { id, name: registered?.name ?? canonicalForm(forms), type: clusters.types.get(id)!, keys, spellings, mentionCount, sureMentions, documents };
    if (registered) info.registered = registered;
    if (slice && slice.size < ENTITY_TYPES.length) info.typeSlice = true;
    this.entityCache.set(id, info);
    return info;
  }

  entities(): EntityInfo[] {
    const out: EntityInfo[] = [];
    for (const id of this.ensureClusters().entityKeys.keys()) {
      const e = this.entity(id);
      if (e) out.push(e);
    }
    return out;
  }

  /** Every mention of an entity, in corpus order. */
  mentionsOf(entity: EntityInfo): MentionRef[] {
    const uris = this.inCorpusOrder(entity.documents.keys());
    const out: MentionRef[] = [];
    const keys = new Set(entity.keys);
    for (const uri of uris) this.collectMentions(entity, keys, uri, out);
    return out;
  }

  /** An entity's mentions in one document, in text order: for views that point into a few of its articles, not all. */
  mentionsIn(entity: EntityInfo, uri: string): MentionRef[] {
    const out: MentionRef[] = [];
    if (entity.documents.has(uri)) this.collectMentions(entity, new Set(entity.keys), uri, out);
    return out;
  }

  private collectMentions(entity: EntityInfo, keys: Set<string>, uri: string, out: MentionRef[]): void {
    // Only the entity's mentions are made final: a question across the corpus finalizes no whole document.
    const doc = this.docs.get(uri)!;
    const kept = doc.keptFinal();
    if (kept) {
      for (const mention of kept) if (mention.entity === entity.id) out.push({ uri, mention });
      return;
    }
    const clusters = this.ensureClusters();
    for (const m of doc.decidedWhere((type, key) => key !== null && keys.has(key) && entityOfMention(clusters, key, type) === entity.id)) out.push({ uri, mention: finalMention(m, clusters) });
  }

  /** The entities a document mentions, without making its mentions final. */
  entitiesIn(uri: string): Set<string> {
    const out = new Set<string>();
    const doc = this.docs.get(uri);
    if (!doc) return out;
    const clusters = this.ensureClusters();
    doc.scanDecided((_, type, key) => {
      const id = key === null ? undefined : entityOfMention(clusters, key, type);
      if (id !== undefined) out.add(id);
    });
    return out;
  }

  /** Where a document mentions entities (entity id and start offset, in text order), without making its mentions final. */
  entityMentionsIn(uri: string): { entity: string; start: number }[] {
    const out: { entity: string; start: number }[] = [];
    const doc = this.docs.get(uri);
    if (!doc) return out;
    const clusters = this.ensureClusters();
    doc.scanDecided((start, type, key) => {
      const id = key === null ? undefined : entityOfMention(clusters, key, type);
      if (id !== undefined) out.push({ entity: id, start });
    });
    return out;
  }

  /** Documents that mention a date or time value, with counts: where it is known, or (`guessed`) where it is a guess. */
  documentsWithValue(value: string, guessed = false): Map<string, number> {
    return (guessed ? this.guessedDates : this.dates).get(value) ?? new Map();
  }

  /**
   * Every mention of a date or time value, in corpus order: the known ones, or (`guessed`) the guessed ones;
   * with `uris`, only those of these documents, in that order (a page of references).
   */
  mentionsOfValue(value: string, guessed = false, uris?: readonly string[]): MentionRef[] {
    uris ??= this.inCorpusOrder(this.documentsWithValue(value, guessed).keys());
    const same = (m: Mention) => m.value === value && (m.guessed === true) === guessed;
    const out: MentionRef[] = [];
    const clusters = this.ensureClusters();
    for (const uri of uris) {
      const doc = this.docs.get(uri)!;
      const kept = doc.keptFinal();
      if (kept) for (const mention of kept) if (same(mention)) out.push({ uri, mention });
      if (kept) continue;
      for (const m of doc.decided) if (same(m)) out.push({ uri, mention: finalMention(m, clusters) });
    }
    return out;
  }

  /** Every document, unordered (cheaper than `documents()` when order does not matter). */
  all(): IterableIterator<IndexedDocument> {
    return this.docs.values();
  }

  /**
   * A document's date and time mentions with a value, as decided, without making its mentions final: a date has no
   * entity, so its decided mention is its final one (finalMention adds only `entity: null`).
   */
  datedMentionsIn(uri: string): readonly Mention[] {
    const doc = this.docs.get(uri);
    if (!doc) return [];
    return doc.decidedWhere((_, key, value) => value !== null && key === null);
  }

  private changed(orderChanged = true): void {
    this.generation++;
    if (!orderChanged) return;
    this.order = null;
    this.ranks = null;
  }

  /**
   * Lets the resolver index the keys seen so far, so the resolution after a cold indexing has less left to do.
   * Called in the idle moments of indexing; it changes no answer.
   */
  prepareEntities(limit = Infinity): boolean {
    if (this.resolverReady && this.restoredGroups === null && this.clusters !== null && !this.clustersStale) return true;
    const done = this.resolver.prepare?.(this.names, limit) ?? true;
    if (done) this.resolverReady = true;
    return done;
  }

  /** The resolver's groups (representative key -> keys) with a fingerprint of the table they were made from, to persist. */
  exportClusters(): SavedGroups | null {
    if (this.clusters === null) return null;
    this.ensureClusters();
    const groups = this.currentGroups;
    if (!groups) return null;
    const out = new Map<string, string[]>();
    for (const [key, rep] of groups) {
      const keys = out.get(rep);
      if (keys) keys.push(key);
      else out.set(rep, [key]);
    }
    const clusters = this.clusters!;
    return { fingerprint: this.names.fingerprint(), groups: out, built: { state: clustersState(clusters), registry: registryDigest(this.decisions.entities), current: () => this.clusters === clusters } };
  }

  /**
   * Takes the resolver's groups persisted with an unchanged name table instead of resolving the whole table again.
   * Refused (false) unless they were made from a table with the same fingerprint.
   */
  restoreClusters(saved: SavedGroups | undefined): boolean {
    if (this.clusters !== null && !this.clustersStale) return false;
    if (!saved || saved.fingerprint !== this.names.fingerprint()) return false;
    // The entities themselves, where they were built with the same registry (every key of the table is placed).
    const built = saved.built;
    if (built && built.registry === registryDigest(this.decisions.entities) && built.state.keyToEntity.size === this.names.size) {
      this.clusters = clustersFromState(built.state, this.decisions.entities, ++this.clustersVersion);
      this.currentGroups = new Map(built.state.repOf);
      this.resolver.adopt?.(this.names, this.currentGroups);
      this.restoredGroups = null;
      this.resolverReady = false;
      this.clustersStale = false;
      this.entityCache.clear();
      return true;
    }
    const groups = new Map<string, string>();
    for (const [rep, keys] of saved.groups) {
      for (const k of keys) {
        if (!this.names.get(k) || groups.has(k)) return false;
        groups.set(k, rep);
      }
    }
    this.restoredGroups = groups;
    this.resolver.adopt?.(this.names, groups);
    this.resolverReady = false;
    this.clustersStale = true;
    return true;
  }

  /** Changes whenever the entity table may have changed: caches over it key on this. */
  get entityTableVersion(): number {
    return this.ensureClusters().version;
  }

  private currentGroups: Map<string, string> | null = null;

  /**
   * The entities, brought up to date whenever the name table or the registry changed: over the keys the change
   * reaches (whole after a restore or a resolution of the whole table), always what a fresh index of the same
   * corpus and decisions gives.
   */
  private ensureClusters(): Clusters {
    if (this.clusters !== null && !this.clustersStale) return this.clusters;
    const restored = this.restoredGroups;
    const groups = restored ?? this.resolver.resolve(this.names);
    this.restoredGroups = null;
    this.currentGroups = groups;
    const touched = restored === null ? this.resolver.touched : null;
    this.clusters =
      this.clusters !== null && touched
        ? updateClusters(this.clusters, this.names, groups, touched, this.decisions.entities, ++this.clustersVersion)
        : buildClusters(this.names, groups, this.decisions.entities, ++this.clustersVersion);
    this.clustersStale = false;
    this.decisionPending = false;
    this.entityCache.clear();
    return this.clusters;
  }

  /**
   * A document's mentions with the entity table as it was last built, without bringing it up to date: to colour
   * an article at once while thousands of others are being indexed, or while its own text is typed (bringing the
   * table up to date resolves every name a change reaches: at 100,000 articles a common name's count changing
   * reaches thousands). A name new since then keeps the type of its own mentions and no entity yet; the final
   * mentions, asked for once things are quiet, settle both. After a decision of the user's, they are the final ones.
   */
  provisionalMentions(uri: string): FinalMention[] {
    const doc = this.docs.get(uri);
    if (!doc) return [];
    const clusters = this.clusters;
    if (clusters === null || !this.clustersStale || this.decisionPending) return doc.mentions;
    return doc.decided.map((m) => finalMention(m, clusters));
  }

  /**
   * Documents whose final mentions are kept, oldest first: a question across the corpus finalizes thousands,
   * and keeping them all would hold a copy of every mention of the corpus.
   */
  private readonly finalized = new Set<StoredDocument>();

  /** Final mentions of one document: each name takes its entity's id and type. */
  private finalize(doc: StoredDocument): { version: number; mentions: FinalMention[] } {
    const clusters = this.ensureClusters();
    this.finalized.delete(doc);
    this.finalized.add(doc);
    if (this.finalized.size > FINALIZED_KEPT) {
      const oldest = this.finalized.values().next().value as StoredDocument;
      this.finalized.delete(oldest);
      oldest.forgetFinal();
    }
    return { version: clusters.version, mentions: doc.decided.map((m) => finalMention(m, clusters)) };
  }
}

/** A decided mention made final: a name takes its entity's id and type. */
function finalMention(m: Mention, clusters: Clusters): FinalMention {
  if (m.key === null) return { ...m, entity: null, confirmed: m.confirmed === true };
  const id = entityOfMention(clusters, m.key, m.type) ?? null;
  const type = id === null ? m.type : (clusters.types.get(id) ?? m.type);
  const final: FinalMention = { ...m, type, entity: id, confirmed: m.confirmed === true || (id !== null && clusters.claimed.get(m.key) === id) };
  if (type !== m.type && isEntityType(m.type)) final.recognisedType = m.type;
  return final;
}

/** The spelling a rule on spellings matches: the name as written, not its in-document alias. */
function keyOfSpelling(m: Mention): string {
  return nameKeyCached(m.text);
}

function indexSpellings(index: Map<string, Set<string>>, uri: string, mentions: readonly Mention[], add: boolean): void {
  for (const m of mentions) {
    if (m.key === null) continue;
    const key = keyOfSpelling(m);
    let uris = index.get(key);
    if (add) {
      if (!uris) index.set(key, (uris = new Set()));
      uris.add(uri);
    } else if (uris) {
      uris.delete(uri);
      if (uris.size === 0) index.delete(key);
    }
  }
}

const keyCache = new Map<string, string>();
function nameKeyCached(text: string): string {
  let k = keyCache.get(text);
  if (k === undefined) {
    k = nameKey(text);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(text, k);
  }
  return k;
}

function nameSignature(mentions: readonly Mention[]): string {
  let s = '';
  for (const m of mentions) if (m.key !== null) s += `${m.key}\u0000${m.type}\u0000${m.text}\u0000${m.confirmed ? 1 : m.weak ? 2 : 0}\u0000${m.form ?? ''}\u0001`;
  return s;
}

function quoteOfRecord(record: SpanRecord) {
  return { exact: record.exact, prefix: record.prefix, suffix: record.suffix };
}

/** Corpus order: by known date (undated last), then by uri. */
function compareKeyed(a: { date: string | null; uri: string }, b: { date: string | null; uri: string }): number {
  const ra = a.date;
  const rb = b.date;
  if (ra !== rb) {
    if (ra === null) return 1;
    if (rb === null) return -1;
    return ra < rb ? -1 : 1;
  }
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

function bump(map: Map<string, Map<string, number>>, value: string, uri: string, by: number): void {
  let docs = map.get(value);
  if (!docs) {
    if (by < 0) return;
    map.set(value, (docs = new Map()));
  }
  const n = (docs.get(uri) ?? 0) + by;
  if (n > 0) docs.set(uri, n);
  else docs.delete(uri);
  if (docs.size === 0) map.delete(value);
}
