// Client-only UI of annotating: the pick lists and input boxes a code action may need before the server can
// decide, the list of decisions and the corpus's misspellings. Every decision itself is the server's; its
// commands (annotate, undo) are registered in VS Code by the language client itself.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATE_COMMAND,
  ASK_ANNOTATION_TEXT,
  type AnnotateArgs,
  type AnnotateResult,
  DECISIONS_REQUEST,
  type DecisionItem,
  ENTITIES_REQUEST,
  type EntityItem,
  PICK_MERGE_TARGET,
  SHOW_DECISIONS,
  SPELLING_HINTS_REQUEST,
  type SpellingHintItem,
} from '../../server/src/protocol';
import { escapeCodicons } from './codicons';

type Site = Omit<AnnotateArgs, 'action'>;

export function registerAnnotationCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const annotate = async (args: AnnotateArgs) => {
    const c = client();
    if (!c) return;
    const result = await c.sendRequest<AnnotateResult | null>('workspace/executeCommand', { command: ANNOTATE_COMMAND, arguments: [args] });
    if (result && !result.ok) void vscode.window.showErrorMessage(result.message);
  };

  context.subscriptions.push(
    // The annotation actions at the cursor (or on the selection), as a pick list: the same list as Ctrl+.
    vscode.commands.registerCommand('articleLens.annotate.pick', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        editor.selection,
        vscode.CodeActionKind.Refactor.append('annotate').value,
      );
      const items = (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && 'command' in a && a.command !== undefined);
      if (items.length === 0) {
        void vscode.window.showInformationMessage('Article Lens: select words or put the cursor on a name or a date to annotate it.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        items.map((a) => ({ label: a.title, action: a })),
        { placeHolder: 'Annotate', matchOnDescription: true },
      );
      const command = pick?.action.command;
      if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    }),

    // Merge: a fuzzy pick list over the entity table, fed by the server as the user types.
    vscode.commands.registerCommand(PICK_MERGE_TARGET, async (site: Site, current: { entity: string; name: string }) => {
      const c = client();
      if (!c) return;
      const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
      quickPick.title = `Merge ${current.name} with…`;
      quickPick.placeholder = 'Type a name: typos are fine';
      // The server ranks by fuzzy score and mentions: VS Code must not filter its answers again.
      quickPick.matchOnDescription = false;
      let request = 0;
      const load = async (query: string) => {
        const mine = ++request;
        quickPick.busy = true;
        const entities = await c.sendRequest<EntityItem[]>(ENTITIES_REQUEST, { query, exclude: current.entity, limit: 50 });
        if (mine !== request) return;
        quickPick.items = entities.map((e) => ({
          id: e.id,
          label: escapeCodicons(e.name),
          description: `${e.type} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${e.articles} article${e.articles === 1 ? '' : 's'}`,
          detail: escapeCodicons(e.spellings.filter((s) => s !== e.name).join(', ')) || undefined,
          alwaysShow: true,
        }));
        quickPick.busy = false;
      };
      quickPick.onDidChangeValue((v) => void load(v));
      const chosen = await new Promise<string | undefined>((resolve) => {
        quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.id));
        quickPick.onDidHide(() => resolve(undefined));
        quickPick.show();
        void load('');
      });
      quickPick.dispose();
      if (chosen) await annotate({ ...site, action: { kind: 'merge', into: chosen } });
    }),

    // A note, an external id or a date's value: one input box, validated as the user types.
    vscode.commands.registerCommand(ASK_ANNOTATION_TEXT, async (site: Site, ask: { kind: 'note' | 'externalId' | 'value'; current: string | null }) => {
      const prompts = {
        note: { title: 'Note on this entity', prompt: 'Shown in its hover. Leave empty to remove the note.', validate: () => undefined },
        externalId: {
          title: 'Wikidata id',
          prompt: 'For example Q3775. Leave empty to remove it. No network is used.',
          validate: (v: string) => (v.trim() === '' || /^Q[1-9]\d{0,11}$/i.test(v.trim()) ? undefined : 'A Wikidata id is Q followed by digits, such as Q3775'),
        },
        value: {
          title: 'Value of this date',
          prompt: '2024-03-04, 2024-03, 2024, 2024-W10 or 2024-03-04T05:00. Leave empty for "no exact value".',
          validate: (v: string) => (v.trim() === '' || /^\d{4}(-(\d{2}(-\d{2}(T\d{2}:\d{2})?)?|W\d{2}))?$/.test(v.trim()) ? undefined : 'Use 2024-03-04, 2024-03, 2024, 2024-W10 or 2024-03-04T05:00'),
        },
      }[ask.kind];
      const value = await vscode.window.showInputBox({ title: prompts.title, prompt: prompts.prompt, value: ask.current ?? '', validateInput: prompts.validate });
      if (value === undefined) return;
      const text = value.trim() === '' ? null : value.trim();
      const action = ask.kind === 'note' ? { kind: 'note' as const, note: text } : ask.kind === 'externalId' ? { kind: 'externalId' as const, wikidata: text } : { kind: 'value' as const, value: text };
      await annotate({ ...site, action });
    }),

    // Every decision, orphans first; picking one opens where it applies (or the store file that holds it).
    vscode.commands.registerCommand(SHOW_DECISIONS, async (options?: { orphansOnly?: boolean }) => {
      const c = client();
      if (!c) return;
      const all = await c.sendRequest<DecisionItem[]>(DECISIONS_REQUEST);
      const list = options?.orphansOnly ? all.filter((d) => d.orphan) : all;
      if (list.length === 0) {
        void vscode.window.showInformationMessage(options?.orphansOnly ? 'Article Lens: no orphaned annotations.' : 'Article Lens: no decisions yet. Put the cursor on a name and press Ctrl+. to make one.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        list.map((d) => ({ label: d.label, description: d.detail, decision: d })),
        { placeHolder: `${list.length} decision${list.length === 1 ? '' : 's'}`, matchOnDescription: true },
      );
      if (!pick) return;
      const d = pick.decision;
      if (d.location) {
        const r = d.location.range;
        await vscode.window.showTextDocument(vscode.Uri.parse(d.location.uri), { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) });
      } else {
        await vscode.window.showTextDocument(vscode.Uri.file(d.file));
      }
    }),

    // VS Code's Problems panel leaves hints out: this lists the corpus's likely misspellings.
    vscode.commands.registerCommand('articleLens.listSpellingHints', async () => {
      const c = client();
      if (!c) return;
      const hints = await c.sendRequest<SpellingHintItem[]>(SPELLING_HINTS_REQUEST);
      if (hints.length === 0) {
        void vscode.window.showInformationMessage('Article Lens: no likely misspellings in the corpus.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        hints.map((h) => ({ label: `${h.spelling} → ${h.suggestion}`, description: vscode.workspace.asRelativePath(vscode.Uri.parse(h.uri)), detail: h.message, hint: h })),
        { placeHolder: `${hints.length} likely misspelling${hints.length === 1 ? '' : 's'}`, matchOnDescription: true },
      );
      if (!pick) return;
      const r = pick.hint.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(pick.hint.uri), { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) });
    }),
  );
}
