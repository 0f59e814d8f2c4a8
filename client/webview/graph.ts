// The graph view: the corpus's most mentioned entities as nodes (coloured by type, sized by mentions) and their
// co-occurrence as weighted edges, laid out by a force simulation that settles and then stops. The server picks
// the nodes and edges (the strongest part of the graph); this page filters through it and draws.
import { drag } from 'd3-drag';
import { type Simulation, type SimulationLinkDatum, type SimulationNodeDatum, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { select } from 'd3-selection';
import { type D3ZoomEvent, zoom, zoomIdentity } from 'd3-zoom';
import { GRAPH_MAX_NODES, type GraphNode, type GraphParams, type GraphResult, type GraphScope } from '../../server/src/protocol';
import { el, type Page, startPage } from './page';

type EntityType = GraphNode['type'];
const TYPES: { type: EntityType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
  { type: 'location', label: 'Places' },
  { type: 'misc', label: 'Other names' },
];

interface State {
  scope: GraphScope;
  types: EntityType[];
  nodes: number;
  minWeight: number;
  /** The zoom: scale and translation. */
  view?: { k: number; x: number; y: number };
}

const DEFAULTS: State = { scope: 'article', types: TYPES.map((t) => t.type), nodes: 150, minWeight: 1 };
/** Nodes labelled all the time; the others show their name on hover and focus. */
const LABELLED = 40;
const SVG = 'http://www.w3.org/2000/svg';

interface Node extends SimulationNodeDatum, GraphNode {
  r: number;
}
interface Link extends SimulationLinkDatum<Node> {
  weight: number;
}

let state: State = DEFAULTS;
let simulation: Simulation<Node, Link> | undefined;
let resizing: ResizeObserver | undefined;
let chrome: { bar: HTMLElement; status: HTMLElement } | undefined;
/** Where each entity was last drawn, so a refresh (a new filter, an edited article) does not reshuffle the graph. */
const positions = new Map<string, { x: number; y: number }>();

const paramsOf = (s: State): GraphParams => ({ scope: s.scope, types: s.types, nodes: s.nodes, minWeight: s.minWeight });

const page: Page<State> = startPage<GraphResult, State>(draw, (saved) => {
  state = { ...DEFAULTS, ...saved };
  return paramsOf(state);
});

function update(change: Partial<State>): void {
  state = { ...state, ...change };
  page.saveState(state);
  page.query(paramsOf(state));
}

function draw(data: GraphResult): void {
  simulation?.stop();
  // The toolbar is built once and kept, so a filter being changed keeps the keyboard focus across the redraw.
  if (!chrome?.bar.isConnected) {
    chrome = { bar: toolbar(), status: el('p', { class: 'status', role: 'status' }) };
    page.root().append(chrome.bar, chrome.status);
  }
  const status = chrome.status;
  status.textContent = summary(data);
  chrome.bar.parentElement!.querySelector('svg.graph')?.remove();
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'graph');
  svg.setAttribute('aria-label', 'Co-occurrence graph: Tab moves between entities, Enter shows the references of one');
  chrome.bar.parentElement!.append(svg);
  if (data.nodes.length === 0) {
    status.textContent = data.totalEntities === 0 ? 'No entities of these types in the corpus yet.' : summary(data);
    return;
  }
  // The origin stays at the panel's centre whatever its size (the panel may still be laying out when data comes).
  const size = () => ({ width: svg.clientWidth || 800, height: svg.clientHeight || 600 });
  const frame = () => {
    const { width, height } = size();
    svg.setAttribute('viewBox', `${-width / 2} ${-height / 2} ${width} ${height}`);
  };
  frame();
  resizing?.disconnect();
  resizing = new ResizeObserver(frame);
  resizing.observe(svg);

  const maxMentions = Math.max(...data.nodes.map((n) => n.mentions));
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  let known = 0;
  const nodes: Node[] = data.nodes.map((n, i) => {
    const at = positions.get(n.id);
    if (at) known++;
    // Newcomers start on a spiral, not all at the centre, so the first ticks do not fling them apart.
    const angle = i * 2.4;
    const start = at ?? { x: Math.cos(angle) * 8 * Math.sqrt(i + 1), y: Math.sin(angle) * 8 * Math.sqrt(i + 1) };
    return { ...n, ...start, r: 4 + 14 * Math.sqrt(n.mentions / maxMentions) };
  });
  const links: Link[] = data.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const degree = new Map<string, number>();
  for (const e of data.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);

  const canvas = select(svg);
  const layer = canvas.append('g');
  const edgeLines = layer
    .append('g')
    .attr('class', 'edges')
    .selectAll('line')
    .data(links)
    .join('line')
    .attr('stroke-width', (l) => 0.5 + 3.5 * Math.sqrt(l.weight / maxWeight));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  // Before the simulation starts, a link's ends are still entity ids.
  edgeLines.append('title').text((l) => `${names.get(l.source as string)} and ${names.get(l.target as string)}: ${plural(l.weight, data.scope === 'sentence' ? 'sentence' : 'article')} in common`);
  const nodeGroups = layer
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, Node>('g')
    .data(nodes)
    .join('g')
    .attr('class', (n, i) => `node ${n.type}${i < LABELLED ? ' labelled' : ''}${n.definition ? '' : ' unplaced'}`)
    .attr('tabindex', '0')
    .attr('role', 'button')
    .attr('aria-label', (n) => `${n.name}, ${n.type}, ${plural(n.mentions, 'mention')} in ${plural(n.articles, 'article')}`);
  // A disc of the background under each node: a theme colour with some transparency still hides the links behind.
  nodeGroups.append('circle').attr('class', 'base').attr('r', (n) => n.r);
  nodeGroups.append('circle').attr('class', 'dot').attr('r', (n) => n.r);
  nodeGroups
    .append('text')
    .attr('x', (n) => n.r + 3)
    .attr('dy', '0.35em')
    .text((n) => n.name);
  nodeGroups.append('title').text((n) => `${n.name} (${n.type}): ${plural(n.mentions, 'mention')} in ${plural(n.articles, 'article')}${n.definition ? '. Click for its references.' : '. No defining mention found.'}`);

  const open = (n: Node) => {
    if (n.definition) page.post({ type: 'references', uri: n.definition.uri, range: n.definition.range });
  };
  nodeGroups.on('click', (_event, n) => open(n));
  nodeGroups.on('keydown', (event: KeyboardEvent, n) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(n);
    }
  });
  // Neighbours stand out while a node is hovered or focused.
  const neighbours = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set([n.id])]));
  for (const e of data.edges) {
    neighbours.get(e.source)?.add(e.target);
    neighbours.get(e.target)?.add(e.source);
  }
  const highlight = (n: Node | null) => {
    svg.classList.toggle('focused', n !== null);
    nodeGroups.classed('near', (m) => n !== null && neighbours.get(n.id)!.has(m.id));
    edgeLines.classed('near', (l) => n !== null && ((l.source as Node).id === n.id || (l.target as Node).id === n.id));
  };
  nodeGroups.on('mouseenter focus', (_event, n) => highlight(n)).on('mouseleave blur', () => highlight(null));

  simulation = forceSimulation(nodes)
    // As d3's default, a link pulls less between well-connected nodes (else a dense core collapses); more when strong.
    // (Strengths are computed once the ends are resolved to nodes.)
    .force('link', forceLink<Node, Link>(links).id((n) => n.id).distance(70).strength((l) => (0.3 + 0.7 * (l.weight / maxWeight)) / Math.min(degree.get((l.source as Node).id)!, degree.get((l.target as Node).id)!)))
    // Fewer nodes repel harder, so a small corpus (where nearly every pair is linked) does not pile up in the middle.
    .force('charge', forceManyBody<Node>().strength(-Math.max(140, 2500 / Math.sqrt(nodes.length))).distanceMax(500))
    .force('collide', forceCollide<Node>((n) => n.r + 2))
    .force('x', forceX<Node>(0).strength(0.06))
    .force('y', forceY<Node>(0).strength(0.06))
    // A graph drawn before mostly keeps its place: a gentle restart instead of a fresh layout.
    .alpha(known > nodes.length / 2 ? 0.3 : 1)
    .alphaDecay(0.03)
    .on('tick', () => {
      edgeLines
        .attr('x1', (l) => (l.source as Node).x!)
        .attr('y1', (l) => (l.source as Node).y!)
        .attr('x2', (l) => (l.target as Node).x!)
        .attr('y2', (l) => (l.target as Node).y!);
      nodeGroups.attr('transform', (n) => `translate(${n.x!.toFixed(1)},${n.y!.toFixed(1)})`);
    })
    .on('end', () => {
      for (const n of nodes) positions.set(n.id, { x: n.x!, y: n.y! });
      if (!state.view) fit();
      svg.classList.add('settled');
    });
  // The first ticks move nodes the most: they are computed before the first frame, the rest is animated until the
  // layout settles and the simulation stops. With reduced motion all of it is computed at once and drawn settled.
  const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  simulation.stop();
  simulation.tick(reduced ? ticks : Math.min(ticks, known > nodes.length / 2 ? 0 : 60));
  simulation.on('tick')!.call(simulation);
  if (reduced) queueMicrotask(() => simulation?.on('end')?.call(simulation!));
  else simulation.restart();

  nodeGroups.call(
    drag<SVGGElement, Node>()
      .on('start', (event, n) => {
        if (!event.active) simulation!.alphaTarget(0.2).restart();
        n.fx = n.x;
        n.fy = n.y;
      })
      .on('drag', (event, n) => {
        n.fx = event.x;
        n.fy = event.y;
      })
      .on('end', (event, n) => {
        if (!event.active) simulation!.alphaTarget(0);
        n.fx = null;
        n.fy = null;
      }),
  );

  const zoomer = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.1, 8])
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      layer.attr('transform', event.transform.toString());
      // Zoomed out, labels keep a readable size on screen (up to twice their size in the graph).
      svg.style.setProperty('--label-size', `${(11 / Math.min(1, Math.max(0.5, event.transform.k))).toFixed(1)}px`);
      svg.classList.toggle('zoomed-in', event.transform.k >= 1.6);
    })
    .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      // Only the user's own zooming is kept (not the fit, which has no input event behind it).
      if (!event.sourceEvent) return;
      const t = event.transform;
      state = { ...state, view: { k: t.k, x: t.x, y: t.y } };
      page.saveState(state);
    });
  canvas.call(zoomer);
  const v = state.view;
  if (v) canvas.call(zoomer.transform, zoomIdentity.translate(v.x, v.y).scale(v.k));
  // Until the user zooms or pans, the settled graph is fitted into the panel.
  function fit(): void {
    const xs = nodes.map((n) => n.x!);
    const ys = nodes.map((n) => n.y!);
    const [x0, x1, y0, y1] = [Math.min(...xs) - 30, Math.max(...xs) + 110, Math.min(...ys) - 30, Math.max(...ys) + 30];
    const { width, height } = size();
    const k = Math.min(1.2, 0.95 * Math.min(width / (x1 - x0), height / (y1 - y0)));
    canvas.call(zoomer.transform, zoomIdentity.scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
  }
}

