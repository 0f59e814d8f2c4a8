// Placeholder name recogniser: runs of capitalised words, typed by a few suffix rules.
// It only holds the seam open until the trained tagger lands; it is a baseline, not a design.
import type { EntityType, NameSpan } from '../model';
import type { NameRecognizer } from './types';

const WORD = /[A-Z][\p{L}'’.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\p{L}'’.-]*)*/gu;
const STOP = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'But', 'And', 'This', 'That', 'His', 'Her', 'Its', 'If', 'As', 'For', 'After', 'Before', 'When', 'While', 'I']);
const ORG = /\b(?:Ministry|Council|Party|Bank|Agency|Union|Company|Inc|Ltd|Group|Nations|Institute|Office|Army|Forces|Committee|Reuters|AP)\b/;
const LOC = /\b(?:River|City|Bridge|Sea|Island|Province|Region|Street)\b/;

export function createCapitalizedRunRecognizer(): NameRecognizer {
  return {
    recognize(text: string): NameSpan[] {
      const out: NameSpan[] = [];
      for (const match of text.matchAll(WORD)) {
        let start = match.index!;
        let value = match[0].replace(/[.'’-]+$/, '');
        const first = value.split(/\s+/)[0];
        if (STOP.has(first)) {
          const rest = value.slice(first.length).trimStart();
          start += value.length - rest.length;
          value = rest;
        }
        if (value.length < 2) continue;
        const possessive = /['’]s$/.exec(value);
        if (possessive) value = value.slice(0, possessive.index);
        const type: EntityType = ORG.test(value) ? 'organization' : LOC.test(value) ? 'location' : /\s/.test(value) ? 'person' : 'misc';
        out.push({ start, end: start + value.length, type });
      }
      return out;
    },
  };
}
