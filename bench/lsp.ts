// The language server as an editor drives it, on the BBC corpus and on 10,000- and 100,000-article replicas of it:
// cold indexing, warm start (persistent index), request latency, typing-to-tokens and peak memory.
// Prints figures and asserts nothing.
//   npm run bench -- [--corpus bbc|10k|100k|both] [--json] [--requests N] [--open N]
//   npx tsx bench/lsp.ts --server other/dist/server.js ...   (another build; npm run bench builds dist/ first)
//   ARTICLE_LENS_MEMORY_LOG=1 npm run bench ...   (the server logs RSS and each thread's heap at the cache write's phases, and every 10 s, on stderr;
//   with =live each line first collects garbage: the heap it gives is what is live)
//   The server is started with --expose-gc, as the VS Code client starts it; SERVER_NODE_ARGS adds flags.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Position, Range } from 'vscode-languageserver-protocol/node';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../server/src/core/text/lineIndex';
import { ANNOTATE_COMMAND, ENTITIES_REQUEST, ENTITIES_VIEW_REQUEST, GRAPH_REQUEST, type GraphParams, MAP_REQUEST, TIMELINE_DATA_REQUEST, type TimelineDataParams, UNDO_COMMAND } from '../server/src/protocol';
import { decodeTokens } from '../test/protocol/lspClient';
import { type BenchServer, SERVER, startServer } from './client';
import { type Corpus, type CorpusName, ensureCorpus, random } from './corpora';

interface Options {
  corpora: CorpusName[];
  json: boolean;
  requests: number;
  open: number;
  server: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { corpora: ['10k'], json: false, requests: 300, open: 60, server: SERVER };
  const usage = 'usage: npm run bench -- [--corpus bbc|10k|100k|both] [--json] [--requests N] [--open N] [--server dist/server.js]';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${usage}`);
      return v;
    };
    if (a === '--json') options.json = true;
    else if (a === '--server') options.server = path.resolve(value());
    else if (a === '--corpus') {
      const v = value();
      if (v === 'both') options.corpora = ['bbc', '10k'];
      else if (v === 'bbc' || v === '10k' || v === '100k') options.corpora = [v];
      else throw new Error(`unknown corpus ${v}\n${usage}`);
    } else if (a === '--requests' || a === '--open') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive whole number\n${usage}`);
      if (a === '--requests') options.requests = n;
      else options.open = n;
    } else throw new Error(`unknown argument ${a}\n${usage}`);
  }
  return options;
}


// ---- statistics ----

interface Latency {
  p50: number;
  p99: number;
}

interface Sampled extends Latency {
  n: number;
  max: number;
  /** Requests that got a non-empty answer. */
  answered: number;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarize(times: number[], answered: number): Sampled {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: times.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, answered };
}

const round = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

function nonEmpty(result: unknown): boolean {
  if (result === null || result === undefined) return false;
  if (Array.isArray(result)) return result.length > 0;
  if (typeof result === 'object' && 'data' in result) return (result as { data: unknown[] }).data.length > 0;
  return true;
}

/** Times `count` requests made one after another, after `warmup` untimed ones, as an editor issues them. */
async function timeRequests(count: number, make: (i: number) => Promise<unknown>, warmup = 5): Promise<Sampled> {
  for (let i = 0; i < warmup; i++) await make(count + i);
  const times: number[] = [];
  let answered = 0;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const result = await make(i);
    times.push(performance.now() - t);
    if (nonEmpty(result)) answered++;
  }
  return summarize(times, answered);
}

// ---- one corpus ----

interface Target {
  file: string;
  position: Position;
}

