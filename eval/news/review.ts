// Helps annotate the BBC evaluation set. Marked copies of the articles (names as <<surface|TYPE>> or
// <<surface|TYPE|canonical name>>) are written outside the repository, corrected by hand, and read back into
// eval/news/annotations.jsonl as offsets; the text itself never enters the repository.
//
//   tsx eval/news/review.ts pre OUT_DIR business/007.txt ...   the product's output as marked copies (pre-annotation)
//   tsx eval/news/review.ts show OUT_DIR [file ...]            the stored annotations as marked copies, for review
//   tsx eval/news/review.ts import OUT_DIR                     every marked copy under OUT_DIR back into the file
//   tsx eval/news/review.ts diff [file ...]                    gold against the product, to read disagreements
//   tsx eval/news/review.ts check                              canonical names given several types, and capitalised
//                                                              words outside every span that do not start a sentence
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type AnnotatedArticle, CATEGORIES, type GoldSpan, loadAnnotations, NEWS_TYPES, type NewsType, readArticle, saveAnnotations } from './annotations';
import { runProduct } from './product';

const MARK = /<<([^<>|]+)\|([A-Z]+)(?:\|([^<>]+))?>>/g;

export function markText(text: string, spans: readonly GoldSpan[]): string {
  let out = '';
  let last = 0;
  for (const [start, end, type, name] of [...spans].sort((a, b) => a[0] - b[0])) {
    const surface = text.slice(start, end);
    out += text.slice(last, start) + `<<${surface}|${type}${name === surface ? '' : `|${name}`}>>`;
    last = end;
  }
  return out + text.slice(last);
}

/** Offsets of the marks in a marked copy; throws when the copy's text is not the article's text. */
export function unmarkText(marked: string, original: string, where: string): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    last = m.index! + m[0].length;
    const type = m[2] as NewsType;
    if (!NEWS_TYPES.includes(type)) throw new Error(`${where}: type ${m[2]} at ${text.length}`);
    const start = text.length;
    text += m[1];
    spans.push([start, text.length, type, (m[3] ?? m[1]).trim()]);
  }
  text += marked.slice(last);
  if (text !== original) {
    let i = 0;
    while (i < text.length && text[i] === original[i]) i++;
    throw new Error(`${where}: text differs from the article at ${i}: ${JSON.stringify(text.slice(i, i + 40))} vs ${JSON.stringify(original.slice(i, i + 40))}`);
  }
  if (/<<|>>/.test(text)) throw new Error(`${where}: a mark is malformed`);
  return spans;
}

function write(outDir: string, file: string, content: string): void {
  mkdirSync(path.join(outDir, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(outDir, file), content);
}

function pre(outDir: string, files: string[]): void {
  const run = runProduct(files);
  for (const file of files) {
    const text = run.texts.get(file)!;
    const spans = run.mentions.get(file)!.map((m): GoldSpan => [m.start, m.end, m.type, m.name ?? text.slice(m.start, m.end)]);
    write(outDir, file, markText(text, spans));
  }
}

function show(outDir: string, files: string[]): void {
  for (const a of loadAnnotations()) {
    if (files.length && !files.includes(a.file)) continue;
    write(outDir, a.file, markText(readArticle(a.file).text, a.spans));
  }
}

function importDir(outDir: string): void {
  const byFile = new Map(loadAnnotationsOrNone().map((a) => [a.file, a]));
  for (const category of CATEGORIES) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(outDir, category)).filter((f) => f.endsWith('.txt'));
    } catch {
      continue;
    }
    for (const name of names) {
      const file = `${category}/${name}`;
      const { text, sha1 } = readArticle(file);
      const spans = unmarkText(readFileSync(path.join(outDir, file), 'utf8'), text, file);
      byFile.set(file, { file, sha1, spans });
    }
  }
  saveAnnotations([...byFile.values()]);
  console.log(`${byFile.size} articles, ${[...byFile.values()].reduce((n, a) => n + a.spans.length, 0)} spans`);
}

function loadAnnotationsOrNone(): AnnotatedArticle[] {
  try {
    return loadAnnotations();
  } catch {
    return [];
  }
}

/** Gold marks as <<surface|TYPE>>, the product's disagreeing spans as {{surface|TYPE}} after them. */
function diff(files: string[]): void {
  const gold = loadAnnotations().filter((a) => files.length === 0 || files.includes(a.file));
  const run = runProduct(gold.map((a) => a.file));
  for (const a of gold) {
    const text = run.texts.get(a.file)!;
    const key = (s: { 0: number; 1: number; 2: string }) => `${s[0]}:${s[1]}:${s[2]}`;
    const goldKeys = new Set(a.spans.map(key));
    const product = run.mentions.get(a.file)!.map((m) => [m.start, m.end, m.type] as const);
    const productKeys = new Set(product.map(key));
    const notes: string[] = [];
    for (const g of a.spans) if (!productKeys.has(key(g))) notes.push(`  missed   ${text.slice(g[0], g[1])} (${g[2]})`);
    for (const p of product) if (!goldKeys.has(key(p))) notes.push(`  spurious ${text.slice(p[0], p[1])} (${p[2]})`);
    console.log(`${a.file}: ${notes.length} disagreements\n${notes.join('\n')}`);
  }
}

/** Lints the whole set: one type per canonical name, and capitalised words no span covers (the likely misses). */
function check(): void {
  const types = new Map<string, Set<string>>();
  const loose = new Map<string, string[]>();
  for (const a of loadAnnotations()) {
    const text = readArticle(a.file).text;
    const covered = new Uint8Array(text.length);
    for (const [start, end, type, name] of a.spans) {
      covered.fill(1, start, end);
      types.set(name, (types.get(name) ?? new Set()).add(type));
    }
    for (const m of text.matchAll(/\p{Lu}[\p{L}'-]*/gu)) {
      if (covered[m.index!]) continue;
      const before = text.slice(Math.max(0, m.index! - 3), m.index!);
      if (m.index === 0 || /[.!?:"'(\[]\s*$/.test(before)) continue; // a sentence's first word
      loose.set(m[0], [...(loose.get(m[0]) ?? []), a.file]);
    }
  }
  for (const [name, set] of types) if (set.size > 1) console.log(`several types: ${name} ${[...set].join('/')}`);
  for (const [word, files] of [...loose].sort((x, y) => y[1].length - x[1].length)) console.log(`unmarked ${word} ×${files.length} (${[...new Set(files)].join(' ')})`);
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  if (command === 'pre') pre(rest[0], rest.slice(1));
  else if (command === 'show') show(rest[0], rest.slice(1));
  else if (command === 'import') importDir(rest[0]);
  else if (command === 'diff') diff(rest);
  else if (command === 'check') check();
  else {
    console.error('usage: tsx eval/news/review.ts pre|show|import OUT_DIR [files] | diff [files] | check');
    process.exitCode = 2;
  }
}

if (require.main === module) main(process.argv.slice(2));
