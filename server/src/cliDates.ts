// `article-lens dates import FILE`: a scraper's CSV or JSON lines of `path,date[,title,source]` into the user's
import { ArgReader } from './cliArgs';
// store of the corpus folder, as if each date were set with Set Article Date. Checked whole before anything is written.
import * as fs from 'fs';
import * as path from 'path';
import { describeDatesImport, planDatesImportFile, writeDatesPlan } from './node/articleDates';

export const DATES_USAGE = `       article-lens dates import FILE [--corpus DIR] [--store DIR] [--dry-run]`;

export const DATES_HELP = `  dates import  the dates of many articles from a CSV (path,date[,title,source], a header
            row optional) or JSON lines ({"path","date","title","source"}) file into the store of
            the corpus folder (--corpus, default the current folder); paths are relative to it.
            A bad row (its line and why) refuses the whole file; --dry-run: report, write nothing
`;

interface DatesOptions {
  input: string;
  corpus: string;
  store: string | null;
  dryRun: boolean;
}

function parseDatesArgs(args: string[]): DatesOptions | string {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help') return '';
  if (sub !== 'import') return sub === undefined ? 'give a dates command: import' : `unknown dates command "${sub}": use import`;
  const opts: Omit<DatesOptions, 'input'> & { inputs: string[] } = { inputs: [], corpus: '.', store: null, dryRun: false };
  const stop = ArgReader.read(rest, (a, r) => {
    if (r.is('--corpus')) opts.corpus = r.folder('--corpus');
    else if (r.is('--store')) opts.store = r.folder('--store');
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else opts.inputs.push(a);
    return undefined;
  });
  if (stop !== undefined) return stop;
  if (opts.inputs.length !== 1) return 'give one file of dates to import';
  if (!fs.existsSync(opts.inputs[0]) || !fs.statSync(opts.inputs[0]).isFile()) return `no such file: ${opts.inputs[0]}`;
  return { input: opts.inputs[0], corpus: opts.corpus, store: opts.store, dryRun: opts.dryRun };
}

/** Runs `dates ...`; returns the exit code: 0 imported, 1 refused, 2 a usage error. */
export function runDates(args: string[], usage: string): number {
  const opts = parseDatesArgs(args);
  if (typeof opts === 'string') {
    if (opts === '') {
      process.stdout.write(usage);
      return 0;
    }
    process.stderr.write(`article-lens: ${opts}\n\n${usage}`);
    return 2;
  }
  // With --store, the dates are those of the folder that holds it (its paths are relative to that folder).
  const folder = path.resolve(opts.store ? path.dirname(opts.store) : opts.corpus);
  const result = planDatesImportFile(opts.input, [{ folder, storeDir: opts.store ?? undefined }], isFile);
  const lines = describeDatesImport(opts.input, result, opts.dryRun);
  if (result.error || !result.plan) {
    for (const line of lines) process.stderr.write(`article-lens: ${line}\n`);
    return 1;
  }
  for (const line of lines) process.stdout.write(`${line}\n`);
  if (opts.dryRun) {
    process.stdout.write('(dry run: nothing written)\n');
    return 0;
  }
  try {
    writeDatesPlan(result.plan);
  } catch (e) {
    process.stderr.write(`article-lens: could not write the store: ${(e as Error).message}; it was put back as it was\n`);
    return 1;
  }
  return 0;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
