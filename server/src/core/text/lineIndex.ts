// Converts between UTF-16 offsets and zero-based line/character positions.
// Lines end at \n, \r\n or \r, as editors count them.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Clamps out-of-range offsets to the text, so a stale position never throws. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  /** Clamps a line past the end to the last line and a character past the line's end to the line's end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    let end = next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return start + Math.max(0, Math.min(position.character, end - start));
  }

  /** The text of the line holding `offset`, without its line break. */
  lineAt(offset: number): { start: number; text: string } {
    const { line } = this.positionAt(offset);
    const start = this.starts[line];
    const end = this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    return { start, text: this.text.slice(start, end) };
  }
}
