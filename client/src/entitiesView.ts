// The Entities view in the side bar: the corpus's entities by type, a page at a time from the server, sortable and
// filterable; a click peeks at the entity's references; the context menu carries the annotation actions.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATE_COMMAND,
  ASK_ANNOTATION_TEXT,
  type AnnotateArgs,
  type AnnotateResult,
  ENTITIES_VIEW_REQUEST,
  ENTITY_LOCATIONS_REQUEST,
  type EntitiesViewEntity,
  type EntitiesViewGroup,
  type EntitiesViewOrphan,
  type EntitiesViewParams,
  type EntitiesViewResult,
  type EntityLocation,
  type EntityLocationsResult,
  PICK_MERGE_TARGET,
  SHOW_DECISIONS,
  SHOW_MENTIONS,
} from '../../server/src/protocol';

export const ENTITIES_VIEW = 'articleLens.entities';
const PAGE = 200;
const TYPE_ICONS: Record<string, string> = { person: 'person', organization: 'organization', location: 'location', misc: 'tag' };

type Node =
  | { kind: 'group'; group: EntitiesViewGroup }
  | { kind: 'entity'; entity: EntitiesViewEntity }
  | { kind: 'more'; type: EntitiesViewGroup['type']; left: number }
  | { kind: 'orphans'; orphans: EntitiesViewOrphan[] }
  | { kind: 'orphan'; orphan: EntitiesViewOrphan };

