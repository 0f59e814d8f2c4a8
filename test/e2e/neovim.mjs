// The Neovim test: runs test/e2e/neovim.lua in `nvim --headless -u NONE` against a copy of the sample corpus.
// Standalone: node test/e2e/neovim.mjs (exit code 0 when every check passes).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E, copyCorpus, editorConfig, runProcess } from './common.mjs';

export async function runNeovim() {
  const folder = copyCorpus();
  const config = editorConfig(folder);
  const { code, output } = await runProcess('nvim', 'nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(E2E, 'neovim.lua')}`], {
    env: { ARTICLE_LENS_E2E: JSON.stringify(config) },
  });
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  return { ok: code === 0 && /all checks passed/.test(output), code, output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok, code } = await runNeovim();
  console.log(`neovim: ${ok ? 'passed' : `FAILED (exit ${code})`}`);
  process.exit(ok ? 0 : 1);
}
