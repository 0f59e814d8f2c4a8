import { DocumentHighlight, DocumentHighlightKind } from 'vscode-languageserver';
import { highlights } from '../../core/queries/navigation';
import { offsetOf, rangeOf } from '../convert';
import type { ServerContext } from '../context';

export function registerHighlights(ctx: ServerContext): void {
  ctx.connection.onDocumentHighlight(({ textDocument, position }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    return highlights(ctx.index, doc.uri, offsetOf(doc, position)).map((h) =>
      DocumentHighlight.create(rangeOf(doc, h), h.kind === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read),
    );
  });
}
