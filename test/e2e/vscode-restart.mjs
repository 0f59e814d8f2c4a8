// The language server killed under VS Code: the client starts it again, says so once, and the article is
// answered again (a hover card on the place). Saves vscode-restart.png with the notification.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, positionOf, waitFor } from './common.mjs';
import { goTo, openFile, pointAt } from './vscode.mjs';

/** Process ids of the Article Lens servers started from the extensions folder under `home`. */
function serverPids(home) {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((l) => l.includes(home) && l.includes(path.join('dist', 'server.js'))).map((l) => Number(l.trim().split(/\s+/)[0]));
}

export async function restartAfterCrash(page, t, check, home) {
  const shot = path.join(OUTPUT, 'vscode-restart.png');
  fs.rmSync(shot, { force: true });
  const before = serverPids(home);
  if (!check(before.length === 1, 'one Article Lens server runs', `pids: ${before.join(', ')}`)) return;
  process.kill(before[0], 'SIGKILL');
  const notice = page.locator('.notifications-toasts .notification-toast', { hasText: 'stopped unexpectedly and was restarted' });
  const told = await notice.first().waitFor({ timeout: 30000 }).then(() => true, () => false);
  check(told, 'after the server is killed, VS Code says it was restarted');
  const after = await waitFor('a new server process', async () => {
    const pids = serverPids(home).filter((p) => !before.includes(p));
    return pids.length === 1 && pids;
  }, 30000).catch(() => []);
  check(after.length === 1, 'a new server process runs', `pids: ${serverPids(home).join(', ')}`);
  await page.screenshot({ path: shot });
  check(fs.existsSync(shot), `screenshot ${path.relative(process.cwd(), shot)}`);
  // The article is answered again: a hover card on the place.
  await openFile(page, t.article);
  await goTo(page, positionOf(t.article, t.place));
  const card = page.locator('.monaco-hover:visible', { hasText: `${t.place} · location` }).first();
  const shown = await waitFor('a hover card from the new server', async () => {
    const point = await pointAt(page, t.place);
    if (!point) return false;
    await page.mouse.move(point.x, point.y + 200);
    await page.mouse.move(point.x, point.y);
    return card.waitFor({ timeout: 3000 }).then(() => true, () => false);
  }, 60000, 500).catch(() => false);
  check(shown, 'the restarted server answers a hover on the place');
  await page.keyboard.press('Escape');
}
