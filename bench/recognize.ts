// Name recognition speed on the BBC corpus: files are read first, then only recognition is timed
// (tokenisation included). Also prints model size and load time. Prints figures, asserts nothing.
//   npm run bench:recognize
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
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

function main(): void {
  const modelPath = nameModelPath();
  const size = statSync(modelPath).size;
  let t = process.hrtime.bigint();
  const bytes = new Uint8Array(readFileSync(modelPath));
  const recognizer = createNameRecognizer(bytes);
  const loadSeconds = seconds(t);

  const texts = files(CORPUS).map((f) => readFileSync(f, 'utf8'));
  const megabytes = texts.reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0) / 1e6;
  let tokens = 0;
  for (const s of texts) tokens += tokenize(s).tokens.length;

  // One warm-up round over a slice of the corpus, then timed rounds over all of it.
  for (const s of texts.slice(0, 200)) recognizer.recognize(s);
  const rounds = Number(process.env.ROUNDS ?? 3);
  const times: number[] = [];
  let names = 0;
  for (let r = 0; r < rounds; r++) {
    names = 0;
    t = process.hrtime.bigint();
    for (const s of texts) names += recognizer.recognize(s).length;
    times.push(seconds(t));
  }
  t = process.hrtime.bigint();
  for (const s of texts) tokenize(s);
  const tokenizeSeconds = seconds(t);
  const best = Math.min(...times);
  console.log(`model: ${path.relative(process.cwd(), modelPath)}, ${(size / 1e6).toFixed(2)} MB, loaded in ${(loadSeconds * 1000).toFixed(0)} ms`);
  console.log(`corpus: ${texts.length} articles, ${megabytes.toFixed(2)} MB, ${tokens.toLocaleString('en')} tokens, ${names.toLocaleString('en')} names found`);
  console.log(`recognition (tokenisation included), best of ${rounds}: ${best.toFixed(2)} s = ${(megabytes / best).toFixed(2)} MB/s, ${Math.round(tokens / best).toLocaleString('en')} tokens/s (rounds: ${times.map((x) => x.toFixed(2)).join(', ')} s)`);
  console.log(`of which tokenisation alone: ${tokenizeSeconds.toFixed(2)} s (${(megabytes / tokenizeSeconds).toFixed(1)} MB/s)`);
}

main();
