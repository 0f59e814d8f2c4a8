// Diagnostics of an article: likely misspellings (hints, with fixes), the user's annotations that could not be
// re-attached after an edit (a warning at the top), the problems its analysis met (a front matter date that
// cannot be read), an article that states no date (information at its headline, so undated articles are listed
// in Problems), and the store's malformed files (at the line at fault).
import { type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity, type TextDocumentIdentifier } from 'vscode-languageserver';
import { type IndexedDocument, isDated } from '../../core/corpus/index';
import { type SpellingHint, spellingHints } from '../../core/queries/spelling';
import { escapePlain } from '../../core/queries/markdown';
import { ANNOTATE_COMMAND, type AnnotateArgs, PICK_ARTICLE_DATE, SHOW_DECISIONS } from '../../protocol';
import type { StoreProblem } from '../../node/store';
import { rangeOf } from '../convert';
import type { ServerContext } from '../context';

export const SOURCE = 'Article Lens';

interface HintData {
  spelling: string;
  suggestion: string;
  entity: string;
}

export function spellingMessage(h: SpellingHint): string {
  return `“${escapePlain(h.spelling)}” looks like a misspelling of “${escapePlain(h.suggestion)}” (${h.counts.suggestion} mentions in the corpus, this spelling ${h.counts.spelling})`;
}

/** Spelling hints and orphaned annotations of one document, as LSP diagnostics. */
export function diagnosticsFor(ctx: ServerContext, uri: string): Diagnostic[] {
  const doc = ctx.document(uri);
  if (!doc) return [];
  const out: Diagnostic[] = spellingHints(ctx.index, doc).map((h) => ({
    range: rangeOf(doc, h.span),
    severity: DiagnosticSeverity.Hint,
    source: SOURCE,
    code: 'spelling',
    message: spellingMessage(h),
    data: { spelling: h.spelling, suggestion: h.suggestion, entity: h.entity.id } satisfies HintData,
  }));
  if (doc.orphans.length > 0) out.unshift(orphansDiagnostic(doc));
  for (const p of doc.analysis.problems) {
    out.push({
      range: rangeOf(doc, p.span ?? { start: 0, end: 0 }),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : p.severity === 'info' ? DiagnosticSeverity.Information : p.severity === 'hint' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Warning,
      source: SOURCE,
      code: 'metadata',
      message: escapePlain(p.message, 300),
    });
  }
  return [...undatedDiagnostics(doc), ...out];
}

/** One per article of the file that states no date: at its headline, with a quick fix to set one. */
export function undatedDiagnostics(doc: IndexedDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const article of doc.analysis.articles) {
    if (isDated(article)) continue;
    const guessed = article.referenceSource === 'file date' && article.referenceDate !== null;
    out.push({
      range: rangeOf(doc, article.headline),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'undated-article',
      message: guessed
        ? `this article states no date: its relative dates are guessed from the file's date, ${article.referenceDate}; set one to be sure`
        : 'this article states no date: its relative dates have no value until you set one',
    });
  }
  return out;
}

function orphansDiagnostic(doc: IndexedDocument): Diagnostic {
  const n = doc.orphans.length;
  const list = doc.orphans
    .slice(0, 5)
    .map((o) => `“${escapePlain(o.record.exact)}” (${o.record.decision}): ${escapePlain(o.reason)}`)
    .join('; ');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'orphaned-annotation',
    message: `${n} annotation${n === 1 ? '' : 's'} of yours could not be re-attached after the text changed, and ${n === 1 ? 'is' : 'are'} not applied: ${list}${n > 5 ? '; …' : ''}. They are kept in the store; see Article Lens: Show Decisions.`,
  };
}

/** A problem in a store file, at its line. */
export function storeDiagnostic(p: StoreProblem): Diagnostic {
  return {
    range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 1000 } },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'store',
    message: p.message,
  };
}

/** Quick fixes of the spelling hints in the request: a versioned edit of the open document, and accepting the spelling. */
export function spellingFixes(ctx: ServerContext, textDocument: TextDocumentIdentifier, diagnostics: Diagnostic[], version: number | null): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source === SOURCE && d.code === 'undated-article') {
      actions.push({ title: 'Set the article date…', kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title: 'Set Article Date', command: PICK_ARTICLE_DATE, arguments: [textDocument.uri, null] } });
      continue;
    }
    if (d.source === SOURCE && d.code === 'orphaned-annotation') {
      actions.push({ title: 'Show the orphaned annotations', kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: 'Show decisions', command: SHOW_DECISIONS, arguments: [{ orphansOnly: true }] } });
      continue;
    }
    if (d.source !== SOURCE || d.code !== 'spelling' || !d.data) continue;
    const data = d.data as HintData;
    const entity = ctx.index.entity(data.entity);
    const edit = { range: d.range, newText: data.suggestion };
    actions.push({
      title: `Change to “${data.suggestion}”`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      // An edit of the open document, at the version the hint was made on: shown unsaved, undone with Ctrl+Z.
      edit: version === null ? { changes: { [textDocument.uri]: [edit] } } : { documentChanges: [{ textDocument: { uri: textDocument.uri, version }, edits: [edit] }] },
    });
    const args: AnnotateArgs = { uri: textDocument.uri, range: d.range, action: { kind: 'accept' } };
    actions.push({
      title: `Accept “${data.spelling}” as a spelling of ${entity?.name ?? data.suggestion}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: 'Accept spelling', command: ANNOTATE_COMMAND, arguments: [args] },
    });
  }
  return actions;
}
