// Other mentions of the titles of works a document's rules found (works.ts): the same words capitalised elsewhere in
// it are the title too, where the tagger saw no longer name around them, or an organization that is its longer form.
import { force, spansOf } from './edits';
import { MISC, ORG } from './facts';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { DIGIT, isCapitalised, SMALL_WORDS } = wordShape;

/** Other mentions of a title found in the document, where the tagger saw no longer name around them. */
export function applyTitleMemory(words: string[], classes: Uint8Array, casing: ArrayLike<number>, tags: Uint8Array, sentences: readonly { first: number; end: number }[], titles: string[][]): void {
  const byFirst = new Map<string, string[][]>();
  const add = (t: string[]) => {
    const bucket = byFirst.get(t[0]) ?? [];
    if (!bucket.some((o) => o.join(' ') === t.join(' '))) bucket.push(t);
    bucket.sort((a, b) => b.length - a.length);
    byFirst.set(t[0], bucket);
  };
  for (const t of titles) {
    // A one-word title that is a small word or a pronoun (a rule's slip) is not looked for.
    if (t.length === 1 && (SMALL_WORDS.has(t[0]) || t[0] === 'i')) continue;
    add(t);
    if (t.length >= 2 && t[0] === 'the') add(t.slice(1));
  }
  for (const s of sentences) {
    for (let i = s.first; i < s.end; i++) {
      if (!isCapitalised(classes[i]) && classes[i] !== DIGIT) continue;
      const bucket = byFirst.get(words[i].toLowerCase());
      if (!bucket) continue;
      const t = bucket.find((t) => i + t.length <= s.end && t.every((w, k) => words[i + k].toLowerCase() === w) && isCapitalised(classes[i + t.length - 1]));
      if (!t) continue;
      const end = i + t.length;
      // A one-word title opening a sentence may be an ordinary word, if the word usually is one; one beside another
      // capitalised word is part of a longer name (`Lantern` in `Lantern Jones`).
      if (t.length === 1 && i === s.first && casing[i] >= 1 && casing[i] <= 3) continue;
      if (t.length === 1 && ((i + 1 < s.end && isCapitalised(classes[i + 1])) || (i > s.first && isCapitalised(classes[i - 1]) && words[i - 1] !== 'The'))) continue;
      // `The` written capitalised before a title found without it is the title's (`tip The Aviator`).
      const start = t[0] !== 'the' && i > s.first && words[i - 1] === 'The' ? i - 1 : i;
      const spans = spansOf(tags, s.first, s.end).filter((o) => o.first < end && start < o.end);
      if (!spans.some((o) => o.first < start || o.end > end)) force(tags, start, end, MISC);
      // `Celebrity Big Harbour`, `The Tin Roof Christmas Special`: an organization the tagger read around a title
      // of two words or more, a few capitalised words longer, is the title's longer form.
      else if (t.length >= 2 && spans.length === 1 && isLongerForm(classes, spans[0], start, end)) force(tags, spans[0].first, spans[0].end, MISC);
      i = end - 1;
    }
  }
}

/** Whether span o, an organization, holds [start, end) and at most three more words, all capitalised. */
function isLongerForm(classes: Uint8Array, o: { first: number; end: number; type: number }, start: number, end: number): boolean {
  if (o.type !== ORG || o.first > start || o.end < end || o.end - o.first - (end - start) > 3) return false;
  for (let k = o.first; k < o.end; k++) if ((k < start || k >= end) && !isCapitalised(classes[k])) return false;
  return true;
}
