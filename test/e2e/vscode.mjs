// The VS Code test: installs the packaged .vsix into code-server (VS Code in the browser), opens a copy of the
// sample corpus in headless Chromium driven by playwright-core, and checks what a user sees: semantic colours,
// the hover card's cross-references, F12. Waits on conditions only. Saves a screenshot of the hover.
// Standalone: node test/e2e/vscode.mjs (exit code 0 when every check passes).
// Needs scripts/install-e2e-deps.sh (code-server, Node 24, Chromium) and `npm run package` (the .vsix).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { mapView } from './vscode-map.mjs';
import { timelineView } from './vscode-timeline.mjs';
import { coloursInThemes } from './vscode-colours.mjs';
import { restartAfterCrash } from './vscode-restart.mjs';
import { CHROMIUM, CODE_SERVER, articles, NODE24_BIN, OUTPUT, VSIX, copyCorpus, positionOf, runProcess, targets, tempDir, waitFor } from './common.mjs';
import { graphView } from './vscode-graph.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 60000;

// User settings: no telemetry, no update checks, no workspace trust prompt, no welcome page or walkthroughs.
const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  // Whole paragraphs on screen: Monaco renders only the visible part of a long line.
  'editor.wordWrap': 'on',
};

const codeServerEnv = () => ({ ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A code-server started in its own process group, with its own user data and extensions in `home`. */
export async function startCodeServer(home, folder, { log = (s) => process.stdout.write(s), port = 0 } = {}) {
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const dirs = ['--config', path.join(home, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];

  if (!fs.existsSync(CODE_SERVER)) throw new Error(`no code-server at ${CODE_SERVER}: run bash scripts/install-e2e-deps.sh`);
  if (!fs.existsSync(VSIX)) throw new Error(`no package at ${VSIX}: run npm run package`);
  const install = await runProcess('code-server', CODE_SERVER, [...dirs, '--install-extension', VSIX, '--force'], { env: { PATH: codeServerEnv().PATH }, timeoutMs: TIMEOUT });
  if (install.code !== 0) throw new Error(`code-server --install-extension failed (${install.code})`);

  port ||= await freePort();
  const child = spawn(
    CODE_SERVER,
    [...dirs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', folder],
    { env: codeServerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => ((output += d), log(String(d).replace(/^(?=.)/gm, '  [code-server] '))));
  const url = `http://127.0.0.1:${port}/`;
  await waitFor('code-server to answer', async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    return (await fetch(`${url}healthz`)).ok;
  }, TIMEOUT, 200);
  return {
    url,
    port,
    /** Ends code-server and everything it started (extension host, language server): its whole process group. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000).unref())]);
      try {
        process.kill(-child.pid, 'SIGKILL'); // whatever of the group outlived code-server itself
      } catch {}
      if (!gone) await exited;
    },
  };
}

/** Opens `file` with Quick Open and waits until it is the active editor. */
export async function openFile(page, file) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(file);
  // Enter only once the picker has filtered: the focused row is the file (a file already open is listed, under
  // another, among the recently opened ones before).
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: file }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await activeTab(page, file);
}

export async function activeTab(page, file) {
  await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).waitFor({ timeout: TIMEOUT });
}

/** Moves the cursor to a zero-based LSP position with Go to Line/Column (Ctrl+G), and waits for the status bar. */
export async function goTo(page, pos) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`:${pos.line + 1}:${pos.character + 1}`); // Go to Line is Quick Open with the ":" prefix
  // Enter only once the picker has read the value: its single row then names the line and the column.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`\\b${pos.line + 1}\\b.*\\b${pos.character + 1}\\b`) }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
  await waitFor(`the cursor at ${pos.line + 1}:${pos.character + 1}`, async () => {
    const c = await cursor(page);
    return c && c.line === pos.line + 1 && c.column === pos.character + 1;
  }, TIMEOUT);
}

/** The cursor's one-based line and column, as the status bar shows them. */
export async function cursor(page) {
  const text = await page.locator('#status\\.editor\\.selection').innerText({ timeout: TIMEOUT });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m && { line: Number(m[1]), column: Number(m[2]) };
}

/**
 * The computed colour of the rendered span that holds each of `names` (case-sensitive), and the colour of most of
 * the text (plain). Before semantic tokens arrive, a name sits inside a longer span of plain text.
 */
export function tokenColours(page, names) {
  return page.evaluate((names) => {
    const spans = [...document.querySelectorAll('.monaco-editor .view-lines .view-line span span')];
    const text = (node) => (node.textContent ?? '').replace(/\u00a0/g, ' '); // Monaco may render spaces as no-break spaces
    const byColour = new Map();
    for (const s of spans) {
      const c = getComputedStyle(s).color;
      byColour.set(c, (byColour.get(c) ?? 0) + text(s).length);
    }
    const plain = [...byColour].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const colour = (name) => {
      const span = spans.find((s) => text(s).includes(name));
      return span ? getComputedStyle(span).color : null;
    };
    return { ...Object.fromEntries(names.map((n) => [n, colour(n)])), plain };
  }, names);
}

/**
 * The middle of the first rendered occurrence of `name` (case-sensitive) in the editor, in page coordinates.
 * A view line is a row of spans, and Monaco cuts long runs of plain text into several, so the name is looked up
 * in the line's whole text and measured with a DOM range across the text nodes it spans.
 */
export async function pointAt(page, name) {
  return page.evaluate((name) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const text = nodes.map((n) => n.textContent).join('').replace(/\u00a0/g, ' '); // Monaco may render spaces as no-break spaces
      const at = text.indexOf(name);
      if (at < 0) continue;
      const locate = (offset) => {
        for (const n of nodes) {
          if (offset <= n.textContent.length) return [n, offset];
          offset -= n.textContent.length;
        }
        return [nodes[nodes.length - 1], nodes[nodes.length - 1].textContent.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + name.length));
      const r = range.getBoundingClientRect();
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
    }
    return null;
  }, name);
}

