import type { CodeLens } from 'vscode-languageserver';
import { articleSummary } from '../../core/queries/articleSummary';
import type { ServerContext } from '../context';
import { PICK_ARTICLE_DATE, SHOW_RELATED } from '../../protocol';


export function registerCodeLens(ctx: ServerContext): void {
  // The summary walks every article of every entity the article names: computed once per corpus state.
  const cache = new Map<string, { generation: number; summary: ReturnType<typeof articleSummary> }>();
  ctx.connection.onCodeLens(({ textDocument }) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    let cached = cache.get(doc.uri);
    if (cached?.generation !== ctx.index.generation) {
      cached = { generation: ctx.index.generation, summary: articleSummary(ctx.index, doc) };
      if (cache.size > 200) cache.clear();
      cache.set(doc.uri, cached);
    }
    const summary = cached.summary;
    const n = summary.related.length;
    const title = `${summary.entities} entit${summary.entities === 1 ? 'y' : 'ies'} · shared with ${n} other article${n === 1 ? '' : 's'}`;
    const lens: CodeLens = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: { title, command: n > 0 ? SHOW_RELATED : '', arguments: [summary.related.slice(0, 50)] },
    };
    const date = doc.analysis.referenceDate;
    const dateLens: CodeLens = {
      range: lens.range,
      command: { title: date ? `dated ${date}` : 'no date: set one', command: PICK_ARTICLE_DATE, arguments: [doc.uri, date] },
    };
    return [lens, dateLens];
  });
}
