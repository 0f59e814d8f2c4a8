// Locations and snippets shared by the queries that point at other mentions.
import type { CorpusIndex, IndexedDocument, MentionRef } from '../corpus/index';
import type { Span } from '../model';
import type { Position } from '../text/lineIndex';

export interface Location {
  uri: string;
  span: Span;
  /** Zero-based start position, for links that open the article at the mention. */
  position: Position;
}

export interface Snippet {
  /** A short stretch of the mention's line, whitespace collapsed. */
  text: string;
  /** Where the mention sits inside `text`. */
  highlight: Span;
}

export function locationOf(index: CorpusIndex, ref: MentionRef): Location {
  const doc = index.get(ref.uri)!;
  return { uri: ref.uri, span: { start: ref.mention.start, end: ref.mention.end }, position: doc.lines.positionAt(ref.mention.start) };
}

const SNIPPET_RADIUS = 60;

export function snippetAt(doc: IndexedDocument, span: Span): Snippet {
  const range = doc.lines.lineRange(doc.lines.lineOf(span.start));
  const line = { start: range.start, text: doc.text.slice(range.start, range.end) };
  const startInLine = span.start - line.start;
  const endInLine = Math.min(line.text.length, span.end - line.start);
  let from = Math.max(0, startInLine - SNIPPET_RADIUS);
  let to = Math.min(line.text.length, endInLine + SNIPPET_RADIUS);
  // Cut at word boundaries so the snippet does not start or end mid-word.
  if (from > 0) {
    const space = line.text.indexOf(' ', from);
    if (space !== -1 && space < startInLine) from = space + 1;
  }
  if (to < line.text.length) {
    const space = line.text.lastIndexOf(' ', to);
    if (space > endInLine) to = space;
  }
  const before = (from > 0 ? '…' : '') + collapse(line.text.slice(from, startInLine));
  const middle = collapse(line.text.slice(startInLine, endInLine));
  const after = collapse(line.text.slice(endInLine, to)) + (to < line.text.length ? '…' : '');
  return { text: before + middle + after, highlight: { start: before.length, end: before.length + middle.length } };
}

export function titleOf(index: CorpusIndex, doc: IndexedDocument): string {
  return index.titleOf(doc);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}
