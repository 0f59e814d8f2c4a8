import { references } from '../../core/queries/navigation';
import { offsetOf, toLocation } from '../convert';
import type { ServerContext } from '../context';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(({ textDocument, position, context }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    return references(ctx.index, doc.uri, offsetOf(doc, position), context.includeDeclaration).map((l) => toLocation((u) => ctx.index.get(u), l));
  });
}
