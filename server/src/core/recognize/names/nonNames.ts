// The last pass over the names the rules leave (constructions.ts): what is no name (a rule's leftover without a
// capital, a generic word, a holiday, a period), a year before an event, and generic words at a name's edge.
import type { ConstructionInput } from './constructions';
import { clear, factAt, force, spansOf, type Span } from './edits';
import { HOLIDAYS, MISC, NOT_NAMES } from './facts';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { caseClassOf, DIGIT, hasLowerPart, isCapitalised, LOWER } = wordShape;

export function dropNonNames(input: ConstructionInput): void {
  const { words, classes, tags, sentences } = input;
  // What a rule cut off a longer span and holds no capitalised word or digit (`and` between two titles) is no name,
  // nor is a generic word alone (`PC`, `TV`, `Aids`), nor a holiday (`Boxing Day`: a date).
  for (const s of sentences) {
    for (const o of spansOf(tags, s.first, s.end)) {
      // A year before an event or a law is its date, not its name (`the 1989 Children Act`; in eng.train a year
      // before a misc name is outside it 15 times in 18).
      if (o.type === MISC && o.end - o.first >= 2 && YEAR.test(words[o.first]) && isCapitalised(classes[o.first + 1])) {
        clear(tags, o.first, o.end);
        force(tags, o.first + 1, o.end, MISC);
        continue;
      }
      if (!hasCapital(input.writtenClasses, o.first, o.end) || (o.end - o.first === 1 && isGeneric(words[o.first])) || isHoliday(input.lower, o.first, o.end) || isCentury(input.lower, o.first, o.end)) {
        clear(tags, o.first, o.end);
        continue;
      }
      // `Windows PC`, `Kessel GDRs`, `HIV-positive Africans`: a plural acronym after a name, a generic word after a
      // product or before a name, is not part of it (`Fox TV`, a channel, keeps its word).
      const last = words[o.end - 1];
      // (Not where a hyphenated word with a lower-case part would be left alone, which the recogniser cuts to its
      // capitalised parts: `Blu-ray DVD` stays whole.)
      const rest = o.end - 1 - o.first === 1 && hasLowerPart(words[o.first]) ? -1 : o.end - 1;
      if (rest > o.first && (isAcronymPlural(last) || (NOT_NAMES.has(last.toLowerCase()) && isProductRun(input, o.first, rest)))) shrink(tags, o, o.first, rest);
      else if (o.end - o.first >= 2 && isGenericCompound(words[o.first])) shrink(tags, o, o.first + 1, o.end);
    }
  }
}

/** A year (`1989`). */
export const YEAR = /^(?:1[89]|20)\d\d$/;

/**
 * A word that is no name alone: a generic technology word or a disease (facts.ts), or the plural of an acronym, a
 * generic noun (`ISPs`, `SUVs`, `MPs`).
 */
function isGeneric(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase()) || isAcronymPlural(word);
}

function isAcronymPlural(word: string): boolean {
  return word.length >= 3 && word.length <= 6 && word.charCodeAt(word.length - 1) === 115 && ACRONYM_PLURAL.test(word);
}

const ACRONYM_PLURAL = /^[A-Z]{2,5}s$/;

/** `HIV-positive`, `TV-viewing`: a generic word and a lower-case part. */
function isGenericCompound(word: string): boolean {
  const dash = word.indexOf('-');
  return dash > 0 && NOT_NAMES.has(word.slice(0, dash).toLowerCase()) && caseClassOf(word.slice(dash + 1)) === LOWER;
}

/** Whether [first, end) is exactly a misc name of the lists (`Windows`). */
function isProductRun(input: ConstructionInput, first: number, end: number): boolean {
  const f = factAt(input.lower, input.writtenClasses, first, end);
  return f !== null && f.type === MISC && first + f.words.length === end;
}

/** Keeps [first, end) of span o as a name of its type. */
function shrink(tags: Uint8Array, o: Span, first: number, end: number): void {
  clear(tags, o.first, o.end);
  force(tags, first, end, o.type);
}

/** `21st Century`: a period, left to the dates. */
function isCentury(lower: string[], first: number, end: number): boolean {
  return end - first === 2 && (lower[first + 1] === 'century' || lower[first + 1] === 'centuries') && ORDINAL.test(lower[first]);
}

const ORDINAL = /^\d{1,2}(?:st|nd|rd|th)$/;

function isHoliday(lower: string[], first: number, end: number): boolean {
  return HOLIDAY_OPENERS.has(lower[first]) && HOLIDAYS.has(lower.slice(first, end).join(' '));
}

const HOLIDAY_OPENERS = new Set([...HOLIDAYS].map((h) => h.split(' ')[0]));

function hasCapital(classes: Uint8Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (isCapitalised(classes[i]) || classes[i] === DIGIT) return true;
  return false;
}
