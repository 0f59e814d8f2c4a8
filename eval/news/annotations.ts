// The BBC evaluation set's stand-off annotations (eval/news/annotations.jsonl): one line per article with its
// path under ../shared/corpus/bbc, the SHA-1 of the file, and its names as [start, end, type, canonical name].
// Offsets are UTF-16 code units into the file read as UTF-8 (JavaScript string offsets). The articles' text is
// never stored here: it is read from ../shared when needed, and the hash refuses an annotation whose file changed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const NEWS_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NewsType = (typeof NEWS_TYPES)[number];

export type GoldSpan = [start: number, end: number, type: NewsType, canonical: string];

export interface AnnotatedArticle {
  /** `business/007.txt`, relative to the BBC corpus folder. */
  file: string;
  sha1: string;
  spans: GoldSpan[];
}

export const CATEGORIES = ['business', 'entertainment', 'politics', 'sport', 'tech'] as const;
export const BBC_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'bbc');
export const ANNOTATIONS_FILE = path.join(__dirname, 'annotations.jsonl');

export function sha1(bytes: Buffer | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function readArticle(file: string, dir = BBC_DIR): { text: string; sha1: string } {
  const bytes = readFileSync(path.join(dir, file));
  return { text: bytes.toString('utf8'), sha1: sha1(bytes) };
}

export function loadAnnotations(file = ANNOTATIONS_FILE): AnnotatedArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AnnotatedArticle);
}

/** One article a line, in category and file order, spans in text order, so diffs stay readable. */
export function saveAnnotations(articles: AnnotatedArticle[], file = ANNOTATIONS_FILE): void {
  const sorted = [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const lines = sorted.map((a) => JSON.stringify({ file: a.file, sha1: a.sha1, spans: [...a.spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]) }));
  writeFileSync(file, lines.join('\n') + '\n');
}

/** The product's entity types by our type names. */
export const PRODUCT_TYPE: Record<NewsType, string> = { PER: 'person', ORG: 'organization', LOC: 'location', MISC: 'misc' };
export const NEWS_TYPE_OF: Record<string, NewsType> = { person: 'PER', organization: 'ORG', location: 'LOC', misc: 'MISC' };
