// The annotation actions on a mention or a selection (Ctrl+., the context menu), and the command that carries
// them out: the user's decision is written to the store, and every feature answers from it at once.
import { type CodeAction, CodeActionKind, type Range } from 'vscode-languageserver';
import { type Action, crossesParagraph } from '../../core/annotations/actions';
import type { IndexedDocument } from '../../core/corpus/index';
import { ENTITY_TYPES, type FinalMention, type MentionType, isEntityType } from '../../core/model';
import { cleanName } from '../../core/resolve/names';
import { ANNOTATE_COMMAND, ASK_ANNOTATION_TEXT, type AnnotateArgs, type AnnotateResult, PICK_MERGE_TARGET } from '../../protocol';
import { offsetOf, rangeOf } from '../convert';
import type { ServerContext } from '../context';

/** Code actions for annotating are refactorings of the annotation, not fixes of the text. */
export const ANNOTATE_KIND = `${CodeActionKind.Refactor}.annotate`;

const TYPE_LABEL: Record<MentionType, string> = { person: 'person', organization: 'organization', location: 'location', misc: 'other name (misc)', date: 'date', time: 'time' };

export function annotationActions(ctx: ServerContext, doc: IndexedDocument, range: Range): CodeAction[] {
  const start = offsetOf(doc, range.start);
  const end = offsetOf(doc, range.end);
  const text = doc.text;
  const mention = mentionFor(doc, start, end);
  const span = mention ?? (end > start ? trimmed(text, start, end) : null);
  if (!span || span.end <= span.start) return [];
  const spanRange = rangeOf(doc, span);
  const surface = cleanName(text.slice(span.start, span.end));
  if (surface === '' || surface.length > 200 || crossesParagraph(text.slice(span.start, span.end))) return [];
  const q = `“${surface}”`;
  const base = { uri: doc.uri, range: spanRange };
  const act = (title: string, action: Action, preferred = false): CodeAction => ({
    title,
    kind: ANNOTATE_KIND,
    ...(preferred ? { isPreferred: true } : {}),
    command: { title, command: ANNOTATE_COMMAND, arguments: [{ ...base, action } satisfies AnnotateArgs] },
  });
  const client = (title: string, command: string, extra: unknown): CodeAction => ({ title, kind: ANNOTATE_KIND, command: { title, command, arguments: [base, extra] } });
  const out: CodeAction[] = [];

  if (mention && !isEntityType(mention.type)) {
    out.push(client(`Correct the value of ${q}…`, ASK_ANNOTATION_TEXT, { kind: 'value', current: mention.value }));
    out.push(act(`Not a ${mention.type}: this ${q} only`, { kind: 'reject', scope: 'mention' }));
    for (const type of ENTITY_TYPES) out.push(act(`Mark ${q} as ${TYPE_LABEL[type]}: this mention`, { kind: 'type', scope: 'mention', type }));
    return out;
  }
  const entity = mention?.entity ? ctx.index.entity(mention.entity) : undefined;
  if (mention && entity) {
    out.push(act(`Not an entity: this ${q} only`, { kind: 'reject', scope: 'mention' }));
    out.push(act(`Not an entity: every ${q} in the corpus`, { kind: 'reject', scope: 'spelling' }));
    if (!mention.confirmed) out.push(act(`Confirm ${q} as ${TYPE_LABEL[mention.type]}`, { kind: 'type', scope: 'mention', type: mention.type }, true));
    for (const type of ENTITY_TYPES) {
      if (type === mention.type) continue;
      out.push(act(`Mark ${q} as ${TYPE_LABEL[type]}: this mention`, { kind: 'type', scope: 'mention', type }));
      out.push(act(`Mark ${q} as ${TYPE_LABEL[type]}: every ${q} in the corpus`, { kind: 'type', scope: 'spelling', type }));
    }
    out.push(client(`Merge ${entity.name} with another entity…`, PICK_MERGE_TARGET, { entity: entity.id, name: entity.name }));
    if (entity.mentionCount > 1) out.push(act(`Split this ${q} out of ${entity.name} (a different entity)`, { kind: 'split', scope: 'mention' }));
    if (entity.spellings.length > 1) out.push(act(`Split the spelling ${q} out of ${entity.name}`, { kind: 'split', scope: 'spelling' }));
    out.push(client(entity.registered?.note ? `Edit the note on ${entity.name}…` : `Add a note to ${entity.name}…`, ASK_ANNOTATION_TEXT, { kind: 'note', current: entity.registered?.note ?? '' }));
    out.push(client(`Set the Wikidata id of ${entity.name}…`, ASK_ANNOTATION_TEXT, { kind: 'externalId', current: entity.registered?.ids?.wikidata ?? '' }));
    return out;
  }
  // A selection the recogniser did not take for a name or a date.
  for (const type of ENTITY_TYPES) {
    out.push(act(`Mark ${q} as ${TYPE_LABEL[type]}: this mention`, { kind: 'type', scope: 'mention', type }));
    out.push(act(`Mark ${q} as ${TYPE_LABEL[type]}: every ${q} in the corpus`, { kind: 'type', scope: 'spelling', type }));
  }
  out.push(act(`Mark ${q} as a date: this mention`, { kind: 'type', scope: 'mention', type: 'date' }));
  return out;
}

