// Bundles the client, the server and the command line into dist/ with esbuild.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'fs';

const production = process.argv.includes('--production');
// ESM entry points first: jsonc-parser's UMD build requires its modules in a way no bundler can follow.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], sourcemap: !production, minify: production, logLevel: 'warning' };

// Webview pages (client/webview/<view>.ts, beside page.ts and messages.ts, which they import) run in the browser.
const pages = readdirSync('client/webview').filter((f) => f.endsWith('.ts') && !['page.ts', 'messages.ts'].includes(f));

// Emptied first: the whole folder ships in the .vsix, and a development build's source maps would ride along.
rmSync('dist/webviews', { recursive: true, force: true });
mkdirSync('dist/webviews', { recursive: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/node/analysisWorker.ts'], outfile: 'dist/worker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  ...pages.map((page) =>
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [`client/webview/${page}`], outfile: `dist/webviews/${page.replace(/\.ts$/, '.js')}` }),
  ),
]);
for (const css of readdirSync('client/webview').filter((f) => f.endsWith('.css'))) copyFileSync(`client/webview/${css}`, `dist/webviews/${css}`);
// The trained name model ships beside the bundles, so the server and the .vsix work offline.
if (existsSync('models/names.model')) copyFileSync('models/names.model', 'dist/names.model');
