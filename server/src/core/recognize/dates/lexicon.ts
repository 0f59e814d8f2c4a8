// Word lists shared by the date finder: which words can start a date expression, and which
// words around a month or weekday name tell that it is meant as a date.

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names that are also everyday words or given names (`may`, `March on`, `April Jones`). */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'april', 'june', 'august']);

const MONTH_ALTERNATION = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

/**
 * What an expression chrono-node should read must contain. Only windows around these are handed
 * to chrono-node, which is far too slow to run over whole articles. Case matters: lower-case
 * `may` and `march` are never months, and relative words are read by our own patterns.
 */
export const CHRONO_TRIGGER = new RegExp(
  [
    `\\b(?:${MONTH_ALTERNATION})\\b`,
    '\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b',
    '\\b(?:[Mm]idday|[Nn]oon|[Mm]idnight|ago)\\b',
    '\\b\\d{1,2}(?:[:.]\\d{2})? ?[aApP]\\.?[mM]\\b',
    '\\b\\d{1,2}:\\d{2}\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b',
  ].join('|'),
  'g',
);

/** Words before a bare month name that make it a date: `in May`, `since March`, `late July`. */
export const MONTH_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'by', 'of', 'from', 'to', 'through', 'throughout', 'during', 'before', 'after',
  'early', 'late', 'mid', 'last', 'next', 'this', 'between', 'and', 'or', 'on', 'for', 'around', 'the', 'that', 'each',
  'every', 'end', 'start', 'beginning', 'middle',
]);

/** Prepositions and determiners that lead into an expression but are not part of its span. */
export const LEADING_WORDS = /^(?:(?:on|in|at|by|since|from|until|till|of|during|before|after|around|about|for|through|throughout|over|the|as of|back in|as early as|as late as)\s+)+/i;

/** Modifiers kept in the span: `late July`, `early Thursday`, `mid-December`, `earlier this month`. */
export const MODIFIER_BEFORE = /\b(early|late|mid|earlier|later)(?:\s+|-)$/i;

/** Abbreviations whose final full stop belongs to the expression. */
export const ABBREVIATION_AT_END = /(?:\b[ap]\.m\.|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$/i;

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};

/** Zones and words that make a four-digit number a 24-hour time: `1600 GMT`, `0117 local time`. */
export const TIME_ZONE = 'GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|PST|PDT|IST|JST|AEST|AEDT|local time';

/**
 * The first year news is written in (the bare-year pattern reads 1800-2099): an earlier date is history
 * (`5 November 1605`) or a misread clock time (`Saturday, 26 February 1600`), never an article's own date.
 */
export const FIRST_NEWS_YEAR = 1800;
