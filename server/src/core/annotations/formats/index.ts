// The annotation formats Article Lens writes and reads, listed for the command line and the editor: each with its
// name, whether it writes one stream for the corpus or one file per article, and its functions.
import { bratAnnotationConf, bratPath, exportBrat, importBrat } from './brat';
import { conllChunks } from './conll';
import type { EntityTable } from './corpus';
import { csvRows } from './csv';
import { doccanoLines, importDoccano } from './doccano';
import type { TextOf } from './imported';
import { importJsonl, jsonlLines } from './jsonl';
import { importLabelStudio, LABELING_CONFIG, labelStudioChunks } from './labelStudio';
import type { ExportCorpus, ExportDocument, ImportReport } from './types';
import { w3cChunks } from './w3c';

export type { ExportCorpus, ExportDocument, ExportEntity, ExportMention, ImportedSpan, ImportReport } from './types';
export { entityTable, onlyConfirmed, type EntityTable } from './corpus';
export type { TextOf } from './imported';

export type FormatName = 'brat' | 'w3c' | 'conll' | 'jsonl' | 'doccano' | 'label-studio' | 'csv';

/** Options of all formats; each reads those it knows. */
export interface FormatOptions {
  /** conll: `IOB2` (default) or `IOB1`. */
  scheme?: 'IOB2' | 'IOB1';
  /** jsonl: add Prodigy's tokens and token_start / token_end. */
  tokens?: boolean;
  /** doccano: `utf16` (doccano's own unit, default) or `codePoints`. */
  offsets?: 'utf16' | 'codePoints';
  /** w3c: the collection's IRI. */
  id?: string;
  /** w3c: the target source of a document (its path unless given). */
  sourceOf?: (doc: ExportDocument) => string;
  /** csv: start with a byte order mark (for Excel). */
  bom?: boolean;
}

interface FormatInfo {
  name: FormatName;
  /** For a person: what the format is and who reads it. */
  title: string;
  /** Of the stream, or of each article's file. */
  extension: string;
  /** Files the tool wants once beside the export (its configuration), by path relative to the export folder. */
  support?(): { path: string; content: string }[];
}

/** One output for the whole corpus, written chunk by chunk (join them, or write them to a stream in order). */
export interface StreamFormat extends FormatInfo {
  output: 'stream';
  write(corpus: ExportCorpus, options?: FormatOptions): Iterable<string>;
  /** Reads a file of the format: one report per article it holds. */
  read?(file: string, content: string, textOf?: TextOf, options?: FormatOptions): ImportReport[];
}

/** One file per article, beside it. */
export interface PerArticleFormat extends FormatInfo {
  output: 'per-article';
  /** The output's path for an article's path. */
  outputPath(path: string): string;
  write(doc: ExportDocument, entities: EntityTable): string;
  /** Reads the file of one article against the article's text. */
  read?(file: string, content: string, text: string): ImportReport;
}

export type Format = StreamFormat | PerArticleFormat;

export const FORMATS: readonly Format[] = [
  {
    name: 'brat',
    title: 'brat standoff: one .ann beside each .txt',
    extension: '.ann',
    output: 'per-article',
    outputPath: bratPath,
    write: exportBrat,
    read: importBrat,
    support: () => [{ path: 'annotation.conf', content: bratAnnotationConf() }],
  },
  {
    name: 'w3c',
    title: 'W3C Web Annotation (JSON-LD AnnotationCollection)',
    extension: '.jsonld',
    output: 'stream',
    write: (corpus, options = {}) => w3cChunks(corpus, { id: options.id, sourceOf: options.sourceOf }),
  },
  {
    name: 'conll',
    title: 'CoNLL-2003 style NER columns (IOB2, or IOB1), names only',
    extension: '.conll',
    output: 'stream',
    write: (corpus, options = {}) => conllChunks(corpus, { scheme: options.scheme }),
  },
  {
    name: 'jsonl',
    title: 'JSON lines with character spans, for spaCy and Prodigy',
    extension: '.jsonl',
    output: 'stream',
    write: (corpus, options = {}) => jsonlLines(corpus, { tokens: options.tokens }),
    read: (file, content, textOf) => importJsonl(file, content, textOf),
  },
  {
    name: 'doccano',
    title: 'doccano sequence labelling JSON lines',
    extension: '.jsonl',
    output: 'stream',
    write: (corpus, options = {}) => doccanoLines(corpus, { offsets: options.offsets }),
    read: (file, content, textOf, options = {}) => importDoccano(file, content, textOf, { offsets: options.offsets }),
  },
  {
    name: 'label-studio',
    title: 'Label Studio tasks (JSON), confirmed mentions as annotations, the others as predictions',
    extension: '.json',
    output: 'stream',
    write: (corpus) => labelStudioChunks(corpus),
    read: (file, content, textOf) => importLabelStudio(file, content, textOf),
    support: () => [{ path: 'label-studio-config.xml', content: LABELING_CONFIG }],
  },
  {
    name: 'csv',
    title: 'CSV of the entities, one row each',
    extension: '.csv',
    output: 'stream',
    write: (corpus, options = {}) => csvRows(corpus.entities, { bom: options.bom }),
  },
];

export function formatNamed(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}
