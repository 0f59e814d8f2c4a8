// End-to-end tests in real editors: `npm run test:e2e` (mocha --config test/e2e/.mocharc.json).
// Kept out of `npm test`: the default spec is test/**/*.test.ts. Needs scripts/install-e2e-deps.sh and the .vsix.
// Each suite runs a real editor against a copy of examples/corpus; the times are printed at the end.
import * as assert from 'node:assert';
import { runEmacs } from './emacs.mjs';
import { runNeovim } from './neovim.mjs';
import { runVSCode } from './vscode.mjs';
import { SERVER, VSIX } from './common.mjs';

const failures = (output) => output.split('\n').filter((l) => l.startsWith('FAIL') || /error/i.test(l)).join('\n');

describe('end to end in real editors', function () {
  const times = [];
  const timed = (name, run) => async () => {
    const start = Date.now();
    try {
      return await run();
    } finally {
      times.push([name, (Date.now() - start) / 1000]);
    }
  };
  after(() => {
    console.log(`\n  server ${SERVER}\n  vsix   ${VSIX}`);
    for (const [name, s] of times) console.log(`  ${name.padEnd(30)} ${s.toFixed(1)} s`);
  });

  it('Neovim 0.7 (vim.lsp): semantic tokens, hover, references, definition jump', timed('neovim', async () => {
    const { ok, code, output } = await runNeovim();
    if (!ok) assert.fail(`nvim exited ${code}:\n${failures(output)}`);
  }));

  it('Emacs 28 + Eglot: semantic tokens, hover, xref references, xref-find-definitions jump', timed('emacs', async () => {
    const { ok, code, output } = await runEmacs();
    if (!ok) assert.fail(`emacs exited ${code}:\n${failures(output)}`);
  }));

  it('VS Code (code-server + Chromium): token colours, hover card, F12, screenshot', timed('vscode', async () => {
    const { ok, failed, screenshot } = await runVSCode();
    if (screenshot) console.log(`    screenshot: ${screenshot}`);
    if (!ok) assert.fail(`failed: ${failed.join('; ')}`);
  }));
});
