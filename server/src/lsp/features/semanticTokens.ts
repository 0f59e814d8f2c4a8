import { SemanticTokensBuilder } from 'vscode-languageserver';
import type { IndexedDocument } from '../../core/corpus/index';
import type { FinalMention } from '../../core/model';
import { mentionsIn } from '../../core/queries/at';
import { CONFIRMED_MODIFIER, TOKEN_TYPES, offsetOf } from '../convert';
import type { ServerContext } from '../context';

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(({ textDocument }) => {
    const doc = ctx.document(textDocument.uri);
    return doc ? encode(doc, 0, doc.lines.length, colours(ctx, doc)) : { data: [] };
  });
  ctx.connection.languages.semanticTokens.onRange(({ textDocument, range }) => {
    const doc = ctx.document(textDocument.uri);
    return doc ? encode(doc, offsetOf(doc, range.start), offsetOf(doc, range.end), colours(ctx, doc)) : { data: [] };
  });
}

/**
 * While the workspace is being indexed, or the editor types, an article is coloured from the entity table as last
 * built (see CorpusIndex.provisionalMentions), so it is coloured at once; when indexing ends or typing pauses, the
 * client is asked for its tokens again and gets the final ones.
 */
function colours(ctx: ServerContext, doc: IndexedDocument): readonly FinalMention[] {
  return ctx.indexing() || ctx.typing() ? ctx.index.provisionalMentions(doc.uri) : doc.mentions;
}

/** Tokens never span lines (clients need not support multi-line tokens), so a mention across a line break is split. */
function encode(doc: IndexedDocument, start: number, end: number, mentions: readonly FinalMention[]) {
  const builder = new SemanticTokensBuilder();
  for (const m of mentionsIn(doc, start, end, mentions)) {
    // A final mention's type is its entity's across the corpus, so one person is one colour everywhere.
    const type = TOKEN_TYPES.indexOf(m.type);
    const modifiers = m.confirmed ? CONFIRMED_MODIFIER : 0;
    let from = m.start;
    while (from < m.end) {
      const line = doc.lines.lineOf(from);
      const { start, end } = doc.lines.lineRange(line);
      const lineEnd = Math.min(m.end, end);
      if (lineEnd > from) builder.push(line, from - start, lineEnd - from, type, modifiers);
      if (line + 1 >= doc.lines.lineCount) break;
      from = doc.lines.lineRange(line + 1).start;
    }
  }
  return builder.build();
}
