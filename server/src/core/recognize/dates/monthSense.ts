// Whether a month name is meant as a month: `in May` is, `Theresa May`, `may help` and
// `march on parliament` are not.
import { AMBIGUOUS_MONTHS, MONTHS, MONTH_CONTEXT } from './lexicon';

const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;
const FULL_NAME = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * `word` is the month name at `start`; `alone` says the expression has no day or year with it,
 * so only the words around it can tell that it is a date.
 */
export function readsAsMonth(text: string, start: number, word: string, alone: boolean): boolean {
  const lower = word.toLowerCase();
  if (MONTHS[lower] === undefined || !/^[A-Z]/.test(word)) return false;
  const before = /([A-Za-z]+)([^A-Za-z]*)$/.exec(text.slice(Math.max(0, start - 24), start));
  const previous = before?.[1];
  const contextWord = previous !== undefined && MONTH_CONTEXT.has(previous.toLowerCase());
  // `Theresa May`, `Mrs May`, `Brian May`: a capitalised word right before makes it a surname.
  if (AMBIGUOUS_MONTHS.has(lower) && previous && /^[A-Z]/.test(previous) && before![2] === ' ' && !contextWord && !WEEKDAY.test(previous)) return false;
  if (!alone) return true;
  if (!AMBIGUOUS_MONTHS.has(lower) && FULL_NAME.test(lower)) return true;
  if (/(?:early|late|mid|earlier|later)[\s-]+$/i.test(text.slice(Math.max(0, start - 9), start))) return true;
  return contextWord;
}
