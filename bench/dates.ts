// Throughput of date recognition over the BBC corpus (../shared/corpus/bbc): prints MB/s, asserts nothing.
import * as fs from 'fs';
import * as path from 'path';
import { createDateRecognizer } from '../server/src/core/recognize/dates';

const root = path.resolve(__dirname, '../../shared/corpus/bbc');
const texts: string[] = [];
for (const category of fs.readdirSync(root).sort()) {
  for (const file of fs.readdirSync(path.join(root, category)).sort()) {
    if (file.endsWith('.txt')) texts.push(fs.readFileSync(path.join(root, category, file), 'utf8'));
  }
}
const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
const recognizer = createDateRecognizer();

function run(): { seconds: number; mentions: number } {
  let mentions = 0;
  const start = performance.now();
  for (const text of texts) mentions += recognizer.recognize(text, { fallbackReferenceDate: '2005-06-30' }).mentions.length;
  return { seconds: (performance.now() - start) / 1000, mentions };
}

const cold = run();
const warm = [run(), run(), run()].sort((a, b) => a.seconds - b.seconds)[0];
console.log(`${texts.length} articles, ${megabytes.toFixed(2)} MB, ${warm.mentions} date/time mentions`);
console.log(`first pass ${(megabytes / cold.seconds).toFixed(2)} MB/s, best of 3 after it ${(megabytes / warm.seconds).toFixed(2)} MB/s`);