/** Waits until the editor of `file` is active with the cursor at zero-based `pos`; false (and a FAIL) if not. */
export async function landsAt(page, check, file, pos, what) {
  const opened = await activeTab(page, file).then(() => true, () => false);
  if (!check(opened, `${what} opens ${file}`)) return false;
  const landed = await waitFor(`the cursor at ${pos.line + 1}:${pos.character + 1}`, async () => {
    const c = await cursor(page);
    return c && c.line === pos.line + 1 && c.column === pos.character + 1 && c;
  }, 10000).catch(() => null);
  const c = await cursor(page);
  return check(landed !== null, `${what}: the cursor lands on Ln ${pos.line + 1}, Col ${pos.character + 1}`, `status bar: Ln ${c?.line}, Col ${c?.column}`);
}

/**
 * The Entities view: the activity bar's Article Lens icon opens it; the types are listed; a click on the person
 * opens the article of its definition at the mention and peeks at its references. Saves vscode-entities.png.
 */
async function entitiesView(page, t, check, log) {
  const shot = path.join(OUTPUT, 'vscode-entities.png');
  fs.rmSync(shot, { force: true });
  await openFile(page, t.article);
  const icon = page.locator('.part.activitybar .action-item[aria-label^="Article Lens"], .part.activitybar .action-label[aria-label^="Article Lens"]').first();
  if (await icon.waitFor({ timeout: 10000 }).then(() => true, () => false)) {
    await icon.click();
  } else {
    log('  [vscode] no Article Lens icon in the activity bar: opening the view from the command palette\n');
    await runCommand(page, 'Article Lens: Focus on Entities View');
  }
  const sidebar = page.locator('.part.sidebar');
  const row = (text) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
  const groups = ['People', 'Organizations', 'Places', 'Other names'];
  const shown = await waitFor('the entity types in the Entities view', async () => {
    const rows = await sidebar.locator('.monaco-list-row').allInnerTexts();
    return groups.every((g) => rows.some((r) => r.startsWith(g))) && rows;
  }, TIMEOUT).catch(() => null);
  if (!check(shown !== null, `the Entities view lists ${groups.join(', ')}`, (await sidebar.locator('.monaco-list-row').allInnerTexts().catch(() => [])).join(' | '))) return;
  await row('People').click();
  const person = row(t.person);
  if (!check(await person.waitFor({ timeout: TIMEOUT }).then(() => true, () => false), `${t.person} is listed under People`)) return;
  const personText = (await person.innerText()).replace(/\s+/g, ' ');
  check(/\d+× in \d+ articles?/.test(personText), `${t.person}'s row shows its mention and article counts`, personText);
  await person.click();
  await landsAt(page, check, t.earliestPerson, positionOf(t.earliestPerson, t.person), `a click on ${t.person}`);
  const peek = page.locator('.peekview-widget').first();
  if (check(await peek.waitFor({ timeout: TIMEOUT }).then(() => true, () => false), 'the click peeks at the references')) {
    const refs = await waitFor('the references listed in the peek', async () => (await peek.locator('.ref-tree .monaco-list-row').count()) >= 2, 20000).catch(() => false);
    check(refs, 'the peek lists the mentions', await peek.innerText().catch(() => ''));
  }
  await page.screenshot({ path: shot });
  check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);
  await page.keyboard.press('Escape');

  // The context menu carries the annotation actions; a note made from it marks the entity as decided in the view.
  await person.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu').first();
  const actions = ['Show References', 'Rename…', 'Merge With Another Entity…', 'Note…', 'Not an Entity…'];
  const listed = await waitFor('the annotation actions in the context menu', async () => {
    const labels = await menu.locator('.action-label').allInnerTexts();
    return actions.every((a) => labels.includes(a)) && labels;
  }, TIMEOUT).catch(() => null);
  if (!check(listed !== null, `the context menu offers ${actions.join(', ')}`, (await menu.locator('.action-label').allInnerTexts().catch(() => [])).join(' | '))) {
    await page.keyboard.press('Escape');
    return;
  }
  // A click while the menu is still settling can be lost (on a loaded machine): then the item is chosen by keyboard.
  const note = menu.locator('.action-item', { hasText: 'Note…' }).first();
  const input = page.locator('.quick-input-widget input');
  await note.click();
  for (let attempt = 0; attempt < 3 && !(await input.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)); attempt++) {
    if (!(await menu.isVisible().catch(() => false))) break;
    await note.hover();
    await page.keyboard.press('Enter');
  }
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill('Prime minister of Veloria');
  await page.keyboard.press('Enter');
  const marked = await waitFor(`${t.person} marked as decided`, async () => (await row(t.person).innerText()).includes('yours'), TIMEOUT).catch(() => false);
  check(marked, `after a note from the context menu, ${t.person}'s row says "yours"`, await row(t.person).innerText().catch(() => ''));
}

