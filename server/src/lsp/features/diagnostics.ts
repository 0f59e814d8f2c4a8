import { type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { spellingHints } from '../../core/queries/spelling';
import { rangeOf } from '../convert';
import type { ServerContext } from '../context';

export const ACCEPT_SPELLING = 'articleLens.acceptSpelling';
const SOURCE = 'Article Lens';

interface HintData {
  spelling: string;
  suggestion: string;
  entity: string;
}

/** Spelling hints for one document, as LSP diagnostics. */
export function diagnosticsFor(ctx: ServerContext, uri: string): Diagnostic[] {
  const doc = ctx.document(uri);
  if (!doc) return [];
  return spellingHints(ctx.index, doc, ctx.acceptedSpellings()).map((h) => ({
    range: rangeOf(doc, h.span),
    severity: DiagnosticSeverity.Hint,
    source: SOURCE,
    code: 'spelling',
    message: `“${h.spelling}” looks like a misspelling of “${h.suggestion}” (${h.counts.suggestion} mentions in the corpus, this spelling ${h.counts.spelling})`,
    tags: [] as DiagnosticTag[],
    data: { spelling: h.spelling, suggestion: h.suggestion, entity: h.entity.name } satisfies HintData,
  }));
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(({ textDocument, context }) => {
    const actions: CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE || d.code !== 'spelling' || !d.data) continue;
      const data = d.data as HintData;
      actions.push({
        title: `Change to “${data.suggestion}”`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [textDocument.uri]: [{ range: d.range, newText: data.suggestion }] } },
      });
      actions.push({
        title: `Accept “${data.spelling}” as a spelling of ${data.entity}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Accept spelling', command: ACCEPT_SPELLING, arguments: [data.spelling, data.entity] },
      });
    }
    return actions;
  });
}
