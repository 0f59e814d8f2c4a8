// Blanks Markdown markup so the recognisers read an article's prose and their offsets still point
// into the file as it is: every markup character becomes a space, line breaks and text stay put.
// One pass over the lines for block markup, one over the characters for inline markup; linear time.
import { parseFrontMatter } from './frontMatter';

/**
 * The text with Markdown markup replaced by spaces, of the same length and with the same line
 * breaks: front matter, code blocks, inline code, HTML tags and comments and link destinations are
 * blanked whole; headings' `#`, list and quote markers, emphasis, table pipes and link brackets are
 * blanked and the text they mark kept (an image keeps its alt text, which often carries a caption).
 */
export function maskMarkup(text: string): string {
  const out = text.split('');
  const frontMatter = parseFrontMatter(text).span;
  if (frontMatter) blank(out, frontMatter.start, frontMatter.end);
  maskBlocks(text, out, frontMatter?.end ?? 0);
  maskCodeSpans(out.join(''), out);
  maskInline(out.join(''), out);
  return out.join('');
}

function blank(out: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
}

const FENCE = /^[ \t]*(`{3,}|~{3,})([^\r\n]*)$/;
const QUOTE_PREFIX = /^(?:[ \t]*>)+/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const HEADING = /^[ \t]{0,3}#{1,6}(?=[ \t]|$)/;
const HEADING_CLOSE = /[ \t]#+[ \t]*$/;
const THEMATIC_BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_EQUALS = /^[ \t]{0,3}=+[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

interface LineRange {
  start: number;
  end: number;
}

/** Block markup, line by line: fences and their code, headings, quote and list markers, rules, tables. */
function maskBlocks(text: string, out: string[], from: number): void {
  let fence: { char: string; length: number } | null = null;
  let previous: (LineRange & { blank: boolean }) | null = null;
  let inTable = false;
  for (const line of lines(text, from)) {
    let content = text.slice(line.start, line.end);
    if (fence) {
      const close = FENCE.exec(content.replace(QUOTE_PREFIX, ''));
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && close[2].trim() === '') fence = null;
      blank(out, line.start, line.end);
      continue;
    }
    // Quote markers first: what follows them is read like a line of its own.
    const quote = QUOTE_PREFIX.exec(content);
    let at = line.start;
    if (quote) {
      blank(out, at, at + quote[0].length);
      at += quote[0].length;
      content = content.slice(quote[0].length);
    }
    const open = FENCE.exec(content);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      blank(out, line.start, line.end);
      previous = { ...line, blank: false };
      continue;
    }
    const isBlank = content.trim() === '';
    if (isBlank) inTable = false;
    else if (content.includes('|') && TABLE_DELIMITER.test(content) && previous && !previous.blank && text.slice(previous.start, previous.end).includes('|')) {
      blankPipes(text, out, previous.start, previous.end);
      blank(out, at, line.end);
      inTable = true;
    } else if (inTable && content.includes('|')) blankPipes(text, out, at, line.end);
    else if (LINK_DEFINITION.test(content) || THEMATIC_BREAK.test(content) || (SETEXT_EQUALS.test(content) && previous && !previous.blank)) {
      blank(out, at, line.end);
    } else {
      inTable = false;
      const list = LIST_MARKER.exec(content);
      if (list) {
        blank(out, at, at + list[0].length);
        at += list[0].length;
        content = content.slice(list[0].length);
      }
      const heading = HEADING.exec(content);
      if (heading) {
        blank(out, at, at + heading[0].length);
        const close = HEADING_CLOSE.exec(content);
        if (close && close.index >= heading[0].length) blank(out, at + close.index, line.end);
      }
    }
    previous = { ...line, blank: isBlank };
  }
}

function blankPipes(text: string, out: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (text[i] === '|' && text[i - 1] !== '\\') out[i] = ' ';
}

/** Content ranges of the lines from `from` on; CRLF, CR and LF all end a line. */
function* lines(text: string, from: number): Generator<LineRange> {
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = from;
  let start = from;
  for (;;) {
    const m = lineBreak.exec(text);
    if (!m) {
      yield { start, end: text.length };
      return;
    }
    yield { start, end: m.index };
    start = m.index + m[0].length;
  }
}

/**
 * Inline code: a run of backticks up to the next run of the same length in the same paragraph.
 * Each run's paragraph and its next same-length run are found in one pass, so this stays linear.
 */
function maskCodeSpans(src: string, out: string[]): void {
  const runs: { start: number; end: number; paragraph: number }[] = [];
  let paragraph = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\n' || c === '\r') {
      if (isBlankLineAfter(src, i)) paragraph++;
      continue;
    }
    if (c !== '`') continue;
    let j = i;
    while (src[j] === '`') j++;
    // An escaped first backtick is literal: `\`` opens nothing.
    if (src[i - 1] === '\\') {
      if (j - i > 1) runs.push({ start: i + 1, end: j, paragraph });
    } else runs.push({ start: i, end: j, paragraph });
    i = j - 1;
  }
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const length = runs[k].end - runs[k].start;
    nextSame[k] = lastByLength.get(length) ?? -1;
    lastByLength.set(length, k);
  }
  for (let k = 0; k < runs.length; k++) {
    const close = nextSame[k];
    if (close < 0 || runs[close].paragraph !== runs[k].paragraph) continue;
    blank(out, runs[k].start, runs[close].end);
    k = close;
  }
}

