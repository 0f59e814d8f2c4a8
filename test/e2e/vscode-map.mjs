// The map view in VS Code (code-server): the command opens a webview with the world outline, the places of the
// corpus as markers, the places it cannot place listed, and the GeoNames credit; a click on a marker opens the
// article that names it at the mention, and so does Enter on a place that is not on the map.
// The sample corpus's places are made up, so none is on any map: an article of our own with real places is added
// to the workspace for this scenario, and removed at its end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, read, waitFor } from './common.mjs';
import { activeTab, runCommand } from './vscode.mjs';

const TIMEOUT = 60000;
const EXTRA = 'zz-map-flights.txt';
const EXTRA_TEXT =
  'Flights resume\n\nFlights between Lisbon and Madrid resumed on Friday after the strike. Travellers in Lisbon said queues were short.\n\nThe ministers met in Paris on Monday, and visitors came from York and from Kyiv.\n';

/** Where `word` first stands in `text`, in any case (a dateline writes PORT ASTER), zero-based, and where it ends. */
function spanOf(text, word) {
  const at = text.toLowerCase().indexOf(word.toLowerCase());
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return { line, start: character, end: character + word.length };
}

/** The frame of the map's page: the one (nested inside the webview's iframes) that carries the map's credit line. */
async function mapFrame(page) {
  return waitFor('the map webview', async () => {
    for (const frame of page.frames()) {
      if (await frame.locator('footer.credit', { hasText: 'GeoNames' }).count().catch(() => 0)) return frame;
    }
    return null;
  }, TIMEOUT, 250);
}

/**
 * Waits until `file` is the active editor with the mention selected: the status bar shows the cursor at the
 * mention's end (`Ln l, Col c (n selected)`), since the view selects the mention it opens at.
 */
async function landsOn(page, check, file, span, what) {
  const opened = await activeTab(page, file).then(() => true, () => false);
  if (!check(opened, `${what} opens ${file}`)) return false;
  const want = `Ln ${span.line + 1}, Col ${span.end + 1} (${span.end - span.start} selected)`;
  const status = () => page.locator('#status\\.editor\\.selection').innerText({ timeout: TIMEOUT }).catch(() => '');
  const landed = await waitFor(want, async () => (await status()).includes(want), 10000).catch(() => false);
  return check(landed, `${what}: the mention is selected, ${want}`, `status bar: ${await status()}`);
}

export async function mapView(page, t, check, log) {
  const shot = path.join(OUTPUT, 'vscode-map.png');
  fs.rmSync(shot, { force: true });
  const folder = new URL(page.url()).searchParams.get('folder');
  if (!check(folder !== null, 'the workspace folder is known from the page address', page.url())) return;
  const extra = path.join(folder, EXTRA);
  fs.writeFileSync(extra, EXTRA_TEXT);
  try {
    await runCommand(page, 'Article Lens: Show Map');
    const frame = await mapFrame(page).catch(() => null);
    if (!check(frame !== null, 'Show Map opens a webview with the map and its GeoNames credit')) return;
    const credit = await frame.locator('footer.credit').innerText();
    check(/GeoNames.*CC BY 4\.0/.test(credit) && credit.includes('Natural Earth'), 'the footer credits GeoNames (CC BY 4.0) and Natural Earth', credit);
    check((await frame.locator('svg path.land').count()) === 1, 'the world outline is drawn');

    // The added article is indexed from the file watcher: the map refreshes when it lands.
    const lisbon = frame.locator('circle[data-key="city:PT:Lisbon"]');
    const placed = await waitFor('Lisbon on the map', async () => (await lisbon.count()) === 1, TIMEOUT).catch(() => false);
    if (!check(placed, 'the places of the added article are markers (Lisbon)', `${await frame.locator('circle').count()} markers`)) return;
    const markers = await frame.locator('circle').count();
    check(markers >= 5, `${markers} markers: Lisbon, Madrid, Paris, York, Kyiv`);
    const hover = await lisbon.locator('title').textContent();
    check(/^Lisbon, PT \(city, population [\d.,]+ ?M?\)/.test(hover ?? ''), 'hovering Lisbon says which match was used', hover ?? '');
    const paris = await frame.locator('circle[data-key="city:FR:Paris"] title').textContent();
    check((paris ?? '').includes('assumed: the largest place of this name'), 'hovering Paris says it assumed the largest Paris', paris ?? '');

    const unplaced = frame.locator('details.unplaced');
    const summary = await unplaced.locator('summary').innerText();
    check(/^Not on the map: \d+ places?$/.test(summary) && summary !== 'Not on the map: 0 places', 'the places without coordinates are counted beside the map', summary);
    await unplaced.locator('summary').click();
    const aster = unplaced.locator('li', { hasText: t.place }).first();
    check(await aster.isVisible(), `${t.place} (made up) is listed as not on the map, not guessed`, await unplaced.innerText());

    // A click on the marker lists its articles beside the map and opens the article at the mention.
    // Madrid's marker overlaps Lisbon's east side at this zoom: click Lisbon's west side, as a person would.
    const box = await lisbon.boundingBox();
    await lisbon.click({ position: { x: box.width * 0.15, y: box.height / 2 } });
    const details = frame.locator('section.details');
    check((await details.locator('h2').innerText()) === 'Lisbon, PT', 'the click shows Lisbon beside the map', await details.innerText());
    check((await details.locator('ol.articles li').count()) === 1, 'and lists its one article', await details.innerText());
    await landsOn(page, check, EXTRA, spanOf(EXTRA_TEXT, 'Lisbon'), 'a click on the Lisbon marker');
    await page.screenshot({ path: shot });
    check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);

    // The keyboard: Enter on a place that is not on the map opens its first mention.
    const frameAgain = await mapFrame(page);
    const section = frameAgain.locator('details.unplaced');
    check(await section.evaluate((d) => d.open), 'the list of places not on the map stays open when an article is opened beside it');
    if (!(await section.evaluate((d) => d.open))) await section.locator('summary').click();
    const item = section.locator('li', { hasText: t.place }).first();
    await item.focus();
    // Enter must reach the page, not the editor that the click above left focused.
    if (!check(await item.evaluate((e) => e.ownerDocument.hasFocus() && e.ownerDocument.activeElement === e), `${t.place} in the list takes the keyboard focus`)) return;
    await item.press('Enter');
    const first = t.placeArticles[0];
    await landsOn(page, check, first, spanOf(read(first), t.place), `Enter on ${t.place} in the list`);
  } finally {
    fs.rmSync(extra, { force: true });
    log('  [vscode] map view checked; the added article removed\n');
  }
}
