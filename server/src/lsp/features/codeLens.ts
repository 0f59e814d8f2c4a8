// Code lenses above an article: how many entities it shares with other articles, and the date of each article of
// the file (where it came from, a guess from the file's date said as such, or none), each a click from Set Article Date.
import type { CodeLens } from 'vscode-languageserver';
import type { ArticleInfo } from '../../core/model';
import { articleSummary } from '../../core/queries/articleSummary';
import type { ServerContext } from '../context';
import { PICK_ARTICLE_DATE, SHOW_RELATED } from '../../protocol';

/** What the date lens of an article says. */
export function dateLensTitle(article: ArticleInfo): string {
  if (article.referenceDate === null || article.referenceSource === null) return 'no date: set one';
  if (article.referenceSource === 'file date') return `no date: ${article.referenceDate} guessed from the file's date; set one`;
  return `dated ${article.referenceDate}`;
}


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
    // The user's date is one per file, so every article's lens sets that one.
    const dateLenses: CodeLens[] = doc.analysis.articles.map((article, i) => {
      const line = i === 0 ? 0 : doc.lines.lineOf(article.headline.start);
      const known = article.referenceSource === 'file date' ? null : article.referenceDate;
      return {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: { title: dateLensTitle(article), command: PICK_ARTICLE_DATE, arguments: [doc.uri, known] },
      };
    });
    return [lens, ...dateLenses];
  });
}
