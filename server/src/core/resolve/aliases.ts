// Corpus-level alias resolution: spelling and transliteration variants, acronyms, surnames and
// generic suffixes resolve to one entity. Candidates come from hash blocks (skeletons, deletion
// neighbourhoods, initials, surnames), so the cost grows with the table, not with its square;
// whether a candidate pair merges is decided on evidence from the name table: type agreement,
// frequency and shared articles. Only the name table is read, never article text.
import Fuse from 'fuse.js';
import type { EntityType } from '../model';
import { type NameStats, type NameTable, majorityType } from '../corpus/nameTable';
import type { EntityResolver } from './corpus';
import { nameWords } from './names';
import { isDecidedKey } from '../annotations/apply';
import { deletions, editDistance, initials, skeleton } from './similarity';

interface KeyInfo {
  key: string;
  words: string[];
  skeletons: string[];
  /**
   * Near spellings of the same shape found when the key was first seen: structural, count-independent. Made
   * with the first (most keys have none, and an empty set each is megabytes over an archive's names).
   */
  near?: Set<string>;
}

const NO_NEAR: ReadonlySet<string> = new Set();

/** A location written with its kind: `Dnipro River` is the `Dnipro`. Bridges and cities are not their namesakes. */
export const GEO_SUFFIXES: ReadonlySet<string> = new Set(['river', 'sea', 'lake', 'ocean', 'mountains', 'island', 'islands', 'gulf', 'strait', 'peninsula', 'desert']);

/**
 * The types a tagger confuses for one referent (a city standing for its government, an unknown word taken
 * for a place): transliteration variants may cross them. A person's name never crosses into them.
 */
const PLACE_OR_BODY = new Set<EntityType>(['location', 'organization', 'misc']);

/** A place and its people are two entities: `Iran` / `Iranian`, `Ukraine` / `Ukrainians`. */
const DEMONYM_ENDING = /^(?:n|an|ian|ians|ns|ese|ish)$/;

/** Words this long or shorter are transliterations of each other only one edit apart (see variantsAgree). */
const SHORT_WORD = 5;

const DEMONYM = /(?:ian|ians|ean|eans|ese|ish)$/;

