// Converts between UTF-16 offsets and zero-based line/character positions.
// Lines end at \n, \r\n or \r, as editors count them. The index keeps only line boundaries, so it can be
// stored and restored without the text.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /**
   * @param starts offset where each line starts
   * @param ends offset where each line's content ends (before its line break)
   * @param length length of the whole text
   */
  constructor(
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly length: number,
  ) {}

  static fromText(text: string): LineIndex {
    const starts: number[] = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */ || c === 10 /* \n */) {
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    return new LineIndex(Uint32Array.from(starts), Uint32Array.from(ends), text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Clamps out-of-range offsets to the text, so a stale position never throws. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /** Clamps a line past the end to the end of the text and a character past the line's end to the line's end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const start = this.starts[position.line];
    return start + Math.max(0, Math.min(position.character, this.ends[position.line] - start));
  }

  /** The line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Start and content end (before the line break) of a line. */
  lineRange(line: number): { start: number; end: number } {
    return { start: this.starts[line], end: this.ends[line] };
  }
}
