// The corpus index: every analysed document, and the indexes that answer editor questions
// without scanning the corpus: name key -> documents, entity -> keys, date value -> documents.
import type { DocumentAnalysis, Entity, EntityType, Mention } from '../model';
import { LineIndex } from '../text/lineIndex';
import { createAliasResolver } from '../resolve/aliases';
import type { EntityResolver } from '../resolve/corpus';
import { NameTable, canonicalForm, majorityType } from './nameTable';

export interface IndexedDocument {
  readonly uri: string;
  readonly version: number;
  readonly analysis: DocumentAnalysis;
  readonly lines: LineIndex;
  /** The text; for documents indexed without it, read on first use through the index's text loader. */
  readonly text: string;
}

/** What the index needs of a document: its analysis, and either its text or its line index. */
export type DocumentContent = { text: string } | { lines: LineIndex };

export interface CorpusIndexOptions {
  resolver?: EntityResolver;
  /** Reads a document's text when it was indexed without it (from a cache or a worker); '' when unreadable. */
  loadText?: (uri: string) => string;
}

class StoredDocument implements IndexedDocument {
  private cachedText: string | undefined;

  constructor(
    readonly analysis: DocumentAnalysis,
    readonly lines: LineIndex,
    text: string | undefined,
    private readonly loadText: (uri: string) => string,
  ) {
    this.cachedText = text;
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
    const text = this.loadText(this.uri);
    return text.length === this.lines.length ? text : '';
  }
}

export interface MentionRef {
  uri: string;
  mention: Mention;
}

export interface EntityInfo extends Entity {
  /** Name keys that resolve to this entity. */
  keys: string[];
  /** Cleaned spellings with counts, commonest first. */
  spellings: { text: string; count: number }[];
  mentionCount: number;
  /** Mentions per document, for every document that mentions the entity. */
  documents: Map<string, number>;
  /** The defining mention, once a query has looked for it (null: none); dropped with the entity when it changes. */
  definition?: MentionRef | null;
  /** Entities sharing the most articles with this one, once a hover has counted them. */
  related?: { id: string; name: string; type: EntityType; articles: number }[];
}