/** The mention the range is on: the one containing an empty range, or the one a selection covers exactly. */
function mentionFor(doc: IndexedDocument, start: number, end: number): FinalMention | undefined {
  const mentions = doc.mentions;
  if (start === end) return mentions.find((m) => m.start <= start && start <= m.end);
  const inside = mentions.filter((m) => m.start < end && start < m.end);
  return inside.length === 1 && inside[0].start >= start - 1 && inside[0].end <= end + 1 && trimmedCovers(doc.text, start, end, inside[0]) ? inside[0] : undefined;
}

function trimmedCovers(text: string, start: number, end: number, m: FinalMention): boolean {
  const t = trimmed(text, start, end);
  return t.start === m.start && t.end === m.end;
}

/** A selection without the spaces and punctuation around it. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s"'“”‘’.,;:!?()[\]]/.test(text[s])) s++;
  while (e > s && /[\s"'“”‘’.,;:!?()[\]]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Runs ANNOTATE_COMMAND: validates what the client sent, then decides through the store. */
export function runAnnotate(ctx: ServerContext, raw: unknown): AnnotateResult {
  const args = raw as AnnotateArgs | undefined;
  if (!args || typeof args.uri !== 'string' || !isRange(args.range) || !args.action || typeof args.action !== 'object') {
    return { ok: false, message: 'Article Lens: the annotation command needs a document, a range and an action.' };
  }
  const doc = ctx.document(args.uri);
  if (!doc) return { ok: false, message: 'Article Lens: this document is not an article of the workspace.' };
  const action = validAction(args.action);
  if (typeof action === 'string') return { ok: false, message: `Article Lens: ${action}` };
  let span = { start: offsetOf(doc, args.range.start), end: offsetOf(doc, args.range.end) };
  // A cursor (an empty range) acts on the mention it is in.
  if (span.end <= span.start) {
    const at = mentionFor(doc, span.start, span.start);
    if (at) span = { start: at.start, end: at.end };
  }
  const result = ctx.store.act(doc.uri, doc.text, span, action);
  if (!result.ok) return { ok: false, message: `Article Lens: ${result.message}` };
  ctx.refresh();
  return { ok: true, message: `Article Lens: ${result.summary}.` };
}

function validAction(a: Record<string, unknown> | Action): Action | string {
  const x = a as Record<string, unknown>;
  const scope = x.scope === 'mention' || x.scope === 'spelling' ? x.scope : null;
  switch (x.kind) {
    case 'type':
      return scope && typeof x.type === 'string' && (TYPE_LABEL as Record<string, string>)[x.type] ? { kind: 'type', scope, type: x.type as MentionType } : 'mark as needs a type and a scope';
    case 'reject':
      return scope ? { kind: 'reject', scope } : 'not an entity needs a scope';
    case 'split':
      return scope ? { kind: 'split', scope } : 'split needs a scope';
    case 'merge':
      return typeof x.into === 'string' ? { kind: 'merge', into: x.into } : 'merge needs the entity to merge with';
    case 'accept':
      return { kind: 'accept' };
    case 'rename':
      return typeof x.name === 'string' ? { kind: 'rename', name: x.name } : 'rename needs a name';
    case 'note':
      return typeof x.note === 'string' || x.note === null ? { kind: 'note', note: x.note as string | null } : 'a note is text';
    case 'externalId':
      return typeof x.wikidata === 'string' || x.wikidata === null ? { kind: 'externalId', wikidata: x.wikidata as string | null } : 'a Wikidata id is text';
    case 'value':
      return typeof x.value === 'string' || x.value === null ? { kind: 'value', value: x.value as string | null } : 'a date value is text';
    default:
      return `unknown annotation action ${JSON.stringify(x.kind)}`;
  }
}

function isRange(r: unknown): r is Range {
  const x = r as Range;
  const pos = (p: unknown) => !!p && Number.isFinite((p as { line: number }).line) && Number.isFinite((p as { character: number }).character);
  return !!x && pos(x.start) && pos(x.end);
}

