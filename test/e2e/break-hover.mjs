// Makes a copy of the server bundle and of the .vsix whose hover answers nothing, to show that each editor test
// fails when hover is broken. The product is untouched: the copies go to .test-output/e2e/broken/, and the
// harness is pointed at them through its own environment variables:
//   node test/e2e/break-hover.mjs
//   ARTICLE_LENS_SERVER=.test-output/e2e/broken/server.js ARTICLE_LENS_VSIX=.test-output/e2e/broken/article-lens.vsix \
//     npx mocha --config test/e2e/.mocharc.json
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT, SERVER, VSIX, tempDir } from './common.mjs';

const HANDLER = 'ctx.connection.onHover(';
function breakHover(bundle) {
  const text = fs.readFileSync(bundle, 'utf8');
  if (text.split(HANDLER).length !== 2) throw new Error(`${bundle}: expected one ${HANDLER}`);
  // Registers a handler that returns null; the real one becomes an unused expression.
  fs.writeFileSync(bundle, text.replace(HANDLER, `${HANDLER}() => null), (`));
}

const out = path.join(OUTPUT, 'broken');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

fs.copyFileSync(SERVER, path.join(out, 'server.js'));
const model = path.join(path.dirname(SERVER), 'names.model');
if (fs.existsSync(model)) fs.copyFileSync(model, path.join(out, 'names.model'));
breakHover(path.join(out, 'server.js'));

const unpacked = tempDir('vsix');
execFileSync('unzip', ['-q', VSIX, '-d', unpacked]);
breakHover(path.join(unpacked, 'extension', 'dist', 'server.js'));
execFileSync('zip', ['-q', '-r', '-X', path.join(out, 'article-lens.vsix'), '.'], { cwd: unpacked });
fs.rmSync(unpacked, { recursive: true, force: true });

console.log(`ARTICLE_LENS_SERVER=${path.join(out, 'server.js')} ARTICLE_LENS_VSIX=${path.join(out, 'article-lens.vsix')}`);