/** Runs a command from the palette by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/**
 * Find Entity with a misspelt query: the server's fuzzy match is listed first (VS Code filtering nothing out),
 * and Enter opens the defining mention. Saves vscode-find-entity.png.
 */
async function findEntity(page, t, check) {
  const shot = path.join(OUTPUT, 'vscode-find-entity.png');
  fs.rmSync(shot, { force: true });
  await openFile(page, t.article);
  await runCommand(page, 'Article Lens: Find Entity');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: 'Find Entity' }).waitFor({ timeout: TIMEOUT });
  const typo = t.person.replace(/(\w)(\w)$/, '$2$1'); // "Helena Marsh" -> "Helena Marhs": the last two letters swapped
  await widget.locator('input').fill(typo);
  const first = await waitFor(`"${t.person}" first for "${typo}"`, async () => {
    const label = await widget.locator('.quick-input-list .monaco-list-row').first().innerText();
    return label.includes(t.person) && label;
  }, TIMEOUT).catch(() => null);
  const rows = await widget.locator('.quick-input-list .monaco-list-row').allInnerTexts().catch(() => []);
  check(first !== null, `Find Entity "${typo}" lists ${t.person} first`, rows.join(' | '));
  await page.screenshot({ path: shot });
  check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);
  await page.keyboard.press('Enter');
  await landsAt(page, check, t.earliestPerson, positionOf(t.earliestPerson, t.person), 'Enter on it');
}

const defaultLog = (s) => {
  fs.mkdirSync(OUTPUT, { recursive: true });
  fs.appendFileSync(path.join(OUTPUT, 'vscode.log'), s);
  if (process.env.E2E_QUIET !== '1') process.stdout.write(s);
};

