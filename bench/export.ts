// Speed of the annotation exporters (and the importers that have one) over a benchmark corpus. The corpus is
// analysed first with the product's own pipeline (not timed); then each format writes the whole corpus, timed.
// Prints seconds, MB/s of article text and output size per format; asserts nothing.
//   npx tsx bench/export.ts [--corpus bbc|10k]   default 10k; ROUNDS=3 timed rounds (the best is printed);
//                                               ONLY=conll,jsonl for some formats only
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../server/src/core/analyze';
import { isEntityType } from '../server/src/core/model';
import { entityTable } from '../server/src/core/annotations/formats/corpus';
import { FORMATS, type Format } from '../server/src/core/annotations/formats/index';
import type { ExportCorpus, ExportDocument, ExportEntity } from '../server/src/core/annotations/formats/types';
import { loadRecognizers } from '../server/src/node/recognizers';
import { ensureCorpus, type CorpusName } from './corpora';

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function corpusName(): CorpusName {
  const i = process.argv.indexOf('--corpus');
  const name = i >= 0 ? process.argv[i + 1] : '10k';
  if (name !== 'bbc' && name !== '10k') throw new Error(`--corpus bbc|10k, not ${name}`);
  return name;
}

/** The corpus as the exporters see it; the name key stands in for the entity id, every 7th mention is "confirmed". */
function buildCorpus(folder: string, files: string[]): ExportCorpus {
  const recognizers = loadRecognizers();
  const documents: ExportDocument[] = [];
  const entities = new Map<string, ExportEntity & { spellingSet: Set<string>; articleSet: Set<string> }>();
  let n = 0;
  for (const rel of files) {
    const text = readFileSync(path.join(folder, rel), 'utf8');
    const analysis = analyzeText(recognizers, `file:///${rel}`, 0, text, { fallbackReferenceDate: '2024-01-01' });
    const mentions = analysis.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.key, value: m.value, confirmed: n++ % 7 === 0 }));
    documents.push({ path: rel, text, title: analysis.title, referenceDate: analysis.referenceDate, mentions });
    for (const m of analysis.mentions) {
      if (m.key === null || !isEntityType(m.type)) continue;
      let e = entities.get(m.key);
      if (!e) {
        e = { id: m.key, name: m.text, type: m.type, spellings: [], mentions: 0, articles: 0, firstDate: null, lastDate: null, externalIds: {}, note: null, confirmed: false, spellingSet: new Set(), articleSet: new Set() };
        entities.set(m.key, e);
      }
      e.mentions++;
      e.spellingSet.add(m.text);
      e.articleSet.add(rel);
      const date = analysis.referenceDate;
      if (date && (e.firstDate === null || date < e.firstDate)) e.firstDate = date;
      if (date && (e.lastDate === null || date > e.lastDate)) e.lastDate = date;
    }
  }
  const list = [...entities.values()].map(({ spellingSet, articleSet, ...e }) => ({ ...e, spellings: [...spellingSet], articles: articleSet.size }));
  return { documents, entities: list };
}

/** Writes the corpus once; returns the output's chunks (one file per article, or the stream's pieces). */
function writeAll(format: Format, corpus: ExportCorpus): string[] {
  if (format.output === 'stream') return [...format.write(corpus)];
  const table = entityTable(corpus.entities);
  return corpus.documents.map((d) => format.write(d, table));
}

function best(rounds: number, run: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    run();
    fastest = Math.min(fastest, seconds(t));
  }
  return fastest;
}

function main(): void {
  const name = corpusName();
  const { folder, files } = ensureCorpus(name, (line) => console.log(line));
  const t = process.hrtime.bigint();
  const corpus = buildCorpus(folder, files);
  const analysisSeconds = seconds(t);
  const megabytes = corpus.documents.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;
  const mentions = corpus.documents.reduce((sum, d) => sum + d.mentions.length, 0);
  console.log(`corpus ${name}: ${corpus.documents.length} articles, ${megabytes.toFixed(2)} MB of text, ${mentions.toLocaleString('en')} mentions, ${corpus.entities.length.toLocaleString('en')} name keys (analysed in ${analysisSeconds.toFixed(1)} s, not timed below)`);

  const rounds = Number(process.env.ROUNDS ?? 3);
  console.log(`export, best of ${rounds}:`);
  for (const format of FORMATS.filter((f) => !process.env.ONLY || process.env.ONLY.split(",").includes(f.name))) {
    writeAll(format, corpus); // warm-up
    const s = best(rounds, () => writeAll(format, corpus));
    const outputs = writeAll(format, corpus);
    const outBytes = outputs.reduce((sum, c) => sum + Buffer.byteLength(c, 'utf8'), 0);
    const shape = format.output === 'stream' ? 'one stream' : `${outputs.length} files`;
    console.log(`  ${format.name.padEnd(13)} ${s.toFixed(3).padStart(7)} s  ${(megabytes / s).toFixed(1).padStart(6)} MB/s  output ${(outBytes / 1e6).toFixed(1).padStart(6)} MB (${shape})`);

    const imported = timeImport(format, corpus, outputs, rounds);
    if (imported) console.log(`  ${''.padEnd(13)} ${imported.seconds.toFixed(3).padStart(7)} s  ${(megabytes / imported.seconds).toFixed(1).padStart(6)} MB/s  import: ${imported.spans.toLocaleString('en')} spans`);
  }
}

/** Reads the export back (stream records checked against the articles' texts), if the format has an importer. */
function timeImport(format: Format, corpus: ExportCorpus, outputs: string[], rounds: number): { seconds: number; spans: number } | null {
  let spans = 0;
  if (format.output === 'stream') {
    const read = format.read;
    if (!read) return null;
    const content = outputs.join('');
    const texts = new Map(corpus.documents.map((d) => [d.path, d.text]));
    const s = best(rounds, () => {
      spans = 0;
      for (const r of read(`export${format.extension}`, content, (p) => texts.get(p))) spans += r.spans.length;
    });
    return { seconds: s, spans };
  }
  const read = format.read;
  if (!read) return null;
  const s = best(rounds, () => {
    spans = 0;
    corpus.documents.forEach((d, i) => (spans += read(format.outputPath(d.path), outputs[i], d.text).spans.length));
  });
  return { seconds: s, spans };
}

main();
