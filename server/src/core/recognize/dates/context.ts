// What the sentence around an expression says about it: whether it looks forward (`will meet
// on Friday`) and which day a bare clock time belongs to (`on Sunday ... at 3 a.m.`).

/** Future markers between the start of the clause and the expression. */
const FUTURE_CUE = /\b(?:will|won't|shall|would|should|must|'ll|is due|are due|due to|plans? to|planned|scheduled|is set|are set|set for|is to|are to|going to|(?:may|might)(?! have\b)|expected to|(?:is|are|was|were|be|been|not|now|widely|also) expected|expects?|begins|starts|opens|ends|expires|resumes|next)\b/gi;
/** A verb in the past tense after the cue governs the expression instead: `will go ahead after organisers won approval on Monday`. */
const PAST_VERB = /\b(?:[a-z]+ed|won|began|met|held|took|made|came|went|saw|gave|got|left|lost|fell|rose|struck|sent|spent|paid|built|kept|led)\b/;
/** A reporting verb after the cue starts a new clause: `will withdraw, officials said on Wednesday`. */
const REPORTING = /\b(?:said|says|told|announced|reported|confirmed|added|stated|claimed|warned)\b/i;

const ABBREVIATION = /\b(?:[ap]\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|[A-Z])$/;

/**
 * How far back a sentence start is looked for. Longer "sentences" (a line of figures or a pasted list without
 * full stops) start this far back: the cues read from the sentence all sit within a few words of the expression,
 * and an unbounded scan made every expression cost the length of its line, quadratic on one long line.
 */
const SENTENCE_SCAN = 600;

export function sentenceStart(text: string, index: number): number {
  const floor = Math.max(0, index - SENTENCE_SCAN);
  for (let i = index - 1; i > floor; i--) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? '') && !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i))) {
      return i + 1;
    }
  }
  return floor;
}

export function looksForward(text: string, start: number): boolean {
  const from = Math.max(sentenceStart(text, start), start - 70);
  const before = text.slice(from, start);
  if (/\bsince\s+(?:the\s+)?$/i.test(before)) return false; // `will rise, as they have since the summer`
  let lastCueEnd = -1;
  for (const cue of before.matchAll(FUTURE_CUE)) {
    if (cue[0] === 'May' || cue[0] === 'MAY') continue; // the month, not the modal
    lastCueEnd = cue.index! + cue[0].length;
  }
  if (lastCueEnd < 0) return false;
  // Passives and states: `will be published on`, `will stay closed until`.
  const after = before.slice(lastCueEnd).replace(/\b(?:be|been|being|stay|remain|become|get)\s+\w+/g, '');
  return !REPORTING.test(after) && !PAST_VERB.test(after);
}
