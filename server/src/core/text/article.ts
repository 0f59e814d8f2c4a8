// What the recognisers read of an article file: its front matter set aside as metadata, and, in a Markdown
// file, its markup blanked. The text read has the same length and line breaks as the file, so every offset
// the recognisers give is an offset into the file as it is.
import type { Problem } from '../model';
import { type FrontMatter, parseFrontMatter } from './frontMatter';
import { maskMarkup } from './markdown';

export interface PreparedArticle {
  /** The file's text with front matter (and Markdown markup) replaced by spaces; same length, same line breaks. */
  text: string;
  frontMatter: FrontMatter;
  markdown: boolean;
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
  return { text: markdown ? maskMarkup(text) : blankSpan(text, frontMatter.span), frontMatter, markdown, problems };
}

function blankSpan(text: string, span: FrontMatter['span']): string {
  if (!span) return text;
  return text.slice(0, span.start) + text.slice(span.start, span.end).replace(/[^\r\n]/g, ' ') + text.slice(span.end);
}
