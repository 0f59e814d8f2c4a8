// The tag set: BIO over the four CoNLL types. Tag 0 is outside; 2k-1 begins and 2k continues type k-1.
import type { EntityType } from '../../model';

export const TAG_COUNT = 9;
export const TYPE_NAMES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const ENTITY_TYPE_OF: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];

export function beginTag(type: number): number {
  return 2 * type + 1;
}

/** Type index (0..3) of a tag, or -1 for outside. */
export function typeOfTag(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 1;
}

export function isBegin(tag: number): boolean {
  return tag !== 0 && (tag & 1) === 1;
}

/** Whether `tag` may follow `previous` (-1 at sentence start): an I- tag only continues its own type. */
export function allowed(previous: number, tag: number): boolean {
  if (tag === 0 || isBegin(tag)) return true;
  return previous !== -1 && previous !== 0 && typeOfTag(previous) === typeOfTag(tag);
}

/**
 * A span of more tokens than this is not a name (a run of capitalised words without sentence ends, a
 * headline list): the recogniser drops it and the document memory ignores it. CoNLL-2003's longest name has 10.
 */
export const MAX_NAME_TOKENS = 12;

export interface TagSpan {
  /** Token index of the first token. */
  first: number;
  /** Token index one past the last. */
  end: number;
  type: number;
}

/** Entity spans of a BIO tag sequence (token indices). */
export function tagSpans(tags: ArrayLike<number>, from: number, to: number, out: TagSpan[]): void {
  let open = -1;
  let openType = -1;
  for (let i = from; i < to; i++) {
    const tag = tags[i];
    const type = typeOfTag(tag);
    if (open >= 0 && (tag === 0 || isBegin(tag) || type !== openType)) {
      out.push({ first: open, end: i, type: openType });
      open = -1;
    }
    if (tag !== 0 && open < 0) {
      open = i;
      openType = type;
    }
  }
  if (open >= 0) out.push({ first: open, end: to, type: openType });
}