function toolbar(): HTMLElement {
  const scope = el('select', { 'aria-label': 'Co-occurrence in' }, el('option', { value: 'article' }, 'the same article'), el('option', { value: 'sentence' }, 'the same sentence'));
  scope.value = state.scope;
  scope.addEventListener('change', () => update({ scope: scope.value === 'sentence' ? 'sentence' : 'article' }));
  const types = TYPES.map(({ type, label }) => {
    const box = el('input', { type: 'checkbox', value: type });
    box.checked = state.types.includes(type);
    box.addEventListener('change', () => update({ types: TYPES.map((t) => t.type).filter((t) => (t === type ? box.checked : state.types.includes(t))) }));
    return el('label', { class: `type ${type}` }, box, el('span', { class: 'swatch' }), label);
  });
  const count = number('Entities', state.nodes, 10, GRAPH_MAX_NODES, 10, (n) => update({ nodes: n }));
  const weight = number('Minimum weight', state.minWeight, 1, 100_000, 1, (n) => update({ minWeight: n }));
  return el('div', { class: 'toolbar' }, el('label', {}, 'Together in ', scope), ...types, count, weight);
}

function number(label: string, value: number, min: number, max: number, step: number, onChange: (n: number) => void): HTMLElement {
  const input = el('input', { type: 'number', min: String(min), max: String(max), step: String(step), value: String(value) });
  input.addEventListener('change', () => {
    const n = Math.min(max, Math.max(min, Math.round(Number(input.value) || min)));
    input.value = String(n);
    onChange(n);
  });
  return el('label', {}, `${label} `, input);
}

function summary(data: GraphResult): string {
  const unit = data.scope === 'sentence' ? 'sentence' : 'article';
  const links = data.edges.length < data.totalEdges ? `${fmt(data.edges.length)} of their ${fmt(data.totalEdges)} links (the strongest, and each entity's strongest)` : `their ${plural(data.totalEdges, 'link')}`;
  return `Showing ${fmt(data.nodes.length)} of ${fmt(data.totalEntities)} entities (the most mentioned) and ${links}. A link's weight is the number of ${unit}s that mention both.`;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
