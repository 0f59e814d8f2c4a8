// Re-attaches stand-off annotations (a span plus the words it quotes) to an article that changed.
// Editor edits shift spans exactly; a change seen only as old text -> new text is diffed; failing that, the
// quote is searched for with its context. A record is never knowingly placed on other words: weak, conflicting
// or ambiguous evidence makes it an orphan, because a wrong placement is far worse than a lost one.
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, cleanupSemantic, makeDiff, type Diff } from '@sanity/diff-match-patch';
import approximateMatches from 'approx-string-match';
import type { Span } from '../model';

/** UTF-16 units of context kept on each side of the quoted words. */
export const CONTEXT = 32;

export interface Quote {
  exact: string;
  /** Up to CONTEXT units before `exact`, never starting inside a surrogate pair. */
  prefix: string;
  /** Up to CONTEXT units after `exact`, never ending inside a surrogate pair. */
  suffix: string;
}

/** A replacement of [start, end) in the old text by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface AnchorRecord {
  span: Span;
  quote: Quote;
}

export type Placement =
  | { span: Span; how: 'exact' | 'diff' | 'search'; score: number }
  | { span: null; how: 'orphan'; reason: string };

// Context fit: 1 - edits / context length, the context cut at line breaks (paragraphs move, so the text beyond
// one says little). Unrelated English contexts fit about 0.3, and a stock phrase on one side (`on the west
// bank of the`, `defense official said`) with anything on the other up to 0.63; one side intact and the other
// rewritten fits 0.65. An approximate quote needs more support from its surroundings than an exact one; a
// diff that aligned the span's own characters needs only to rule out chance.
const EXACT_FLOOR = 0.65;
const FUZZY_FLOOR = 0.7;
const DIFF_FLOOR = 0.35;
/** A search needs this many units of context (line breaks not counted) to tell one place from another. */
const MIN_CONTEXT = 8;
/** A context fit above which the exact words need no comparison with misspelt ones. */
const CONFIDENT = 0.9;
/** The best place must beat the second by this much (out of 1), or the record is ambiguous. */
const MARGIN = 0.03;
const WEIGHT = { quote: 0.5, context: 0.45, near: 0.05 };
/** Another record of the same words fitting a place within this much contests it (see `settleContests`). */
const CONTEST_MARGIN = 0.05;
/** Shorter quotes are matched exactly only: one letter off a short name is often another name (Iran, Iraq). */
const MIN_FUZZY = 5;
/** Beyond this many UTF-16 units (old + new) the diff is skipped and the quote searched for. */
const MAX_DIFF = 1_000_000;
const DIFF_TIMEOUT_SECONDS = 0.05;

