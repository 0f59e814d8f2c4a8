// F2 on a name renames its entity's canonical name in the registry; the article text never changes.
import { ResponseError } from 'vscode-languageserver';
import { targetAt } from '../../core/queries/at';
import { offsetOf, rangeOf } from '../convert';
import type { ServerContext } from '../context';

export function registerRename(ctx: ServerContext): void {
  ctx.connection.onPrepareRename(({ textDocument, position }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const target = targetAt(ctx.index, doc.uri, offsetOf(doc, position));
    if (!target?.entity) return null;
    return { range: rangeOf(doc, target.mention), placeholder: target.entity.name };
  });
  ctx.connection.onRenameRequest(({ textDocument, position, newName }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const target = targetAt(ctx.index, doc.uri, offsetOf(doc, position));
    if (!target?.entity) throw new ResponseError(0, 'Article Lens renames entities: put the cursor on a name.');
    const result = ctx.store.act(doc.uri, doc.text, target.mention, { kind: 'rename', name: newName });
    if (!result.ok) throw new ResponseError(0, `Article Lens: ${result.message}`);
    ctx.refresh();
    // The entity's name lives in the registry: the article's text is left as it is.
    return { changes: {} };
  });
}
