// The Timeline page: dated mentions on a zoomable time axis, one row per article or per entity, with a filter by
// entity name and type; a click or Enter on a mark opens the article at the mention. The server groups, filters and,
// for large corpora, sums the marks per day (articleLens/timelineData); this page only draws and asks again.
import { axisTop } from 'd3-axis';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { TimelineDataParams, TimelineDataResult, TimelineGroupItem } from '../../server/src/protocol';
import { el, type Page, startPage } from './page';
import { createMarks, DAY_MS, dayOf, GUESSED, placeMarks, ROW, sourceText } from './timeline/marks';

type EntityType = 'person' | 'organization' | 'location' | 'misc';
interface Query {
  groupBy: 'article' | 'entity';
  filter: string;
  types: EntityType[];
  maxGroups: number;
}
interface State extends Query {
  zoom: { k: number; x: number } | null;
}

const TYPES: { type: EntityType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
  { type: 'location', label: 'Places' },
  { type: 'misc', label: 'Other names' },
];
const PAGE_GROUPS = 50;
const GUTTER = 220;
const AXIS = 28;

let state: State = { groupBy: 'article', filter: '', types: [], maxGroups: PAGE_GROUPS, zoom: null };
let last: TimelineDataResult | undefined;
let shell: ReturnType<typeof buildShell> | undefined;

const page: Page<State> = startPage<TimelineDataResult, State>(
  (data) => {
    // An answer to other filters than the page's latest (the host shows the latest answer, but the page may have
    // changed since it asked) is not drawn.
    if (!sameQuery(data, state)) return;
    last = data;
    draw(data);
  },
  // Filters restored from the saved state shape the first answer.
  (saved) => {
    if (saved) state = { ...state, ...saved };
    return query();
  },
);

function query(): TimelineDataParams {
  return { groupBy: state.groupBy, filter: state.filter, types: state.types, maxGroups: state.maxGroups };
}

function sameQuery(data: TimelineDataResult, q: Query): boolean {
  return data.groupBy === q.groupBy && data.filter === q.filter && data.maxGroups === q.maxGroups && [...data.types].sort().join() === [...q.types].sort().join();
}

function ask(changes: Partial<Query>): void {
  state = { ...state, ...changes };
  page.saveState(state);
  page.query(query());
  if (shell) shell.summary.textContent = 'Loading…';
}

/** The toolbar and the containers, made once so focus and typing survive redraws. */
function buildShell() {
  const root = page.root();
  const byArticle = el('button', { type: 'button', 'aria-pressed': 'true', id: 'group-article' }, 'By article');
  const byEntity = el('button', { type: 'button', 'aria-pressed': 'false', id: 'group-entity' }, 'By entity');
  byArticle.addEventListener('click', () => ask({ groupBy: 'article', maxGroups: PAGE_GROUPS }));
  byEntity.addEventListener('click', () => ask({ groupBy: 'entity', maxGroups: PAGE_GROUPS }));
  const filter = el('input', { type: 'search', id: 'filter', placeholder: 'Filter by entity', 'aria-label': 'Filter by entity name', maxlength: '200' });
  filter.value = state.filter;
  let timer: ReturnType<typeof setTimeout> | undefined;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => ask({ filter: filter.value, maxGroups: PAGE_GROUPS }), 300);
  });
  const types = TYPES.map(({ type, label }) => {
    const box = el('input', { type: 'checkbox', value: type, id: `type-${type}` });
    box.checked = state.types.includes(type);
    box.addEventListener('change', () => ask({ types: TYPES.map((t) => t.type).filter((t) => (document.getElementById(`type-${t}`) as HTMLInputElement).checked), maxGroups: PAGE_GROUPS }));
    return el('label', { class: `type-choice ${type}` }, box, label);
  });
  const zoomIn = el('button', { type: 'button', title: 'Zoom in (or scroll on the chart)' }, '+');
  const zoomOut = el('button', { type: 'button', title: 'Zoom out' }, '−');
  const reset = el('button', { type: 'button', id: 'reset-zoom' }, 'Reset zoom');
  const whole = el('button', { type: 'button', id: 'whole-range', title: 'Zoom out to the earliest and the latest date' }, 'Whole range');
  const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Timeline options' },
    el('span', { class: 'segmented', role: 'group', 'aria-label': 'Group by' }, byArticle, byEntity),
    filter,
    el('span', { class: 'types', role: 'group', 'aria-label': 'Entity types named near the date' }, ...types),
    zoomIn, zoomOut, reset, whole);
  const summary = el('p', { class: 'status', id: 'summary', 'aria-live': 'polite' });
  const legend = el('p', { class: 'legend' });
  const range = el('p', { class: 'status', id: 'range' });
  const chart = el('div', { class: 'chart', id: 'chart' });
  const more = el('div', { class: 'more' });
  const undated = el('section', { class: 'undated', id: 'undated', 'aria-label': 'Undated articles' });
  root.append(toolbar, summary, legend, range, chart, more, undated);
  return { byArticle, byEntity, zoomIn, zoomOut, reset, whole, summary, legend, range, chart, more, undated };
}