export function quoteOf(text: string, span: Span): Quote {
  const { start, end } = clamp(span, text.length);
  let from = Math.max(0, start - CONTEXT);
  if (splitsPair(text, from)) from++;
  let to = Math.min(text.length, end + CONTEXT);
  if (splitsPair(text, to)) to--;
  return { exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** FNV-1a (32 bits) over the UTF-16 units, with the length: tells whether a record was made on this text. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length.toString(16)}-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Editor edits (applied in order, each against the text as left by the previous one, like LSP contentChanges):
 * the span's new place, or null when an edit touched the inside of the span so it can't be trusted. Edits
 * touching exactly the boundary: an insertion at span.start goes before the span, at span.end after it.
 */
export function shiftSpan(span: Span, edits: readonly TextEdit[]): Span | null {
  let { start, end } = span;
  for (const edit of edits) {
    if (edit.start > edit.end || edit.start < 0) return null;
    const delta = edit.text.length - (edit.end - edit.start);
    if (edit.end <= start) {
      start += delta;
      end += delta;
    } else if (edit.start < end) {
      return null;
    }
  }
  return { start, end };
}

/**
 * Re-attaches a record made at `span` with `quote` onto `newText`. `oldText` is the text last seen (when
 * known): the change is diffed against it first. Otherwise (or when the diff does not give a clean answer)
 * the quote is searched for, with its context, and placed only above a confidence floor; ambiguous matches
 * (two places equally good) are orphans.
 */
export function reattach(span: Span, quote: Quote, newText: string, oldText?: string | null): Placement {
  return reattachAll([{ span, quote }], newText, oldText)[0];
}

/**
 * `reattach` for all the records of one article, diffing old -> new at most once. It knows more than one
 * record does: where two records quote the same words, it keeps either from taking the other's place.
 */
export function reattachAll(records: readonly AnchorRecord[], newText: string, oldText?: string | null): Placement[] {
  let runs: Run[] | null | undefined;
  const before = oldText != null && oldText !== newText ? oldText : null;
  const diff = () => (runs === undefined ? (runs = before === null ? null : unchangedRuns(before, newText)) : runs);
  return settleContests(records, records.map((record) => place(record, newText, before, diff)), newText);
}

/** A placement with the context fit at its place (0 for an orphan). */
interface Found {
  placement: Placement;
  fit: number;
}

function place({ span, quote }: AnchorRecord, text: string, oldText: string | null, diff: () => Run[] | null): Found {
  if (quote.exact === '') return orphan('the record quotes no text');
  if (text === '') return orphan('the article is empty');
  const shape = shapeOf(quote);
  const context = withinLines(quote);
  const at = clamp(span, text.length);
  const runs = diff();
  if (!runs) {
    const fit = contextFit(text, at, context, EXACT_FLOOR);
    if (text.slice(at.start, at.end) === quote.exact && fits(text, at, shape) && fit >= EXACT_FLOOR) return { placement: { span: at, how: 'exact', score: 1 }, fit };
    return bySearch(context, shape, text, at.start, () => false);
  }
  // The old text is known: a diff says where the span went (the same offset may now hold a copy that slid in).
  const twin = twinIn(oldText!, span, context, shape);
  if (twin && !lineUnchanged(runs, oldText!, span)) return orphan(`the quoted words ${show(quote.exact)} appear in the same surroundings at another place too, and the change does not tell which is this one`);
  const mapped = { start: mapOffset(runs, span.start, 'start', text.length), end: mapOffset(runs, span.end, 'end', text.length) };
  const isOther = (p: Span) => unchangedFrom(runs, p, span.start);
  const found = throughDiff(mapped, context, shape, text);
  const betterOther = found !== null && fitsBetterElsewhere(found, context, shape, text, isOther);
  // The same words, inserted by the change, fitting the record clearly better: a passage moved beside a near
  // copy of itself, which the diff aligned with the copy. Neither is trusted.
  if (found && !betterOther && fitsBetterElsewhere(found, context, shape, text, (p) => !isOther(p))) {
    return orphan(`the change and the surroundings disagree on where the quoted words ${show(quote.exact)} went`);
  }
  if (found && !betterOther) {
    const same = mapped.start === span.start && mapped.end === span.end && text.slice(mapped.start, mapped.end) === quote.exact;
    return same ? { placement: { span: mapped, how: 'exact', score: 1 }, fit: found.fit } : found;
  }
  if (twin) return orphan(`the quoted words ${show(quote.exact)} appear in the same surroundings at another place too, and the change does not tell which is this one`);
  return bySearch(context, shape, text, mapped.start, isOther);
}

/** Whether the same words sat elsewhere in the old text, in a context fitting the record as well as its own. */
function twinIn(oldText: string, span: Span, context: Quote, shape: Shape): boolean {
  const own = contextFit(oldText, span, context);
  return occurrences(oldText, context.exact, shape).some((p) => p.start !== span.start && contextFit(oldText, p, context, own - CONTEST_MARGIN) >= own - CONTEST_MARGIN);
}

/** Whether the diff saw the whole line around the old span unchanged. */
function lineUnchanged(runs: readonly Run[], oldText: string, span: Span): boolean {
  const start = lastLineBreak(oldText, span.start - 1) + 1;
  const newline = lineBreakEnd(oldText, span.end);
  const end = newline === -1 ? oldText.length : newline;
  return runs.some((r) => r.old <= start && end <= r.old + r.length);
}

// Lines end at \n, \r\n or \r alone (as in lineIndex.ts), so a file saved with CR line ends has lines too.

/** Index of the last line-break character at or before `at`: the \n of a CRLF, or a lone \r or \n; -1 if none. */
function lastLineBreak(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at));
}

