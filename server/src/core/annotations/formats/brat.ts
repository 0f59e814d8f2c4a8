// brat standoff (https://brat.nlplab.org/standoff.html): one `.ann` beside each `.txt`.
//   T1<TAB>LOC 0 4<TAB>Port            a text-bound span: label, offsets, the text it covers
//   T2<TAB>LOC 10 14;15 20<TAB>Port Aster   the same across a line break: one fragment per line, joined by a space
//   #1<TAB>AnnotatorNotes T3<TAB>2024-03-04  a date's ISO value, or a name's entity note
//   N1<TAB>Reference T1 ArticleLens:e12<TAB>Port Aster   the Article Lens entity (name as the tail)
//   N2<TAB>Reference T1 Wikidata:Q3775<TAB>Port Aster    an external id of the entity
//   A1<TAB>Confirmed T1                        the user decided this mention
// brat counts offsets in Unicode code points (its server is Python 3), Article Lens in UTF-16 units: both ways
// convert. (brat's browser client itself misplaces spans after a character outside the BMP, brat issue #1115.)
// A name never sits on a broken line: a span across a line break becomes brat's discontinuous fragments.
import type { MentionType } from '../../model';
import { offsetMap } from './codePoints';
import type { EntityTable } from './corpus';
import { ReportBuilder, quote } from './imported';
import { CONLL_LABELS, type LabelSet, typeOfLabel } from './labels';
import type { ExportDocument, ImportedSpan, ImportReport } from './types';

/** person PER, organization ORG, location LOC, misc MISC, date DATE, time TIME. */
export const LABELS: LabelSet = CONLL_LABELS;

/** The normalization "database" that carries the Article Lens entity id. */
const OWN_DB = 'ArticleLens';
/** brat names for the usual external bases; other keys are written as they are. */
const DB_NAMES: Record<string, string> = { wikidata: 'Wikidata', wikipedia: 'Wikipedia', geonames: 'GeoNames', viaf: 'VIAF', orcid: 'ORCID' };
const CONFIRMED = 'Confirmed';

// Characters that end a line for brat's Python reader (str.splitlines), runs of them between fragments.
const LINE_BREAKS = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+/g;
const HAS_LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
const UNSAFE_IN_FIELD = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029\t]+/g;

/** The `.ann` path of an article: its path with `.ann` for its extension. (brat wants the text as `.txt` beside it.) */
export function bratPath(path: string): string {
  return path.replace(/(\.[^./]*)?$/, '.ann');
}

/** The `annotation.conf` that declares the labels and the attribute an export uses. */
export function bratAnnotationConf(): string {
  const labels = Object.values(LABELS).join('\n');
  return `# Article Lens export: entity and date labels, and the attribute marking a mention the user decided.\n[entities]\n${labels}\n\n[relations]\n\n[events]\n\n[attributes]\n${CONFIRMED}\tArg:<ENTITY>\n`;
}

export function exportBrat(doc: ExportDocument, entities: EntityTable): string {
  const { text } = doc;
  const map = offsetMap(text);
  const out: string[] = [];
  let notes = 0;
  let refs = 0;
  let attributes = 0;
  doc.mentions.forEach((m, i) => {
    const id = `T${i + 1}`;
    const fragments = fragmentsOf(text, m.start, m.end);
    if (fragments.length === 0) return; // nothing but line breaks: no span brat can show
    const offsets = fragments.map(([s, e]) => `${map.toCodePoint(s)} ${map.toCodePoint(e)}`).join(';');
    out.push(`${id}\t${LABELS[m.type]} ${offsets}\t${fragments.map(([s, e]) => text.slice(s, e)).join(' ')}\n`);
    const entity = m.entity === null ? undefined : entities.get(m.entity);
    const note = m.value ?? entity?.note ?? null;
    if (note !== null && note !== '') out.push(`#${++notes}\tAnnotatorNotes ${id}\t${field(note)}\n`);
    if (m.entity !== null) {
      const tail = entity ? `\t${field(entity.name)}` : '';
      out.push(`N${++refs}\tReference ${id} ${OWN_DB}:${escapeRef(m.entity)}${tail}\n`);
      for (const [base, ref] of Object.entries(entity?.externalIds ?? {})) {
        out.push(`N${++refs}\tReference ${id} ${dbName(base)}:${escapeRef(ref)}${tail}\n`);
      }
    }
    if (m.confirmed) out.push(`A${++attributes}\t${CONFIRMED} ${id}\n`);
  });
  return out.join('');
}

/** The mention's pieces between line breaks, as UTF-16 ranges. */
function fragmentsOf(text: string, start: number, end: number): [number, number][] {
  const surface = text.slice(start, end);
  if (!HAS_LINE_BREAK.test(surface)) return [[start, end]];
  const out: [number, number][] = [];
  let from = 0;
  for (const b of surface.matchAll(LINE_BREAKS)) {
    if (b.index! > from) out.push([start + from, start + b.index!]);
    from = b.index! + b[0].length;
  }
  if (from < surface.length) out.push([start + from, end]);
  return out;
}

function field(s: string): string {
  return s.replace(UNSAFE_IN_FIELD, ' ');
}

function dbName(base: string): string {
  return DB_NAMES[base.toLowerCase()] ?? base.replace(/[\s:]/g, '_');
}

