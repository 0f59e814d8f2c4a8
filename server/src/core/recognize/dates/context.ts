// What the sentence around an expression says about it: whether it looks forward (`will meet
// on Friday`) and which day a bare clock time belongs to (`on Sunday ... at 3 a.m.`).

/** Future markers between the start of the clause and the expression. */
const FUTURE_CUE = /\b(?:will|won't|shall|would|should|must|'ll|is due|are due|due to|plans? to|planned|scheduled|is set|are set|set for|is to|are to|going to|(?:may|might)(?! have\b)|expected to|(?:is|are|was|were|be|been|not|now|widely|also) expected|expects?|begins|starts|opens|ends|expires|resumes|next)\b/gi;
/**
 * News speaks of what is scheduled in the present tense: `Talks continue on Thursday`, `Polls open on
 * Thursday`, `Officials are meeting on Friday`, `The match is on Sunday`. Weaker than a future cue: only the
 * verb, not a noun spelt alike (`a strong start on Monday`), and not across `after` or `since` (`talks continue
 * after a breakdown on Thursday`). Verbs of arrangement only: `police are investigating an attack on Monday` is past.
 * `close` is left out: `hovered close to record lows on Friday`, `the record close on Wednesday`.
 */
const PRESENT_CUE = /\b(?:continues?|resume|reconvenes?|begin|start|open|meets?|returns?|sits|plays|travels?|visits|faces|holds|arrives?|takes? place|go(?:es)? ahead|comes? (?:out|back)|go(?:es)? (?:on sale|to)|gets? under ?way|kicks? off|(?:is|are) (?:meeting|holding|hosting|planning|playing|travell?ing|visiting|flying|heading|leaving|launching|releasing|publishing|opening|staging|taking|going|coming|returning|starting|attending|unveiling|voting|debating|giving|making)|(?:is|are)(?= (?:on|for|at) [^,;]{0,20}$))\b/g;
/** Words before a noun, which make a cue word after them the noun: `the close`, `a strong start`, `Tuesday's meet`. */
const BEFORE_NOUN = /(?:\b(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|each|every|no|strong|good|bad|slow|fast|fresh|new|late|early|first|final|[a-z]+ed)|['’]s)\s+$/i;
/** `is holding talks after a walkout on Monday`, `questions over a leak on Friday`: the day is another event's. */
const INTERVENING_EVENT = /\b(?:after|since|following|before|(?<!\btak(?:e|es|ing) )over|into|about)\b/i;
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
  if (/\b(?:last|past)\s+$/i.test(before)) return false; // `to take place ... last August`
  let lastCueEnd = -1;
  for (const cue of before.matchAll(FUTURE_CUE)) {
    if (cue[0] === 'May' || cue[0] === 'MAY') continue; // the month, not the modal
    lastCueEnd = cue.index! + cue[0].length;
  }
  let present = false;
  for (const cue of before.matchAll(PRESENT_CUE)) {
    const end = cue.index! + cue[0].length;
    if (end <= lastCueEnd || BEFORE_NOUN.test(before.slice(0, cue.index!))) continue;
    const rest = before.slice(end);
    // `saw their economy continue to expand in December`; `... terrorism." On Monday`: not the expression's verb.
    if (/^ to\b/.test(rest) && /^(?:continue|begin|start)/i.test(cue[0])) continue;
    if (INTERVENING_EVENT.test(before.slice(cue.index!)) || /[.;:!?"“”]|\s[-–—]\s/.test(rest)) continue;
    lastCueEnd = end;
    present = true;
  }
  if (lastCueEnd < 0) return false;
  // Passives and states: `will be published on`, `will stay closed until`.
  const after = before.slice(lastCueEnd).replace(/\b(?:be|been|being|stay|remain|become|get)\s+\w+/g, '');
  return !REPORTING.test(after) && !PAST_VERB.test(after) && !(present && /\b(?:said|was|were|had|did)\b/i.test(after));
}