interface Report {
  corpus: { articles: number; mb: number };
  coldIndexS: number;
  mbPerS: number;
  warmStartS: number;
  latencyMs: Record<string, Latency>;
  /** Typing a word until the tokens come: p50 and p99 (this figure was p50 alone, and read as the p99 beside the others). */
  editToTokensMs: Latency;
  /** The entities view's first opening after indexing: its groups and the first page of people. */
  entitiesViewOpenMs: number;
  /** The map view's first answer (it reads the gazetteer table then), and its size in bytes of JSON. */
  mapOpenMs: number;
  mapKb: number;
  /** The timeline view's data, as the page asks for it: opened (by article), by entity, filtered by a name; and the answer's size. */
  timelineMs: { byArticle: number; byEntity: number; filtered: number };
  timelineKb: { byArticle: number; byEntity: number };
  /** The graph view's first request per scope (co-occurrence counted), right after the entities view's first opening. */
  graphOpenMs: { article: number; sentence: number };
  /** A decision (executeCommand) until the open article's tokens, and until corpus-wide references, reflect it. */
  decisionMs: { toTokens: Latency; toReferences: Latency };
  peakRssMb: number;
  /** Peak RSS of the cold server after each phase (indexing, opening, hover, ...), in MB: where the peak is reached. */
  peakRssByPhaseMb: Record<string, number>;
  /** The persistent index the cold server left in its storage folder (every file there), in MB. */
  cacheMb: number;
  /** Shown in the table, left out of the JSON. */
  detail: {
    name: string;
    serverColdMs: number;
    serverWarmMs: number;
    indexedDocuments: number;
    skipped: number;
    rssAfterIndexMb: number;
    warmPeakRssMb: number;
    samples: Record<string, Sampled>;
    editToTokens: Sampled;
    decisionToTokens: Sampled;
    decisionToReferences: Sampled;
    opened: number;
    namePositions: number;
    longest: { file: string; kb: number; tokens: number };
    editFile: string;
    openToTokens: Sampled;
    peaks: string[];
  };
}

const NAME_TYPES = ['person', 'organization', 'location', 'misc'];
const TYPED_WORDS = ['said', 'Morrison', 'yesterday', 'London', 'officials', 'Microsoft', 'also', 'Tuesday'];

