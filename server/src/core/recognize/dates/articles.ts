// Where one article ends and the next begins in a file that holds several. News pages pasted
// into one file start each article with its headline block (headline, captions, headline again)
// after a run of blank lines; that repeat is the signal, since a lone blank-line gap is not.
import type { Span } from '../../model';

const HEADLINE_REPEAT_WINDOW = 12;

export function splitArticles(text: string): Span[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    lines.push({ start: offset, end: offset + raw.length, text: raw.trim() });
    offset += raw.length + 1;
  }
  const starts = [0];
  let blankRun = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') {
      blankRun++;
      continue;
    }
    if (blankRun >= 2 && line.start > 0 && looksLikeHeadline(line.text) && repeatsSoon(lines, i)) starts.push(line.start);
    blankRun = 0;
  }
  return starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1] : text.length }));
}

function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 3 && words <= 30 && !/[.:]$/.test(line);
}

function repeatsSoon(lines: { text: string }[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < HEADLINE_REPEAT_WINDOW; j++) {
    if (lines[j].text === '') continue;
    seen++;
    if (lines[j].text === lines[i].text) return true;
  }
  return false;
}
