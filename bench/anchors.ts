// Re-attachment of annotations after random edits: every mention the recognisers find in the seed articles
// (../shared/corpus/seeds) is annotated, 1,000 seeded edits are applied while the true place of every span
// is tracked, then every record is re-attached in three modes. Prints figures, asserts nothing.
//   npx tsx bench/anchors.ts [seed]
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../server/src/core/analyze';
import { quoteOf, reattach, reattachAll, shiftSpan, type AnchorRecord, type Placement, type TextEdit } from '../server/src/core/annotations/anchor';
import type { Span } from '../server/src/core/model';
import { loadRecognizers } from '../server/src/node/recognizers';
import { random } from '../train/perceptron';

const SEEDS = path.join(__dirname, '..', '..', 'shared', 'corpus', 'seeds');
const EDITS = 1000;
const WORDS = ['the', 'new', 'local', 'reportedly', 'also', 'several', 'officials', 'during', 'after', 'heavy', 'again', 'said'];

type Kind = 'insert' | 'delete' | 'replace' | 'typo' | 'move' | 'sentence';
interface Edit {
  kind: Kind;
  edits: TextEdit[];
}

/** A seeded generator of realistic edits over one article; `live` are the spans whose words still stand. */
function editor(next: () => number, names: readonly string[]) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const wordsOf = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const newWord = () => (next() < 0.25 ? pick(names) : pick(WORDS));
  const letter = (text: string, i: number) => /\p{L}/u.test(text[i]);
  return (text: string, live: readonly Span[]): Edit | null => {
    const words = wordsOf(text);
    const w = pick(words);
    const r = next();
    if (r < 0.25) return { kind: 'insert', edits: [{ start: w.start, end: w.start, text: `${newWord()} ` }] };
    if (r < 0.4) return { kind: 'delete', edits: [{ start: w.start, end: text[w.end] === ' ' ? w.end + 1 : w.end, text: '' }] };
    if (r < 0.55) {
      // A word holding the old one or held in it (`York` -> `New York Times`, `News` -> `new`) is an
      // insertion or a typo in disguise: left out.
      const [word, old] = [newWord(), text.slice(w.start, w.end)];
      const disguised = word.toLowerCase().includes(old.toLowerCase()) || old.toLowerCase().includes(word.toLowerCase());
      return disguised ? null : { kind: 'replace', edits: [{ start: w.start, end: w.end, text: word }] };
    }
    if (r < 0.8) {
      // Two letters swapped or one dropped inside a word; a third of the time inside an annotated name.
      const inNames = words.filter((x) => live.some((s) => s.start <= x.start && x.end <= s.end));
      const t = next() < 0.33 && inNames.length ? pick(inNames) : w;
      if (t.end - t.start < 4) return null;
      const i = t.start + 1 + Math.floor(next() * (t.end - t.start - 2));
      if (!letter(text, i)) return null;
      if (next() < 0.5 && i + 2 < t.end && letter(text, i + 1)) return { kind: 'typo', edits: [{ start: i, end: i + 2, text: text[i + 1] + text[i] }] };
      return { kind: 'typo', edits: [{ start: i, end: i + 1, text: '' }] };
    }
    if (r < 0.93) {
      // Cut a paragraph (a line) and paste it before another. A line that occurs twice is left alone:
      // moving either copy gives the same text.
      const lines = [...text.matchAll(/[^\n]*\n/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
      const line = pick(lines);
      const body = text.slice(line.start, line.end);
      if (lines.length < 3 || body.trim() === '' || text.indexOf(body) !== text.lastIndexOf(body)) return null;
      const to = pick(lines.filter((l) => l.end <= line.start || l.start >= line.end)).start;
      const at = to < line.start ? to : to - body.length;
      return { kind: 'move', edits: [{ ...line, text: '' }, { start: at, end: at, text: body }] };
    }
    // Occasionally a sentence holding a span deleted.
    if (live.length === 0) return null;
    const span = pick(live);
    const start = Math.max(text.lastIndexOf('\n', span.start - 1), text.lastIndexOf('. ', span.start - 1) + 1) + 1;
    const stops = [text.indexOf('. ', span.end), text.indexOf('\n', span.end)].filter((i) => i >= 0);
    const end = stops.length ? Math.min(...stops) + 1 : text.length;
    return { kind: 'sentence', edits: [{ start, end: text[end] === ' ' ? end + 1 : end, text: '' }] };
  };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

/**
 * Edits after which no text could tell where a span's words went are not used: one that types a span's own
 * words into it (`Heather Heather Murdock Murdock`), and an insertion or deletion that could as well be read a
 * few characters off (`Griner ` typed before `Griner `) when the readings differ on whether they touch a span.
 */
function ambiguous(text: string, { kind, edits: [e] }: Edit, live: readonly Span[]): boolean {
  if (live.some((s) => e.start <= s.end && e.end >= s.start && e.text.includes(text.slice(s.start, s.end)))) return true;
  const insertion = e.start === e.end;
  if (kind === 'move' || kind === 'replace' || (!insertion && e.text !== '')) return false;
  const after = apply(text, [e]);
  const length = insertion ? e.text.length : e.end - e.start;
  let [lo, hi] = [e.start, e.start];
  if (insertion) {
    while (lo > 0 && after[lo - 1 + length] === text[lo - 1]) lo--;
    while (hi < text.length && after[hi] === text[hi]) hi++;
  } else {
    while (lo > 0 && text[lo - 1] === text[lo - 1 + length]) lo--;
    while (hi + length < text.length && text[hi] === text[hi + length]) hi++;
  }
  return live.some((s) => {
    const [from, to] = insertion ? [s.start + 1, s.end - 1] : [s.start - length + 1, s.end - 1];
    return lo <= to && hi >= from && (lo < from || hi > to);
  });
}

/** Where each original character is now, which is the truth the re-attachments are judged by. */
class Provenance {
  /** Per character of the current text: its offset in the original, or -1 when typed since. */
  private origin: number[];
  /** Original characters a typo dropped: a span may lack them and still be its words. */
  private readonly dropped = new Set<number>();

  constructor(private readonly length: number) {
    this.origin = Array.from({ length }, (_, i) => i);
  }

  apply({ kind, edits }: Edit): void {
    const [e, paste] = edits;
    if (kind === 'move') {
      const moved = this.origin.splice(e.start, e.end - e.start);
      this.origin.splice(paste.start, 0, ...moved);
    } else if (kind === 'typo' && e.text.length === 2) {
      [this.origin[e.start], this.origin[e.start + 1]] = [this.origin[e.start + 1], this.origin[e.start]];
    } else {
      if (kind === 'typo') this.dropped.add(this.origin[e.start]);
      this.origin.splice(e.start, e.end - e.start, ...new Array<number>(e.text.length).fill(-1));
    }
  }

  /** Each span's characters now: all there (bar dropped letters), side by side, nothing else among them; else null. */
  truth(spans: readonly Span[]): (Span | null)[] {
    const where = new Int32Array(this.length).fill(-1);
    this.origin.forEach((o, i) => o >= 0 && (where[o] = i));
    return spans.map(({ start, end }) => {
      let [lo, hi, n] = [Infinity, -1, 0];
      for (let o = start; o < end; o++) {
        if (where[o] < 0 && this.dropped.has(o)) continue;
        if (where[o] < 0) return null;
        [lo, hi, n] = [Math.min(lo, where[o]), Math.max(hi, where[o]), n + 1];
      }
      return n > 0 && hi - lo + 1 === n ? { start: lo, end: hi + 1 } : null;
    });
  }
}

interface Tally {
  spans: number;
  surviving: number;
  correct: number;
  wrong: number;
  /** Placed on other words that the record's own quote and context fit at least as well as its true place. */
  untellable: number;
  orphaned: number;
  calls: number;
  ms: number;
}

const tally = (): Tally => ({ spans: 0, surviving: 0, correct: 0, wrong: 0, untellable: 0, orphaned: 0, calls: 0, ms: 0 });

function count(t: Tally, truth: Span | null, placed: Span | null, tellable = () => true): void {
  t.spans++;
  if (truth) t.surviving++;
  if (!placed) t.orphaned++;
  else if (truth && placed.start === truth.start && placed.end === truth.end) t.correct++;
  else if (tellable()) t.wrong++;
  else t.untellable++;
}

/** Edit distance of two short strings (contexts of a few dozen characters). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}

/**
 * Whether any method reading only the new text could have preferred the true place: false when the words placed
 * on are the record's own words and their surroundings are as close to the record's context as the true place's
 * (edits that moved a headline below its near-identical caption, say). Such placements are counted apart.
 */
function tellable(record: AnchorRecord, text: string, truth: Span | null, placed: Span): boolean {
  if (!truth || text.slice(placed.start, placed.end) !== record.quote.exact) return true;
  const around = (s: Span) => [text.slice(Math.max(0, s.start - record.quote.prefix.length), s.start), text.slice(s.end, s.end + record.quote.suffix.length)];
  const misfit = (s: Span) => {
    const [prefix, suffix] = around(s);
    return distance(prefix, record.quote.prefix) + distance(suffix, record.quote.suffix) + distance(text.slice(s.start, s.end), record.quote.exact);
  };
  return misfit(truth) < misfit(placed);
}

function timed<T>(t: Tally, calls: number, f: () => T): T {
  const start = performance.now();
  const value = f();
  t.ms += performance.now() - start;
  t.calls += calls;
  return value;
}

function main(): void {
  const seed = Number(process.argv[2] ?? 1);
  const next = random(seed);
  const recognizers = loadRecognizers();
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
  const total = texts.reduce((sum, t) => sum + t.length, 0);
  const modes = { editor: tally(), disk: tally(), search: tally() };
  const fallbacks = tally();
  const kinds = new Map<Kind, number>();
  let editsDone = 0;

  texts.forEach((original, n) => {
    const mentions = analyzeText(recognizers, `file:///${files[n]}`, 1, original, {}).mentions;
    const records: AnchorRecord[] = mentions.map((m) => ({ span: { start: m.start, end: m.end }, quote: quoteOf(original, m) }));
    const provenance = new Provenance(original.length);
    // Editor mode follows every change as it happens, refreshing each record's quote; an orphan stays one.
    let open: (AnchorRecord | null)[] = records.map((r) => ({ ...r }));
    const nextEdit = editor(next, [...new Set(mentions.filter((m) => m.type !== 'date' && m.type !== 'time').map((m) => m.text))]);
    const budget = n === texts.length - 1 ? EDITS - editsDone : Math.round((EDITS * original.length) / total);
    let text = original;
    for (let done = 0; done < budget; ) {
      const live = provenance.truth(records.map((r) => r.span)).filter((s): s is Span => s !== null);
      const edit = nextEdit(text, live);
      if (!edit || ambiguous(text, edit, live)) continue;
      const after = apply(text, edit.edits);
      provenance.apply(edit);
      open = open.map((record) => {
        if (!record) return null;
        const shifted = timed(modes.editor, 1, () => shiftSpan(record.span, edit.edits));
        const placed = shifted ?? timed(fallbacks, 1, () => reattach(record.span, record.quote, after, text)).span;
        return placed && { span: placed, quote: quoteOf(after, placed) };
      });
      kinds.set(edit.kind, (kinds.get(edit.kind) ?? 0) + 1);
      text = after;
      done++;
    }
    editsDone += budget;
    const disk = timed(modes.disk, records.length, () => reattachAll(records, text, original));
    const searched = timed(modes.search, records.length, () => reattachAll(records, text));
    provenance.truth(records.map((r) => r.span)).forEach((t, i) => {
      count(modes.editor, t, open[i]?.span ?? null);
      count(modes.disk, t, disk[i].span);
      count(modes.search, t, searched[i].span, () => tellable(records[i], text, t, searched[i].span!));
    });
  });

  console.log(`${texts.length} articles, ${(total / 1000).toFixed(1)} K UTF-16 units, seed ${seed}; ${editsDone} edits: ${[...kinds].map(([k, v]) => `${v} ${k}`).join(', ')}`);
  const share = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  for (const [mode, t] of Object.entries(modes)) {
    const perCall = mode === 'editor' ? `${((1000 * t.ms) / t.calls).toFixed(1)} µs per shiftSpan, ${fallbacks.calls} fallbacks to reattach at ${(fallbacks.ms / fallbacks.calls).toFixed(2)} ms` : `${(t.ms / t.calls).toFixed(3)} ms per record`;
    console.log(`${mode.padEnd(6)}: ${t.spans} spans, ${t.surviving} survive the edits; re-attached correctly ${t.correct} (${share(t.correct, t.surviving)} of surviving), placed wrongly ${t.wrong}${t.untellable ? ` (and ${t.untellable} where the text alone cannot tell: the record fits the words it was placed on as well as its true place)` : ''}, orphaned ${t.orphaned}; ${perCall}`);
  }
  longArticle(texts);
}

/** One record in a long article (the seeds repeated to 100 K units and more, one sentence of ours in the middle). */
function longArticle(texts: readonly string[]): void {
  let big = '';
  for (let copy = 1; big.length < 100_000; copy++) big += texts.map((t) => `Copy ${copy}.\n${t}\n`).join('');
  const middle = big.indexOf('\n', big.length >> 1) + 1;
  big = `${big.slice(0, middle)}The mayor of Kherson spoke to reporters on the bridge at noon.\n${big.slice(middle)}`;
  const at = middle + 'The mayor of '.length;
  const span = { start: at, end: at + 'Kherson'.length };
  const quote = quoteOf(big, span);
  const edited = `A new first line.\n${big}`;
  const crlf = big.replace(/\n/g, '\r\n');
  const runs: [string, () => Placement][] = [
    ['unchanged', () => reattach(span, quote, big, big)],
    ['line added, old text known', () => reattach(span, quote, edited, big)],
    ['line added, no old text', () => reattach(span, quote, edited)],
    ['saved with CRLF, old text known', () => reattach(span, quote, crlf, big)],
  ];
  const figures = runs.map(([label, f]) => {
    const times: number[] = [];
    let p = f();
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      p = f();
      times.push(performance.now() - start);
    }
    return `${label} ${times.sort((a, b) => a - b)[10].toFixed(2)} ms (${p.how})`;
  });
  console.log(`long article, ${(big.length / 1000).toFixed(0)} K units, one record, median of 21: ${figures.join('; ')}`);
}

main();
