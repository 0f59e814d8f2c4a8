// Each entity type's colour in VS Code's default themes (Dark Modern and Light Modern): clearly apart from the
// plain text, and one screenshot per theme (vscode-colours-dark.png, vscode-colours-light.png).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, read, waitFor } from './common.mjs';
import { goTo, openFile, tokenColours } from './vscode.mjs';

const THEMES = [
  { name: 'Default Dark Modern', shot: 'vscode-colours-dark.png' },
  { name: 'Default Light Modern', shot: 'vscode-colours-light.png' },
];

/** Names of each type written near the top of the sample articles (the first found in the article is used). */
const CANDIDATES = {
  person: ['Helena Marsh', 'Rafael Okonjo'],
  organization: ['Velorian Harbour Authority', 'Northern Grid Company', 'Harbour Authority'],
  location: ['Port Aster', 'Kessel Bridge', 'Dunhallow'],
  date: ['March 11, 2024', 'March 4, 2024', 'Monday'],
};

const rgb = (c) => (/rgba?\((\d+), (\d+), (\d+)/.exec(c ?? '') ?? []).slice(1).map(Number);
/** Relative luminance and contrast ratio as WCAG defines them, and a plain distance between two colours. */
const luminance = ([r, g, b]) => {
  const ch = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
};
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Picks a colour theme with the theme picker (Ctrl+K Ctrl+T: the palette might rank the Marketplace's first). */
async function chooseTheme(page, name) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name.replace(/^Default /, ''));
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name.replace(/^Default /, '') }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

export async function coloursInThemes(page, t, check, log) {
  const text = read(t.article);
  const names = Object.fromEntries(Object.entries(CANDIDATES).map(([type, list]) => [type, list.find((n) => text.includes(n))]).filter(([, n]) => n));
  await openFile(page, t.article);
  await goTo(page, { line: 0, character: 0 });
  for (const theme of THEMES) {
    const shot = path.join(OUTPUT, theme.shot);
    fs.rmSync(shot, { force: true });
    await chooseTheme(page, theme.name);
    // Every type rendered in a colour of its own, once the theme has been applied to the semantic tokens.
    const colours = await waitFor(`token colours in ${theme.name}`, async () => {
      const c = await tokenColours(page, Object.values(names));
      return Object.values(names).every((n) => c[n] && c[n] !== c.plain) && c;
    }, 30000, 200).catch(() => tokenColours(page, Object.values(names)));
    log(`  [vscode] ${theme.name}: ${JSON.stringify(colours)}\n`);
    const plain = rgb(colours.plain);
    for (const [type, name] of Object.entries(names)) {
      const c = rgb(colours[name]);
      const apart = c.length === 3 && plain.length === 3 ? distance(c, plain) : 0;
      const lum = [luminance(c), luminance(plain)].sort((a, b) => b - a);
      // Apart from plain text by hue or by lightness: a distance a reader sees at a glance.
      check(apart >= 60, `${theme.name}: ${type} (${name}) stands out from plain text (${colours[name]} vs ${colours.plain}, distance ${apart.toFixed(0)}, contrast ${((lum[0] + 0.05) / (lum[1] + 0.05)).toFixed(2)})`);
    }
    await page.screenshot({ path: shot });
    check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);
  }
  await chooseTheme(page, THEMES[0].name);
}