/** Index of the last character of the first line break at or after `from` (the \n of a CRLF); -1 if none. */
function lineBreakEnd(text: string, from: number): number {
  const r = text.indexOf('\r', from);
  const n = text.indexOf('\n', from);
  if (r === -1) return n;
  if (n === -1 || r < n) return text[r + 1] === '\n' ? r + 1 : r;
  return n;
}

/** The line-end convention of a text, so that a change of convention is seen as one. */
function lineEnds(text: string): 'crlf' | 'cr' | 'lf' {
  return text.includes('\r\n') ? 'crlf' : text.includes('\r') ? 'cr' : 'lf';
}

// ---- the diff: offsets through the stretches old -> new left unchanged

interface Run {
  old: number;
  new: number;
  length: number;
}

function unchangedRuns(oldText: string, newText: string): Run[] | null {
  // A line-ending change touches every line: the diff would hit its timeout, and search handles it at once.
  if (oldText.length + newText.length > MAX_DIFF || lineEnds(oldText) !== lineEnds(newText)) return null;
  // The common head and tail stand as they are, cut back to a blank; only the middle is diffed.
  const most = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < most && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < most - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  head = head === most ? head : Math.max(0, oldText.lastIndexOf(' ', head - 1) + 1, lastLineBreak(oldText, head - 1) + 1);
  const blank = oldText.slice(oldText.length - tail).search(/\s/);
  tail = blank === -1 ? 0 : tail - blank;
  const diffs = wordDiff(oldText.slice(head, oldText.length - tail), newText.slice(head, newText.length - tail));
  if (!diffs) return null;
  const runs: Run[] = head > 0 ? [{ old: 0, new: 0, length: head }] : [];
  let o = head;
  let n = head;
  for (const [op, chunk] of cleanupSemantic(diffs)) {
    if (op === DIFF_EQUAL) runs.push({ old: o, new: n, length: chunk.length });
    if (op !== DIFF_INSERT) o += chunk.length;
    if (op !== DIFF_DELETE) n += chunk.length;
  }
  if (tail > 0) runs.push({ old: o, new: n, length: tail });
  return runs;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\S\r\n]+|[^]/gu;

/**
 * The library's diff run over words instead of characters (each distinct word, run of blanks or other character
 * stands for one code unit, as its line mode does with lines), decoded back to text. Many scattered edits cost
 * it a fraction of a character diff's time, and a changed word is one change, not letters matched by chance.
 * Null when the texts hold more distinct tokens than code units outside the surrogate range.
 */
function wordDiff(oldText: string, newText: string): Diff[] | null {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string): string | null => {
    let out = '';
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codes.get(token);
      if (code === undefined) {
        const unit = tokens.length < 0xd800 ? tokens.length : tokens.length + 0x800;
        if (unit > 0xffff) return null;
        code = String.fromCharCode(unit);
        codes.set(token, code);
        tokens.push(token);
      }
      out += code;
    }
    return out;
  };
  const a = encode(oldText);
  const b = a === null ? null : encode(newText);
  if (a === null || b === null) return null;
  const decode = (chunk: string) => Array.from(chunk, (c) => tokens[c.charCodeAt(0) < 0xd800 ? c.charCodeAt(0) : c.charCodeAt(0) - 0x800]).join('');
  return makeDiff(a, b, { checkLines: false, timeout: DIFF_TIMEOUT_SECONDS }).map(([op, chunk]): Diff => [op, decode(chunk)]);
}

/**
 * An old offset in the new text. Inside an unchanged run it maps exactly; inside a changed region a start goes
 * to the region's start and an end to its end, so the slice includes whatever replaced the span's edge (a typo).
 * An insertion exactly at a start goes before the span, at an end after it.
 */
