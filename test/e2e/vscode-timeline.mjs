// The Timeline webview in VS Code (code-server): Show Timeline opens it beside the editor; its rows and marks are
// drawn; grouping by entity and filtering by a name leave the rows of the names that match; a click on a mark, and Enter on
// another, open the article at the mention. Saves vscode-timeline.png, vscode-timeline-entity.png (filtered) and
// vscode-timeline-light.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, read, waitFor } from './common.mjs';
import { runCommand } from './vscode.mjs';

const TIMEOUT = 60000;

/** The row labels as shown (SVG text has no innerText; its first text node is the label, then its tooltip). */
const labelsOf = (frame) => frame.locator('.label').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));

/** The status bar's cursor, as vscode.mjs's `cursor` reads it, and also how many characters are selected. */
async function selection(page) {
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
    const c = await selection(page);
    return c && c.line === end.line + 1 && c.column === end.character + 1 && c.selected === mark.text.length && c;
  }, 10000).catch(() => null);
  const c = await selection(page);
  check(landed !== null, `${what}: "${mark.text}" is selected, Ln ${end.line + 1}, Col ${end.character + 1}`, `status bar: Ln ${c?.line}, Col ${c?.column}, ${c?.selected} selected`);
}

export async function timelineView(page, t, check, log) {
  const shot = path.join(OUTPUT, 'vscode-timeline.png');
  const entityShot = path.join(OUTPUT, 'vscode-timeline-entity.png');
  const lightShot = path.join(OUTPUT, 'vscode-timeline-light.png');
  for (const s of [shot, entityShot, lightShot]) fs.rmSync(s, { force: true });
  await runCommand(page, 'Article Lens: Show Timeline');
  const tab = page.locator('.tabs-container .tab', { hasText: 'Timeline' }).first();
  if (!check(await tab.waitFor({ timeout: TIMEOUT }).then(() => true, () => false), 'Show Timeline opens the Timeline panel')) return;
  // The page sits two iframes deep (the webview host's frame, then its own), beside other views' pages: it is the
  // frame that holds the timeline's toolbar.
  const frame = await waitFor('the timeline page', async () => {
    for (const f of page.frames()) if ((await f.locator('#group-entity').count().catch(() => 0)) > 0) return f;
    return null;
  }, TIMEOUT).catch(() => null);
  if (!check(frame !== null, 'the Timeline page loads')) return;
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

  // By entity, then filtered by the name of its first row (the entity named near the most dates: a name of the test
  // corpus may never sit near a date); every row left is an entity the filter matches.
  await frame.locator('#group-entity').click();
  const byEntity = await waitFor('the rows by entity', async () => {
    const now = await labelsOf(frame);
    const summary = await frame.locator('#summary').innerText();
    return (await frame.locator('#group-entity').getAttribute('aria-pressed')) === 'true' && summary.includes('in the row of every name') && now.some((l) => !l.includes('…')) && now;
  }, TIMEOUT).catch(() => null);
  if (!check(byEntity !== null, 'By entity lists entities', (await labelsOf(frame).catch(() => [])).join(' | '))) return;
  const name = byEntity.find((l) => !l.includes('…')).replace(/ \(\d+\)$/, '');
  await frame.locator('#filter').fill(name);
  // The summary is written before the rows are drawn again: wait for rows that all match, then say what was seen.
  const matches = (l) => l.toLowerCase().includes(name.toLowerCase());
  const rows = await waitFor(`the rows filtered by "${name}"`, async () => {
    const now = await labelsOf(frame);
    const summary = await frame.locator('#summary').innerText();
    return summary.includes('near a matching entity') && now.some((l) => l.startsWith(`${name} (`)) && now.every(matches) && now;
  }, TIMEOUT).catch(() => null);
  const seen = rows ?? (await labelsOf(frame).catch(() => []));
  if (!check(seen.some((l) => l.startsWith(`${name} (`)), `by entity, filtered by "${name}", ${name} has a row`, seen.join(' | '))) return;
  check(rows !== null, 'every row is an entity the filter matches', seen.join(' | '));
  await page.screenshot({ path: entityShot });
  check(fs.existsSync(entityShot), `screenshot ${path.relative(process.cwd(), entityShot)}`);
  const row = frame.locator('.row').nth(rows.findIndex((l) => l.startsWith(`${name} (`)));
  const rowMarks = row.locator('.mark');
  const count = await rowMarks.count();
  if (!check(count >= 1, `${name}'s row has marks`, String(count))) return;
  // d3 keeps each mark's data on the element: where the mark says it goes, checked against the file below.
  const markOf = async (m) => m.evaluate((e) => ({ uri: e.__data__.item.location.uri, range: e.__data__.item.location.range, text: e.__data__.item.text ?? null, label: e.getAttribute('aria-label') }));
  // The last mark in view: later marks are drawn over earlier ones (nearby days overlap until one zooms in), and
  // marks outside the first view's range are clipped.
  const inView = await rowMarks.evaluateAll((els) => {
    const chart = els[0].ownerSVGElement.getBoundingClientRect();
    return els.map((e) => e.getBoundingClientRect()).map((r) => r.left >= chart.left + 220 && r.right <= chart.right - 12);
  });
  const pick = inView.lastIndexOf(true);
  if (!check(pick >= 0, `one of ${name}'s marks is in view`, JSON.stringify(inView))) return;
  const clicked = await markOf(rowMarks.nth(pick));
  check(clicked.text !== null && clicked.label.includes(clicked.text), 'the mark is labelled with the mention as written', clicked.label);
  await rowMarks.nth(pick).click();
  await opensMention(page, check, clicked, 'a click on the mark');

  if (count >= 2) {
    const n = pick === 0 ? 1 : 0;
    const other = await markOf(rowMarks.nth(n));
    await rowMarks.nth(n).focus();
    await rowMarks.nth(n).press('Enter');
    await opensMention(page, check, other, 'Enter on another mark');
  }

  // The light theme: the same page in the theme's colours.
  try {
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await waitFor('the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0, TIMEOUT);
    await waitFor('the timeline redrawn', async () => (await marks.count()) > 0, TIMEOUT);
    await page.screenshot({ path: lightShot });
    check(fs.existsSync(lightShot), `screenshot ${path.relative(process.cwd(), lightShot)}`);
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await waitFor('the dark theme again', async () => (await page.locator('.monaco-workbench.vs-dark').count()) > 0, TIMEOUT);
  } catch (e) {
    log(`  [vscode] no light-theme screenshot of the timeline: ${e.message.split('\n')[0]}\n`);
  }
}
