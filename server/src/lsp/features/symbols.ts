import { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { groupLabel, outline } from '../../core/queries/symbols';
import { SYMBOL_KINDS, rangeOf, toLocation } from '../convert';
import type { ServerContext } from '../context';

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(({ textDocument }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    return outline(ctx.index, doc).map((group) =>
      DocumentSymbol.create(
        groupLabel(group.type),
        `${group.items.length}`,
        SYMBOL_KINDS[group.type],
        rangeOf(doc, group.span),
        rangeOf(doc, group.items[0].first),
        group.items.map((item) =>
          DocumentSymbol.create(item.name, item.count > 1 ? `${item.count}×` : undefined, SYMBOL_KINDS[group.type], rangeOf(doc, item.span), rangeOf(doc, item.first)),
        ),
      ),
    );
  });

  ctx.connection.onWorkspaceSymbol(({ query }) => {
    ctx.sync();
    return ctx.search.search(query).map(({ entity, location }) => {
      const aliases = entity.spellings.map((s) => s.text).filter((t) => t !== entity.name);
      const detail = `${entity.type}${aliases.length > 0 ? ` · also ${aliases.join(', ')}` : ''}`;
      return SymbolInformation.create(entity.name, SYMBOL_KINDS[entity.type], toLocation((u) => ctx.index.get(u), location).range, location.uri, detail);
    });
  });
}
