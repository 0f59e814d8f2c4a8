// Entry point of the bundled language server: `node dist/server.js --stdio`.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { watchActivity } from './lsp/idle';
import { startServer } from './lsp/server';
import { logMemoryEvery } from './node/memoryLog';

const connection = createConnection(ProposedFeatures.all);
// A failed request to the client (one it does not implement, say) must not bring the server down.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));
// Background work waits for gaps between the editor's messages (lsp/idle.ts).
if (process.argv.includes('--stdio')) watchActivity(process.stdin);
startServer(connection);
// A diagnostic, off unless ARTICLE_LENS_MEMORY_LOG=1 (node/memoryLog.ts).
logMemoryEvery(10);
