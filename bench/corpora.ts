// Benchmark corpora built from ../shared/corpus/bbc under .bench/corpora/ (gitignored), reused when already built.
//   bbc: the 2,125 articles as they are.
//   10k: the same plus copies up to 10,000 articles; each copy has its own file name and a few words changed
//        (chosen by a seeded generator, so every build is the same), so no two articles are identical.
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
export const SOURCE = path.resolve(ROOT, '..', 'shared', 'corpus', 'bbc');
export const CORPORA = path.join(ROOT, '.bench', 'corpora');

/** Bump when the way a corpus is built changes, so old builds are rebuilt. */
const BUILD_VERSION = 1;
const SEED = 20240607;

export type CorpusName = 'bbc' | '10k';

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

const TARGETS: Record<CorpusName, number> = { bbc: 0, '10k': 10_000 };

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
