// Evaluates corpus-level entity resolution on our own annotated articles (eval/entities/*.txt, gold entity
// id as the marker value): B-cubed precision, recall and F1 over gold mentions, with wrong and missed merges.
// Two modes: end to end (the real name tagger's spans) and resolution only (gold spans replayed as the
// tagger's output).   npm run eval:entities [-- --gold-spans | --tagger-spans] [--json]
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyzeText, type Recognizers } from '../server/src/core/analyze';
import { CorpusIndex } from '../server/src/core/corpus/index';
import type { DocumentAnalysis, EntityType, NameSpan } from '../server/src/core/model';
import { createAliasResolver } from '../server/src/core/resolve/aliases';
import { createDateRecognizer } from '../server/src/core/recognize/dates/index';
import { loadRecognizers } from '../server/src/node/recognizers';
import { type ExpectedMention, parseFixture } from '../test/fixture';

interface Article {
  file: string;
  uri: string;
  text: string;
  gold: ExpectedMention[];
}

/** One gold mention with the system entity it landed in (null: the system found no mention with this exact span). */
interface Scored {
  file: string;
  text: string;
  gold: string;
  system: string | null;
}

interface Figures {
  precision: number;
  recall: number;
  f1: number;
  goldMentions: number;
  goldEntities: number;
  /** Gold mentions the system found with exactly the gold span. */
  alignedMentions: number;
  /** System name mentions with no gold mention of the same span: ignored by B-cubed, counted here. */
  unalignedSystemMentions: number;
  wrongMerges: { system: string; gold: { id: string; forms: string[] }[] }[];
  missedMerges: { gold: string; groups: { system: string | null; forms: string[] }[] }[];
}

export function loadArticles(dir = path.join(__dirname, 'entities')): Article[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const { text, mentions } = parseFixture(fs.readFileSync(path.join(dir, file), 'utf8'));
      const gold = mentions.filter((m) => m.type !== 'date' && m.type !== 'time');
      return { file, uri: pathToFileURL(path.join(dir, file)).href, text, gold };
    });
}

/**
 * Gold spans as the name recogniser's output. Dates keep the real recogniser's reference date (corpus order)
 * but contribute no mentions: a date overlapping a gold name would otherwise evict it, and dates take no
 * part in entity resolution.
 */
function goldRecognizers(article: Article): Recognizers {
  const dates = createDateRecognizer();
  return {
    names: { recognize: () => article.gold.map((m): NameSpan => ({ start: m.start, end: m.end, type: m.type as EntityType })) },
    dates: { recognize: (text, options) => ({ referenceDate: dates.recognize(text, options).referenceDate, mentions: [] }) },
  };
}

function run(articles: Article[], recognizersOf: (a: Article) => Recognizers): Figures {
  const index = newIndex();
  for (const a of articles) addDocument(index, a.text, analyzeText(recognizersOf(a), a.uri, 1, a.text));
  const scored: Scored[] = [];
  let unaligned = 0;
  for (const a of articles) {
    const systemBySpan = new Map<string, string>();
    for (const m of index.get(a.uri)!.analysis.mentions) {
      if (m.key === null) continue;
      systemBySpan.set(`${m.start}:${m.end}`, index.entityIdOfKey(m.key) ?? `key:${m.key}`);
    }
    const goldSpansSet = new Set(a.gold.map((g) => `${g.start}:${g.end}`));
    for (const span of systemBySpan.keys()) if (!goldSpansSet.has(span)) unaligned++;
    for (const g of a.gold) scored.push({ file: a.file, text: g.text, gold: g.value ?? '', system: systemBySpan.get(`${g.start}:${g.end}`) ?? null });
  }
  return { ...bcubed(scored), unalignedSystemMentions: unaligned, ...mergeErrors(scored) };
}

/*
 * FIXME: CorpusIndex is being reworked in the tree: at 86025b6 it is `new CorpusIndex(resolver)` and
 * `set(text, analysis)`; the rework takes `{ resolver }` and `set(analysis, { text })`. These two helpers work with
 * both until the rework lands; then they become `new CorpusIndex({ resolver: createAliasResolver() })` and one `set`.
 */
function newIndex(): CorpusIndex {
  const resolver = createAliasResolver();
  // Both an EntityResolver (old constructor) and an options object with `resolver` (new constructor).
  const resolverOrOptions = { resolver, resolve: resolver.resolve.bind(resolver) };
  return new CorpusIndex(resolverOrOptions);
}

function addDocument(index: CorpusIndex, text: string, analysis: DocumentAnalysis): void {
  const set = index.set.bind(index) as (a: unknown, b: unknown) => unknown;
  const reworked = typeof (CorpusIndex.prototype as { all?: unknown }).all === 'function';
  if (reworked) set(analysis, { text });
  else set(text, analysis);
}