function baseOf(db: string): string {
  const known = Object.keys(DB_NAMES).find((k) => DB_NAMES[k].toLowerCase() === db.toLowerCase());
  return known ?? db;
}

/** Reference ids may not hold white space; `%` is escaped too so that reading back is exact. */
function escapeRef(id: string): string {
  return id.replace(/[%\s]/gu, (c) => encodeURIComponent(c));
}

function unescapeRef(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

interface TextBound {
  type: MentionType;
  span: ImportedSpan;
}

const TEXT_BOUND = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/;
const ISO_VALUE = /^(?:\d{4}|T\d{2})[\dTW:.+-]*$/;

/** Reads a `.ann` against its text; any T whose text is not the text at its offsets fails the whole file. */
export function importBrat(file: string, ann: string, text: string): ImportReport {
  const report = new ReportBuilder(file);
  const map = offsetMap(text);
  const bounds = new Map<string, TextBound>();
  const attached: { id: string; data: string; tail: string }[] = [];
  ann.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    if (tab < 0) return report.skip('unreadable line');
    const id = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? '' : rest.slice(tab2 + 1);
    if (id[0] !== 'T') attached.push({ id, data, tail });
    else if (bounds.has(id)) report.mismatch(`line ${n + 1}: ${id} is defined twice`);
    else {
      const b = readTextBound(report, `line ${n + 1}: ${id}`, data, tail, text, map.toUtf16);
      if (b) bounds.set(id, b);
    }
  });
  for (const { id, data, tail } of attached) readAttached(report, bounds, id, data, tail);
  for (const b of bounds.values()) report.add(b.span);
  return report.finish(text.length);
}

/**
 * A decimal offset as a small integer. (Number() may give a heap number, and one heap number stored in `start`
 * turns the field of every `{ start, end, ... }` object in the process to doubles: tokens, mentions, all slower.)
 * Past 2^30 it is no offset of any text.
 */
function smallInteger(digits: string): number {
  return Math.min(Number(digits), 2 ** 30) | 0;
}

function readTextBound(report: ReportBuilder, where: string, data: string, tail: string, text: string, toUtf16: (cp: number) => number): TextBound | null {
  const m = TEXT_BOUND.exec(data);
  if (!m) {
    report.mismatch(`${where} is not a text-bound annotation brat can read: ${quote(data)}`);
    return null;
  }
  const fragments = m[2].split(';').map((f) => f.split(' ').map((x) => toUtf16(smallInteger(x))) as [number, number]);
  const inside = fragments.every(([s, e], k) => s <= e && e <= text.length && (k === 0 || s >= fragments[k - 1][1]));
  const covered = inside ? fragments.map(([s, e]) => text.slice(s, e)).join(' ') : null;
  if (covered !== tail) {
    const there = covered === null ? 'those offsets are not inside the text' : `the text there is ${quote(covered)}`;
    report.mismatch(`${where} (${m[1]} ${m[2]}) says ${quote(tail)}, ${there}`);
    return null;
  }
  const type = typeOfLabel(m[1]);
  if (type === null) {
    report.skip(`label ${m[1]} is no type of Article Lens`);
    return null;
  }
  // Fragments are one span only when nothing but white space lies between them (a name across a line break).
  for (let k = 1; k < fragments.length; k++) {
    if (/\S/.test(text.slice(fragments[k - 1][1], fragments[k][0]))) {
      report.skip('discontinuous span with words between its fragments');
      return null;
    }
  }
  return { type, span: { start: fragments[0][0], end: fragments[fragments.length - 1][1], label: type } };
}

/** Notes, references and attributes, each on a T read before. */
function readAttached(report: ReportBuilder, bounds: Map<string, TextBound>, id: string, data: string, tail: string): void {
  const parts = data.split(' ');
  switch (id[0]) {
    case '#': {
      const b = bounds.get(parts[1]);
      if (parts[0] !== 'AnnotatorNotes' || !b) return report.skip('note on no span of ours');
      const isTemporal = b.type === 'date' || b.type === 'time';
      if (isTemporal && ISO_VALUE.test(tail) && b.span.value === undefined) b.span.value = tail;
      else if (b.span.note === undefined) b.span.note = tail;
      else report.skip('second note on a span');
      return;
    }
    case 'N': {
      const m = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(data);
      const b = m ? bounds.get(m[2]) : undefined;
      if (!m || !b) return report.skip('reference on no span of ours');
      const ref = unescapeRef(m[4]);
      if (m[3] === OWN_DB) {
        b.span.entity = ref;
        if (tail !== '') b.span.entityName = tail;
      } else if (m[3] !== '__proto__') {
        (b.span.externalIds ??= {})[baseOf(m[3])] = ref;
        if (tail !== '' && b.span.entityName === undefined) b.span.entityName = tail;
      }
      return;
    }
    case 'A':
    case 'M': {
      const b = bounds.get(parts[1]);
      if (parts[0] !== CONFIRMED || !b) return report.skip(`attribute ${parts[0]}`);
      b.span.confirmed = parts.length < 3 || parts[2] !== 'false';
      return;
    }
    case 'R':
      return report.skip('relation');
    case 'E':
      return report.skip('event');
    case '*':
      return report.skip('equivalence');
    default:
      return report.skip(`annotation of kind ${id[0]}`);
  }
}
