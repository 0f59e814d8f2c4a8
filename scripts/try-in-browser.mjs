// Opens the sample corpus in VS Code in the browser (code-server) with the packaged Article Lens installed.
// Run through `npm run try`, which first installs code-server (scripts/install-e2e-deps.sh) and packages the .vsix.
// Listens on 127.0.0.1 only, without a password; PORT picks the port (default: a free one). Ctrl+C stops it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLES } from '../test/e2e/common.mjs';
import { startCodeServer } from '../test/e2e/vscode.mjs';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-try-'));
const logFile = path.join(home, 'code-server.log');
console.log('Starting code-server with Article Lens installed...');
const server = await startCodeServer(home, EXAMPLES, { port: Number(process.env.PORT) || 0, log: (s) => fs.appendFileSync(logFile, s) });
console.log(`\nArticle Lens on the sample corpus: ${server.url}?folder=${encodeURIComponent(EXAMPLES)}\n(code-server log: ${logFile}; Ctrl+C to stop)`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
