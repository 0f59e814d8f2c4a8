import type { Location as LspLocation, ResultProgressReporter } from 'vscode-languageserver';
import { referencesPage } from '../../core/queries/navigation';
import { offsetOf, toLocation } from '../convert';
import type { ServerContext } from '../context';

/**
 * References come a page at a time: an entity with tens of thousands of mentions would otherwise be walked,
 * converted and serialised whole before the first one is shown. A client that asks for partial results gets every
 * page, one per turn of the event loop (requests about other things are answered in between); any other gets the
 * first page, the first screenful and then some, and reaches every mention through the entities view's list.
 */
export const REFERENCES_PAGE = 1000;

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(async ({ textDocument, position, context }, token, _work, progress?: ResultProgressReporter<LspLocation[]>) => {
    const doc = ctx.document(textDocument.uri);
    if (!doc) return null;
    const offset = offsetOf(doc, position);
    const convert = (locations: ReturnType<typeof referencesPage>['locations']) => locations.map((l) => toLocation((u) => ctx.index.get(u), l));
    const first = referencesPage(ctx.index, doc.uri, offset, context.includeDeclaration, 0, REFERENCES_PAGE);
    if (!progress || first.next === null) return convert(first.locations);
    progress.report(convert(first.locations));
    // The rest, a page a turn, while the index stays the one the first page came from.
    const generation = ctx.index.generation;
    for (let next: number | null = first.next; next !== null; ) {
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested || ctx.index.generation !== generation || !ctx.index.get(doc.uri)) break;
      const page = referencesPage(ctx.index, doc.uri, offset, context.includeDeclaration, next, REFERENCES_PAGE);
      progress.report(convert(page.locations));
      next = page.next;
    }
    return [];
  });
}