function mapOffset(runs: readonly Run[], offset: number, side: 'start' | 'end', newLength: number): number {
  // First run ending after the offset (start) or at or after it (end).
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const runEnd = runs[mid].old + runs[mid].length;
    if (side === 'start' ? runEnd > offset : runEnd >= offset) hi = mid;
    else lo = mid + 1;
  }
  const run = runs[lo];
  if (run && (side === 'start' ? run.old <= offset : run.old < offset)) return run.new + offset - run.old;
  if (side === 'end') return run ? run.new : newLength;
  const before = runs[lo - 1];
  return before ? before.new + before.length : 0;
}

/** Whether `place` lies in text the diff saw unchanged at another old offset: other words that were already there. */
function unchangedFrom(runs: readonly Run[], place: Span, oldStart: number): boolean {
  const run = runs.find((r) => r.new <= place.start && place.end <= r.new + r.length);
  return run !== undefined && run.old + place.start - run.new !== oldStart;
}

function throughDiff(at: Span, context: Quote, shape: Shape, text: string): Found | null {
  if (at.end <= at.start || !fits(text, at, shape)) return null;
  const slice = text.slice(at.start, at.end);
  const errors = slice === context.exact ? 0 : typoErrors(context.exact, slice);
  const fit = contextFit(text, at, context, DIFF_FLOOR);
  if (errors === null || fit < DIFF_FLOOR) return null;
  return { placement: { span: at, how: 'diff', score: round(1 - errors / context.exact.length) }, fit };
}

/**
 * A diff aligns text, not meaning: between duplicated passages much rewritten it can align one copy with the
 * other. When the same words, kept from elsewhere in the old text, fit the record better, the evidence
 * conflicts. (Words the change inserted do not count: a name typed next to the record's is no evidence.)
 */
function fitsBetterElsewhere(found: Found, context: Quote, shape: Shape, text: string, isOther: (p: Span) => boolean): boolean {
  const at = found.placement.span!;
  return occurrences(text, context.exact, shape).some(
    (p) => (p.end <= at.start || p.start >= at.end) && isOther(p) && contextFit(text, p, context, found.fit) > found.fit + 0.005,
  );
}

/**
 * Edits from `exact` to `slice` when they are a slip inside words: no word added or lost, each word's first
 * letter kept (`new York Times` is not a slip of `New York Times`, nor `the` of `for`); else null.
 */
function typoErrors(exact: string, slice: string): number | null {
  const allowed = allowedErrors(exact.length);
  if (allowed === 0 || Math.abs(exact.length - slice.length) > allowed || initials(exact) !== initials(slice)) return null;
  const diffs = makeDiff(exact, slice);
  let errors = 0;
  let inserted = 0;
  let deleted = 0;
  for (let i = 0; i < diffs.length; i++) {
    const [op, chunk] = diffs[i];
    if (op === DIFF_INSERT) inserted += chunk.length;
    else if (op === DIFF_DELETE) deleted += chunk.length;
    else {
      // `Brittney` -> `Birttney` diffs as a letter taken out and put back one further on: one slip, not two.
      const swapped = inserted + deleted === 1 && isTransposition(diffs, i);
      errors += swapped ? 1 : Math.max(inserted, deleted);
      if (swapped) i++;
      inserted = deleted = 0;
    }
  }
  errors += Math.max(inserted, deleted);
  return errors <= allowed ? errors : null;
}

/** Whether diffs[i], one equal letter, sits between one letter deleted and the same letter inserted (or the reverse). */
function isTransposition(diffs: readonly Diff[], i: number): boolean {
  const [before, equal, after] = [diffs[i - 1], diffs[i], diffs[i + 1]];
  return !!before && !!after && equal[1].length === 1 && before[0] !== DIFF_EQUAL && after[0] === -before[0] && before[1].length === 1 && after[1] === before[1];
}

// ---- search: the quote's occurrences, scored by their context

