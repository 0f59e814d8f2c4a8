// Entry point of the bundled language server: `node dist/server.js --stdio`.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
