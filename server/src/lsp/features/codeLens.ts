import type { CodeLens } from 'vscode-languageserver';
import { articleSummary } from '../../core/queries/articleSummary';
import type { ServerContext } from '../context';

/** The client command that lists the related articles in a pick list; a client without it shows the title only. */
export const SHOW_RELATED = 'articleLens.showRelatedArticles';

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(({ textDocument }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const summary = articleSummary(ctx.index, doc);
    const n = summary.related.length;
    const title = `${summary.entities} entit${summary.entities === 1 ? 'y' : 'ies'} · shared with ${n} other article${n === 1 ? '' : 's'}`;
    const lens: CodeLens = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: { title, command: n > 0 ? SHOW_RELATED : '', arguments: [summary.related.slice(0, 50)] },
    };
    return [lens];
  });
}
