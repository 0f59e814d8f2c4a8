// The map view: a webview of the corpus's places (client/webview/map.ts draws it; the server places them).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MAP_REQUEST, type MapResult } from '../../server/src/protocol';
import { registerWebview } from './webviews/panel';

export function registerMapView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, started: Promise<void>, changes: vscode.Event<void>): void {
  registerWebview(
    context,
    client,
    'articleLens.showMap',
    {
      viewType: 'articleLens.map',
      title: 'Article Lens: Map',
      script: 'map.js',
      load: async (c) => {
        // A panel restored after a reload asks before the server has started.
        await started;
        return c.sendRequest<MapResult>(MAP_REQUEST, {});
      },
    },
    changes,
  );
}
