// Fact matching over tokens (facts.ts) and whole-span edits of the tagger's tags, shared by the construction
// rules (constructions.ts, works.ts): every edit leaves the tags well formed.
import { FACT_LISTS, MISC, splitName, type FactKind } from './facts';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { CAPS, DIGIT, LOWER } = wordShape;

export interface Fact {
  words: string[];
  /** Whether each word must be written capitalised (its entry has a capital letter). */
  capital: boolean[];
  type: number;
  kind: FactKind;
  broadcaster: boolean;
  party: boolean;
  models: boolean;
}

export interface Span {
  first: number;
  end: number;
  type: number;
}

let factIndex: Map<string, Fact[]> | null = null;

/** Facts by their first lower-case word, longest first; built on first use. */
export function facts(): Map<string, Fact[]> {
  if (factIndex) return factIndex;
  const index = new Map<string, Fact[]>();
  for (const list of FACT_LISTS) {
    for (const name of list.names.split('|')) {
      const raw = splitName(name);
      if (raw.length === 0) continue;
      const fact: Fact = { words: raw.map((w) => w.toLowerCase()), capital: raw.map((w) => w !== w.toLowerCase()), type: list.type, kind: list.kind, broadcaster: list.broadcaster === true, party: list.party === true, models: list.models === true };
      const bucket = index.get(fact.words[0]);
      if (bucket) bucket.push(fact);
      else index.set(fact.words[0], [fact]);
    }
  }
  for (const bucket of index.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  factIndex = index;
  return index;
}

/** The longest fact matching at token i, given the tokens' lower-case forms (capitalised words must be written capitalised). */
export function factAt(lower: string[], classes: Uint8Array, i: number, end: number): Fact | null {
  const bucket = facts().get(lower[i]);
  if (!bucket) return null;
  for (const f of bucket) {
    if (i + f.words.length > end) continue;
    let ok = true;
    for (let k = 0; k < f.words.length && ok; k++) {
      if (lower[i + k] !== f.words[k]) ok = false;
      else if (f.capital[k] && classes[i + k] === LOWER) ok = false;
    }
    if (ok) return f;
  }
  return null;
}

/** Sets tags [first, end) to one span of `type`, leaving the tags around it well formed. */
export function force(tags: Uint8Array, first: number, end: number, type: number): void {
  // A span that ran into [first, end) from the left now ends before it; one running out of it starts after it.
  for (let i = first; i < end; i++) tags[i] = i === first ? 2 * type + 1 : 2 * type + 2;
  if (end < tags.length && tags[end] !== 0 && (tags[end] & 1) === 0) tags[end] -= 1;
}

export function clear(tags: Uint8Array, first: number, end: number): void {
  for (let i = first; i < end; i++) tags[i] = 0;
  if (end < tags.length && tags[end] !== 0 && (tags[end] & 1) === 0) tags[end] -= 1;
}

export function spansOf(tags: Uint8Array, first: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = first; i < end; i++) {
    const t = tags[i];
    if (t === 0) continue;
    if ((t & 1) === 1 || out.length === 0 || out[out.length - 1].end !== i) out.push({ first: i, end: i + 1, type: (t - 1) >> 1 });
    else out[out.length - 1].end = i + 1;
  }
  return out;
}

export function allCaps(classes: Uint8Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (classes[i] !== CAPS && classes[i] !== DIGIT) return false;
  return true;
}


/** A run that is exactly one known name of another kind (`the show ITV1`): not a title. */
export function isFactRun(lower: string[], classes: Uint8Array, start: number, stop: number): boolean {
  const f = factAt(lower, classes, start, stop);
  return f !== null && start + f.words.length === stop && f.type !== MISC;
}
