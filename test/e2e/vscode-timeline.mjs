// The Timeline webview in VS Code (code-server): Show Timeline opens it beside the editor; its rows and marks are
// drawn; grouping by entity and filtering by a name narrow it to that name's row; a click on a mark, and Enter on
// another, open the article at the mention. Saves vscode-timeline.png (dark) and vscode-timeline-light.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, read, waitFor } from './common.mjs';

const TIMEOUT = 60000;

/** The row labels as shown (SVG text has no innerText; its first text node is the label, then its tooltip). */
const labelsOf = (frame) => frame.locator('.label').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));

/** Runs a command from the palette by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/** The status bar's cursor: one-based line and column, and how many characters are selected. */
async function cursor(page) {
  const text = await page.locator('#status\\.editor\\.selection').innerText({ timeout: TIMEOUT });
  const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
  return m && { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0) };
}

/**
 * After a click on a mark: the mark's article is the active tab and the mention is selected (the cursor at its end,
 * as VS Code puts it). The mark's location is checked against the file's own text, so a wrong offset cannot pass.
 */
async function opensMention(page, check, mark, what) {
  const file = decodeURIComponent(mark.uri.slice(mark.uri.lastIndexOf('/') + 1));
  const lines = read(file).split(/\r?\n/);
  const { start, end } = mark.range;
  const written = lines[start.line]?.slice(start.character, end.character);
  check(written === mark.text, `${what}: the mark's range holds "${mark.text}" in ${file}`, `the text there is "${written}"`);
  const opened = await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).waitFor({ timeout: TIMEOUT }).then(() => true, () => false);
  if (!check(opened, `${what} opens ${file}`)) return;
  const landed = await waitFor(`the mention selected in ${file}`, async () => {
    const c = await cursor(page);
    return c && c.line === end.line + 1 && c.column === end.character + 1 && c.selected === mark.text.length && c;
  }, 10000).catch(() => null);
  const c = await cursor(page);
  check(landed !== null, `${what}: "${mark.text}" is selected, Ln ${end.line + 1}, Col ${end.character + 1}`, `status bar: Ln ${c?.line}, Col ${c?.column}, ${c?.selected} selected`);
}

export async function timelineView(page, t, check, log) {
  const shot = path.join(OUTPUT, 'vscode-timeline.png');
  const lightShot = path.join(OUTPUT, 'vscode-timeline-light.png');
  for (const s of [shot, lightShot]) fs.rmSync(s, { force: true });
  await runCommand(page, 'Article Lens: Show Timeline');
  const tab = page.locator('.tabs-container .tab', { hasText: 'Timeline' }).first();
  if (!check(await tab.waitFor({ timeout: TIMEOUT }).then(() => true, () => false), 'Show Timeline opens the Timeline panel')) return;
  // The page sits two iframes deep: the webview host's frame, then the page's own.
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe').first();
  const marks = frame.locator('.mark');
  const drawn = await waitFor('the timeline drawn', async () => (await marks.count()) > 0 && (await frame.locator('.label').count()) > 0, TIMEOUT).catch(() => false);
  const summary = await frame.locator('#summary').innerText().catch(() => '');
  if (!check(drawn, 'the timeline draws rows and marks', summary)) return;
  const labels = await labelsOf(frame);
  check(/dated mentions?/.test(summary) && /most mentioned first/.test(summary), 'the summary counts the dated mentions and the rows', summary);
  check((await frame.locator('.axis .tick').count()) >= 2, 'the time axis has ticks');
  log(`  [vscode] timeline: ${summary} rows: ${labels.slice(0, 4).join(' | ')}\n`);
  await page.screenshot({ path: shot });
  check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);

  // By entity, filtered by the person: the person's row is there and every row matches.
  await frame.locator('#group-entity').click();
  await frame.locator('#filter').fill(t.person.split(' ')[1]);
  const rows = await waitFor(`the rows filtered by "${t.person}"`, async () => {
    const now = await labelsOf(frame);
    return now.some((l) => l.startsWith(`${t.person} (`)) && (await frame.locator('#group-entity').getAttribute('aria-pressed')) === 'true' && now;
  }, TIMEOUT).catch(() => null);
  if (!check(rows !== null, `by entity, filtered by "${t.person.split(' ')[1]}", ${t.person} has a row`, (await labelsOf(frame).catch(() => [])).join(' | '))) return;
  const row = frame.locator('.row', { has: frame.locator('.label', { hasText: `${t.person} (` }) }).first();
  const rowMarks = row.locator('.mark');
  const count = await rowMarks.count();
  if (!check(count >= 1, `${t.person}'s row has marks`, String(count))) return;
  // d3 keeps each mark's data on the element: where the mark says it goes, checked against the file below.
  const markOf = async (m) => m.evaluate((e) => ({ uri: e.__data__.item.location.uri, range: e.__data__.item.location.range, text: e.__data__.item.text ?? null, label: e.getAttribute('aria-label') }));
  // The last mark of the row is drawn on top of the others (marks of nearby days overlap until one zooms in).
  const clicked = await markOf(rowMarks.last());
  check(clicked.text !== null && clicked.label.includes(clicked.text), 'the mark is labelled with the mention as written', clicked.label);
  await rowMarks.last().click();
  await opensMention(page, check, clicked, 'a click on the mark');

  if (count >= 2) {
    const other = await markOf(rowMarks.first());
    await rowMarks.first().focus();
    await rowMarks.first().press('Enter');
    await opensMention(page, check, other, 'Enter on another mark');
  }

  // The light theme: the same page in the theme's colours.
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await waitFor('the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0, TIMEOUT).catch(() => null);
  await waitFor('the timeline redrawn', async () => (await marks.count()) > 0, TIMEOUT).catch(() => null);
  await page.screenshot({ path: lightShot });
  check(fs.existsSync(lightShot), `screenshot ${path.relative(process.cwd(), lightShot)}`);
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await waitFor('the dark theme again', async () => (await page.locator('.monaco-workbench.vs-dark').count()) > 0, TIMEOUT).catch(() => null);
}
