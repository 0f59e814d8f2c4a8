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

export function prepareArticle(uri: string, text: string): PreparedArticle {
  const frontMatter = parseFrontMatter(text);
  const markdown = isMarkdownUri(uri);
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
