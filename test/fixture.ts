// Inline-marker fixtures: `<<Kherson>>{location}` marks an expected mention, `$0` the cursor; `{organization?}` a
// name whose type the recogniser was unsure of (NameSpan.weak).
// The helper strips the markers and computes offsets, so no test writes offsets by hand.
import type { MentionType } from '../server/src/core/model';

export interface ExpectedMention {
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Optional value after a colon: `<<Wednesday>>{date:2022-11-09}`. */
  value?: string;
  /** `<<Veloria>>{organization?}`: the recogniser was unsure of the type. */
  weak?: boolean;
}

export interface Fixture {
  text: string;
  mentions: ExpectedMention[];
  /** Offset of `$0`, or -1 when the fixture has no cursor. */
  cursor: number;
}

const MARKER = /<<([\s\S]*?)>>\{([a-z]+)(\?)?(?::([^}]*))?\}|\$0/g;

export function parseFixture(source: string): Fixture {
  let text = '';
  let last = 0;
  let cursor = -1;
  const mentions: ExpectedMention[] = [];
  for (const match of source.matchAll(MARKER)) {
    text += source.slice(last, match.index);
    last = match.index! + match[0].length;
    if (match[0] === '$0') {
      cursor = text.length;
      continue;
    }
    const start = text.length;
    // A cursor may sit inside a marked mention: `<<Port $0Aster>>{location}`.
    const inner = match[1].indexOf('$0');
    const body = inner === -1 ? match[1] : match[1].slice(0, inner) + match[1].slice(inner + 2);
    if (inner !== -1) cursor = start + inner;
    text += body;
    const mention: ExpectedMention = { start, end: text.length, text: body, type: match[2] as MentionType };
    if (match[3] !== undefined) mention.weak = true;
    if (match[4] !== undefined) mention.value = match[4];
    mentions.push(mention);
  }
  text += source.slice(last);
  return { text, mentions, cursor };
}

/** Renders mentions back into marker form, so a failing assertion shows a readable diff. */
export function renderMentions(text: string, mentions: { start: number; end: number; type: string; value?: string | null }[]): string {
  let out = '';
  let last = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < last) continue;
    const value = m.value ? `:${m.value}` : '';
    out += text.slice(last, m.start) + `<<${text.slice(m.start, m.end)}>>{${m.type}${value}}`;
    last = m.end;
  }
  return out + text.slice(last);
}
