// End-to-end in VS Code (code-server): the Graph webview. Its command opens the panel; the page draws the
// entities and their links, the layout settles; a click on the person's node opens the article of its defining
// mention at the mention and peeks at its references. Waits on conditions only. Saves vscode-graph.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, positionOf, waitFor } from './common.mjs';
import { cursor, runCommand } from './vscode.mjs';

const TIMEOUT = 60000;

/** The page inside the webview panel: code-server nests it in two iframes. */
function webview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe');
}

/** The Graph webview: nodes and links drawn, the layout settled, a click on the person lands on its definition. */
export async function graphView(page, t, check, log) {
  const shot = path.join(OUTPUT, 'vscode-graph.png');
  fs.rmSync(shot, { force: true });
  await runCommand(page, 'Article Lens: Show Graph of Entities');
  const view = webview(page);
  const settled = await view.locator('svg.graph.settled').waitFor({ timeout: TIMEOUT }).then(() => true, () => false);
  if (!check(settled, 'the graph is drawn and its layout settles')) return;
  const nodes = await view.locator('.node').count();
  const links = await view.locator('.edges line').count();
  const status = await view.locator('.status').first().innerText();
  check(nodes > 5 && links > 0, `the graph shows ${nodes} entities and ${links} links`, status);
  check(/^Showing \d+ of \d+ entities/.test(status), 'the graph says how much of the corpus it shows', status);
  const toolbar = await view.locator('.toolbar').innerText();
  check(['Together in', 'People', 'Organizations', 'Places', 'Other names', 'Entities', 'Minimum weight'].every((w) => toolbar.includes(w)), 'the toolbar offers the scope, type, size and weight filters', toolbar);
  const person = view.locator(`.node[aria-label^="${t.person},"]`).first();
  if (!check(await person.count().then((n) => n > 0), `${t.person} is a node of the graph`)) return;
  await page.screenshot({ path: shot });
  check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);

  await person.locator('circle.dot').click();
  const file = t.earliestPerson;
  const pos = positionOf(file, t.person);
  const opened = await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).waitFor({ timeout: TIMEOUT }).then(() => true, () => false);
  if (!check(opened, `a click on ${t.person}'s node opens ${file}`)) return;
  const landed = await waitFor(`the cursor at ${pos.line + 1}:${pos.character + 1}`, async () => {
    const c = await cursor(page);
    return c && c.line === pos.line + 1 && c.column === pos.character + 1 && c;
  }, 10000).catch(() => null);
  const c = await cursor(page);
  check(landed !== null, `a click on ${t.person}'s node: the cursor lands on Ln ${pos.line + 1}, Col ${pos.character + 1}`, `status bar: Ln ${c?.line}, Col ${c?.column}`);
  const peek = page.locator('.peekview-widget').first();
  if (check(await peek.waitFor({ timeout: TIMEOUT }).then(() => true, () => false), 'the click peeks at the references')) {
    const refs = await waitFor('the references listed in the peek', async () => (await peek.locator('.ref-tree .monaco-list-row').count()) >= 2, 20000).catch(() => false);
    check(refs, 'the peek lists the mentions', await peek.innerText().catch(() => ''));
  }
  await page.screenshot({ path: path.join(OUTPUT, 'vscode-graph-click.png') });
  await page.keyboard.press('Escape');
  log(`  [vscode] graph: ${nodes} nodes, ${links} links\n`);
}
