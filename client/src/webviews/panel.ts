// The host side of Article Lens's webviews (timeline, map, graph): one panel per view, a strict content security
// policy (a nonce, no network, only the extension's own bundled scripts and styles), the theme's colours through
// --vscode-* variables, state restored when VS Code reloads, and a small message protocol with the page.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { HostMessage, PageMessage } from '../../webview/messages';

export interface WebviewSpec<Data> {
  /** The panel's view type, also declared as `onWebviewPanel:<viewType>` in the manifest. */
  viewType: string;
  title: string;
  /** The bundled page script, `dist/webviews/<name>.js`, and its stylesheet beside it when there is one. */
  script: string;
  /**
   * Asks the server for what the page draws; called when the page is ready, when it asks again with new
   * `params` (its filters) and when the index changes (with the page's latest params).
   */
  load: (client: LanguageClient, params: unknown) => Promise<Data>;
}

/** Registers the view's command, its serializer (so it comes back after a reload) and refreshes on index changes. */
export function registerWebview<Data>(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, command: string, spec: WebviewSpec<Data>, changes: vscode.Event<void>): void {
  let current: vscode.WebviewPanel | undefined;
  const attach = (panel: vscode.WebviewPanel) => {
    current = panel;
    panel.webview.options = webviewOptions(context);
    panel.webview.html = pageHtml(context, panel.webview, spec);
    let params: unknown;
    // Answers can come back out of order (a slow one, then a quick one for newer filters): only the latest is shown.
    let asked = 0;
    const send = async () => {
      const c = client();
      if (!c) return;
      const mine = ++asked;
      try {
        const data = await spec.load(c, params);
        if (mine !== asked) return;
        void panel.webview.postMessage({ type: 'data', data } satisfies HostMessage<Data>);
      } catch (e) {
        if (mine !== asked) return;
        void panel.webview.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies HostMessage<Data>);
      }
    };
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: PageMessage) => {
        if (message?.type === 'ready' || message?.type === 'query') {
          params = message.params;
          void send();
        }
        else if (message?.type === 'open') void openAt(message.uri, message.range);
        else if (message?.type === 'references') void showReferences(message.uri, message.range);
      }),
      changes(() => {
        if (panel.visible) void send();
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible) void send();
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      if (current === panel) current = undefined;
    });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(command, () => {
      if (current) return current.reveal();
      attach(vscode.window.createWebviewPanel(spec.viewType, spec.title, vscode.ViewColumn.Beside, webviewOptions(context)));
    }),
    vscode.window.registerWebviewPanelSerializer(spec.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        attach(panel);
      },
    }),
  );
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webviews')] };
}

function pageHtml(context: vscode.ExtensionContext, webview: vscode.Webview, spec: WebviewSpec<unknown>): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webviews', file)).toString();
  const name = spec.script.replace(/\.js$/, '');
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('common.css')}">
<link rel="stylesheet" href="${asset(`${name}.css`)}">
<title>${escapeHtml(spec.title)}</title>
</head>
<body>
<div id="app" role="application" aria-label="${escapeHtml(spec.title)}"><p class="status">Loading…</p></div>
<script nonce="${nonce}" src="${asset(spec.script)}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type WireRange = { start: { line: number; character: number }; end: { line: number; character: number } };

const toRange = (r: WireRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function openAt(uri: string, range: WireRange | undefined): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One, preview: false });
  if (!range) return;
  const r = toRange(range);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function showReferences(uri: string, range: WireRange): Promise<void> {
  await openAt(uri, range);
  const target = vscode.Uri.parse(uri);
  const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', target, toRange(range).start);
  await vscode.commands.executeCommand('editor.action.showReferences', target, toRange(range).start, locations ?? []);
}