export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private readonly names = new NameTable();
  private readonly dates = new Map<string, Map<string, number>>();
  private clusters: Clusters | null = null;
  /** False after clusters were restored from a cache, until the resolver has indexed every key. */
  private resolverReady = true;
  private readonly entityCache = new Map<string, EntityInfo>();
  private order: string[] | null = null;
  /** Bumped on every change, so caches built over the whole corpus know when they are stale. */
  generation = 0;

  private readonly resolver: EntityResolver;
  private readonly loadText: (uri: string) => string;

  constructor(options: CorpusIndexOptions = {}) {
    this.resolver = options.resolver ?? createAliasResolver();
    this.loadText = options.loadText ?? (() => '');
  }

  /** Adds or replaces a document's analysis. */
  set(analysis: DocumentAnalysis, content: DocumentContent): IndexedDocument {
    const previous = this.docs.get(analysis.uri);
    const doc =
      'text' in content
        ? new StoredDocument(analysis, LineIndex.fromText(content.text), content.text, this.loadText)
        : new StoredDocument(analysis, content.lines, undefined, this.loadText);
    this.docs.set(doc.uri, doc);
    // The new mentions are counted before the old ones are removed, so a key the edit keeps never vanishes
    // and reappears (which would look like a change to the entity table).
    this.names.add(doc.uri, analysis.mentions);
    for (const m of analysis.mentions) if (m.value !== null) bump(this.dates, m.value, doc.uri, 1);
    if (previous) this.unlink(previous);
    this.changed();
    return doc;
  }

  delete(uri: string): boolean {
    const doc = this.docs.get(uri);
    if (!doc) return false;
    this.unlink(doc);
    this.docs.delete(uri);
    this.changed();
    return true;
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

  /** Documents in corpus order: by reference date (undated last), then by uri. */
  documents(): IndexedDocument[] {
    if (!this.order) {
      this.order = [...this.docs.values()].sort(compareDocuments).map((d) => d.uri);
    }
    return this.order.map((u) => this.docs.get(u)!);
  }

  /** Rank of a document in corpus order, for sorting mentions. */
  compareUris(a: string, b: string): number {
    const da = this.docs.get(a);
    const db = this.docs.get(b);
    if (!da || !db) return a < b ? -1 : a > b ? 1 : 0;
    return compareDocuments(da, db);
  }

  entityIdOfKey(key: string): string | undefined {
    return this.ensureClusters().keyToEntity.get(key);
  }

  entityOf(mention: Mention): EntityInfo | undefined {
    if (mention.key === null) return undefined;
    const id = this.entityIdOfKey(mention.key);
    return id === undefined ? undefined : this.entity(id);
  }

  entity(id: string): EntityInfo | undefined {
    this.ensureClusters();
    const cached = this.entityCache.get(id);
    if (cached) return cached;
    const keys = this.ensureClusters().entityKeys.get(id);
    if (!keys) return undefined;
    const forms = new Map<string, number>();
    const types: Record<EntityType, number> = { person: 0, organization: 0, location: 0, misc: 0 };
    const documents = new Map<string, number>();
    let mentionCount = 0;
    for (const key of keys) {
      const s = this.names.get(key);
      if (!s) continue;
      for (const [f, n] of s.forms) forms.set(f, (forms.get(f) ?? 0) + n);
      for (const t of Object.keys(types) as EntityType[]) types[t] += s.types[t];
      for (const [u, n] of s.docs) documents.set(u, (documents.get(u) ?? 0) + n);
      mentionCount += s.total;
    }
    const spellings = [...forms].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
    const info: EntityInfo = { id, name: canonicalForm(forms), type: majorityType(types), keys, spellings, mentionCount, documents };
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
    const keys = new Set(entity.keys);
    const uris = [...entity.documents.keys()].sort((a, b) => this.compareUris(a, b));
    const out: MentionRef[] = [];
    for (const uri of uris) {
      for (const mention of this.docs.get(uri)!.analysis.mentions) {
        if (mention.key !== null && keys.has(mention.key)) out.push({ uri, mention });
      }
    }
    return out;
  }

  /** Documents that mention a date or time value, with counts. */
  documentsWithValue(value: string): Map<string, number> {
    return this.dates.get(value) ?? new Map();
  }

  /** Every mention of a date or time value, in corpus order. */
  mentionsOfValue(value: string): MentionRef[] {
    const uris = [...this.documentsWithValue(value).keys()].sort((a, b) => this.compareUris(a, b));
    const out: MentionRef[] = [];
    for (const uri of uris) {
      for (const mention of this.docs.get(uri)!.analysis.mentions) if (mention.value === value) out.push({ uri, mention });
    }
    return out;
  }

  /** Every document, unordered (cheaper than `documents()` when order does not matter). */
  all(): IterableIterator<IndexedDocument> {
    return this.docs.values();
  }

  private unlink(doc: IndexedDocument): void {
    this.names.remove(doc.uri, doc.analysis.mentions);
    for (const m of doc.analysis.mentions) if (m.value !== null) bump(this.dates, m.value, doc.uri, -1);
  }

  private changed(): void {
    this.generation++;
    this.order = null;
  }

  /**
   * Lets the resolver index the keys seen so far, so the full resolution after a cold indexing has less left to do.
   * Called in the idle moments of indexing; it changes no answer.
   */
  prepareEntities(limit = Infinity): boolean {
    if (this.clusters !== null && this.resolverReady) return true;
    const done = this.resolver.prepare?.(this.names, limit) ?? true;
    if (done && this.clusters !== null) this.resolverReady = true;
    return done;
  }

  /** The entity clusters as entity id -> name keys, to persist; null before they were first resolved. */
  exportClusters(): Record<string, string[]> | null {
    if (this.clusters === null) return null;
    this.ensureClusters();
    return Object.fromEntries(this.clusters!.entityKeys);
  }

  /**
   * Takes clusters persisted with an unchanged corpus instead of resolving the whole table again. Refused (false)
   * unless they cover exactly the keys the index holds. The resolver indexes the keys later, in idle time
   * (`prepareEntities`) or at the latest before the first incremental step.
   */
  restoreClusters(saved: Record<string, string[]>): boolean {
    if (this.clusters !== null) return false;
    const keyToEntity = new Map<string, string>();
    const entityKeys = new Map<string, string[]>();
    for (const [id, keys] of Object.entries(saved)) {
      if (!Array.isArray(keys) || keys.length === 0) return false;
      for (const k of keys) {
        if (typeof k !== 'string' || !this.names.get(k) || keyToEntity.has(k)) return false;
        keyToEntity.set(k, id);
      }
      entityKeys.set(id, [...keys]);
    }
    if (keyToEntity.size !== this.names.size) return false;
    this.names.drainChanges();
    this.clusters = { version: 1, keyToEntity, entityKeys };
    this.resolverReady = false;
    this.entityCache.clear();
    return true;
  }

  /** Changes whenever an entity gains or loses a name key: caches over the entity table key on it. */
  get entityTableVersion(): number {
    return this.ensureClusters().version;
  }

  /**
   * Entity clusters, kept current as keys come and go: a few new or vanished keys are attached to or removed
   * from the clusters incrementally; many (a cold index, a large batch) trigger a full resolution.
   */
  private ensureClusters(): Clusters {
    const changes = this.names.drainChanges();
    if (this.clusters === null) {
      this.clusters = this.fullClusters();
      this.entityCache.clear();
      return this.clusters;
    }
    const c = this.clusters;
    if (changes === null) return c;
    const invalidate = (id: string | undefined) => {
      if (id !== undefined) this.entityCache.delete(id);
    };
    for (const key of changes.touched) invalidate(c.keyToEntity.get(key));
    const structural = changes.created.size + changes.deleted.size;
    if (structural === 0) return c;
    c.version++;
    // Restored clusters: the resolver needs its index of the keys before it can attach or forget one.
    if (!this.resolverReady) {
      this.resolver.prepare?.(this.names);
      this.resolverReady = true;
    }
    if (structural > FULL_RESOLUTION_SHARE * c.keyToEntity.size + FULL_RESOLUTION_MIN) {
      this.clusters = this.fullClusters(c.version);
      this.entityCache.clear();
      return this.clusters;
    }
    for (const key of changes.deleted) {
      this.resolver.forget(key);
      const id = c.keyToEntity.get(key);
      if (id === undefined) continue;
      c.keyToEntity.delete(key);
      const members = c.entityKeys.get(id)!.filter((k) => k !== key);
      if (members.length > 0) c.entityKeys.set(id, members);
      else c.entityKeys.delete(id);
      invalidate(id);
    }
    for (const key of [...changes.created].sort()) {
      const partner = this.resolver.attach(this.names, key, (k) => c.keyToEntity.get(k));
      let id = partner === undefined ? undefined : c.keyToEntity.get(partner);
      if (id === undefined) {
        id = uniqueId(slug(key), c.entityKeys);
        c.entityKeys.set(id, [key]);
      } else {
        c.entityKeys.get(id)!.push(key);
      }
      c.keyToEntity.set(key, id);
      invalidate(id);
    }
    return c;
  }

  private fullClusters(version = 0): Clusters {
    const representative = this.resolver.resolve(this.names);
    const byRep = new Map<string, string[]>();
    for (const key of [...this.names.keys()].sort()) {
      const rep = representative.get(key) ?? key;
      let members = byRep.get(rep);
      if (!members) byRep.set(rep, (members = []));
      members.push(key);
    }
    const keyToEntity = new Map<string, string>();
    const entityKeys = new Map<string, string[]>();
    for (const rep of [...byRep.keys()].sort()) {
      const id = uniqueId(slug(rep), entityKeys);
      const members = byRep.get(rep)!;
      entityKeys.set(id, members);
      for (const k of members) keyToEntity.set(k, id);
    }
    return { version: version + 1, keyToEntity, entityKeys };
  }
}

interface Clusters {
  /** Bumped whenever an entity gains or loses a key, for caches over the entity table. */
  version: number;
  keyToEntity: Map<string, string>;
  entityKeys: Map<string, string[]>;
}

/** Beyond this share of the keys changing at once (plus a floor), a full resolution is cheaper and better. */
const FULL_RESOLUTION_SHARE = 0.02;
const FULL_RESOLUTION_MIN = 200;

function uniqueId(base: string, taken: Map<string, unknown>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function slug(key: string): string {
  return key.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'entity';
}

function compareDocuments(a: IndexedDocument, b: IndexedDocument): number {
  const ra = a.analysis.referenceDate;
  const rb = b.analysis.referenceDate;
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