/** Runs the VS Code test. Everything it logs also goes to .test-output/e2e/vscode.log (E2E_QUIET=1: only there). */
export async function runVSCode({ log = defaultLog } = {}) {
  fs.rmSync(path.join(OUTPUT, 'vscode.log'), { force: true });
  const t = targets();
  const folder = copyCorpus();
  const home = tempDir('vscode');
  const checks = [];
  const check = (ok, what, detail) => {
    checks.push({ ok, what });
    log(`  [vscode] ${ok ? 'ok  ' : 'FAIL'} ${what}${ok || detail === undefined ? '' : `\n     ${detail}`}\n`);
    return ok;
  };
  fs.mkdirSync(OUTPUT, { recursive: true });
  const screenshot = path.join(OUTPUT, 'vscode-hover.png');
  fs.rmSync(screenshot, { force: true });

  let server;
  let browser;
  let page;
  try {
    // code-server's own chatter goes to the log file only.
    server = await startCodeServer(home, folder, { log: (s) => fs.appendFileSync(path.join(OUTPUT, 'vscode.log'), s) });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: TIMEOUT });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: TIMEOUT });

    await openFile(page, t.article);
    check(true, `opened ${t.article}`);

    // Semantic tokens: wait until the person and the place are rendered as token spans of their own colour.
    const placePos = positionOf(t.article, t.place);
    await goTo(page, placePos);
    let colours = null;
    try {
      colours = await waitFor('semantic token colours on the person and the place', async () => {
        const c = await tokenColours(page, [t.person, t.place]);
        return c[t.person] && c[t.place] && c.plain && c[t.person] !== c.plain && c[t.place] !== c.plain && c;
      }, TIMEOUT, 200);
    } catch (e) {
      colours = await tokenColours(page, [t.person, t.place]);
      log(`  [vscode] ${e.message}\n`);
    }
    check(colours[t.person] !== null && colours[t.person] !== colours.plain, `${t.person} is coloured (${colours[t.person]}; plain text ${colours.plain})`);
    check(colours[t.place] !== null && colours[t.place] !== colours.plain, `${t.place} is coloured (${colours[t.place]})`);
    check(colours[t.person] !== colours[t.place], 'the person and the place have distinct colours', JSON.stringify(colours));

    // Hover the place with the mouse: the card names it and links the other articles that mention it.
    await goTo(page, placePos);
    const point = await pointAt(page, t.place);
    if (!point) throw new Error(`${t.place} is not rendered`);
    await page.mouse.move(point.x, point.y);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Also in:' }).first();
    const shown = await hover.waitFor({ timeout: 20000 }).then(() => true, () => false);
    if (check(shown, 'the hover card appears, with "Also in:"')) {
      const text = await hover.innerText();
      check(text.startsWith(`${t.place} · location`), 'hover card title', text.split('\n')[0]);
      const links = await hover.locator('a').evaluateAll((as) => as.map((a) => a.textContent ?? ''));
      const toOthers = links.filter((l) => l.endsWith('.txt'));
      check(toOthers.length >= 2 && !toOthers.includes(t.article) && toOthers.every((l) => articles().includes(l)),
        `the card links ${toOthers.length} other articles of the corpus`, links.join(', '));
      await page.screenshot({ path: screenshot });
      check(fs.existsSync(screenshot), `screenshot ${path.relative(process.cwd(), screenshot)}`);
    }
    await page.keyboard.press('Escape');

    // F12 on a later mention of the person: the editor opens the earliest article at the first full-name mention.
    await goTo(page, positionOf(t.article, t.person, 0, 2));
    await page.keyboard.press('F12');
    const want = positionOf(t.earliestPerson, t.person);
    const opened = await activeTab(page, t.earliestPerson).then(() => true, () => false);
    check(opened, `F12 opens ${t.earliestPerson}`);
    if (opened) {
      const landed = await waitFor('the cursor on the definition', async () => {
        const c = await cursor(page);
        return c && c.line === want.line + 1 && c.column === want.character + 1 && c;
      }, 10000).catch(() => null);
      const c = await cursor(page);
      check(landed !== null, `the cursor lands on Ln ${want.line + 1}, Col ${want.character + 1}`, `status bar: Ln ${c?.line}, Col ${c?.column}`);
    }

    await entitiesView(page, t, check, log);
    await findEntity(page, t, check);
    await mapView(page, t, check, log);
    await graphView(page, t, check, log);
    await timelineView(page, t, check, log);
    await coloursInThemes(page, t, check, log);
    // Last: it kills the server.
    await restartAfterCrash(page, t, check, home);
  } catch (e) {
    check(false, 'the test ran to the end', e.stack ?? String(e));
  } finally {
    if (checks.some((c) => !c.ok)) await page?.screenshot({ path: path.join(OUTPUT, 'vscode-failure.png') }).catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
    if (checks.some((c) => !c.ok)) {
      // The extension's own log (server crashes, stderr) next to the failure screenshot.
      const logs = fs.readdirSync(home, { recursive: true }).filter((f) => /article-lens\.article-lens[\\/][^\\/]+\.log$/.test(f));
      for (const log of logs) fs.copyFileSync(path.join(home, log), path.join(OUTPUT, 'vscode-article-lens.log'));
    }
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok);
  return { ok: failed.length === 0 && checks.length > 0, failed: failed.map((c) => c.what), screenshot: fs.existsSync(screenshot) ? screenshot : null };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok, failed, screenshot } = await runVSCode();
  console.log(`vscode: ${ok ? 'passed' : `FAILED: ${failed.join('; ')}`}${screenshot ? ` (screenshot ${screenshot})` : ''}`);
  process.exit(ok ? 0 : 1);
}
