#!/usr/bin/env node
// The command line front end: the same analysis as the language server, without an editor.
import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDay } from './core/calendarDay';
import { CorpusIndex } from './core/corpus/index';
import { analysisReport, renderReportText } from './core/queries/report';
import { fileUri, loadFile } from './node/corpusLoader';
import { findArticles } from './node/files';
import { loadRecognizers } from './node/recognizers';
import { applyWorkspaceStore, loadWorkspaceStore } from './node/workspace';

const USAGE = `Usage: article-lens analyze PATH... [--format text|json] [--reference-date YYYY-MM-DD] [--store DIR]

  analyze   entities, dates and cross-references of article files and folders
            (folders: every .txt and .article file, skipping node_modules and dot-folders),
            with the user's decisions of each folder's .article-lens/ store applied

  --store DIR   read the decisions from DIR (a .article-lens folder) instead; its article
                paths are relative to the folder that holds DIR
`;

interface Options {
  paths: string[];
  format: 'text' | 'json';
  referenceDate: string | null;
  store: string | null;
}

function parseArgs(args: string[]): Options | string {
  const opts: Options = { paths: [], format: 'text', referenceDate: null, store: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      if (i + 1 >= args.length) throw new Error(`${name} needs a value`);
      return args[++i];
    };
    try {
      if (a === '--format' || a.startsWith('--format=')) {
        const f = value('--format');
        if (f !== 'text' && f !== 'json') return `unknown format "${f}": use text or json`;
        opts.format = f;
      } else if (a === '--reference-date' || a.startsWith('--reference-date=')) {
        const d = value('--reference-date');
        if (!isCalendarDay(d)) return `--reference-date must be a day written YYYY-MM-DD, not "${d}"`;
        opts.referenceDate = d;
      } else if (a === '--store' || a.startsWith('--store=')) {
        const dir = value('--store');
        if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return `--store must name a folder, not "${dir}"`;
        opts.store = path.resolve(dir);
      } else if (a === '-h' || a === '--help') {
        return '';
      } else if (a.startsWith('-')) {
        return `unknown option ${a}`;
      } else {
        opts.paths.push(a);
      }
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (opts.paths.length === 0) return 'give at least one file or folder';
  return opts;
}

function analyze(opts: Options): number {
  const recognizers = loadRecognizers();
  const index = new CorpusIndex({ loadText: readText });
  // The folders given, each with its own store; `--store` names the store of the folder that holds it.
  const folders = opts.paths.filter(isDirectory).map((p) => path.resolve(p));
  if (opts.store) folders.unshift(path.dirname(opts.store));
  const store = loadWorkspaceStore(folders, opts.store ?? undefined);
  for (const p of [...store.problems, ...applyWorkspaceStore(index, store)]) process.stderr.write(`article-lens: ${p.file}:${p.line + 1}: ${p.message}\n`);
  const uris: string[] = [];
  const pathOf = new Map<string, string>();
  let failures = 0;
  for (const root of opts.paths) {
    const files = findArticles(root);
    if (files.length === 0) {
      process.stderr.write(`article-lens: ${root}: no articles found (no such file, or no .txt/.article files)\n`);
      failures++;
      continue;
    }
    for (const file of files) {
      if (index.has(fileUri(file))) continue;
      const outcome = loadFile(file, index, { recognizers, referenceDate: opts.referenceDate, userDateFor: (f) => store.dates.get(path.resolve(f)) ?? null });
      if (!outcome.ok) {
        process.stderr.write(`article-lens: ${outcome.reason}\n`);
        failures++;
        continue;
      }
      if (outcome.warning) process.stderr.write(`article-lens: ${outcome.warning}\n`);
      uris.push(outcome.uri);
      pathOf.set(outcome.uri, file);
    }
  }
  const report = analysisReport(index, uris, (u) => pathOf.get(u)!);
  process.stdout.write(opts.format === 'json' ? JSON.stringify(report) + '\n' : renderReportText(report));
  return failures > 0 && uris.length === 0 ? 1 : 0;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readText(uri: string): string {
  try {
    return fs.readFileSync(new URL(uri), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return '';
  }
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'analyze') {
    process.stderr.write(`article-lens: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const opts = parseArgs(rest);
  if (typeof opts === 'string') {
    if (opts === '') {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`article-lens: ${opts}\n\n${USAGE}`);
    return 2;
  }
  return analyze(opts);
}

process.exitCode = main(process.argv.slice(2));