/** Whether the line after the line break at `i` holds only spaces and tabs. */
function isBlankLineAfter(src: string, i: number): boolean {
  let j = src[i] === '\r' && src[i + 1] === '\n' ? i + 2 : i + 1;
  while (src[j] === ' ' || src[j] === '\t') j++;
  return j >= src.length || src[j] === '\n' || src[j] === '\r';
}

const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>/y;
const HTML_TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]{0,2000})?\/?>/y;
const REFERENCE_LABEL = /\[[^\[\]\r\n]{0,999}\]/y;
/** How far a link's `(destination "title")` may reach: a bound that keeps unclosed brackets linear. */
const LINK_TAIL_LIMIT = 2000;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** Inline markup after code spans are blanked: escapes, HTML, links and images, emphasis. */
function maskInline(src: string, out: string[]): void {
  const openers: { at: number; image: boolean }[] = [];
  const unclosed = new Set<string>(); // closings (`-->`, `</script`) known to be absent further on
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\n' || c === '\r') {
      if (isBlankLineAfter(src, i)) openers.length = 0; // links do not cross paragraphs
      continue;
    }
    if (c === '\\') {
      if (src[i + 1] === '\n' || src[i + 1] === '\r' || i + 1 === src.length) out[i] = ' '; // hard line break
      else if (ASCII_PUNCTUATION.test(src[i + 1] ?? '')) {
        out[i] = ' ';
        i++;
      }
      continue;
    }
    if (c === '<') {
      const end = htmlEnd(src, i, unclosed);
      if (end > i) {
        blank(out, i, end);
        i = end - 1;
      }
      continue;
    }
    if (c === '!' && src[i + 1] === '[') {
      openers.push({ at: i, image: true });
      i++;
      continue;
    }
    if (c === '[') {
      openers.push({ at: i, image: false });
      continue;
    }
    if (c === ']') {
      const opener = openers.pop();
      if (!opener) continue;
      const end = src[i + 1] === '(' ? linkTailEnd(src, i + 1) : src[i + 1] === '[' ? labelEnd(src, i + 1) : -1;
      if (end < 0) continue;
      blank(out, opener.at, opener.at + (opener.image ? 2 : 1));
      blank(out, i, end);
      i = end - 1;
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (src[j] === c) j++;
      if (isEmphasisRun(src, i, j)) blank(out, i, j);
      i = j - 1;
    }
  }
}

