// Analysis speed on the BBC corpus: files are read first, then only analysis is timed. Prints the whole analysis
// (analyzeText with the product's recognisers) and each part alone (tokenisation, names with their tokenisation,
// dates, and what analyzeText adds: preparation, aliases and merge), in MB/s on one core, best of 3 rounds; also
// the model's size and load time. Prints figures, asserts nothing.
//   npm run bench:recognize [-- --digest]
// `--digest` prints instead a SHA-256 of every token, name span, date mention and analysis over the corpus, to check
// that a change leaves the output bit-identical.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type Recognizers } from '../server/src/core/analyze';
import { createDateRecognizer } from '../server/src/core/recognize/dates/index';
import { createNameRecognizer } from '../server/src/core/recognize/names';
import { tokenize } from '../server/src/core/text/tokenize';
import { nameModelPath } from '../server/src/node/nameModel';

const CORPUS = path.join(__dirname, '..', '..', 'shared', 'corpus', 'bbc');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : name.endsWith('.txt') ? [full] : [];
    });
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

interface Article {
  uri: string;
  text: string;
}

/** One digest per part, over the whole corpus in file order. */
function digests(recognizers: Recognizers, articles: Article[]): Record<string, string> {
  const parts = ['tokens', 'names', 'dates', 'analysis'] as const;
  const hashes = Object.fromEntries(parts.map((p) => [p, createHash('sha256')])) as Record<(typeof parts)[number], ReturnType<typeof createHash>>;
  for (const { uri, text } of articles) {
    const { tokens, sentences } = tokenize(text);
    hashes.tokens.update(JSON.stringify([tokens.map((t) => [t.start, t.end]), sentences.map((s) => [s.first, s.end])]));
    hashes.names.update(JSON.stringify(recognizers.names.recognize(text)));
    hashes.dates.update(JSON.stringify(recognizers.dates.recognize(text)));
    hashes.analysis.update(JSON.stringify(analyzeText(recognizers, uri, 1, text)));
  }
  return Object.fromEntries(parts.map((p) => [p, hashes[p].digest('hex')]));
}

/**
 * Wall and CPU seconds of `rounds` timed passes of `run` over every text, after one untimed warm-up pass over the
 * first 200. On a shared machine the process's CPU time (user + system) says more than the wall clock.
 */
function time(articles: Article[], rounds: number, run: (a: Article) => void): { wall: number[]; cpu: number[] } {
  for (const a of articles.slice(0, 200)) run(a);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    for (const a of articles) run(a);
    const used = process.cpuUsage(c);
    wall.push(seconds(t));
    cpu.push((used.user + used.system) / 1e6);
  }
  return { wall, cpu };
}

function main(): void {
  const modelPath = nameModelPath();
  const size = statSync(modelPath).size;
  const t = process.hrtime.bigint();
  const bytes = new Uint8Array(readFileSync(modelPath));
  const names = createNameRecognizer(bytes);
  const loadSeconds = seconds(t);
  // As server/src/node/recognizers.ts builds them.
  const recognizers: Recognizers = { names, dates: createDateRecognizer() };

  const articles = files(CORPUS).map((f) => ({ uri: 'file://' + f, text: readFileSync(f, 'utf8') }));
  if (process.argv.includes('--digest')) {
    for (const [part, digest] of Object.entries(digests(recognizers, articles))) console.log(`${part.padEnd(8)} ${digest}`);
    return;
  }
  const megabytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text, 'utf8'), 0) / 1e6;
  let tokens = 0;
  let nameCount = 0;
  let mentions = 0;
  for (const a of articles) {
    tokens += tokenize(a.text).tokens.length;
    nameCount += names.recognize(a.text).length;
    mentions += analyzeText(recognizers, a.uri, 1, a.text).mentions.length;
  }
  console.log(`model: ${path.relative(process.cwd(), modelPath)}, ${(size / 1e6).toFixed(2)} MB, loaded in ${(loadSeconds * 1000).toFixed(0)} ms`);
  console.log(`corpus: ${articles.length} articles, ${megabytes.toFixed(2)} MB, ${tokens.toLocaleString('en')} tokens, ${nameCount.toLocaleString('en')} names, ${mentions.toLocaleString('en')} mentions`);

  const rounds = Number(process.env.ROUNDS ?? 3);
  const parts: [string, (a: Article) => void][] = [
    ['whole analysis', (a) => analyzeText(recognizers, a.uri, 1, a.text)],
    ['tokenisation', (a) => tokenize(a.text)],
    ['names (tokenisation included)', (a) => names.recognize(a.text)],
    ['dates', (a) => recognizers.dates.recognize(a.text)],
  ];
  // What analyzeText does besides the two recognisers (preparation, candidates, overlaps, in-document aliases):
  // analyzeText over recognisers that hand back what the real ones found in the same text.
  const found = new Map(articles.map((a) => [a.text, { names: names.recognize(a.text), dates: recognizers.dates.recognize(a.text) }]));
  const replay: Recognizers = { names: { recognize: (text) => found.get(text)!.names }, dates: { recognize: (text) => found.get(text)!.dates } };
  parts.push(['aliases/merge', (a) => analyzeText(replay, a.uri, 1, a.text)]);
  const best: Record<string, number> = {};
  console.log(`best of ${rounds} rounds, wall clock | CPU time`);
  for (const [label, run] of parts) {
    const { wall, cpu } = time(articles, rounds, run);
    best[label] = Math.min(...wall);
    const bestCpu = Math.min(...cpu);
    const rate = (s: number) => `${(megabytes / s).toFixed(2).padStart(6)} MB/s ${s.toFixed(2).padStart(5)} s`;
    console.log(`${(label + ':').padEnd(31)} ${rate(best[label])} | ${rate(bestCpu)}   (wall rounds: ${wall.map((x) => x.toFixed(2)).join(', ')} s)`);
  }
  console.log(`names: ${Math.round(tokens / best['names (tokenisation included)']).toLocaleString('en')} tokens/s`);
}

main();
