import { MarkupKind } from 'vscode-languageserver';
import { hover } from '../../core/queries/hover';
import { renderHoverCard } from '../../core/queries/markdown';
import { offsetOf, rangeOf } from '../convert';
import type { ServerContext } from '../context';
import { PICK_ARTICLE_DATE, SHOW_MENTIONS } from '../../protocol';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(({ textDocument, position }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const card = hover(ctx.index, doc.uri, offsetOf(doc, position));
    if (!card) return null;
    return { contents: { kind: MarkupKind.Markdown, value: renderHoverCard(card, { setDateCommand: PICK_ARTICLE_DATE, mentionsCommand: SHOW_MENTIONS }) }, range: rangeOf(doc, card.span) };
  });
}