interface Candidate {
  span: Span;
  score: number;
  fit: number;
  /** In text the diff saw unchanged at another place: other words that were already there. */
  other: boolean;
  /** Above the floor of its kind. Misspelt words below it, but above the floor for exact ones, are still rivals. */
  placeable: boolean;
}

/** What a search looks for, and where: `hint` is the expected offset; `isOther` rules places out. */
interface Search {
  context: Quote;
  shape: Shape;
  text: string;
  hint: number;
  isOther: (place: Span) => boolean;
}

function bySearch(context: Quote, shape: Shape, text: string, hint: number, isOther: (place: Span) => boolean): Found {
  const { exact } = context;
  const words = `the quoted words ${show(exact)}`;
  const allowed = allowedErrors(exact.length);
  if (exact.length > text.length + allowed) return orphan(`${words} are longer than the whole article now`);
  if ((context.prefix + context.suffix).replace(/[\r\n]/g, '').length < MIN_CONTEXT) {
    return orphan(`too little context was kept around ${words} to find them again`);
  }
  const wanted = { context, shape, text, hint, isOther };
  const exactly = occurrences(text, exact, shape);
  let found = rank(exactly, 0, EXACT_FLOOR, wanted);
  // The exact words in a middling context do not beat the words misspelt in their own (a copy typed near a
  // name whose letters slipped): below CONFIDENT, near matches compete.
  if (allowed > 0 && !(found[0]?.fit >= CONFIDENT)) found = bestFirst([...found, ...nearMatches(wanted, allowed)]);
  if (found.length === 0) {
    const times = exactly.length === 1 ? 'once' : `${exactly.length} times`;
    return orphan(exactly.length === 0 ? `${words} no longer appear in the article` : `${words} appear ${times}, but not in the surroundings they were annotated in`);
  }
  // Places the diff saw as other words still count against the best: a diff can align near-duplicates either
  // way. A rival scoring almost as well, or fitting the surroundings clearly better (misspelt words where the
  // exact ones sit in a poorer context; about as well, for misspelt words below their floor), or exact where the
  // best is misspelt, leaves the record ambiguous.
  const best = found.find((c) => !c.other && c.placeable);
  if (!best) return orphan(found.some((c) => c.other) ? `${words} appear only where other words were before` : `${words} appear only misspelt, in surroundings that fit too little`);
  const isExact = (c: Candidate) => text.slice(c.span.start, c.span.end) === exact;
  const misspelt = !isExact(best);
  const rival = found.find(
    (c) => c !== best && (c.span.end <= best.span.start || c.span.start >= best.span.end) && (best.score - c.score < MARGIN || c.fit > best.fit + (c.placeable ? MARGIN : -CONTEST_MARGIN) || (misspelt && isExact(c))),
  );
  if (rival) return orphan(`${words} appear in ${found.length} places that fit about as well`);
  return { placement: { span: best.span, how: 'search', score: round(best.score) }, fit: best.fit };
}

/** Places of `exact` in `text` whose edges agree with the record's (whole words where it was whole words). */
function occurrences(text: string, exact: string, shape: Shape): Span[] {
  const places: Span[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const place = { start: i, end: i + exact.length };
    if (fits(text, place, shape)) places.push(place);
  }
  return places;
}

/**
 * Approximate occurrences (a typo made or fixed), exact ones left out. The matcher reports only the cheapest
 * matches, so the exact words, and then places that are cheap but wrong (out of context, not a slip), are
 * masked and the search repeated.
 */
function nearMatches(wanted: Search, allowed: number): Candidate[] {
  const { context, text } = wanted;
  const exactly: Span[] = [];
  for (let i = text.indexOf(context.exact); i !== -1; i = text.indexOf(context.exact, i + 1)) exactly.push({ start: i, end: i + context.exact.length });
  let masked = mask(text, exactly);
  for (let round = 0; round < 3; round++) {
    const matches = approximateMatches(masked, context.exact, allowed);
    if (matches.length === 0) return [];
    const errors = matches[0].errors;
    const slips = matches.filter((m) => typoErrors(context.exact, text.slice(m.start, m.end)) !== null).map((m) => ({ start: m.start, end: m.end }));
    const found = rank(slips, errors, FUZZY_FLOOR, wanted);
    if (found.length > 0) return found;
    masked = mask(masked, matches);
  }
  return [];
}

