// The Emacs test: runs test/e2e/emacs.el with Eglot in `emacs --batch` against a copy of the sample corpus.
// Not -Q: Debian's site startup puts elpa-eglot on the load path. A fresh HOME keeps any personal init out.
// Standalone: node test/e2e/emacs.mjs (exit code 0 when every check passes).
import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { E2E, copyCorpus, editorConfig, runProcess, tempDir } from './common.mjs';

export async function runEmacs() {
  const folder = copyCorpus();
  const config = editorConfig(folder);
  const home = tempDir('emacs-home');
  const { code, output } = await runProcess('emacs', 'emacs', ['--batch', '-l', path.join(E2E, 'emacs.el')], {
    env: { ARTICLE_LENS_E2E: JSON.stringify(config), HOME: home },
  });
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
  return { ok: code === 0 && /all checks passed/.test(output), code, output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok, code } = await runEmacs();
  console.log(`emacs: ${ok ? 'passed' : `FAILED (exit ${code})`}`);
  process.exit(ok ? 0 : 1);
}
