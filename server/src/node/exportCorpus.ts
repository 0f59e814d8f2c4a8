// The analysed corpus as the exporters read it (core/annotations/formats): final mentions of the chosen articles,
// each marked as the user's or the recogniser's, and the entities they mention. Shared by the command line and
// the language server, so an export is the same from both.
import * as fs from 'fs';
import * as path from 'path';
import { type CorpusIndex, knownDateOf } from '../core/corpus/index';
import type { ExportCorpus, ExportDocument, ExportEntity } from '../core/annotations/formats';
import { isEntityType } from '../core/model';

export interface ExportSource {
  uri: string;
  /** The article's path relative to the export's root, with `/` separators. */
  path: string;
}

export function exportCorpusOf(index: CorpusIndex, sources: readonly ExportSource[]): ExportCorpus {
  const documents: ExportDocument[] = [];
  const used = new Map<string, { dates: string[] }>();
  for (const { uri, path: rel } of sources) {
    const doc = index.get(uri);
    if (!doc) continue;
    // Only a known date is exported (a guess from the file's date would pass for one in other tools, and in the CSV's date range).
    const date = knownDateOf(doc.analysis);
    const mentions = doc.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity, value: m.value, confirmed: m.confirmed }));
    for (const m of mentions) {
      if (m.entity === null || !isEntityType(m.type)) continue;
      let u = used.get(m.entity);
      if (!u) used.set(m.entity, (u = { dates: [] }));
      if (date) u.dates.push(date);
    }
    documents.push({ path: rel, text: doc.text, title: index.titleOf(doc), referenceDate: date, mentions });
  }
  const entities: ExportEntity[] = [];
  for (const [id, { dates }] of [...used].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const e = index.entity(id);
    if (!e) continue;
    dates.sort();
    entities.push({
      id,
      name: e.name,
      type: e.type,
      spellings: e.spellings.map((s) => s.text),
      mentions: e.mentionCount,
      articles: e.documents.size,
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      externalIds: { ...(e.registered?.ids ?? {}) },
      note: e.registered?.note ?? null,
      confirmed: e.registered !== undefined,
    });
  }
  return { documents, entities };
}

/**
 * Writes `files` (paths relative to `out`) so that nothing is half-written: everything goes to a fresh folder
 * beside `out` first, then each file is renamed into place. A failure before the renames leaves `out` untouched.
 */
export function writeExport(out: string, files: readonly { path: string; content: string }[]): void {
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.export-`));
  try {
    for (const f of files) {
      const file = path.join(staging, f.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.content);
    }
    fs.mkdirSync(target, { recursive: true });
    for (const f of files) {
      const to = path.join(target, f.path);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(path.join(staging, f.path), to);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
