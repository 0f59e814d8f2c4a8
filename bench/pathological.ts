// Analysis time of pathological documents (giant tokens, lines without sentence ends, digit soup, ...)
// at 1, 2, 4 and 8 MB, so that linearity can be seen: the 8 MB / 1 MB ratio of a linear stage is about 8.
// Each case runs in a child process (a fresh heap, its own peak RSS) with a time limit; after a case
// exceeds it, the larger sizes of that shape are skipped. Prints figures, asserts nothing.
//   npx tsx bench/pathological.ts [shape ...]      LIMIT=60 (seconds per case)  SIZES=1,2,4,8 (MB)
import { spawnSync } from 'node:child_process';

/** A document shape: text of exactly `length` characters. */
export interface Shape {
  name: string;
  make(length: number): string;
}

function repeated(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Letters, digits, `+` and `/` from a seeded generator, as a pasted base64 blob writes them. */
function base64Like(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = 12345;
  const out: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = alphabet[state >>> 26];
  }
  return out.join('');
}

/** A short wire story with a headline block, a dateline, names and dates, written for this benchmark. */
export const NORMAL_ARTICLE = [
  'Harbour Authority Delays Vote on Kessel Bridge Repairs',
  '',
  'Harbour Authority Delays Vote on Kessel Bridge Repairs',
  '',
  'PORT ELLIS, March 4, 2024 (Reuters) - The Port Ellis Harbour Authority postponed a vote on repairs to the Kessel Bridge on Monday, after engineers from Halvorsen Consulting said corrosion had spread further than a survey found last year.',
  '',
  'Mayor Ingrid Dalca told reporters at 10:30 a.m. that the council would meet again on March 11 and that a decision was expected by the end of the month. "We will not rush this," Dalca said.',
  '',
  'The bridge, which carries about 40,000 vehicles a day, was built in 1968 and last refurbished in the 1990s. Traffic has been limited to one lane since February 26.',
  '',
  'Dockworkers represented by the Coastal Workers Union warned on Friday that they could strike next week if the closure cut access to the northern quays. Union leader Tomas Berg said talks with the authority would resume on Wednesday.',
  '',
  '',
  '',
].join('\n');

export const SHAPES: Shape[] = [
  { name: 'giant token', make: (n) => 'A' + 'b'.repeat(n - 1) },
  { name: 'base64 blob', make: base64Like },
  { name: 'Title words, one line', make: (n) => repeated('Alpha Beta Gamma ', n) },
  { name: 'lower words, one line', make: (n) => repeated('the cattle were sold at a fair price ', n) },
  { name: 'one word per line', make: (n) => repeated('Kherson\nbridge\nSmith\n', n) },
  { name: 'digit soup, one line', make: (n) => repeated('12:30 1600 2024-03-04 ', n) },
  { name: 'CAPS words, one line', make: (n) => repeated('ALPHA BETA GAMMA ', n) },
  { name: 'whitespace only', make: (n) => repeated('\n \n\t  \n\n', n) },
  { name: 'normal article x N', make: (n) => repeated(NORMAL_ARTICLE, n) },
];

const MB = 1 << 20;

interface CaseResult {
  seconds: number;
  rssDeltaMB: number;
  mentions: number;
}

/** In the child: analyse one case and print its figures as one JSON line. */
function runCase(shapeName: string, megabytes: number): void {
  // Loaded here only, so that the test importing SHAPES does not load the name model.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { analyzeText } = require('../server/src/core/analyze') as typeof import('../server/src/core/analyze');
  const { loadRecognizers } = require('../server/src/node/recognizers') as typeof import('../server/src/node/recognizers');
  const shape = SHAPES.find((s) => s.name === shapeName)!;
  const recognizers = loadRecognizers();
  analyzeText(recognizers, 'warm-up', 1, NORMAL_ARTICLE.repeat(4));
  const text = shape.make(Math.round(megabytes * MB));
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = process.hrtime.bigint();
  const analysis = analyzeText(recognizers, 'bench', 1, text, { fallbackReferenceDate: '2024-03-04' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssDeltaMB = (process.resourceUsage().maxRSS - rssBefore) / 1024;
  const result: CaseResult = { seconds, rssDeltaMB, mentions: analysis.mentions.length };
  process.stdout.write(JSON.stringify(result) + '\n');
}

function spawnCase(shapeName: string, megabytes: number, limitSeconds: number): CaseResult | 'timeout' | string {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--case', shapeName, String(megabytes)], {
    encoding: 'utf8',
    timeout: limitSeconds * 1000 + 15_000, // the child's own start-up (model loading) is not timed
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 20,
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return 'timeout';
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const result = JSON.parse(line) as CaseResult;
    return result.seconds > limitSeconds ? 'timeout' : result;
  } catch {
    return `failed (${child.signal ?? child.status}): ${child.stderr.trim().split('\n').pop() ?? ''}`;
  }
}

function main(): void {
  const limit = Number(process.env.LIMIT ?? 60);
  const sizes = (process.env.SIZES ?? '1,2,4,8').split(',').map(Number);
  const wanted = process.argv.slice(2);
  const shapes = wanted.length > 0 ? SHAPES.filter((s) => wanted.some((w) => s.name.toLowerCase().includes(w.toLowerCase()))) : SHAPES;
  const cell = (s: string) => s.padStart(18);
  console.log(`analyzeText, seconds (peak RSS delta MB) per size; limit ${limit} s per case`);
  console.log('shape'.padEnd(24) + sizes.map((mb) => cell(`${mb} MB`)).join('') + cell(`${sizes[sizes.length - 1]}/${sizes[0]} ratio`));
  for (const shape of shapes) {
    const cells: string[] = [];
    const times: number[] = [];
    let skipped = false;
    for (const mb of sizes) {
      if (skipped) {
        cells.push(cell('skipped'));
        continue;
      }
      const r = spawnCase(shape.name, mb, limit);
      if (r === 'timeout') {
        cells.push(cell(`>${limit}s`));
        skipped = true;
      } else if (typeof r === 'string') {
        cells.push(cell('failed'));
        console.error(`${shape.name} ${mb} MB: ${r}`);
        skipped = true;
      } else {
        cells.push(cell(`${r.seconds.toFixed(2)} (${Math.round(r.rssDeltaMB)})`));
        times.push(r.seconds);
      }
    }
    const ratio = times.length === sizes.length ? (times[times.length - 1] / times[0]).toFixed(1) : '-';
    console.log(shape.name.padEnd(24) + cells.join('') + cell(ratio));
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--case');
  if (at >= 0) runCase(process.argv[at + 1], Number(process.argv[at + 2]));
  else main();
}