function demonymPair(x: string, y: string): boolean {
  if (DEMONYM.test(x) !== DEMONYM.test(y)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  for (let cut = short.length; cut >= short.length - 1 && cut > 2; cut--) {
    if (long.startsWith(short.slice(0, cut)) && DEMONYM_ENDING.test(long.slice(cut)) && long.length > short.length) return true;
  }
  return false;
}

/** Keys shorter than this have no deletion neighbourhood (a slip needs a word of five letters or more). */
const MIN_SLIP_KEY = 5;

/** A rare spelling joins a frequent one only if the frequent one is this many times more common. */
const TYPO_FREQUENCY_RATIO = 3;
/**
 * Fuse score (0 exact .. 1 unrelated) above which a near spelling is not the same name. Loose on purpose:
 * the word-by-word shape test has already passed; this drops pairs whose letters mostly differ.
 */
const FUSE_THRESHOLD = 0.55;
const FUSE_OPTIONS = { includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true, isCaseSensitive: false };

export interface AliasResolverOptions {
  /** Above this share of the keys, a change is resolved over the whole table (tests set Infinity to test the regions). */
  fullResolutionShare?: number;
}

export function createAliasResolver(options: AliasResolverOptions = {}): EntityResolver {
  return new AliasResolver(options.fullResolutionShare ?? FULL_RESOLUTION_SHARE);
}

/** A change reaching more than this share of the keys is resolved over the whole table (the walk costs more). */
const FULL_RESOLUTION_SHARE = 0.4;

class AliasResolver implements EntityResolver {
  constructor(private readonly fullShare: number) {}

  private readonly infos = new Map<string, KeyInfo>();
  private readonly blocks = new BlockMap();
  private readonly deletionBlocks = new DeletionBlocks();
  /** The last answer, kept current: a change re-resolves only the keys it can reach. */
  private groups: Map<string, string> | null = null;
  private table: NameTable | null = null;
  /** The keys the last resolution revisited, and the changed keys (decided ones too); null after a whole one. */
  touched: Set<string> | null = null;
  /** Whether every key of the table has its features and blocks (not yet after a cache was adopted). */
  private indexedAll = false;

  /**
   * Every decision below reads only a key's neighbours (see neighbours()): its near spellings, its stem or
   * forms with a kind word, its acronym or expansions, its surname or full names, its shorter or longer forms.
   * So the keys a change reaches through neighbours, and only they, can change their group, and resolving that
   * closed region alone gives exactly what resolving the whole table gives.
   */
  resolve(table: NameTable): Map<string, string> {
    const changes = table.takeChanges();
    const region = this.groups !== null && this.table === table ? this.regionOf(changes, table) : null;
    if (region === null || region.size > this.fullShare * this.infos.size) {
      this.touched = null;
      this.table = table;
      this.sync(table);
      this.indexedAll = true;
      this.groups = this.run([...this.infos.values()], table);
      return this.groups;
    }
    const groups = this.groups!;
    this.touched = new Set([...changes, ...region]);
    for (const key of changes) if (!this.infos.has(key)) groups.delete(key);
    for (const [key, rep] of this.run([...region].map((k) => this.infos.get(k)!), table)) groups.set(key, rep);
    return groups;
  }

  /**
   * Takes groups resolved elsewhere for this very table (a persisted cache with the same fingerprint), so that
   * the next change is resolved incrementally rather than over the whole table.
   */
  adopt(table: NameTable, groups: ReadonlyMap<string, string>): void {
    table.takeChanges();
    this.table = table;
    this.touched = null;
    this.indexedAll = false;
    this.groups = new Map(groups);
    for (const key of table.keys()) if (!isDecidedKey(key) && !this.groups.has(key)) this.groups.set(key, key);
  }

  /**
   * Brings the per-key features in step with the table and returns every key the changes reach through
   * neighbours; null when that cannot be known (a key gone that was never indexed: its neighbours are unknown).
   */
  private regionOf(changes: ReadonlySet<string>, table: NameTable): Set<string> | null {
    for (const key of changes) if (!table.get(key) && !isDecidedKey(key) && !this.infos.has(key) && this.groups!.has(key)) return null;
    // Every key must be indexed for its neighbours to be found (after a cache was adopted, some may not be yet).
    if (!this.indexedAll) for (const key of table.keys()) if (!this.infos.has(key) && !isDecidedKey(key)) this.add(key);
    this.indexedAll = true;
    for (const key of changes) if (table.get(key) && !this.infos.has(key) && !isDecidedKey(key)) this.add(key);
    const seeds: string[] = [];
    for (const key of changes) {
      const info = this.infos.get(key);
      if (!info || table.get(key)) continue;
      // A key gone: every old neighbour loses it.
      for (const n of this.neighbours(info, table, false)) seeds.push(n);
      this.drop(key);
    }
    // A changed key reaches all its neighbours, by the reads it made before as well as now; the others reach
    // the neighbours their passes read, or that read them, with the types they have now (and had before).
    for (const key of changes) if (this.infos.has(key)) seeds.push(key);
    const region = new Set<string>();
    const limit = this.fullShare * this.infos.size;
    while (seeds.length > 0 && region.size <= limit) {
      const key = seeds.pop()!;
      if (region.has(key) || !this.infos.has(key)) continue;
      region.add(key);
      for (const n of this.neighbours(this.infos.get(key)!, table, !changes.has(key))) if (!region.has(n)) seeds.push(n);
    }
    return region;
  }

  /**
   * Keys whose decisions read this key's, or whose this key's decisions read, in any pass. `active` keeps only
   * the reads a pass makes with the types both keys have now (a surname reads full names only when both are
   * persons'): enough between keys whose statistics did not change, whose reads are what they were.
   */
  private neighbours(info: KeyInfo, table: NameTable, active: boolean): string[] {
    const out: string[] = [...(info.near ?? NO_NEAR)];
    const { key, words, skeletons } = info;
    const typeOf = (k: string) => {
      const s = table.get(k);
      return s ? majorityType(s.types) : undefined;
    };
    const acronym = (k: string) => {
      const s = table.get(k);
      return s !== undefined && isAcronym(s);
    };
    const type = typeOf(key);
    const single = words.length === 1;
    // Reads by this key's own passes.
    if (!active || (single && acronym(key))) for (const k of this.blocks.get('i:' + key)) if (!active || compatibleTypes(type!, typeOf(k)!)) out.push(k);
    if (!active || (single && type === 'person')) for (const k of this.blocks.get('l:' + skeletons[0])) if (single && (!active || typeOf(k) === 'person')) out.push(k);
    if (!active || type !== 'person') for (const k of this.blocks.get('x:' + key)) if (!active || typeOf(k) === type) out.push(k);
    if (!active || (single && type === 'organization' && !acronym(key))) for (const k of this.blocks.get('p:' + key)) if (!active || typeOf(k) === type) out.push(k);
    if (words.length >= 2 && GEO_SUFFIXES.has(words[words.length - 1])) out.push(words.slice(0, -1).join(' '));
    // Reads of this key by other keys' passes.
    for (const g of GEO_SUFFIXES) out.push(`${key} ${g}`);
    if (words.length >= 2) {
      const abbrev = initials(words);
      if (abbrev && (!active || (acronym(abbrev) && compatibleTypes(typeOf(abbrev)!, type!)))) out.push(abbrev);
      for (let i = 1; i + 2 <= words.length; i++) {
        const suffix = words.slice(i).join(' ');
        if (!active || (typeOf(suffix) !== 'person' && typeOf(suffix) === type)) out.push(suffix);
      }
      if (!active || (type === 'organization' && typeOf(words[0]) === 'organization' && !acronym(words[0]))) out.push(words[0]);
      for (const k of this.blocks.get('w:' + skeletons[skeletons.length - 1])) if (!active || (type === 'person' && typeOf(k) === 'person')) out.push(k);
    }
    return out.filter((k) => k !== key && this.infos.has(k));
  }

  /** The passes over `keys`, a region closed under neighbours (or every key): each key to its representative. */
  private run(keys: readonly KeyInfo[], table: NameTable): Map<string, string> {
    const uf = new UnionFind();
    const stat = (k: string) => table.get(k)!;
    const typeOf = memo((k: string) => majorityType(stat(k).types));

    // 1. Spelling and transliteration variants of the same shape.
    for (const info of keys) {
      for (const other of info.near ?? NO_NEAR) {
        if (other < info.key || !this.infos.has(other)) continue;
        if (this.variantsAgree(info, this.infos.get(other)!, stat, typeOf)) uf.union(info.key, other);
      }
    }
    // 2. A place with its kind: `Dnipro River` -> `Dnipro`.
    for (const info of keys) {
      if (info.words.length < 2 || !GEO_SUFFIXES.has(info.words[info.words.length - 1])) continue;
      const stem = info.words.slice(0, -1).join(' ');
      // The kind word says it is a place, whatever type the tagger gave the bare stem (unless a person, or a people:
      // `Indian` is not the `Indian Ocean`, nor `Irish` the `Irish Sea`).
      if (table.get(stem) && this.infos.has(stem) && typeOf(stem) !== 'person' && !(typeOf(stem) === 'misc' && DEMONYM.test(stem))) uf.union(stem, info.key);
    }
    // 3. Acronyms: `UN` / `U.N.` -> `United Nations`, when exactly one expansion of a compatible type is known
    // (or one shares clearly more articles with the acronym than the others).
    for (const info of keys) {
      if (info.words.length !== 1 || !isAcronym(stat(info.key))) continue;
      const expansions = [...this.blocks.get('i:' + info.key)].filter((e) => table.get(e) && compatibleTypes(typeOf(info.key), typeOf(e)));
      const best = pickByEvidence(stat(info.key), expansions.map(stat));
      if (best) uf.union(info.key, best.key);
    }
    // 4. A surname alone -> the one full name of a person ending in it (`Putin` -> `Vladimir Putin`).
    // Two different people with the surname leave it alone; a place named like a surname is not a person.
    // In key order, so that the answer never depends on the order keys were met.
    const surnames = keys.filter((info) => info.words.length === 1 && typeOf(info.key) === 'person').sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const info of surnames) {
      const full = [...this.blocks.get('l:' + info.skeletons[0])].filter((k) => {
        const w = this.infos.get(k)?.words;
        return w && table.get(k) && typeOf(k) === 'person' && sameWord(w[w.length - 1], info.words[0]);
      });
      const roots = new Map<string, NameStats[]>();
      for (const k of full) {
        const r = uf.find(k);
        roots.set(r, [...(roots.get(r) ?? []), stat(k)]);
      }
      if (roots.size === 1) uf.union(info.key, [...roots.keys()][0]);
      else if (roots.size > 1) {
        const merged = [...roots.values()].map((group) => combine(group));
        const best = pickByEvidence(stat(info.key), merged);
        if (best) uf.union(info.key, best.key);
      }
    }

    // 5. A shortened name: `Harbour Authority` -> `Velorian Harbour Authority`, `Kestrel` -> `Kestrel Shipping`,
    // when exactly one longer name of the same type fits.
    for (const info of keys) {
      const longer = this.longerForm(info, table, typeOf, (k) => table.get(k) !== undefined);
      if (longer) uf.union(info.key, longer);
    }

    const representative = new Map<string, string>();
    const clusters = new Map<string, string[]>();
    for (const { key } of keys) {
      const root = uf.find(key);
      const members = clusters.get(root);
      if (members) members.push(key);
      else clusters.set(root, [key]);
    }
    for (const members of clusters.values()) {
      const rep = members.reduce((best, k) => (preferAsRepresentative(this.infos.get(k)!, stat(k), this.infos.get(best)!, stat(best)) ? k : best));
      for (const k of members) representative.set(k, rep);
    }
    return representative;
  }

  /**
   * The one longer name this key shortens: a word suffix of two words or more (any name type but person), or the
   * first word of an organization's name. None when several longer names fit (`Defense Ministry` of two countries).
   */
  private longerForm(info: KeyInfo, table: NameTable, typeOf: (k: string) => EntityType, known: (k: string) => boolean): string | undefined {
    const type = typeOf(info.key);
    if (type === 'person') return undefined;
    let pool: readonly string[] = [];
    if (info.words.length >= 2) pool = this.blocks.get('x:' + info.key);
    // An acronym is not a shortened name (`UN` is not `UN Security Council`): the acronym pass handles it.
    else if (type === 'organization' && !isAcronym(table.get(info.key)!)) pool = this.blocks.get('p:' + info.key);
    const fits = [...pool].filter((k) => k !== info.key && known(k) && table.get(k) !== undefined && typeOf(k) === type);
    return fits.length === 1 ? fits[0] : undefined;
  }

  /** Where prepare has read the table's arrivals up to (NameTable.arrivals). */
  private prepared = { epoch: -1, next: 0 };

  /**
   * Indexes up to `limit` keys of the table not indexed yet, reading only the keys that came in since the last call
   * (called between a cold index's batches, it walked every key each time: 28 s of 140 at 100,000 articles).
   * True when every key of the table is indexed.
   */
  prepare(table: NameTable, limit = Infinity): boolean {
    const { epoch, keys } = table.arrivals();
    if (epoch !== this.prepared.epoch) this.prepared = { epoch, next: 0 };
    let added = 0;
    for (; this.prepared.next < keys.length; this.prepared.next++) {
      const key = keys[this.prepared.next];
      if (this.infos.has(key) || isDecidedKey(key) || !table.get(key)) continue;
      if (added++ >= limit) return false;
      this.add(key);
    }
    return true;
  }

  /** Keeps per-key features and blocks in step with the table: new keys are indexed, vanished keys dropped. */
  private sync(table: NameTable): void {
    for (const key of [...this.infos.keys()]) if (!table.get(key)) this.drop(key);
    for (const key of table.keys()) if (!this.infos.has(key) && !isDecidedKey(key)) this.add(key);
  }

  private add(key: string): void {
    const words = nameWords(key);
    const info: KeyInfo = { key, words, skeletons: words.map(skeleton) };
    const blockKeys = this.blockKeysOf(info);
    const candidates = new Set<string>();
    for (const b of blockKeys.near) for (const k of this.blocks.get(b)) candidates.add(k);
    this.deletionBlocks.find(blockKeys.deletions, candidates);
    candidates.delete(key);
    const shaped = [...candidates].filter((k) => this.infos.get(k)!.words.length === words.length && this.sameShape(info, this.infos.get(k)!));
    // fuse.js scores the near spellings among the few candidates the blocks found. Its score is not symmetric,
    // so the smaller key of a pair is always the pattern: the pair's verdict never depends on which came first.
    const link = (other: string) => {
      (info.near ??= new Set()).add(other);
      (this.infos.get(other)!.near ??= new Set()).add(key);
    };
    const later = shaped.filter((k) => k > key);
    if (later.length > 0) for (const r of new Fuse(later, FUSE_OPTIONS).search(key)) link(r.item);
    const earlier = shaped.filter((k) => k < key);
    if (earlier.length > 0) {
      const self = new Fuse([key], FUSE_OPTIONS);
      for (const k of earlier) if (self.search(k).length > 0) link(k);
    }
    this.infos.set(key, info);
    for (const b of blockKeys.near) this.blocks.add(b, key);
    for (const b of blockKeys.other) this.blocks.add(b, key);
    this.deletionBlocks.add(key, blockKeys.deletions);
  }

  private drop(key: string): void {
    const info = this.infos.get(key)!;
    for (const other of info.near ?? NO_NEAR) this.infos.get(other)?.near?.delete(key);
    const keys = this.blockKeysOf(info);
    for (const b of keys.near) this.blocks.remove(b, key);
    for (const b of keys.other) this.blocks.remove(b, key);
    this.deletionBlocks.remove(key, keys.deletions);
    this.infos.delete(key);
  }

  /**
   * Blocks that find near spellings: by skeleton (`near`) and by the strings one deletion from the key, the key
   * itself included (`deletions`, see DeletionBlocks); and blocks used by the acronym and surname passes (`other`).
   */
  private blockKeysOf(info: KeyInfo): { near: string[]; deletions: string[]; other: string[] } {
    // Short keys get no near-spelling blocks: neither test accepts them (skeletons of three letters or more,
    // slips in words of five or more), and their tiny deletion variants would put thousands of keys in one block.
    const near: string[] = [];
    if (info.skeletons.some((k) => k.length >= 3)) near.push('s:' + info.skeletons.join(' '));
    const variants: string[] = [];
    if (info.key.length >= MIN_SLIP_KEY && info.key.length <= 40) {
      variants.push(info.key);
      for (const d of deletions(info.key)) variants.push(d);
    }
    const other: string[] = [];
    const abbrev = initials(info.words);
    if (abbrev) other.push('i:' + abbrev);
    if (info.words.length >= 2) other.push('l:' + info.skeletons[info.skeletons.length - 1]);
    // Single words by skeleton: the surnames a full name may be met alone as (see neighbours()).
    if (info.words.length === 1) other.push('w:' + info.skeletons[0]);
    // Proper word suffixes of two words or more (`harbour authority` of `velorian harbour authority`), and first words.
    for (let i = 1; i + 2 <= info.words.length; i++) other.push('x:' + info.words.slice(i).join(' '));
    if (info.words.length >= 2) other.push('p:' + info.words[0]);
    return { near, deletions: variants, other };
  }

  /** Every word pair is the same word, a transliteration variant, or a one-letter slip in a long word. */
  private sameShape(a: KeyInfo, b: KeyInfo): boolean {
    let differs = false;
    for (let i = 0; i < a.words.length; i++) {
      const x = a.words[i];
      const y = b.words[i];
      if (x === y) continue;
      differs = true;
      if (x[0] !== y[0] || demonymPair(x, y)) return false;
      const transliteration = a.skeletons[i] === b.skeletons[i] && a.skeletons[i].length >= 3 && editDistance(x, y, 4) <= Math.ceil(Math.max(x.length, y.length) / 2);
      const slip = Math.min(x.length, y.length) >= 5 && editDistance(x, y, 1) <= 1;
      if (!transliteration && !slip) return false;
    }
    return differs;
  }

  /**
   * Variants of one shape merge when they are transliterations, or when a rare spelling sits beside a far
   * more frequent one (a typo joins the common form; two well-attested different names stay apart).
   * Types must agree, except that a transliteration may cross the organization / location / misc line,
   * where taggers most often disagree with themselves (`Dnipro` as a place, `Dnieper` as an organization).
   */
  private variantsAgree(a: KeyInfo, b: KeyInfo, stat: (k: string) => NameStats, typeOf: (k: string) => EntityType): boolean {
    const transliteration = a.words.every((w, i) => w === b.words[i] || (a.skeletons[i] === b.skeletons[i] && closeEnough(w, b.words[i])));
    const ta = typeOf(a.key);
    const tb = typeOf(b.key);
    if (ta !== tb && (!transliteration || !PLACE_OR_BODY.has(ta) || !PLACE_OR_BODY.has(tb))) return false;
    if (transliteration) return true;
    const sa = stat(a.key).total;
    const sb = stat(b.key).total;
    return Math.max(sa, sb) >= TYPO_FREQUENCY_RATIO * Math.min(sa, sb);
  }
}

