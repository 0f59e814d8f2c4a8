// The timeline's marks: one shape per dated mention (a dot for a day, a bar for a week, a month or a year) or per
// day range summed by the server, each focusable, labelled in words, and opening its mention.
import type { ScaleTime } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { TimelineBinItem, TimelineDataResult, TimelineGroupItem, TimelineMarkItem } from '../../../server/src/protocol';

export const ROW = 24;
export const DAY_MS = 86_400_000;
export const GUESSED = 'guessed from the file date';

/** A `YYYY-MM-DD` day as a time (UTC midnight); years before 100 too. */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/** Where an article's date came from, in words (the analysis's referenceSource). */
export function sourceText(source: string): string {
  const words: Record<string, string> = { 'file date': GUESSED, text: 'stated in the text', metadata: 'from its metadata', user: 'set by you' };
  return words[source] ?? `from ${source}`;
}

type Mark = { kind: 'mark'; item: TimelineMarkItem } | { kind: 'bin'; item: TimelineBinItem };

function marksOf(group: TimelineGroupItem): Mark[] {
  return [...(group.marks ?? []).map((item) => ({ kind: 'mark' as const, item })), ...(group.bins ?? []).map((item) => ({ kind: 'bin' as const, item }))];
}

function describe(mark: Mark, group: TimelineGroupItem, data: TimelineDataResult): string {
  const when = mark.item.from === mark.item.to ? mark.item.from : `${mark.item.from} to ${mark.item.to}`;
  if (mark.kind === 'bin') {
    const b = mark.item;
    const guessed = b.guessed === 0 ? '' : b.guessed === b.count ? `, all ${GUESSED}` : `, ${b.guessed} ${GUESSED}`;
    return `${b.count} mention${b.count === 1 ? '' : 's'} of ${when} in ${group.label}${guessed}; opens the first`;
  }
  const m = mark.item;
  const article = data.groupBy === 'entity' ? ` in “${m.article}”` : '';
  const source = m.source ? `; article date ${sourceText(m.source)}` : '';
  return `“${m.text}”: ${m.value}${m.value !== when ? ` (${when})` : ''}${article}${m.guessed ? `, ${GUESSED}` : ''}${m.resolution ? `; ${m.resolution}` : ''}${source}`;
}

/** The group's marks, with their tooltips and labels; `open` goes to a mark's mention (a click, Enter or Space). */
export function createMarks(g: Selection<SVGGElement, unknown, null, undefined>, group: TimelineGroupItem, data: TimelineDataResult, open: (location: TimelineMarkItem['location']) => void): void {
  const list = marksOf(group);
  const biggest = Math.max(1, ...list.map((m) => (m.kind === 'bin' ? m.item.count : 1)));
  for (const mark of list) {
    const single = mark.item.from === mark.item.to;
    const guessed = mark.kind === 'mark' ? mark.item.guessed : mark.item.guessed > 0 && mark.item.guessed === mark.item.count;
    const label = describe(mark, group, data);
    const shape = g.append<SVGGraphicsElement>(single ? 'circle' : 'rect');
    shape
      .attr('class', `mark date${single ? '' : ' span'}${guessed ? ' guessed' : ''}`)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', label)
      .datum(mark);
    shape.append('title').text(label);
    const count = mark.kind === 'bin' ? mark.item.count : 1;
    // A bin's area grows with its count; a single mention is a small dot.
    if (single) shape.attr('r', mark.kind === 'bin' ? 3.5 + 5.5 * Math.sqrt(count / biggest) : 4).attr('cy', ROW / 2);
    else shape.attr('y', ROW / 2 - 4).attr('height', 8).attr('rx', 2);
    shape.on('click', () => open(mark.item.location)).on('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(mark.item.location);
      }
    });
  }
}

/** Places the marks on the time scale `x` (at each zoom). */
export function placeMarks(g: Selection<SVGGElement, unknown, null, undefined>, x: ScaleTime<number, number>): void {
  g.selectAll<SVGCircleElement, Mark>('circle').attr('cx', (m) => x(new Date(dayOf(m.item.from) + DAY_MS / 2)));
  g.selectAll<SVGRectElement, Mark>('rect')
    .attr('x', (m) => x(new Date(dayOf(m.item.from))))
    .attr('width', (m) => Math.max(3, x(new Date(dayOf(m.item.to) + DAY_MS)) - x(new Date(dayOf(m.item.from)))));
}
