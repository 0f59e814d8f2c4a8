import { definition } from '../../core/queries/navigation';
import { offsetOf, toLocation } from '../convert';
import type { ServerContext } from '../context';

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(({ textDocument, position }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const loc = definition(ctx.index, doc.uri, offsetOf(doc, position));
    return loc ? toLocation((u) => ctx.index.get(u), loc) : null;
  });
}