function sameWord(a: string, b: string): boolean {
  return a === b || (a[0] === b[0] && skeleton(a) === skeleton(b) && skeleton(a).length >= 3 && closeEnough(a, b));
}

/** Short words share consonants by chance (`Blur`, `Blair`): for them a transliteration is one edit away at most. */
function closeEnough(a: string, b: string): boolean {
  return Math.min(a.length, b.length) > SHORT_WORD || editDistance(a, b, 1) <= 1;
}

function compatibleTypes(a: EntityType, b: EntityType): boolean {
  return a === b || a === 'misc' || b === 'misc';
}

/** Written in capitals at least once (`UN`, `U.N.`, `NATO`): an acronym, not a short word. */
function isAcronym(s: NameStats): boolean {
  for (const form of s.forms.keys()) {
    const letters = form.replace(/\./g, '');
    if (letters.length >= 2 && letters.length <= 6 && /^[A-Z]+$/.test(letters)) return true;
  }
  return false;
}

/** The candidate that shares the most articles with `subject`; on a tie between several, none (ambiguous). */
function pickByEvidence(subject: NameStats, candidates: NameStats[]): NameStats | undefined {
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const shared = (c: NameStats) => {
    let n = 0;
    for (const uri of subject.docs.keys()) if (c.docs.has(uri)) n++;
    return n;
  };
  const scored = candidates.map((c) => ({ c, n: shared(c) })).sort((x, y) => y.n - x.n || y.c.total - x.c.total);
  if (scored[0].n > scored[1].n) return scored[0].c;
  return undefined;
}

