// The one place that converts between core data and LSP types (to_proto / from_proto).
import * as lsp from 'vscode-languageserver';
import type { IndexedDocument } from '../core/corpus/index';
import type { MentionType, Span } from '../core/model';
import type { Location } from '../core/queries/locations';

export function offsetOf(doc: IndexedDocument, position: lsp.Position): number {
  return doc.lines.offsetAt(position);
}

export function rangeOf(doc: IndexedDocument, span: Span): lsp.Range {
  return lsp.Range.create(doc.lines.positionAt(span.start), doc.lines.positionAt(span.end));
}

export function toLocation(lookup: (uri: string) => IndexedDocument | undefined, loc: Location): lsp.Location {
  const doc = lookup(loc.uri)!;
  return lsp.Location.create(loc.uri, rangeOf(doc, loc.span));
}

/** Token types in legend order; the manifest contributes the same names. */
export const TOKEN_TYPES: MentionType[] = ['person', 'organization', 'location', 'misc', 'date', 'time'];
/** Token modifiers in legend order: `confirmed` marks a mention the user decided, apart from the recogniser's guesses. */
export const TOKEN_MODIFIERS: string[] = ['confirmed'];
export const CONFIRMED_MODIFIER = 1 << TOKEN_MODIFIERS.indexOf('confirmed');

export const SYMBOL_KINDS: Record<MentionType, lsp.SymbolKind> = {
  person: lsp.SymbolKind.Class,
  organization: lsp.SymbolKind.Module,
  location: lsp.SymbolKind.Namespace,
  misc: lsp.SymbolKind.Enum,
  date: lsp.SymbolKind.Event,
  time: lsp.SymbolKind.Event,
};