/** `text` with the spans overwritten by NULs, offsets kept. */
function mask(text: string, spans: readonly Span[]): string {
  let out = '';
  let last = 0;
  for (const { start, end } of spans) {
    const from = Math.max(start, last);
    if (end <= from) continue;
    out += text.slice(last, from) + '\u0000'.repeat(end - from);
    last = end;
  }
  return out + text.slice(last);
}

/** Places that fit the record's shape and context, scored, best first. */
function rank(spans: readonly Span[], errors: number, floor: number, { context, shape, text, hint, isOther }: Search): Candidate[] {
  const scored: Candidate[] = [];
  for (const span of spans) {
    if (!fits(text, span, shape)) continue;
    const fit = contextFit(text, span, context, Math.min(floor, EXACT_FLOOR));
    if (fit < Math.min(floor, EXACT_FLOOR)) continue;
    const near = 1 - Math.min(1, Math.abs(span.start - hint) / text.length);
    scored.push({ span, fit, other: isOther(span), placeable: fit >= floor, score: WEIGHT.quote * (1 - errors / context.exact.length) + WEIGHT.context * fit + WEIGHT.near * near });
  }
  return bestFirst(scored);
}

/** Best first; overlapping places count once, at their best. */
function bestFirst(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => c.span.start < k.span.end && k.span.start < c.span.end)) kept.push(c);
  }
  return kept;
}

// ---- contests between records of the same words

/**
 * Two copies of a passage give their records the same quote: when one copy is gone or much rewritten, both
 * records fit the other, and one of them is on words that are not its own. A record placed by diff or search
 * loses its place when another record of the same words, made elsewhere, claims the same place with evidence
 * as strong, or fits it about as well and has no better place of its own (by offset or diff).
 */
function settleContests(records: readonly AnchorRecord[], found: readonly Found[], text: string): Placement[] {
  const byWords = new Map<string, number[]>();
  records.forEach((r, i) => byWords.set(r.quote.exact, [...(byWords.get(r.quote.exact) ?? []), i]));
  const level = (p: Placement) => ({ exact: 2, diff: 1, search: 0, orphan: -1 })[p.how];
  const sameOrigin = (i: number, j: number) => records[i].span.start === records[j].span.start && records[i].span.end === records[j].span.end;
  return found.map(({ placement, fit }, i) => {
    const at = placement.span;
    if (!at || placement.how === 'exact') return placement;
    const contested = byWords.get(records[i].quote.exact)!.some((j) => {
      if (j === i || sameOrigin(i, j)) return false;
      const other = found[j].placement;
      if (other.span && other.span.start === at.start && other.span.end === at.end) return level(other) >= level(placement);
      if (level(other) >= 1) return false;
      const otherFit = contextFit(text, at, withinLines(records[j].quote), Math.max(0, fit - CONTEST_MARGIN));
      return otherFit >= fit - CONTEST_MARGIN && !(other.span && found[j].fit > otherFit + CONTEST_MARGIN);
    });
    return contested ? orphan(`the quoted words ${show(records[i].quote.exact)} were annotated at other places too, and nothing tells which annotation these are`).placement : placement;
  });
}

// ---- context

/** The quote with its context cut at line breaks (each kept): `contextFit` compares within paragraphs. */
function withinLines(quote: Quote): Quote {
  const newline = lineBreakEnd(quote.suffix, 0);
  return { exact: quote.exact, prefix: quote.prefix.slice(Math.max(0, lastLineBreak(quote.prefix, quote.prefix.length - 1))), suffix: newline === -1 ? quote.suffix : quote.suffix.slice(0, newline + 1) };
}