/** Several keys of one cluster seen as one candidate: the longest key with the union of their articles. */
function combine(group: NameStats[]): NameStats {
  const docs = new Map<string, number>();
  let total = 0;
  for (const s of group) {
    for (const [u, n] of s.docs) docs.set(u, (docs.get(u) ?? 0) + n);
    total += s.total;
  }
  const longest = group.reduce((a, b) => (b.key.length > a.key.length ? b : a));
  return { ...longest, docs, total };
}

/** The cluster's id comes from its fullest, best-attested key: more words, then more mentions, then alphabetical. */
function preferAsRepresentative(a: KeyInfo, sa: NameStats, b: KeyInfo, sb: NameStats): boolean {
  if (a.words.length !== b.words.length) return a.words.length > b.words.length;
  if (sa.total !== sb.total) return sa.total > sb.total;
  return a.key < b.key;
}

function memo<T>(f: (k: string) => T): (k: string) => T {
  const cache = new Map<string, T>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = f(k)));
    return v;
  };
}

/**
 * Block name -> keys. Most blocks hold one key, so a lone key is stored as a string and a list is made only
 * for the second: hundreds of thousands of blocks without a Set each.
 */
class BlockMap {
  private readonly map = new Map<string, string | string[]>();

  get(block: string): readonly string[] {
    const v = this.map.get(block);
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }

  add(block: string, key: string): void {
    const v = this.map.get(block);
    if (v === undefined) this.map.set(block, key);
    // A key is added once per block name, so no membership test (which would be quadratic on large blocks).
    else if (typeof v === 'string') {
      if (v !== key) this.map.set(block, [v, key]);
    } else v.push(key);
  }

  remove(block: string, key: string): void {
    const v = this.map.get(block);
    if (v === undefined) return;
    if (typeof v === 'string') {
      if (v === key) this.map.delete(block);
      return;
    }
    const rest = v.filter((k) => k !== key);
    if (rest.length === 0) this.map.delete(block);
    else this.map.set(block, rest.length === 1 ? rest[0] : rest);
  }
}

/**
 * The near-spelling blocks of one deletion: each key filed under the key itself and under every string one deletion
 * from it (a key of twelve letters under thirteen strings). Filed as ints, a hash of the string and the key's
 * number, in one open-addressed table, where a map of the strings held them as strings: at 100,000 articles they
 * were the largest part of the resolver. A hash names its string only probably, so a key found under one is kept
 * only if the string is truly one deletion from it: what `find` gives is exactly what blocks of strings give.
 */
class DeletionBlocks {
  private hashes = new Int32Array(1024);
  /** The key number in each slot; EMPTY, or GONE where one was removed (probing goes on past it). */
  private ids = new Int32Array(1024).fill(EMPTY);
  /** Slots not EMPTY. */
  private used = 0;
  private readonly keys: (string | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly free: number[] = [];

  add(key: string, strings: readonly string[]): void {
    if (strings.length === 0) return;
    const id = this.free.pop() ?? this.keys.length;
    this.keys[id] = key;
    this.numbers.set(key, id);
    if ((this.used + strings.length) * 4 > this.ids.length * 3) this.rehash(strings.length);
    for (const s of strings) this.put(hashOf(s), id);
  }

  remove(key: string, strings: readonly string[]): void {
    const id = this.numbers.get(key);
    if (id === undefined) return;
    for (const s of strings) {
      const h = hashOf(s);
      const mask = this.ids.length - 1;
      for (let i = slotOf(h, mask); this.ids[i] !== EMPTY; i = (i + 1) & mask) {
        if (this.ids[i] === id && this.hashes[i] === h) {
          this.ids[i] = GONE;
          break;
        }
      }
    }
    this.numbers.delete(key);
    this.keys[id] = undefined;
    this.free.push(id);
  }

  /** Adds to `out` the keys filed under any of `strings`. */
  find(strings: readonly string[], out: Set<string>): void {
    const mask = this.ids.length - 1;
    for (const s of strings) {
      const h = hashOf(s);
      for (let i = slotOf(h, mask); this.ids[i] !== EMPTY; i = (i + 1) & mask) {
        const id = this.ids[i];
        if (id < 0 || this.hashes[i] !== h) continue;
        const key = this.keys[id]!;
        if (key === s || oneDeletion(key, s)) out.add(key);
      }
    }
  }

  private put(h: number, id: number): void {
    const mask = this.ids.length - 1;
    let i = slotOf(h, mask);
    while (this.ids[i] >= 0) i = (i + 1) & mask;
    if (this.ids[i] === EMPTY) this.used++;
    this.hashes[i] = h;
    this.ids[i] = id;
  }

  /** A table with room for `more`, at most three quarters full of live entries, the removed ones left out. */
  private rehash(more: number): void {
    const { hashes, ids } = this;
    let live = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) live++;
    let size = ids.length;
    while ((live + more) * 2 > size) size *= 2;
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size).fill(EMPTY);
    this.used = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) this.put(hashes[i], ids[i]);
  }
}

const EMPTY = -1;
const GONE = -2;

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

function slotOf(h: number, mask: number): number {
  const x = Math.imul(h, 0x9e3779b1);
  return (x ^ (x >>> 15)) & mask;
}

/** `s` is `key` without one of its characters other than a space (as deletions() makes them). */
export function oneDeletion(key: string, s: string): boolean {
  if (key.length !== s.length + 1) return false;
  let prefix = 0;
  while (prefix < s.length && key.charCodeAt(prefix) === s.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < s.length && key.charCodeAt(key.length - 1 - suffix) === s.charCodeAt(s.length - 1 - suffix)) suffix++;
  // Deleting position j gives s when key[0, j) and key(j, end] match: j from key.length - 1 - suffix up to prefix.
  for (let j = Math.max(0, key.length - 1 - suffix); j <= prefix; j++) if (key.charCodeAt(j) !== 32) return true;
  return false;
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}
