// An article's title for lists (related articles, hovers, the timeline): the front matter's title, else the
// first line near the top that reads as a headline. Pages saved from the web start with site furniture
// (`Skip to content`, a section menu, `Advertisement`, a photo caption said twice), which is skipped.

const TITLE_LENGTH = 80;
/** How many non-blank lines at the top may hold the headline. */
const HEAD_LINES = 12;
const MIN_WORDS = 3;
const MAX_WORDS = 30;
const MAX_HEADLINE = 200;

/** Lines of site furniture: navigation, ad slots, sharing buttons, photo credits. */
const FURNITURE =
  /^(?:skip to (?:main )?content|skip navigation|jump to content|advertisement|advert|sponsored( content)?|share( this( article| story)?)?( on \w+)?|menu|main menu|home|search|sign in|log in|subscribe( now)?|close|cookies?( policy| settings)?|accept( all)?( cookies)?|image( source| caption)?\b.*|media caption\b.*|getty images|related (?:topics|stories|articles)|more on this story|listen to this article|watch:?.*|top stories|most read)$/i;

/** A section menu: a few short capitalised items between commas, `&`, `|`, `·`, `/` or `>` (`News, Culture & Society`). */
function isMenu(line: string): boolean {
  const items = line.split(/\s*(?:,|&|\||·|\/|>|»|•)\s*/).filter((s) => s !== '');
  if (items.length < 2) return false;
  return items.every((item) => item.split(/\s+/).length <= 3 && /^\p{Lu}/u.test(item)) && !/[.!?]$/.test(line);
}

/** The words of a line that hold a letter or a digit, counted up to MAX_WORDS + 1 (all any rule below tells apart). */
function words(line: string): number {
  let n = 0;
  for (const w of line.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w) && ++n > MAX_WORDS) break;
  return n;
}

/** A line of `n` words (see `words`) that reads as a headline: a handful of words, not a paragraph that ends a sentence. */
function isHeadline(line: string, n: number): boolean {
  return n >= MIN_WORDS && n <= MAX_WORDS && line.length <= MAX_HEADLINE && !/[.:;,]$/.test(line);
}

/** A line of `n` words that is body text: long, or a sentence of some length. */
function isParagraph(line: string, n: number): boolean {
  return n > MAX_WORDS || (n >= 12 && /[.!?]["”’)]?$/.test(line));
}

/**
 * The title: `metadataTitle` when given, else the first headline among the top lines of `text` (the text as
 * the recognisers read it: front matter and Markdown marks already blanked), else its first line that is not
 * furniture, shortened. Empty for an empty text.
 */
export function articleTitle(text: string, metadataTitle: string | null = null): string {
  if (metadataTitle && metadataTitle.trim() !== '') return shorten(metadataTitle);
  const top = new TopLines(text);
  // The headline stands above the body: a line deeper than the first paragraph is a subheading or a teaser.
  // A line said twice in a row is a caption saved twice (alt text, then caption), passed over; a headline said
  // twice is still taken when no other line reads as one.
  let headline: string | undefined;
  let repeated: string | undefined;
  const content = top.content;
  for (let i = 0; top.contentLine(i) !== undefined && headline === undefined; i++) {
    const line = content[i];
    const n = words(line);
    if (line === top.contentLine(i + 1) || line === content[i - 1]) repeated ??= isHeadline(line, n) ? line : undefined;
    else if (isHeadline(line, n)) headline = line;
    else if (isParagraph(line, n)) break;
  }
  // The lines read are already single-spaced and trimmed.
  return cut(headline ?? repeated ?? top.contentLine(0) ?? top.lines[0] ?? '');
}

/**
 * The top lines of a text, read only as far as they are asked for (the line after the one the search looks at): a
 * 10 MB article costs no more than a short one, and an article whose first line is its headline costs two lines.
 */
class TopLines {
  /** The non-blank lines read, spaces collapsed. */
  readonly lines: string[] = [];
  /** Those that are not furniture. */
  readonly content: string[] = [];
  private readonly lineBreak = /\r\n|\r|\n/g;
  private next = 0;

  constructor(private readonly text: string) {}

  private nextLine(): string | undefined {
    const text = this.text;
    while (this.next <= text.length && this.lines.length < HEAD_LINES) {
      const start = this.next;
      const m = this.lineBreak.exec(text);
      const end = m ? m.index : text.length;
      this.next = m ? m.index + m[0].length : text.length + 1;
      const line = text.slice(start, Math.min(end, start + 400)).replace(/\s+/g, ' ').trim();
      if (line !== '') {
        this.lines.push(line);
        return line;
      }
    }
    return undefined;
  }

  /** Content line i, or undefined past the last one within reach. */
  contentLine(i: number): string | undefined {
    while (this.content.length <= i) {
      const line = this.nextLine();
      if (line === undefined) break;
      if (/[\p{L}\p{N}]/u.test(line) && !FURNITURE.test(line) && !isMenu(line)) this.content.push(line);
    }
    return this.content[i];
  }
}

function shorten(line: string): string {
  return cut(line.replace(/\s+/g, ' ').trim());
}

/** A single-spaced, trimmed line cut to TITLE_LENGTH. */
function cut(flat: string): string {
  return flat.length > TITLE_LENGTH ? flat.slice(0, TITLE_LENGTH - 1).trimEnd() + '…' : flat;
}