/** The end of the HTML comment, tag or autolink at `i` (a `<script>` or `<style>` with its content), else `i`. */
function htmlEnd(src: string, i: number, unclosed: Set<string>): number {
  if (src.startsWith('<!--', i)) return closingEnd(src, i + 4, '-->', unclosed, i);
  AUTOLINK.lastIndex = i;
  const link = AUTOLINK.exec(src);
  if (link) return i + link[0].length;
  HTML_TAG.lastIndex = i;
  const tag = HTML_TAG.exec(src);
  if (!tag) return i;
  const end = i + tag[0].length;
  const name = tag[1].toLowerCase();
  if ((name === 'script' || name === 'style') && src[i + 1] !== '/' && !tag[0].endsWith('/>')) {
    const close = closingEnd(src, end, `</${name}`, unclosed, end);
    if (close === end) return end;
    const gt = src.indexOf('>', close);
    return gt < 0 ? close : gt + 1;
  }
  return end;
}

/** The end of the first `closing` at or after `from`, else `fallback`; a closing found missing once is not looked for again. */
function closingEnd(src: string, from: number, closing: string, unclosed: Set<string>, fallback: number): number {
  if (unclosed.has(closing)) return fallback;
  const at = closing.startsWith('</') ? indexOfIgnoringCase(src, closing, from) : src.indexOf(closing, from);
  if (at < 0) {
    unclosed.add(closing);
    return fallback;
  }
  return at + closing.length;
}

function indexOfIgnoringCase(src: string, needle: string, from: number): number {
  const pattern = new RegExp(needle.replace(/[/]/g, '\\/'), 'gi');
  pattern.lastIndex = from;
  return pattern.exec(src)?.index ?? -1;
}

/** The end of `(destination "title")` starting at `open`, else -1. */
function linkTailEnd(src: string, open: number): number {
  const limit = Math.min(src.length, open + LINK_TAIL_LIMIT);
  let p = skipSpace(src, open + 1, limit);
  if (src[p] === '<') {
    while (p < limit && src[p] !== '>' && src[p] !== '\n' && src[p] !== '\r') p++;
    if (src[p] !== '>') return -1;
    p++;
  } else {
    let depth = 0;
    while (p < limit && !WHITESPACE.test(src[p])) {
      if (src[p] === '\\') p++;
      else if (src[p] === '(') depth++;
      else if (src[p] === ')') {
        if (depth === 0) break;
        depth--;
      }
      p++;
    }
  }
  p = skipSpace(src, p, limit);
  const quote = src[p];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closeQuote = quote === '(' ? ')' : quote;
    p++;
    while (p < limit && src[p] !== closeQuote) p += src[p] === '\\' ? 2 : 1;
    if (src[p] !== closeQuote) return -1;
    p = skipSpace(src, p + 1, limit);
  }
  return src[p] === ')' ? p + 1 : -1;
}

/** Spaces and tabs, with at most one line break among them. */
function skipSpace(src: string, p: number, limit: number): number {
  let breaks = 0;
  while (p < limit) {
    const c = src[p];
    if (c === ' ' || c === '\t') p++;
    else if ((c === '\n' || c === '\r') && breaks === 0) {
      breaks++;
      p += c === '\r' && src[p + 1] === '\n' ? 2 : 1;
    } else break;
  }
  return p;
}

/** The end of a reference label `[label]` at `open` (a full or collapsed reference link), else -1. */
function labelEnd(src: string, open: number): number {
  REFERENCE_LABEL.lastIndex = open;
  const m = REFERENCE_LABEL.exec(src);
  return m ? open + m[0].length : -1;
}

/**
 * Whether the run of `*`, `_` or `~` from `start` to `end` can open or close emphasis, by
 * CommonMark's flanking rules (`_` not inside a word: `snake_case` stays). Runs are not paired:
 * an unmatched `*` next to a word is blanked too, which costs the recognisers nothing.
 */
function isEmphasisRun(src: string, start: number, end: number): boolean {
  const char = src[start];
  if (char === '~' && end - start !== 2) return false; // `~~struck~~`; a single `~` means "about"
  const before = start > 0 ? src[start - 1] : ' ';
  const after = end < src.length ? src[end] : ' ';
  const spaceBefore = WHITESPACE.test(before);
  const spaceAfter = WHITESPACE.test(after);
  const punctBefore = PUNCTUATION.test(before);
  const punctAfter = PUNCTUATION.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (char === '_') return (left && (!right || punctBefore)) || (right && (!left || punctAfter));
  return left || right;
}
