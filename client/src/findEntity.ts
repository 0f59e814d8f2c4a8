// Find Entity: a quick pick fed by the server's fuzzy search as the user types. VS Code's own workspace-symbol
// picker filters the server's answers again with its own matcher and so drops every misspelt match.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ENTITIES_REQUEST, type EntityItem, FIND_ENTITY } from '../../server/src/protocol';
import { escapeCodicons } from './codicons';

const DEBOUNCE_MS = 80;
const TYPE_ICONS: Record<string, string> = { person: 'person', organization: 'organization', location: 'location', misc: 'tag' };

type Item = vscode.QuickPickItem & { entity: EntityItem };

export function registerFindEntity(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIND_ENTITY, async () => {
      const c = client();
      if (!c) return;
      const quickPick = vscode.window.createQuickPick<Item>();
      quickPick.title = 'Find Entity';
      quickPick.placeholder = 'A name, or part of one: typos are fine';
      // The server ranks by fuzzy score, then by mentions: VS Code must show its answers as they come.
      quickPick.matchOnDescription = false;
      quickPick.matchOnDetail = false;
      let pending: vscode.CancellationTokenSource | undefined;
      let timer: NodeJS.Timeout | undefined;
      let latest = 0;
      const load = async (query: string) => {
        pending?.cancel();
        const source = (pending = new vscode.CancellationTokenSource());
        const mine = ++latest;
        quickPick.busy = true;
        try {
          const entities = await c.sendRequest<EntityItem[]>(ENTITIES_REQUEST, { query, limit: 50 }, source.token);
          if (mine !== latest) return;
          quickPick.items = entities.map((e) => ({
            entity: e,
            label: `$(${TYPE_ICONS[e.type] ?? 'symbol-misc'}) ${escapeCodicons(e.name)}`,
            description: `${e.type} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${e.articles} article${e.articles === 1 ? '' : 's'}`,
            detail: escapeCodicons(e.spellings.filter((s) => s !== e.name).join(', ')) || undefined,
            alwaysShow: true,
          }));
        } catch (e) {
          if (!source.token.isCancellationRequested) quickPick.items = [];
        } finally {
          if (mine === latest) quickPick.busy = false;
          source.dispose();
        }
      };
      quickPick.onDidChangeValue((v) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void load(v), DEBOUNCE_MS);
      });
      const chosen = await new Promise<EntityItem | undefined>((resolve) => {
        quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.entity ?? quickPick.activeItems[0]?.entity));
        quickPick.onDidHide(() => resolve(undefined));
        quickPick.show();
        void load('');
      });
      if (timer) clearTimeout(timer);
      pending?.cancel();
      quickPick.dispose();
      const at = chosen?.location;
      if (!at) return;
      const r = at.range;
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(at.uri));
      // The name selected, the cursor at its start (where F12 would land).
      editor.selection = new vscode.Selection(r.end.line, r.end.character, r.start.line, r.start.character);
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}