/** B-cubed over gold mentions; a gold mention the system missed is a singleton system cluster. */
function bcubed(scored: Scored[]): Pick<Figures, 'precision' | 'recall' | 'f1' | 'goldMentions' | 'goldEntities' | 'alignedMentions'> {
  const clusterOf = scored.map((s, i) => s.system ?? `missed#${i}`);
  const goldSize = countBy(scored.map((s) => s.gold));
  const systemSize = countBy(clusterOf);
  const both = countBy(scored.map((s, i) => `${s.gold}\u0000${clusterOf[i]}`));
  let p = 0;
  let r = 0;
  scored.forEach((s, i) => {
    const overlap = both.get(`${s.gold}\u0000${clusterOf[i]}`)!;
    p += overlap / systemSize.get(clusterOf[i])!;
    r += overlap / goldSize.get(s.gold)!;
  });
  const n = scored.length;
  const precision = n === 0 ? 0 : p / n;
  const recall = n === 0 ? 0 : r / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, goldMentions: n, goldEntities: goldSize.size, alignedMentions: scored.filter((s) => s.system !== null).length };
}

/** Wrong merges: system clusters holding several gold entities. Missed merges: gold entities spread over several system clusters. */
function mergeErrors(scored: Scored[]): Pick<Figures, 'wrongMerges' | 'missedMerges'> {
  const bySystem = groupBy(scored.filter((s) => s.system !== null), (s) => s.system!);
  const wrongMerges: Figures['wrongMerges'] = [];
  for (const [system, members] of bySystem) {
    const golds = groupBy(members, (s) => s.gold);
    if (golds.size > 1) wrongMerges.push({ system, gold: [...golds].map(([id, ms]) => ({ id, forms: forms(ms) })) });
  }
  const missedMerges: Figures['missedMerges'] = [];
  for (const [gold, members] of groupBy(scored, (s) => s.gold)) {
    const systems = groupBy(members, (s) => s.system ?? '');
    if (systems.size > 1) missedMerges.push({ gold, groups: [...systems].map(([system, ms]) => ({ system: system || null, forms: forms(ms) })) });
  }
  return { wrongMerges: wrongMerges.sort((a, b) => cmp(a.system, b.system)), missedMerges: missedMerges.sort((a, b) => cmp(a.gold, b.gold)) };
}

/** Surface forms with counts, commonest first: `Putin ×5`. */
function forms(members: Scored[]): string[] {
  return [...countBy(members.map((m) => m.text))].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
}

function countBy(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function print(title: string, f: Figures | { error: string }): void {
  if ('error' in f) {
    console.log(`\n== ${title}\nnot measured: the recognisers could not be loaded (${f.error})`);
    return;
  }
  const pct = (v: number) => (100 * v).toFixed(1);
  console.log(`\n== ${title}`);
  console.log(`B-cubed  precision ${pct(f.precision)}  recall ${pct(f.recall)}  F1 ${pct(f.f1)}`);
  console.log(`gold: ${f.goldMentions} mentions, ${f.goldEntities} entities; system found ${f.alignedMentions} of the gold spans exactly, plus ${f.unalignedSystemMentions} name mentions not in gold (ignored)`);
  console.log(`\nwrong merges (${f.wrongMerges.length}):`);
  for (const w of f.wrongMerges) console.log(`  ${w.system}: ${w.gold.map((g) => `${g.id} [${g.forms.join(', ')}]`).join('  +  ')}`);
  console.log(`\nmissed merges (${f.missedMerges.length}):`);
  for (const m of f.missedMerges) console.log(`  ${m.gold}: ${m.groups.map((g) => `${g.system ?? '(span not found)'} [${g.forms.join(', ')}]`).join('  |  ')}`);
}

function main(argv: string[]): void {
  const articles = loadArticles();
  const onlyGold = argv.includes('--gold-spans');
  const onlyTagger = argv.includes('--tagger-spans');
  const results: Record<string, Figures | { error: string }> = {};
  if (!onlyGold) {
    // A missing or stale tagger model is reported, not thrown: the resolution-only figures still stand.
    try {
      const recognizers = loadRecognizers();
      results.endToEnd = run(articles, () => recognizers);
    } catch (e) {
      results.endToEnd = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  if (!onlyTagger) results.resolutionOnly = run(articles, goldRecognizers);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ articles: articles.length, ...results }, null, 2));
    return;
  }
  console.log(`${articles.length} articles in eval/entities`);
  if (results.endToEnd) print('end to end (tagger spans)', results.endToEnd);
  if (results.resolutionOnly) print('resolution only (gold spans)', results.resolutionOnly);
}

if (require.main === module) main(process.argv.slice(2));