const plural = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString('en')} ${n === 1 ? word : words}`;

class EntitiesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  sort: 'count' | 'name' = 'count';
  filter = '';
  /** How many entities of each type the user has asked to see ("Show more" adds a page). */
  private shown = new Map<string, number>();
  /** Told how many groups the root shows, so the view can say why it is empty. */
  onRoot?: (groups: number) => void;

  constructor(private readonly client: () => LanguageClient | undefined, private readonly ready: Promise<void>) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  resetPaging(): void {
    this.shown.clear();
  }

  showMore(type: string): void {
    this.shown.set(type, (this.shown.get(type) ?? PAGE) + PAGE);
    this.refresh();
  }

  private async request(params: EntitiesViewParams): Promise<EntitiesViewResult | null> {
    await this.ready.catch(() => undefined);
    const c = this.client();
    if (!c?.isRunning()) return null;
    return c.sendRequest<EntitiesViewResult>(ENTITIES_VIEW_REQUEST, { ...params, sort: this.sort, filter: this.filter });
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const result = await this.request({});
      if (!result?.groups) return [];
      const out: Node[] = result.groups.filter((g) => g.entities > 0).map((group) => ({ kind: 'group', group }));
      this.onRoot?.(out.length);
      if (result.orphans && result.orphans.length > 0) out.push({ kind: 'orphans', orphans: result.orphans });
      return out;
    }
    if (node.kind === 'orphans') return node.orphans.map((orphan) => ({ kind: 'orphan', orphan }));
    if (node.kind !== 'group') return [];
    const type = node.group.type;
    const result = await this.request({ type, offset: 0, limit: this.shown.get(type) ?? PAGE });
    const entities = result?.entities ?? [];
    const out: Node[] = entities.map((entity) => ({ kind: 'entity', entity }));
    const left = (result?.total ?? 0) - entities.length;
    if (left > 0) out.push({ kind: 'more', type, left });
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const { group } = node;
        const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group:${group.type}`;
        // The side bar is narrow: the mentions are in the tooltip.
        item.description = plural(group.entities, 'entity', 'entities');
        item.tooltip = `${plural(group.entities, 'entity', 'entities')}, ${plural(group.mentions, 'mention')}`;
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[group.type]);
        item.contextValue = 'group';
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.None);
        item.id = `entity:${e.id}`;
        const marks = [e.decisions.length > 0 ? 'yours' : '', e.orphans > 0 ? `${e.orphans} orphaned` : ''].filter(Boolean);
        item.description = `${e.mentions.toLocaleString('en')}× in ${plural(e.articles, 'article')}${marks.length > 0 ? ` · ${marks.join(' · ')}` : ''}`;
        // The type's icon; a decided entity shows a pencil, one with orphaned annotations a warning.
        item.iconPath = e.orphans > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(e.decisions.length > 0 ? 'edit' : TYPE_ICONS[e.type] ?? 'symbol-misc');
        const lines = [`${e.name} (${e.type})`, `${plural(e.mentions, 'mention')} in ${plural(e.articles, 'article')}`];
        if (e.decisions.length > 0) lines.push(`Your decisions: ${e.decisions.join('; ')}`);
        else lines.push('As the recogniser found it: no decision of yours.');
        if (e.orphans > 0) lines.push(`${plural(e.orphans, 'annotation')} meant for it no longer find their words (orphaned): see Show Decisions.`);
        item.tooltip = lines.join('\n');
        item.contextValue = e.decisions.length > 0 ? 'entity.decided' : 'entity';
        item.command = { title: 'Show References', command: 'articleLens.entities.showReferences', arguments: [node] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`Show ${Math.min(PAGE, node.left)} more (${node.left.toLocaleString('en')} not shown)`, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${node.type}`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { title: 'Show More', command: 'articleLens.entities.showMore', arguments: [node.type] };
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem('Orphaned annotations', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'orphans';
        item.description = `${node.orphans.length}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = 'Your annotations whose words were edited away: they are kept, not moved onto other words.';
        return item;
      }
      case 'orphan': {
        const o = node.orphan;
        const item = new vscode.TreeItem(`“${o.exact}”`, vscode.TreeItemCollapsibleState.None);
        item.description = vscode.workspace.asRelativePath(vscode.Uri.parse(o.uri));
        item.tooltip = `Orphaned: ${o.reason}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.command = { title: 'Show Orphaned Annotations', command: SHOW_DECISIONS, arguments: [{ orphansOnly: true }] };
        return item;
      }
    }
  }
}

const toRange = (r: EntityLocation['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export function registerEntitiesView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, ready: Promise<void>, changes: vscode.Event<void>): void {
  const tree = new EntitiesTree(client, ready);
  const view = vscode.window.createTreeView(ENTITIES_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'articleLens.entities.sort', tree.sort);
    void vscode.commands.executeCommand('setContext', 'articleLens.entities.filtered', tree.filter !== '');
    view.description = tree.filter === '' ? (tree.sort === 'name' ? 'by name' : undefined) : `filter: ${tree.filter}`;
    view.message = tree.filter === '' ? undefined : `Showing entities whose name or a spelling contains “${tree.filter}”.`;
  };
  setContext();
  tree.onRoot = (groups) => {
    if (tree.filter !== '') view.message = groups === 0 ? `No entity's name or spelling contains “${tree.filter}”.` : `Showing entities whose name or a spelling contains “${tree.filter}”.`;
  };

  context.subscriptions.push(changes(() => tree.refresh()));

  /** Opens the entity's defining mention and peeks at every mention of it. */
  const showMentions = async (id: string, name: string) => {
    const found = await locations(id);
    if (!found) {
      void vscode.window.showWarningMessage(`Article Lens: ${name} is no longer in the corpus.`);
      return;
    }
    const def = found.definition;
    const uri = vscode.Uri.parse(def.uri);
    const range = toRange(def.range);
    // The peek opens over the defining mention, the article scrolled to it, listing every mention.
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showReferences', uri, range.start, found.references.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))));
  };
  const locations = async (id: string) => {
    const c = client();
    return c ? c.sendRequest<EntityLocationsResult | null>(ENTITY_LOCATIONS_REQUEST, { id }) : null;
  };
  /** The entity's defining mention as the site the annotation commands act on. */
  const siteOf = async (node: Node | undefined) => {
    if (node?.kind !== 'entity') return undefined;
    const found = await locations(node.entity.id);
    if (!found) void vscode.window.showWarningMessage(`Article Lens: ${node.entity.name} is no longer in the corpus.`);
    return found ? { entity: node.entity, note: found.note, site: { uri: found.definition.uri, range: found.definition.range } } : undefined;
  };
  const annotate = async (args: AnnotateArgs) => {
    const result = await client()?.sendRequest<AnnotateResult | null>('workspace/executeCommand', { command: ANNOTATE_COMMAND, arguments: [args] });
    if (result && !result.ok) void vscode.window.showErrorMessage(result.message);
  };

  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('articleLens.entities.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('articleLens.entities.sortByName', () => {
      tree.sort = 'name';
      setContext();
      tree.refresh();
    }),
    vscode.commands.registerCommand('articleLens.entities.sortByCount', () => {
      tree.sort = 'count';
      setContext();
      tree.refresh();
    }),
    vscode.commands.registerCommand('articleLens.entities.filter', async () => {
      const value = await vscode.window.showInputBox({ title: 'Filter entities', prompt: 'Entities whose name or a spelling contains this text (case does not matter). Empty: all.', value: tree.filter });
      if (value === undefined) return;
      tree.filter = value.trim();
      tree.resetPaging();
      setContext();
      tree.refresh();
    }),
    vscode.commands.registerCommand('articleLens.entities.clearFilter', () => {
      tree.filter = '';
      tree.resetPaging();
      setContext();
      tree.refresh();
    }),
    vscode.commands.registerCommand('articleLens.entities.showMore', (type: string) => tree.showMore(type)),
    vscode.commands.registerCommand('articleLens.entities.showReferences', async (node?: Node) => {
      if (node?.kind === 'entity') await showMentions(node.entity.id, node.entity.name);
    }),
    // From a hover card's "and N more articles": every mention of the entity, in the peek.
    vscode.commands.registerCommand(SHOW_MENTIONS, async (id?: unknown) => {
      if (typeof id === 'string') await showMentions(id, 'This entity');
    }),
    vscode.commands.registerCommand('articleLens.entities.rename', async (node?: Node) => {
      const at = await siteOf(node);
      if (!at) return;
      const name = await vscode.window.showInputBox({ title: `Rename ${at.entity.name}`, prompt: 'The canonical name shown everywhere; the spellings in the articles are not changed.', value: at.entity.name });
      if (name === undefined || name.trim() === '' || name.trim() === at.entity.name) return;
      await annotate({ ...at.site, action: { kind: 'rename', name: name.trim() } });
    }),
    vscode.commands.registerCommand('articleLens.entities.merge', async (node?: Node) => {
      const at = await siteOf(node);
      if (at) await vscode.commands.executeCommand(PICK_MERGE_TARGET, at.site, { entity: at.entity.id, name: at.entity.name });
    }),
    vscode.commands.registerCommand('articleLens.entities.reject', async (node?: Node) => {
      const at = await siteOf(node);
      if (!at) return;
      const choice = await vscode.window.showWarningMessage(
        `Not an entity: every mention spelt as the first mention of ${at.entity.name}, in the whole corpus?`,
        { modal: true, detail: 'Other spellings of it stay. Undo with "Article Lens: Undo Last Decision".' },
        'Not an Entity',
      );
      if (choice) await annotate({ ...at.site, action: { kind: 'reject', scope: 'spelling' } });
    }),
    vscode.commands.registerCommand('articleLens.entities.note', async (node?: Node) => {
      const at = await siteOf(node);
      if (at) await vscode.commands.executeCommand(ASK_ANNOTATION_TEXT, at.site, { kind: 'note', current: at.note ?? '' });
    }),
  );
}