function draw(data: TimelineDataResult): void {
  shell ??= buildShell();
  const s = shell;
  s.byArticle.setAttribute('aria-pressed', String(data.groupBy === 'article'));
  s.byEntity.setAttribute('aria-pressed', String(data.groupBy === 'entity'));
  s.summary.textContent = summaryOf(data);
  s.legend.replaceChildren(
    el('span', { class: 'swatch' }), ' a dated mention  ',
    el('span', { class: 'swatch span' }), ' a week, month or year  ',
    el('span', { class: 'swatch guessed' }), ` ${GUESSED}`,
    data.aggregated ? '  ·  summed per day: a larger mark holds more mentions' : '',
  );
  drawChart(data, s);
  s.more.replaceChildren();
  if (data.hiddenGroups > 0) {
    const button = el('button', { type: 'button', id: 'show-more' }, `Show ${Math.min(PAGE_GROUPS, data.hiddenGroups)} more`);
    button.addEventListener('click', () => ask({ maxGroups: state.maxGroups + PAGE_GROUPS }));
    s.more.append(button);
  }
  drawUndated(data, s.undated);
}

function summaryOf(data: TimelineDataResult): string {
  const what = data.groupBy === 'article' ? 'articles' : 'entities';
  const n = (x: number) => x.toLocaleString('en');
  const parts = [`${n(data.totalMentions)} dated mention${data.totalMentions === 1 ? '' : 's'}${data.filter.trim() || data.types.length ? ' near a matching entity' : ''}.`];
  if (data.groups.length === 0) parts.push(`No ${what} to show.`);
  else parts.push(`${n(data.groups.length)} of ${n(data.groups.length + data.hiddenGroups)} ${what} shown, most mentioned first${data.hiddenGroups > 0 ? `; ${n(data.hiddenGroups)} not shown (${n(data.hiddenMentions)} mentions)` : ''}.`);
  if (data.groupBy === 'entity') parts.push('A date is in the row of every name on its line within 200 characters.');
  if (data.ungrouped > 0) parts.push(`${n(data.ungrouped)} with no name nearby are in no row.`);
  return parts.join(' ');
}

function isoOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function padded(from: number, to: number): [number, number] {
  const pad = Math.max(DAY_MS, (to - from) * 0.03);
  return [from - pad, to + pad];
}

/** The days of the central 90% of the marks (by count), padded; undefined when that is the whole range anyway. */
function focusOf(data: TimelineDataResult): [number, number] | undefined {
  const days: [number, number][] = [];
  for (const g of data.groups) {
    for (const m of g.marks ?? []) days.push([dayOf(m.from), 1]);
    for (const b of g.bins ?? []) days.push([dayOf(b.from), b.count]);
  }
  days.sort((a, b) => a[0] - b[0]);
  const total = days.reduce((n, d) => n + d[1], 0);
  if (total < 10) return undefined;
  const at = (share: number) => {
    let seen = 0;
    for (const d of days) if ((seen += d[1]) >= share * total) return d[0];
    return days[days.length - 1][0];
  };
  const from = at(0.05);
  const to = at(0.95) + DAY_MS;
  const all = [dayOf(data.extent!.from), dayOf(data.extent!.to) + DAY_MS];
  // Worth it only when the rest stretches the axis well beyond the bulk.
  return (all[1] - all[0]) > 3 * (to - from) ? padded(from, to) : undefined;
}

let zoomBehaviour: ZoomBehavior<SVGSVGElement, unknown> | undefined;

