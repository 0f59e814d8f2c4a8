// Label Studio tasks (JSON array) for its NER setup: the article under `data.text` (and `data.meta`), the mentions
// as `labels` results on regions. Mentions the user confirmed go into an annotation (a person's work in Label
// Studio's terms), the others into a prediction (a model's suggestion, shown for review).
// A result names the control and the object it belongs to: `from_name: "label"` is the <Labels name="label">
// control and `to_name: "text"` the <Text name="text"> object of the labelling config, which must therefore be
// LABELING_CONFIG or one with the same names. Offsets are Unicode code points: Label Studio's editor stores code
// point offsets since its fix for emoji (label-studio-frontend #308) and its docs read them as Python's
// `text[start:end]`; older versions counted UTF-16 units, which misplaces spans after an emoji.
import type { TextOf } from './imported';
import { CONLL_LABELS, type LabelSet } from './labels';
import { metaOf } from './jsonl';
import { offsetMap } from './codePoints';
import { importRecord, isObject, listOf, pathOf, type RawSpan } from './records';
import type { ReportBuilder } from './imported';
import type { ExportCorpus, ExportDocument, ExportMention, ImportReport } from './types';

/** person PER, organization ORG, location LOC, misc MISC, date DATE, time TIME: Label Studio's NER template's. */
export const LABELS: LabelSet = CONLL_LABELS;

export const FROM_NAME = 'label';
export const TO_NAME = 'text';
export const MODEL_VERSION = 'article-lens';

/** The labelling config the exported tasks fit (Settings > Labeling Interface > Code). */
export const LABELING_CONFIG = `<View>
  <Labels name="${FROM_NAME}" toName="${TO_NAME}">
${Object.values(LABELS).map((l) => `    <Label value="${l}"/>`).join('\n')}
  </Labels>
  <Text name="${TO_NAME}" value="$text"/>
</View>
`;

/** The tasks as a JSON array, one task a chunk (and a line). */
export function* labelStudioChunks(corpus: ExportCorpus): Generator<string> {
  yield '[';
  let first = true;
  for (const doc of corpus.documents) {
    yield (first ? '\n' : ',\n') + JSON.stringify(labelStudioTask(doc));
    first = false;
  }
  yield '\n]\n';
}

export function labelStudioTask(doc: ExportDocument) {
  const map = offsetMap(doc.text);
  const result = (m: ExportMention, i: number) => ({
    id: `m${i + 1}`,
    from_name: FROM_NAME,
    to_name: TO_NAME,
    type: 'labels',
    value: { start: map.toCodePoint(m.start), end: map.toCodePoint(m.end), text: m.text, labels: [LABELS[m.type]] },
  });
  const confirmed = doc.mentions.map(result).filter((_, i) => doc.mentions[i].confirmed);
  const suggested = doc.mentions.map(result).filter((_, i) => !doc.mentions[i].confirmed);
  const task: Record<string, unknown> = { data: { text: doc.text, meta: metaOf(doc) } };
  if (confirmed.length > 0) task.annotations = [{ result: confirmed }];
  if (suggested.length > 0) task.predictions = [{ model_version: MODEL_VERSION, result: suggested }];
  return task;
}

/**
 * One report per task. Spans of the latest annotation that was not cancelled are confirmed; a prediction's span
 * comes in unconfirmed where no annotation span overlaps it. (A prediction the annotator deleted therefore comes
 * back as a suggestion, never as a decision.)
 */
export function importLabelStudio(file: string, content: string, textOf?: TextOf): ImportReport[] {
  let tasks: unknown;
  try {
    tasks = JSON.parse(content);
  } catch (e) {
    return [importRecord(file, undefined, (report) => (report.mismatch(`not valid JSON (${(e as Error).message})`), null))];
  }
  const list = Array.isArray(tasks) ? tasks : [tasks];
  return list.map((task, i) =>
    importRecord(`${file}[${i}]`, textOf, (report) => {
      const data = isObject(task) ? task.data : undefined;
      if (!isObject(task) || !isObject(data) || typeof data.text !== 'string') {
        report.mismatch(`task ${i} has no "data.text"`);
        return null;
      }
      return { path: pathOf(data, data.meta), text: data.text, spans: spansOf(report, task) };
    }),
  );
}

function spansOf(report: ReportBuilder, task: Record<string, unknown>): RawSpan[] | null {
  const annotations = listOf(report, task, 'annotations');
  const predictions = listOf(report, task, 'predictions');
  if (!annotations || !predictions) return null;
  const kept = annotations.filter((a) => isObject(a) && a.was_cancelled !== true);
  if (kept.length < annotations.length) report.skip('cancelled annotation', annotations.length - kept.length);
  if (kept.length > 1) report.skip('older annotation of the task', kept.length - 1);
  const decided = kept.length > 0 ? regions(report, kept[kept.length - 1] as Record<string, unknown>, true) : [];
  if (predictions.length > 1) report.skip('further prediction of the task', predictions.length - 1);
  const suggested = isObject(predictions[0]) ? regions(report, predictions[0], false) : [];
  const open = suggested.filter((p) => {
    const overlaps = decided.some((d) => (p.start as number) < (d.end as number) && (d.start as number) < (p.end as number));
    if (overlaps) report.skip('prediction under an annotation');
    return !overlaps;
  });
  return [...decided, ...open];
}

function regions(report: ReportBuilder, holder: Record<string, unknown>, confirmed: boolean): RawSpan[] {
  const out: RawSpan[] = [];
  for (const r of listOf(report, holder, 'result') ?? []) {
    if (!isObject(r) || r.type !== 'labels' || !isObject(r.value)) {
      report.skip(`result of type ${isObject(r) ? String(r.type) : 'unknown'}`);
      continue;
    }
    const v = r.value;
    const labels = Array.isArray(v.labels) ? v.labels : [];
    if (labels.length > 1) report.skip('second label on a region', labels.length - 1);
    out.push({ start: v.start, end: v.end, label: labels[0], text: v.text, confirmed });
  }
  return out;
}
