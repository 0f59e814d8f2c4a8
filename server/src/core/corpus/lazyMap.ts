// A Map filled on first use: the per-document counts of a name restored from a persistent index are made only for
// the names a session asks about (a warm start of a large archive restores millions of them, and asks about few).

export class LazyMap<K, V> extends Map<K, V> {
  private fill: ((map: Map<K, V>) => void) | null;

  /** `size`: how many entries `fill` will set, when known; then asking for the size alone does not fill. */
  constructor(
    fill: (map: Map<K, V>) => void,
    private readonly knownSize = -1,
  ) {
    super();
    this.fill = fill;
  }

  private ready(): void {
    const fill = this.fill;
    if (fill === null) return;
    this.fill = null;
    fill(this);
  }

  override get size(): number {
    if (this.fill !== null && this.knownSize >= 0) return this.knownSize;
    this.ready();
    return super.size;
  }
  override get(key: K): V | undefined {
    this.ready();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.ready();
    return super.has(key);
  }
  override set(key: K, value: V): this {
    this.ready();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.ready();
    return super.delete(key);
  }
  override clear(): void {
    this.fill = null;
    super.clear();
  }
  override keys(): MapIterator<K> {
    this.ready();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.ready();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.ready();
    return super.entries();
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.ready();
    super.forEach(callback, thisArg);
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.ready();
    return super[Symbol.iterator]();
  }
}