async function benchCorpus(corpus: Corpus, options: Options, log: (line: string) => void): Promise<Report> {
  const mb = corpus.bytes / 1048576;
  const storagePath = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-bench-'));
  // The decisions phase writes the user's store into the corpus folder: none may be left from an earlier run.
  const userStore = path.join(corpus.folder, '.article-lens');
  fs.rmSync(userStore, { recursive: true, force: true });
  const textOf = (file: string) => fs.readFileSync(path.join(corpus.folder, file), 'utf8');
  try {
    // Cold: an empty storage folder, so nothing can come from a persistent index.
    log(`${corpus.name}: cold start on ${corpus.files.length} articles (${mb.toFixed(1)} MB) ...`);
    const cold = startServer(corpus.folder, storagePath, options.server);
    let report: Report;
    try {
      const legend = (await cold.initializeResult).capabilities.semanticTokensProvider?.legend;
      const coldDone = await cold.indexed;
      const { rssMb: rssAfterIndexMb, peakMb: peakAfterIndexMb } = cold.memory();
      log(`${corpus.name}: indexed ${coldDone.documents} articles in ${(coldDone.elapsedMs / 1000).toFixed(2)} s (server says ${coldDone.ms} ms)`);
      const nameTypes = new Set(NAME_TYPES.map((t) => legend?.tokenTypes.indexOf(t) ?? -1).filter((i) => i >= 0));

      // Open articles spread evenly over the corpus, as a person browsing would, plus the longest one;
      // the names under the cursor come from the server's own semantic tokens of each article.
      const byteSize = (f: string) => fs.statSync(path.join(corpus.folder, f)).size;
      let longest = corpus.files[0];
      let longestSize = -1;
      for (const f of corpus.files) {
        const s = byteSize(f);
        if (s > longestSize) [longest, longestSize] = [f, s];
      }
      const openCount = Math.min(options.open, corpus.files.length);
      const opened = [...new Set([...Array.from({ length: openCount }, (_, i) => corpus.files[Math.floor((i * corpus.files.length) / openCount)]), longest])];
      const texts = new Map<string, string>();
      const names = new Map<string, Target[]>();
      const nameTexts: string[] = [];
      let longestTokens = 0;
      const openTimes: number[] = [];
      for (const file of opened) {
        const text = textOf(file);
        texts.set(file, text);
        const t = performance.now();
        await cold.open(file, text);
        const tokens = await cold.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: cold.uri(file) } });
        openTimes.push(performance.now() - t);
        const decoded = decodeTokens(tokens?.data ?? []);
        if (file === longest) longestTokens = decoded.length;
        const lines = LineIndex.fromText(text);
        const targets: Target[] = [];
        for (const t of decoded) {
          if (!nameTypes.has(t.type)) continue;
          targets.push({ file, position: { line: t.line, character: t.character + Math.floor(t.length / 2) } });
          const start = lines.offsetAt({ line: t.line, character: t.character });
          nameTexts.push(text.slice(start, start + t.length));
        }
        if (targets.length > 0) names.set(file, targets);
      }
      if (names.size === 0) throw new Error('the server returned no name tokens in the opened articles');

      // The positions: round-robin over the articles, a seeded choice of mention within each.
      const next = random(7);
      const withNames = [...names.keys()];
      const targets: Target[] = Array.from({ length: options.requests + 5 }, (_, i) => {
        const list = names.get(withNames[i % withNames.length])!;
        return list[Math.floor(next() * list.length)];
      });
      const at = (i: number) => ({ textDocument: { uri: cold.uri(targets[i].file) }, position: targets[i].position });
      const n = options.requests;
      const c = cold.connection;
      const samples: Record<string, Sampled> = {};
      let entitiesViewFirstMs = NaN;
      let mapFirstMs = NaN;
      let mapKb = NaN;
      const openToTokens = summarize(openTimes, openTimes.length);
      log(`${corpus.name}: ${n} requests of each kind at ${targets.length} positions in ${withNames.length} articles ...`);
      const peaks: string[] = [`indexing ${peakAfterIndexMb.toFixed(0)}`, `opening ${cold.memory().peakMb.toFixed(0)}`];
      const phase = async (name: string, run: () => Promise<Sampled>) => {
        samples[name] = await run();
        peaks.push(`${name} ${cold.memory().peakMb.toFixed(0)}`);
      };
      // The entities view opening: its groups, then the first page of people, as the tree asks for them. First of
      // all the requests, so it pays for what the others would have prepared; it builds the view's rows, and the
      // entitiesView phase below is answered from them.
      const openView = async () => {
        await c.sendRequest(ENTITIES_VIEW_REQUEST, {});
        return c.sendRequest(ENTITIES_VIEW_REQUEST, { type: 'person', sort: 'count', offset: 0, limit: 200 });
      };
      const firstOpen = performance.now();
      await openView();
      entitiesViewFirstMs = performance.now() - firstOpen;
      // The timeline webview opening: the request its page sends, then the other grouping, then a filter typed.
      const timeline = async (params: TimelineDataParams) => {
        const t = performance.now();
        const answer = await c.sendRequest(TIMELINE_DATA_REQUEST, params);
        return { ms: performance.now() - t, kb: JSON.stringify(answer).length / 1024 };
      };
      const timelineByArticle = await timeline({});
      const timelineByEntity = await timeline({ groupBy: 'entity' });
      const timelineFiltered = await timeline({ groupBy: 'entity', filter: nameTexts[0] ?? 'a' });
      // The graph view: its first request in each scope counts co-occurrence over the corpus; the graph phase below
      // (other sizes and weights, both scopes) is answered from those counts.
      const graph = (params: GraphParams) => c.sendRequest(GRAPH_REQUEST, params);
      const graphFirst: Record<'article' | 'sentence', number> = { article: NaN, sentence: NaN };
      for (const scope of ['article', 'sentence'] as const) {
        const t = performance.now();
        await graph({ scope });
        graphFirst[scope] = performance.now() - t;
      }
      await phase('hover', () => timeRequests(n, (i) => c.sendRequest(HoverRequest.type, at(i))));
      await phase('definition', () => timeRequests(n, (i) => c.sendRequest(DefinitionRequest.type, at(i))));
      await phase('references', () => timeRequests(n, (i) => c.sendRequest(ReferencesRequest.type, { ...at(i), context: { includeDeclaration: true } })));
      await phase('highlights', () => timeRequests(n, (i) => c.sendRequest(DocumentHighlightRequest.type, at(i))));
      await phase('semanticTokensFull', () => timeRequests(n, () => c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: cold.uri(longest) } })));

      // A screenful: 40 lines, or 4,000 characters where the article's lines are paragraphs (the BBC articles are one line each).
      const longLines = LineIndex.fromText(texts.get(longest)!);
      const screen = (i: number): Range => {
        const from = Math.floor(((i * 7919) % 1000) / 1000 * Math.max(1, longLines.length - 4000));
        const start = longLines.positionAt(from);
        const end = longLines.lineCount >= 40 ? { line: Math.min(start.line + 40, longLines.lineCount - 1), character: 0 } : longLines.positionAt(Math.min(from + 4000, longLines.length));
        return { start, end };
      };
      await phase('semanticTokensRange', () => timeRequests(n, (i) => c.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri: cold.uri(longest) }, range: screen(i) })));

      // Workspace symbol: prefixes of names from the corpus, and the same names misspelt.
      const distinct = [...new Set(nameTexts.filter((t) => t.length >= 4))].sort();
      const nextQuery = random(11);
      const queries = Array.from({ length: n + 5 }, (_, i) => {
        const name = distinct[Math.floor(nextQuery() * distinct.length)];
        if (i % 2 === 0) return name.slice(0, 3 + Math.floor(nextQuery() * Math.min(4, name.length - 2)));
        const k = 1 + Math.floor(nextQuery() * (name.length - 2));
        return i % 4 === 1 ? name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2) : name.slice(0, k) + name.slice(k + 1);
      });
      await phase('workspaceSymbol', () => timeRequests(n, (i) => c.sendRequest(WorkspaceSymbolRequest.type, { query: queries[i] })));
      await phase('findEntity', () => timeRequests(n, (i) => c.sendRequest(ENTITIES_REQUEST, { query: queries[i], limit: 50 })));
      await phase('entitiesView', () => timeRequests(n, openView));
      // The map view: its first answer pays for reading the gazetteer table; then opened again (fewer times: it
      // answers for the whole corpus).
      const firstMap = performance.now();
      mapKb = JSON.stringify(await c.sendRequest(MAP_REQUEST, {})).length / 1024;
      mapFirstMs = performance.now() - firstMap;
      await phase('map', () => timeRequests(Math.min(n, 30), () => c.sendRequest(MAP_REQUEST, {}), 1));
      await phase('graph', () => timeRequests(n, (i) => graph({ scope: i % 2 === 0 ? 'article' : 'sentence', nodes: 100 + (i % 7) * 50, minWeight: 1 + (i % 3) })));

      // Typing: one word inserted into an open article of median length, then the editor asks for its tokens.
      const sizes = opened.filter((f) => f !== longest).sort((a, b) => texts.get(a)!.length - texts.get(b)!.length || (a < b ? -1 : 1));
      const editFile = sizes[Math.floor(sizes.length / 2)] ?? longest;
      let editText = texts.get(editFile)!;
      const nextEdit = random(13);
      const editTimes: number[] = [];
      let editAnswered = 0;
      const edits = 50;
      log(`${corpus.name}: ${edits} edits in ${editFile} ...`);
      for (let i = 0; i < edits + 3; i++) {
        const spaces = [...editText.matchAll(/ /g)].map((m) => m.index!);
        const offset = spaces[Math.floor(nextEdit() * spaces.length)] + 1;
        const word = TYPED_WORDS[i % TYPED_WORDS.length] + ' ';
        const position = LineIndex.fromText(editText).positionAt(offset);
        const t = performance.now();
        await cold.edit(editFile, i + 2, { start: position, end: position }, word);
        const tokens = await c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: cold.uri(editFile) } });
        const ms = performance.now() - t;
        editText = editText.slice(0, offset) + word + editText.slice(offset);
        if (i < 3) continue; // warm-up
        editTimes.push(ms);
        if (nonEmpty(tokens)) editAnswered++;
      }
      const editToTokens = summarize(editTimes, editAnswered);
      peaks.push(`typing ${cold.memory().peakMb.toFixed(0)}`);

      // Decisions: a mention retyped, a spelling rejected corpus-wide, undone, a note; each timed until the open
      // article's tokens reflect it, and again until references across the corpus do.
      const decisionFile = withNames[0];
      const decisionTargets = names.get(decisionFile)!;
      const decisionToTokens: number[] = [];
      const decisionToReferences: number[] = [];
      const decisions = 40;
      log(`${corpus.name}: ${decisions} decisions in ${decisionFile} ...`);
      for (let i = 0; i < decisions + 4; i++) {
        const target = decisionTargets[i % decisionTargets.length];
        const range = { start: { line: target.position.line, character: target.position.character }, end: target.position };
        const kind = i % 4;
        const action = kind === 0 ? { kind: 'type', scope: 'mention', type: i % 8 === 0 ? 'misc' : 'organization' } : kind === 1 ? { kind: 'reject', scope: 'spelling' } : { kind: 'note', note: `note ${i}` };
        const send = () =>
          kind === 2
            ? c.sendRequest('workspace/executeCommand', { command: UNDO_COMMAND, arguments: [] })
            : c.sendRequest('workspace/executeCommand', { command: ANNOTATE_COMMAND, arguments: [{ uri: cold.uri(decisionFile), range, action }] });
        let t = performance.now();
        await send();
        await c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: cold.uri(decisionFile) } });
        const tokensMs = performance.now() - t;
        t = performance.now();
        // The next decision of the same kind, then references: the corpus-wide answer after a decision.
        await c.sendRequest('workspace/executeCommand', { command: UNDO_COMMAND, arguments: [] });
        await c.sendRequest(ReferencesRequest.type, { textDocument: { uri: cold.uri(decisionFile) }, position: target.position, context: { includeDeclaration: true } });
        const referencesMs = performance.now() - t;
        if (i < 4) continue; // warm-up
        decisionToTokens.push(tokensMs);
        decisionToReferences.push(referencesMs);
      }
      peaks.push(`deciding ${cold.memory().peakMb.toFixed(0)}`);
      const coldMemory = cold.memory();

      report = {
        corpus: { articles: corpus.files.length, mb: round(mb, 2)! },
        coldIndexS: round(coldDone.elapsedMs / 1000, 2)!,
        mbPerS: round(mb / (coldDone.elapsedMs / 1000), 3)!,
        warmStartS: NaN,
        latencyMs: Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, { p50: round(s.p50, 2)!, p99: round(s.p99, 2)! }])),
        editToTokensMs: { p50: round(editToTokens.p50, 2)!, p99: round(editToTokens.p99, 2)! },
        entitiesViewOpenMs: round(entitiesViewFirstMs, 2)!,
        mapOpenMs: round(mapFirstMs, 2)!,
        mapKb: round(mapKb, 1)!,
        timelineMs: { byArticle: round(timelineByArticle.ms, 1)!, byEntity: round(timelineByEntity.ms, 1)!, filtered: round(timelineFiltered.ms, 1)! },
        timelineKb: { byArticle: round(timelineByArticle.kb, 1)!, byEntity: round(timelineByEntity.kb, 1)! },
        graphOpenMs: { article: round(graphFirst.article, 2)!, sentence: round(graphFirst.sentence, 2)! },
        decisionMs: {
          toTokens: { p50: round(percentile([...decisionToTokens].sort((a, b) => a - b), 50), 2)!, p99: round(percentile([...decisionToTokens].sort((a, b) => a - b), 99), 2)! },
          toReferences: { p50: round(percentile([...decisionToReferences].sort((a, b) => a - b), 50), 2)!, p99: round(percentile([...decisionToReferences].sort((a, b) => a - b), 99), 2)! },
        },
        peakRssMb: round(coldMemory.peakMb, 1)!,
        peakRssByPhaseMb: Object.fromEntries(peaks.map((p) => [p.split(' ')[0], Number(p.split(' ')[1])])),
        cacheMb: NaN,
        detail: {
          name: corpus.name,
          serverColdMs: coldDone.ms,
          serverWarmMs: NaN,
          indexedDocuments: coldDone.documents,
          skipped: coldDone.skipped,
          rssAfterIndexMb: rssAfterIndexMb,
          warmPeakRssMb: NaN,
          samples,
          editToTokens,
          decisionToTokens: summarize(decisionToTokens, decisionToTokens.length),
          decisionToReferences: summarize(decisionToReferences, decisionToReferences.length),
          opened: opened.length,
          namePositions: [...names.values()].reduce((s, l) => s + l.length, 0),
          longest: { file: longest, kb: longestSize / 1024, tokens: longestTokens },
          editFile,
          openToTokens,
          peaks,
        },
      };
    } finally {
      await cold.stop();
    }

    report.cacheMb = round(folderBytes(storagePath) / 1048576, 1)!;
    // Warm: a second server on the same corpus and the same storage folder.
    log(`${corpus.name}: warm start ...`);
    const warm: BenchServer = startServer(corpus.folder, storagePath, options.server);
    try {
      const warmDone = await warm.indexed;
      report.warmStartS = round(warmDone.elapsedMs / 1000, 2)!;
      report.detail.serverWarmMs = warmDone.ms;
      report.detail.warmPeakRssMb = warm.memory().peakMb;
    } finally {
      await warm.stop();
    }
    return report;
  } finally {
    fs.rmSync(storagePath, { recursive: true, force: true });
    fs.rmSync(userStore, { recursive: true, force: true });
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

// ---- output ----

function table(r: Report): string {
  const d = r.detail;
  const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
  const rows: string[][] = [
    ['corpus', `${d.name}: ${r.corpus.articles} articles, ${f(r.corpus.mb, 2)} MB (indexed ${d.indexedDocuments}, skipped ${d.skipped})`],
    ['cold index', `${f(r.coldIndexS, 2)} s spawn to indexingComplete (server's own count ${f(d.serverColdMs / 1000, 2)} s), ${f(r.mbPerS, 3)} MB/s`],
    ['warm start', `${f(r.warmStartS, 2)} s (server's own count ${f(d.serverWarmMs / 1000, 2)} s) from a persistent index of ${f(r.cacheMb)} MB`],
    ['memory', `peak RSS ${f(r.peakRssMb)} MB (RSS after indexing ${f(d.rssAfterIndexMb)} MB; warm server peak ${f(d.warmPeakRssMb)} MB)`],
    ['peak RSS by', `${d.peaks.join(', ')} (MB, after each phase)`],
    ['positions', `${d.namePositions} name mentions in ${d.opened} opened articles; longest ${d.longest.file} (${f(d.longest.kb)} KB, ${d.longest.tokens} tokens)`],
  ];
  const lines = rows.map(([k, v]) => `${k.padEnd(12)} ${v}`);
  lines.push('', `${'request'.padEnd(22)}${'n'.padStart(6)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}${'answered'.padStart(10)}`);
  const sampleRow = (name: string, s: Sampled) =>
    `${name.padEnd(22)}${String(s.n).padStart(6)}${f(s.p50, 2).padStart(10)}${f(s.p99, 2).padStart(10)}${f(s.max, 2).padStart(10)}${String(s.answered).padStart(10)}`;
  for (const [name, s] of Object.entries(d.samples)) lines.push(sampleRow(name, s));
  lines.push(`${'entities view open'.padEnd(22)}${'1'.padStart(6)}${f(r.entitiesViewOpenMs, 2).padStart(10)}  (first opening after indexing: groups, then 200 people; entitiesView above: opened again)`);
  lines.push(`${'map view open'.padEnd(22)}${'1'.padStart(6)}${f(r.mapOpenMs, 2).padStart(10)}  (first answer, reading the gazetteer table; ${f(r.mapKb)} KB of JSON; map above: opened again)`);
  lines.push(`${'timeline open'.padEnd(22)}${'1'.padStart(6)}${f(r.timelineMs.byArticle, 1).padStart(10)}  (by article, ${f(r.timelineKb.byArticle, 1)} KB; by entity ${f(r.timelineMs.byEntity, 1)} ms, ${f(r.timelineKb.byEntity, 1)} KB; filtered by a name ${f(r.timelineMs.filtered, 1)} ms)`);
  lines.push(`${'graph view open'.padEnd(22)}${'1'.padStart(6)}${f(r.graphOpenMs.article, 2).padStart(10)}  (first request, same article; same sentence ${f(r.graphOpenMs.sentence, 2)} ms; graph above: other sizes and weights)`);
  lines.push(sampleRow('didChange -> tokens', d.editToTokens) + `  (${d.editFile})`);
  lines.push(sampleRow('didOpen -> tokens', d.openToTokens) + '  (first open of each article)');
  lines.push(sampleRow('decision -> tokens', d.decisionToTokens) + '  (retype, reject everywhere, undo, note)');
  lines.push(sampleRow('decision -> references', d.decisionToReferences) + '  (an undo, then references across the corpus)');
  return lines.join('\n');
}

/**
 * What each view adds to the .vsix: its page script and stylesheet (and, for the map, the place table), raw and
 * compressed, read from the package's own zip directory when `npm run package` has made one (minified, as users
 * get it), else from dist/ as `npm run build` left it (not minified). The Entities view is in the extension bundle.
 */
function viewSizes(): { from: string; views: Record<string, { kb: number; compressedKb: number }> } {
  const dist = path.join(__dirname, '..', 'dist');
  const views: Record<string, string[]> = { timeline: ['webviews/timeline.js', 'webviews/timeline.css'], map: ['webviews/map.js', 'webviews/map.css', 'places.tsv'], graph: ['webviews/graph.js', 'webviews/graph.css'], shared: ['webviews/common.css'] };
  const vsix = path.join(dist, 'article-lens.vsix');
  const sizes = new Map<string, { raw: number; packed: number }>();
  let from = 'dist/ (npm run build)';
  if (fs.existsSync(vsix)) {
    from = 'dist/article-lens.vsix';
    const zip = fs.readFileSync(vsix);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = zip.readUInt32LE(end + 16);
    for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
      const name = zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28));
      sizes.set(name.replace(/^extension\/dist\//, ''), { packed: zip.readUInt32LE(at + 20), raw: zip.readUInt32LE(at + 24) });
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
  } else {
    for (const files of Object.values(views)) {
      for (const f of files) {
        const file = path.join(dist, f);
        if (!fs.existsSync(file)) continue;
        const bytes = fs.readFileSync(file);
        sizes.set(f, { raw: bytes.length, packed: zlib.deflateRawSync(bytes, { level: 9 }).length });
      }
    }
  }
  const out: Record<string, { kb: number; compressedKb: number }> = {};
  for (const [view, files] of Object.entries(views)) {
    const s = files.map((f) => sizes.get(f) ?? { raw: 0, packed: 0 });
    out[view] = { kb: round(s.reduce((t, x) => t + x.raw, 0) / 1024, 1)!, compressedKb: round(s.reduce((t, x) => t + x.packed, 0) / 1024, 1)! };
  }
  return { from, views: out };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.server)) throw new Error(`${options.server} is missing: run npm run build first`);
  const log = (line: string) => process.stderr.write(line + '\n');
  const machine = { cores: os.cpus().length, loadBefore: os.loadavg().map((x) => round(x, 2)), node: process.version };
  if (!options.json) console.log(`machine: ${machine.cores} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${machine.node}, server ${path.relative(process.cwd(), options.server)}, load average ${machine.loadBefore.join(' ')}`);
  const reports: Report[] = [];
  for (const name of options.corpora) {
    const corpus = ensureCorpus(name, log);
    const report = await benchCorpus(corpus, options, log);
    reports.push(report);
    if (!options.json) console.log('\n' + table(report));
  }
  const loadAfter = os.loadavg().map((x) => round(x, 2));
  const sizes = viewSizes();
  if (!options.json) console.log(`\nadded to the .vsix by each view, raw / compressed KB, from ${sizes.from}: ${Object.entries(sizes.views).map(([v, s]) => `${v} ${s.kb} / ${s.compressedKb}`).join(', ')}`);
  if (options.json) {
    const plain = (r: Report) => {
      const { detail: _detail, ...figures } = r;
      return figures;
    };
    const out = reports.length === 1 ? plain(reports[0]) : Object.fromEntries(reports.map((r) => [r.detail.name, plain(r)]));
    console.log(JSON.stringify({ ...out, viewSizes: sizes, machine: { ...machine, loadAfter } }));
  } else {
    console.log(`\nload average after: ${loadAfter.join(' ')}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