/**
 * 1 - (edits between the record's context and the text around `at`, both cut at line breaks) / (context
 * length); 0.5 with no context. Below `floor` the exact figure does not matter: the matcher is told how many
 * edits it may stop at.
 */
function contextFit(text: string, at: Span, context: Quote, floor = 0): number {
  const total = context.prefix.length + context.suffix.length;
  if (total === 0) return 0.5;
  const budget = Math.floor((1 - floor) * total + 1e-9);
  const around = withinLines({ exact: '', prefix: text.slice(Math.max(0, at.start - context.prefix.length), at.start), suffix: text.slice(at.end, at.end + context.suffix.length) });
  const before = distanceWithin(around.prefix, context.prefix, budget);
  const after = before > budget ? 0 : distanceWithin(around.suffix, context.suffix, budget - before);
  return before + after > budget ? Math.min(floor, 1 - (budget + 1) / total) : 1 - (before + after) / total;
}

/** Edits to find `pattern` within `text`, or `most + 1` when it takes more than `most`. */
function distanceWithin(text: string, pattern: string, most: number): number {
  if (text === pattern) return 0;
  if (pattern === '' || text === '') return pattern.length;
  const [best] = approximateMatches(text, pattern, Math.min(most, pattern.length));
  return best ? best.errors : Math.max(most + 1, 0);
}

function allowedErrors(length: number): number {
  return length < MIN_FUZZY ? 0 : Math.max(1, Math.floor(length / 8));
}

// ---- word boundaries and surrogate pairs

/**
 * How the record's span meets the words: whether it starts and ends with a letter or digit, and whether it
 * starts or ends inside a word. A new place must agree, so `Russia` never lands in `Russian`, nor `Europe`
 * on `Europ’`.
 */
interface Shape {
  startsWord: boolean;
  endsWord: boolean;
  joinsBefore: boolean;
  joinsAfter: boolean;
}

function shapeOf(quote: Quote): Shape {
  const startsWord = isWordChar(firstChar(quote.exact));
  const endsWord = isWordChar(lastChar(quote.exact));
  return { startsWord, endsWord, joinsBefore: startsWord && isWordChar(lastChar(quote.prefix)), joinsAfter: endsWord && isWordChar(firstChar(quote.suffix)) };
}

function fits(text: string, at: Span, shape: Shape): boolean {
  if (splitsPair(text, at.start) || splitsPair(text, at.end)) return false;
  const startsWord = isWordChar(firstChar(text.slice(at.start, at.start + 2)));
  const endsWord = isWordChar(lastChar(text.slice(Math.max(at.start, at.end - 2), at.end)));
  return startsWord === shape.startsWord && endsWord === shape.endsWord && joins(text, at.start) === shape.joinsBefore && joins(text, at.end) === shape.joinsAfter;
}

function joins(text: string, offset: number): boolean {
  return isWordChar(lastChar(text.slice(Math.max(0, offset - 2), offset))) && isWordChar(firstChar(text.slice(offset, offset + 2)));
}

function firstChar(s: string): string {
  return s === '' ? '' : String.fromCodePoint(s.codePointAt(0)!);
}

function lastChar(s: string): string {
  if (s === '') return '';
  const low = s.charCodeAt(s.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

function isWordChar(c: string): boolean {
  return c !== '' && WORD_CHAR.test(c);
}

/** The first letter of each word: `VP` for `Vladimir Putin`. */
function initials(s: string): string {
  return s
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .map((word) => String.fromCodePoint(word.codePointAt(0)!))
    .join('');
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const high = text.charCodeAt(offset - 1);
  const low = text.charCodeAt(offset);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function clamp(span: Span, length: number): Span {
  const start = Math.min(Math.max(0, span.start), length);
  return { start, end: Math.min(Math.max(start, span.end), length) };
}

function orphan(reason: string): Found {
  return { placement: { span: null, how: 'orphan', reason }, fit: 0 };
}

function show(exact: string): string {
  const flat = exact.replace(/\s+/g, ' ');
  return `“${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}”`;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
