// UTF-16 <-> Unicode code point offsets. Article Lens counts UTF-16 code units (JavaScript string indices); Python
// tools (spaCy, Prodigy, Label Studio, brat) and the W3C TextPositionSelector count code points. The two differ
// only after a character outside the Basic Multilingual Plane (an emoji, a mathematical letter), so a text
// without one maps to itself, and otherwise one scan records where the surrogate pairs are.

export interface OffsetMap {
  /** True when the text has no surrogate pair: both units agree. */
  readonly identity: boolean;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** Code point offset of a UTF-16 offset; an offset inside a surrogate pair maps to the pair's start. */
  toCodePoint(utf16: number): number;
  /** UTF-16 offset of a code point offset; offsets past the end map past the end by as much. */
  toUtf16(codePoint: number): number;
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const HAS_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

const IDENTITY_METHODS = {
  identity: true,
  toCodePoint: (utf16: number) => utf16,
  toUtf16: (codePoint: number) => codePoint,
};

export function offsetMap(text: string): OffsetMap {
  if (!HAS_PAIR.test(text)) return { ...IDENTITY_METHODS, codePointLength: text.length };
  // pairs[k]: UTF-16 offset of the k-th surrogate pair; inCodePoints[k]: its code point offset (pairs[k] - k).
  const found: number[] = [];
  for (const m of text.matchAll(PAIR)) found.push(m.index!);
  const pairs = Int32Array.from(found);
  const inCodePoints = Int32Array.from(found, (p, k) => p - k);
  return {
    identity: false,
    codePointLength: text.length - pairs.length,
    // Pairs that start before the offset each took one unit more than one code point.
    toCodePoint: (utf16) => utf16 - countBelow(pairs, utf16),
    toUtf16: (codePoint) => codePoint + countBelow(inCodePoints, codePoint),
  };
}

/** How many entries of the ascending `sorted` are below `x`. */
function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a UTF-16 offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, utf16: number): boolean {
  if (utf16 <= 0 || utf16 >= text.length) return false;
  const before = text.charCodeAt(utf16 - 1);
  const after = text.charCodeAt(utf16);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