function drawChart(data: TimelineDataResult, s: NonNullable<typeof shell>): void {
  s.chart.replaceChildren();
  if (!data.extent || data.groups.length === 0) {
    s.whole.hidden = true;
    s.range.textContent = '';
    return;
  }
  const width = Math.max(480, s.chart.clientWidth || document.body.clientWidth - 24);
  const height = AXIS + data.groups.length * ROW + 8;
  // The first view holds the central 90% of the marks: one article that recalls 1965 would otherwise squeeze a
  // corpus of 2024 news into a single dot. "Whole range" (or zooming out) shows the rest.
  const whole = padded(dayOf(data.extent.from), dayOf(data.extent.to) + DAY_MS);
  const focus = focusOf(data) ?? whole;
  const base = scaleUtc().domain([new Date(focus[0]), new Date(focus[1])]).range([GUTTER, width - 12]);
  const fitWhole = (() => {
    const k = (width - 12 - GUTTER) / (base(new Date(whole[1])) - base(new Date(whole[0])));
    return zoomIdentity.translate(GUTTER - k * base(new Date(whole[0])), 0).scale(k);
  })();

  const svg = select(s.chart).append('svg').attr('width', width).attr('height', height).attr('role', 'group').attr('aria-label', 'Dated mentions on a time axis');
  svg.append('clipPath').attr('id', 'marks-clip').append('rect').attr('x', GUTTER).attr('y', 0).attr('width', width - 12 - GUTTER).attr('height', height);
  const axis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${AXIS - 6})`);
  const rows = svg.append('g').attr('class', 'rows');
  const marks: Selection<SVGGElement, unknown, null, undefined>[] = [];
  data.groups.forEach((group, i) => {
    const y = AXIS + i * ROW;
    const row = rows.append('g').attr('class', 'row').attr('transform', `translate(0,${y})`);
    row.append('line').attr('class', 'rule').attr('x1', 0).attr('x2', width).attr('y1', ROW).attr('y2', ROW);
    drawLabel(row, group, data);
    marks.push(row.append('g').attr('clip-path', 'url(#marks-clip)').attr('class', 'marks'));
  });

  const place = (x: ScaleTime<number, number>) => {
    axis.call(axisTop<Date>(x).ticks(Math.max(2, Math.floor((width - GUTTER) / 110))));
    data.groups.forEach((_group, i) => placeMarks(marks[i], x));
  };
  // A wheel sends many zoom events per frame; thousands of marks are placed once per frame, with the latest.
  let pending: ZoomTransform | undefined;
  const zoomed = (t: ZoomTransform) => {
    if (pending === undefined)
      requestAnimationFrame(() => {
        const latest = pending!;
        pending = undefined;
        place(latest.rescaleX(base));
        state.zoom = { k: latest.k, x: latest.x };
        page.saveState(state);
      });
    pending = t;
  };
  data.groups.forEach((group, i) => createMarks(marks[i], group, data, (location) => page.post({ type: 'open', uri: location.uri, range: location.range })));
  zoomBehaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([Math.min(0.5, fitWhole.k * 0.8), 50_000])
    .extent([[GUTTER, 0], [width - 12, height]])
    .on('zoom', (event: { transform: ZoomTransform }) => zoomed(event.transform));
  svg.call(zoomBehaviour);
  const restored = state.zoom ? zoomIdentity.translate(state.zoom.x, 0).scale(state.zoom.k) : zoomIdentity;
  svg.call(zoomBehaviour.transform, restored);
  place(restored.rescaleX(base));
  s.zoomIn.onclick = () => svg.call(zoomBehaviour!.scaleBy, 2);
  s.zoomOut.onclick = () => svg.call(zoomBehaviour!.scaleBy, 0.5);
  s.reset.onclick = () => svg.call(zoomBehaviour!.transform, zoomIdentity);
  s.whole.onclick = () => svg.call(zoomBehaviour!.transform, fitWhole);
  s.whole.hidden = focus === whole;
  s.range.textContent =
    focus === whole ? '' : `Dates run from ${data.extent.from} to ${data.extent.to}; shown first: ${isoOf(focus[0])} to ${isoOf(focus[1])}, where 90% of them are (Whole range shows all).`;
}

function drawLabel(row: Selection<SVGGElement, unknown, null, undefined>, group: TimelineGroupItem, data: TimelineDataResult): void {
  const short = group.label.length > 30 ? group.label.slice(0, 29) + '…' : group.label;
  const label = row.append('text').attr('class', `label ${group.type ?? ''}`).attr('x', 4).attr('y', ROW / 2 + 4).text(`${short} (${group.mentions})`);
  const dated = group.referenceDate ? `dated ${group.referenceDate}${group.referenceSource ? ` (${sourceText(group.referenceSource)})` : ''}` : group.referenceDate === null ? 'no known date' : '';
  label.append('title').text([group.label, dated, `${group.mentions} dated mention${group.mentions === 1 ? '' : 's'}`].filter(Boolean).join(' · '));
  if (data.groupBy === 'article') {
    // The article's row label opens the article itself.
    label.attr('tabindex', 0).attr('role', 'link').attr('aria-label', `Open ${group.label}`);
    const open = () => page.post({ type: 'open', uri: group.id });
    label.on('click', open).on('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter') open();
    });
  }
}

function drawUndated(data: TimelineDataResult, section: HTMLElement): void {
  section.replaceChildren();
  if (data.undatedTotal === 0) return;
  section.append(el('h2', {}, `Undated articles (${data.undatedTotal.toLocaleString('en')})`));
  section.append(el('p', { class: 'status' }, 'No date is known for these articles: their relative dates (“Wednesday”, “last week”) have no value, or one counted from a guess. Dates they state in full are on the axis above.'));
  const list = el('ul', {});
  for (const a of data.undated) {
    const link = el('a', { tabindex: '0', role: 'link', 'data-uri': a.uri }, a.title || a.uri.slice(a.uri.lastIndexOf('/') + 1));
    const open = () => page.post({ type: 'open', uri: a.uri });
    link.addEventListener('click', open);
    link.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    const guess = a.guessedDate ? `; ${a.guessedDate} ${GUESSED}` : '';
    list.append(el('li', {}, link, el('span', { class: 'count' }, ` ${a.mentions} dated mention${a.mentions === 1 ? '' : 's'}${guess}`)));
  }
  section.append(list);
  if (data.undatedTotal > data.undated.length) section.append(el('p', { class: 'status' }, `${(data.undatedTotal - data.undated.length).toLocaleString('en')} more not listed.`));
}

// Redraw at the new width; the zoom is kept in the state.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (last && shell) drawChart(last, shell);
  }, 150);
});
