// What the recognisers read of an article file: its front matter set aside as metadata, and, in a Markdown
// file, its markup blanked. The text read has the same length and line breaks as the file, so every offset
// the recognisers give is an offset into the file as it is.
import type { Problem, Span } from '../model';
import { type FrontMatter, parseFrontMatter } from './frontMatter';
import { maskMarkup } from './markdown';
import { articleTitle } from './title';

export interface PreparedArticle {
  /** The file's text with front matter (and Markdown markup) replaced by spaces; same length, same line breaks. */
  text: string;
  frontMatter: FrontMatter;
  markdown: boolean;
  /** The article's title for lists: the front matter's, else its first headline (see title.ts). */
  title: string;
  /** The front matter's problems, at its opening fence, for a person to fix. */
  problems: Problem[];
}

const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdown|mkd)$/i;

/** Whether a document is read as Markdown: by its file name's extension (a `.md` of the uri's path). */
export function isMarkdownUri(uri: string): boolean {
  const path = uri.replace(/[?#].*$/, '');
  return MARKDOWN_EXTENSION.test(path);
}

/** A YAML `key:` line; a block between `---` lines without one is a rule drawn around text, not front matter. */
const KEY_LINE = /(?:^|[\r\n])[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|[\r\n]|$)/;
const NO_FRONT_MATTER: FrontMatter = { span: null, date: null, title: null, source: null, author: null, problems: [] };

/** The file's front matter, when the block at its head reads as YAML (its first line after the fence for an unclosed one). */
function frontMatterOf(text: string): FrontMatter {
  const read = parseFrontMatter(text);
  if (read.span) return KEY_LINE.test(text.slice(read.span.start + 3, read.span.end)) ? read : NO_FRONT_MATTER;
  if (read.problems.length === 0) return read;
  const firstLine = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)([^\r\n]*)/.exec(text)?.[1] ?? '';
  return KEY_LINE.test(firstLine) ? read : NO_FRONT_MATTER;
}

export function prepareArticle(uri: string, text: string): PreparedArticle {
  const markdown = isMarkdownUri(uri);
  // In Markdown a leading `---` block is front matter by convention (and markdown.ts blanks it so); in plain text
  // it must read as YAML, since a rule of dashes above a headline is common there.
  const frontMatter = markdown ? parseFrontMatter(text) : frontMatterOf(text);
  const fence = frontMatter.span ?? { start: text.charCodeAt(0) === 0xfeff ? 1 : 0, end: 0 };
  const problems: Problem[] = frontMatter.problems.map((message) => ({
    message,
    severity: 'warning',
    span: { start: fence.start, end: Math.min(text.length, fence.start + 3) },
  }));
  const prose = markdown ? maskMarkup(text) : blankSpan(text, frontMatter.span);
  return { text: markdown ? withCellBorders(text, prose) : prose, frontMatter, markdown, title: articleTitle(prose, frontMatter.title), problems };
}

/**
 * A table's pipes stay in what the recognisers read: blanked, `| Friday | 22:40 |` would read as one expression,
 * `Friday 22:40`, across two cells. A pipe is punctuation to them and never part of a mention.
 */
function withCellBorders(text: string, masked: string): string {
  if (!text.includes('|')) return masked;
  let out = '';
  let from = 0;
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) {
    if (masked[i] !== ' ') continue;
    out += masked.slice(from, i) + '|';
    from = i + 1;
  }
  return out + masked.slice(from);
}

/**
 * A mention read across blanked markup (`Kessel *Bridge*`) would colour the markup: the span of its longest
 * stretch of text between marks, or null when it holds no text. `read` is the prepared text of `text`.
 */
export function spanOutsideMarkup(span: Span, text: string, read: string): Span | null {
  let best: Span | null = null;
  let start = -1;
  for (let i = span.start; i <= span.end; i++) {
    const markup = i === span.end || (read[i] !== text[i] && read[i] === ' ');
    if (!markup && start < 0) start = i;
    if (markup && start >= 0) {
      const piece = trimmed(text, start, i);
      if (piece && (!best || piece.end - piece.start > best.end - best.start)) best = piece;
      start = -1;
    }
  }
  return best;
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

function blankSpan(text: string, span: FrontMatter['span']): string {
  if (!span) return text;
  return text.slice(0, span.start) + text.slice(span.start, span.end).replace(/[^\r\n]/g, ' ') + text.slice(span.end);
}
