// Benchmark corpora built from ../shared/corpus/bbc under .bench/corpora/ (gitignored), reused when already built.
//   bbc: the 2,125 articles as they are.
//   10k: the same plus copies up to 10,000 articles; each copy has its own file name and a few words changed
//        (chosen by a seeded generator, so every build is the same), so no two articles are identical.
//   100k: ten replicas of 10k, under replica-0/ .. replica-9/; replica 0 is 10k as it is, the others also rewrite the
//        capitalised words that are never written lower-case in the corpus (the names, mostly), the same way
//        throughout a replica and differently in each, so the name table grows as an archive's does.
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
export const SOURCE = path.resolve(ROOT, '..', 'shared', 'corpus', 'bbc');
export const CORPORA = path.join(ROOT, '.bench', 'corpora');

/** Bump when the way a corpus is built changes, so old builds are rebuilt. */
const BUILD_VERSION = 1;
const SEED = 20240607;

export type CorpusName = 'bbc' | '10k' | '100k';

export interface Corpus {
  name: CorpusName;
  folder: string;
  /** Article paths relative to `folder`, sorted. */
  files: string[];
  bytes: number;
}

interface Manifest {
  version: number;
  seed: number;
  target: number;
  files: string[];
  bytes: number;
}

const TARGETS: Record<CorpusName, number> = { bbc: 0, '10k': 10_000, '100k': 100_000 };
const REPLICAS = 10;

import { random } from '../train/perceptron';

export { random };

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const category of fs.readdirSync(SOURCE).sort()) {
    const dir = path.join(SOURCE, category);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.txt')) out.push(`${category}/${name}`);
  }
  return out;
}

// Ordinary lower-case words put in place of others: they change the text without adding names.
const REPLACEMENTS = ['reported', 'several', 'recently', 'official', 'largest', 'expected', 'public', 'market', 'however', 'further', 'although', 'announced', 'number', 'support', 'earlier', 'warned'];

/** Changes `count` lower-case words of `text` (of four letters or more) to others. */
function vary(text: string, next: () => number, count: number): string {
  const words = [...text.matchAll(/\b[a-z]{4,}\b/g)];
  if (words.length === 0) return text + ' ' + REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, words.length)) chosen.add(Math.floor(next() * words.length));
  let out = '';
  let at = 0;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const w = words[i];
    let replacement = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
    if (replacement === w[0]) replacement = REPLACEMENTS[(REPLACEMENTS.indexOf(replacement) + 1) % REPLACEMENTS.length];
    out += text.slice(at, w.index) + replacement;
    at = w.index! + w[0].length;
  }
  return out + text.slice(at);
}

function readManifest(file: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return m.version === BUILD_VERSION && m.seed === SEED ? m : null;
  } catch {
    return null;
  }
}

/** The corpus, built under .bench/corpora/<name>/ unless a complete build is already there. */
export function ensureCorpus(name: CorpusName, log: (line: string) => void): Corpus {
  const folder = path.join(CORPORA, name);
  const manifestFile = path.join(CORPORA, `${name}.json`);
  const target = TARGETS[name];
  const existing = readManifest(manifestFile);
  if (existing && existing.target === target && fs.existsSync(folder) && existing.files.every((f) => fs.existsSync(path.join(folder, f)))) {
    return { name, folder, files: existing.files, bytes: existing.bytes };
  }

  if (name === '100k') return buildReplicas(name, folder, manifestFile, target, log);
  log(`building corpus ${name} in ${path.relative(process.cwd(), folder) || folder} ...`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(manifestFile, { force: true });
  const sources = sourceFiles();
  if (sources.length === 0) throw new Error(`no articles found in ${SOURCE}`);
  const files: string[] = [];
  let bytes = 0;
  const write = (rel: string, content: Buffer | string) => {
    const file = path.join(folder, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    files.push(rel);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  for (const rel of sources) write(rel, fs.readFileSync(path.join(SOURCE, rel)));
  const next = random(SEED);
  for (let i = 0; sources.length + i < target; i++) {
    const rel = sources[i % sources.length];
    const copy = Math.floor(i / sources.length) + 1;
    const text = fs.readFileSync(path.join(SOURCE, rel), 'utf8');
    write(rel.replace(/\.txt$/, `-copy${copy}.txt`), vary(text, next, 5));
  }
  files.sort();
  const manifest: Manifest = { version: BUILD_VERSION, seed: SEED, target, files, bytes };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return { name, folder, files, bytes };
}

// Words that keep their spelling in every replica: the dates' words, which the date recogniser must still read.
const KEEP = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);
const SUFFIXES = ['son', 'ek', 'ova', 'ini', 'berg', 'ez', 'ado', 'wick'];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Replica `replica`'s spelling of a capitalised word: most change (two letters swapped, a suffix, or both), some keep. */
function respell(word: string, replica: number): string {
  const h = hash(`${replica}#${word}`);
  if (h % 10 >= 7) return word;
  const kind = (h >>> 4) % 3;
  let out = word;
  if (kind !== 1 && word.length >= 4) {
    const i = 1 + ((h >>> 8) % (word.length - 2));
    out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2);
  }
  if (kind !== 0) out += SUFFIXES[(h >>> 16) % SUFFIXES.length];
  return out;
}

/** 100k: the 10k corpus ten times over, each replica but the first with its names respelt (see the top of the file). */
function buildReplicas(name: CorpusName, folder: string, manifestFile: string, target: number, log: (line: string) => void): Corpus {
  const base = ensureCorpus('10k', log);
  log(`building corpus ${name} in ${path.relative(process.cwd(), folder) || folder} ...`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(manifestFile, { force: true });
  const texts = base.files.map((f) => fs.readFileSync(path.join(base.folder, f), 'utf8'));
  // A capitalised word that also occurs in lower case is an ordinary word at the start of a sentence: it stays.
  const lower = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/\b[a-z][a-z]+\b/g)) lower.add(m[0]);
  const files: string[] = [];
  let bytes = 0;
  for (let r = 0; r < REPLICAS && files.length < target; r++) {
    const spelt = new Map<string, string>();
    const rewrite = (w: string) => {
      const l = w.toLowerCase();
      if (r === 0 || lower.has(l) || KEEP.has(l)) return w;
      let s = spelt.get(w);
      if (s === undefined) spelt.set(w, (s = respell(w, r)));
      return s;
    };
    for (let i = 0; i < base.files.length && files.length < target; i++) {
      const rel = `replica-${r}/${base.files[i]}`;
      const content = texts[i].replace(/\b[A-Z][a-z]{2,}\b/g, rewrite);
      const file = path.join(folder, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      files.push(rel);
      bytes += Buffer.byteLength(content);
    }
  }
  files.sort();
  const manifest: Manifest = { version: BUILD_VERSION, seed: SEED, target, files, bytes };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return { name, folder, files, bytes };
}
