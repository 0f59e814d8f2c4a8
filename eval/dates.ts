// Evaluates date and time recognition on our own annotated articles (eval/dates/*.txt):
// span precision, recall and F1 (exact span and type) and value accuracy over the spans found.
// A first line `%% fallback: YYYY-MM-DD` gives the fallback reference date, as a user setting would.
// Every article is also read with CRLF and CR line ends, which must give the same mentions and values.
// A case with a fallback is also read as an undated article (no fallback, as `articleLens.dates.fallback: none`
// reads one): the wrong-value rate there must be 0, every value it cannot know being null, never a guess.
// Cases are `.txt` and `.md` files, read as the analysis reads them: front matter is metadata (its date the
// article's), and a Markdown file's markup is blanked (core/text/article.ts), so it is never a mention.
import * as fs from 'fs';
import * as path from 'path';
import { parseFixture } from '../test/fixture';
import { createDateRecognizer } from '../server/src/core/recognize/dates';
import { prepareArticle, spanOutsideMarkup } from '../server/src/core/text/article';

const dir = path.join(__dirname, 'dates');
const dates = createDateRecognizer();
/** The date recogniser over the case file as the analysis prepares it. */
let caseFile = '';
const recognizer = {
  recognize(text: string, options: { fallbackReferenceDate?: string; fileDate?: string }) {
    const prepared = prepareArticle(`file:///${caseFile}`, text);
    const result = dates.recognize(prepared.text, { ...options, metadataDate: prepared.frontMatter.date });
    if (!prepared.markdown) return result;
    // As the analysis does: no mention holds markup.
    const mentions = result.mentions.flatMap((m) => {
      const span = spanOutsideMarkup(m, text, prepared.text);
      return span ? [{ ...m, ...span }] : [];
    });
    return { ...result, mentions };
  },
};
let tp = 0;
let fp = 0;
let fn = 0;
let valueRight = 0;
let lineEndsAgree = 0;
const errors: string[] = [];
/** The cases read as undated: values found, values wrong (a non-null value that is not the right one), left null. */
const undated = { files: 0, spans: 0, valued: 0, wrong: 0, unresolved: 0 };
/** The same cases with the file's date standing in (a date far from theirs): wrong values all marked as guesses? */
const guessing = { valued: 0, wrong: 0, wrongUnmarked: 0 };
const FAR_FILE_DATE = '2026-11-30';

/** Mentions as text, type and value in order: comparable across line ends, which move offsets. */
function summary(text: string, options: { fallbackReferenceDate?: string }): string {
  const result = recognizer.recognize(text, options);
  const mentions = result.mentions.map((m) => `${text.slice(m.start, m.end).replace(/\r\n?/g, '\n')}|${m.type}|${m.value}`);
  return [...result.articles.map((a) => a.referenceDate), ...mentions].join('\n');
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort();
for (const file of files) {
  caseFile = file;
  let source = fs.readFileSync(path.join(dir, file), 'utf8');
  let fallback: string | undefined;
  const header = /^%% fallback: (\S+)(?:\r\n?|\n)/.exec(source);
  if (header) {
    fallback = header[1];
    source = source.slice(header[0].length);
  }
  const { text, mentions: expected } = parseFixture(source);
  const found = recognizer.recognize(text, { fallbackReferenceDate: fallback }).mentions;
  const lf = summary(text.replace(/\r\n?/g, '\n'), { fallbackReferenceDate: fallback });
  const differing = ['\r\n', '\r'].filter((eol) => summary(text.replace(/\r\n?|\n/g, eol), { fallbackReferenceDate: fallback }) !== lf);
  if (differing.length === 0) lineEndsAgree++;
  else errors.push(`${file}  line ends ${differing.map((eol) => JSON.stringify(eol)).join(', ')} give other mentions than "\\n"`);
  const context = (start: number, end: number): string =>
    `${text.slice(Math.max(0, start - 30), start)}[${text.slice(start, end)}]${text.slice(end, end + 20)}`.replace(/\s+/g, ' ');
  const key = (m: { start: number; end: number; type: string }): string => `${m.start}:${m.end}:${m.type}`;
  const foundByKey = new Map(found.map((m) => [key(m), m]));
  const expectedKeys = new Set(expected.map(key));
  for (const e of expected) {
    const f = foundByKey.get(key(e));
    if (!f) {
      fn++;
      errors.push(`${file}  missed    ${e.type}:${e.value ?? 'null'}  ${context(e.start, e.end)}`);
      continue;
    }
    tp++;
    const want = e.value ?? null;
    if (f.value === want) valueRight++;
    else errors.push(`${file}  value     want ${want} got ${f.value}  ${context(e.start, e.end)}  (${f.resolution})`);
  }
  if (fallback !== undefined) {
    undated.files++;
    const byKey = (options: { fileDate?: string }) => new Map(recognizer.recognize(text, options).mentions.map((m) => [key(m), m]));
    const none = byKey({});
    const guessed = byKey({ fileDate: FAR_FILE_DATE });
    for (const e of expected) {
      const want = e.value ?? null;
      const n = none.get(key(e));
      if (n) {
        undated.spans++;
        if (n.value === null) {
          if (want !== null) undated.unresolved++;
        } else {
          undated.valued++;
          if (n.value !== want) {
            undated.wrong++;
            errors.push(`${file}  undated   want ${want} got ${n.value}  ${context(e.start, e.end)}  (${n.resolution})`);
          }
        }
      }
      const g = guessed.get(key(e));
      if (g && g.value !== null) {
        guessing.valued++;
        if (g.value !== want) {
          guessing.wrong++;
          if (!g.guessed) guessing.wrongUnmarked++;
        }
      }
    }
  }
  for (const f of found) {
    if (expectedKeys.has(key(f))) continue;
    fp++;
    errors.push(`${file}  spurious  ${f.type}:${f.value}  ${context(f.start, f.end)}`);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : ((100 * n) / d).toFixed(1));
const precision = tp / (tp + fp);
const recall = tp / (tp + fn);
console.log(`spans: ${tp + fn} expected, ${tp + fp} found, ${tp} exact (span and type)`);
console.log(`precision ${pct(tp, tp + fp)}  recall ${pct(tp, tp + fn)}  F1 ${(100 * (2 * precision * recall) / (precision + recall)).toFixed(1)}`);
console.log(`value accuracy ${pct(valueRight, tp)} (${valueRight}/${tp} of the spans found)`);
console.log(`line ends: CRLF and CR give the same mentions as LF in ${lineEndsAgree}/${files.length} files`);
console.log(
  `read as undated (the ${undated.files} cases dated only by their fallback, no fallback given): wrong-value rate ${pct(undated.wrong, undated.valued)} ` +
    `(${undated.wrong} wrong of ${undated.valued} values; ${undated.unresolved} of ${undated.spans} spans left without a value)`,
);
console.log(`  with the file's date (${FAR_FILE_DATE}) standing in: ${guessing.wrong} of ${guessing.valued} values wrong, ${guessing.wrongUnmarked} of them not marked as guesses`);
if (errors.length) console.log(`\nerrors:\n${errors.join('\n')}`);
