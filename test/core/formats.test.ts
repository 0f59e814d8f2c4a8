import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isEntityType, type EntityType } from '../../server/src/core/model';
import { bratAnnotationConf, bratPath, exportBrat, importBrat } from '../../server/src/core/annotations/formats/brat';
import { offsetMap } from '../../server/src/core/annotations/formats/codePoints';
import { conllChunks } from '../../server/src/core/annotations/formats/conll';
import { entityTable, onlyConfirmed } from '../../server/src/core/annotations/formats/corpus';
import { cell, csvRows, parseCsv, CSV_HEADER } from '../../server/src/core/annotations/formats/csv';
import { doccanoLines, importDoccano } from '../../server/src/core/annotations/formats/doccano';
import { FORMATS, formatNamed } from '../../server/src/core/annotations/formats/index';
import { importJsonl, jsonlLines } from '../../server/src/core/annotations/formats/jsonl';
import { importLabelStudio, LABELING_CONFIG, labelStudioChunks } from '../../server/src/core/annotations/formats/labelStudio';
import type { ExportCorpus, ExportDocument, ExportEntity, ImportReport } from '../../server/src/core/annotations/formats/types';
import { w3cChunks } from '../../server/src/core/annotations/formats/w3c';
import { tokenize } from '../../server/src/core/text/tokenize';
import { TYPE_NAMES } from '../../server/src/core/recognize/names/tags';
import { readConll } from '../../train/conll';
import { parseFixture } from '../fixture';

// Fixture convention here: `<<Port Aster>>{location:port-aster!}` — after the colon a name's entity id (a date's
// ISO value); a trailing `!` marks a mention the user confirmed.
function article(docPath: string, source: string): ExportDocument {
  const f = parseFixture(source);
  const mentions = f.mentions.map((m) => {
    const raw = m.value ?? '';
    const confirmed = raw.endsWith('!');
    const v = confirmed ? raw.slice(0, -1) : raw;
    const name = isEntityType(m.type);
    return { start: m.start, end: m.end, text: m.text, type: m.type, entity: name && v ? v : null, value: !name && v ? v : null, confirmed };
  });
  return { path: docPath, text: f.text, title: f.text.split('\n')[0], referenceDate: '2024-03-04', mentions };
}

function entity(id: string, name: string, type: EntityType, extra: Partial<ExportEntity> = {}): ExportEntity {
  return { id, name, type, spellings: [name], mentions: 1, articles: 1, firstDate: null, lastDate: null, externalIds: {}, note: null, confirmed: false, ...extra };
}

// Characters outside the BMP before and inside names: a ship emoji and a mathematical bold capital A.
const ASTRAL = article(
  'harbour/astral.txt',
  `🚢 <<Port Aster>>{location:port-aster!} welcomed the <<𝐀lder Line>>{organization:alder-line} ferry on <<4 March 2024>>{date:2024-03-04!}.
Captain <<Mira 🚢 Quell>>{person:mira-quell} said the <<Aster Harbour Trust>>{organization:trust} would meet on <<Monday>>{date:2024-03-11} at <<9 am>>{time:T09:00}.
𝐀 crowd from <<Velden>>{location:velden!} cheered <<Quell>>{person:mira-quell!}.
`,
);

const LINE_BREAK = article(
  'harbour/broken.txt',
  `The ferry left <<Port
Aster>>{location:port-aster} at dawn, and <<Quell>>{person:mira-quell} waved from the <<Harbour\r\nTrust>>{organization:trust!} pier.
`,
);

const PLAIN = article(
  'harbour/plain.txt',
  `<<Velden>>{location:velden} council met <<Lena Ortiz>>{person:lena} <<Paul Reyes>>{person:paul} on <<Tuesday>>{date:2024-03-05}.
The <<Aster>>{misc:aster}-based crews and non-<<Aster>>{location:port-aster} crews joined the <<Harbour Cup>>{misc:cup}.
`,
);

const ENTITIES: ExportEntity[] = [
  entity('port-aster', 'Port Aster', 'location', { externalIds: { wikidata: 'Q3775', geonames: '12 34' }, confirmed: true, spellings: ['Port Aster', 'Aster'] }),
  entity('alder-line', '𝐀lder Line', 'organization'),
  entity('mira-quell', 'Mira Quell', 'person', { note: 'Captain of the ferry,\nsince 2019' }),
  entity('trust', 'Aster Harbour Trust', 'organization', { note: 'Runs the "old" harbour, and the pier' }),
  entity('velden', 'Velden', 'location'),
  entity('lena', '=HYPERLINK("http://x.invalid")', 'person'),
  entity('paul', '-Paul, "the" Reyes', 'person', { externalIds: { wikidata: 'Q1' } }),
  entity('aster', '@Aster', 'misc'),
  entity('cup', '+Harbour Cup', 'misc'),
];

const CORPUS: ExportCorpus = { documents: [ASTRAL, LINE_BREAK, PLAIN], entities: ENTITIES };

/** Offsets of a UTF-16 position in code points, counted the slow and obvious way. */
function cp(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}

function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

function joined(chunks: Iterable<string>): string {
  return [...chunks].join('');
}

/** An import back into export data: what the test exports again to compare with the first export. */
function rebuild(doc: ExportDocument, report: ImportReport): { doc: ExportDocument; entities: ExportEntity[] } {
  assert.deepStrictEqual(report.mismatches, []);
  const entities = new Map<string, ExportEntity>();
  const mentions = report.spans.map((s) => {
    if (s.entity !== undefined && isEntityType(s.label)) {
      entities.set(s.entity, entity(s.entity, s.entityName ?? '', s.label, { externalIds: s.externalIds ?? {}, note: s.note ?? null }));
    }
    return { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), type: s.label, entity: s.entity ?? null, value: s.value ?? null, confirmed: s.confirmed ?? false };
  });
  return { doc: { ...doc, mentions }, entities: [...entities.values()] };
}

describe('annotation formats: code points', () => {
  it('maps UTF-16 offsets to code points and back, in both directions, at every offset', () => {
    for (const text of ['plain text', '🚢 a 𝐀b 🚢🚢 c', '🚢', '']) {
      const map = offsetMap(text);
      assert.strictEqual(map.codePointLength, Array.from(text).length);
      for (let i = 0; i <= text.length; i++) {
        const inside = i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]) && /[\uDC00-\uDFFF]/.test(text[i]);
        const expected = cp(text, inside ? i - 1 : i);
        assert.strictEqual(map.toCodePoint(i), expected, `${JSON.stringify(text)} at ${i}`);
        if (!inside) assert.strictEqual(map.toUtf16(expected), i, `${JSON.stringify(text)} back from ${expected}`);
      }
      assert.strictEqual(map.toUtf16(map.codePointLength + 2), text.length + 2, 'past the end by as much');
    }
  });
});

describe('annotation formats: brat', () => {
  const table = entityTable(ENTITIES);

  /** Checks an .ann by brat's rules against its text; returns the T lines. */
  function checkAnn(ann: string, text: string): Map<string, { label: string; fragments: number[][]; text: string }> {
    const ts = new Map<string, { label: string; fragments: number[][]; text: string }>();
    const ids = new Set<string>();
    const lines = ann.split('\n');
    assert.strictEqual(lines.pop(), '', 'the file ends with a line end');
    for (const line of lines) {
      const [id, data, tail] = line.split('\t');
      assert.ok(!ids.has(id), `id ${id} is unique`);
      ids.add(id);
      if (id.startsWith('T')) {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
        assert.ok(m, `T line ${JSON.stringify(line)}`);
        const fragments = m[2].split(';').map((f) => f.split(' ').map(Number));
        assert.strictEqual(fragments.map(([s, e]) => codePointSlice(text, s, e)).join(' '), tail, `${id} covers its text, in code points`);
        ts.set(id, { label: m[1], fragments, text: tail });
      }
    }
    for (const line of lines) {
      const [id, data] = line.split('\t');
      if (id.startsWith('T')) continue;
      const target = data.split(' ')[1];
      assert.ok(ts.has(target), `${id} points at an existing T (${target})`);
      if (id.startsWith('#')) assert.match(data, /^AnnotatorNotes T\d+$/);
      else if (id.startsWith('N')) assert.match(data, /^Reference T\d+ [^\s:]+:\S+$/);
      else if (id.startsWith('A')) assert.match(data, /^Confirmed T\d+$/);
      else assert.fail(`unexpected line ${line}`);
    }
    return ts;
  }

  it('writes T, note, reference and attribute lines whose code point offsets cover the text', () => {
    const ann = exportBrat(ASTRAL, table);
    const ts = checkAnn(ann, ASTRAL.text);
    assert.deepStrictEqual(
      [...ts.values()].map((t) => [t.label, t.text]),
      ASTRAL.mentions.map((m) => [{ person: 'PER', organization: 'ORG', location: 'LOC', misc: 'MISC', date: 'DATE', time: 'TIME' }[m.type], m.text]),
    );
    const port = ASTRAL.mentions[0];
    assert.deepStrictEqual(ts.get('T1')!.fragments, [[cp(ASTRAL.text, port.start), cp(ASTRAL.text, port.end)]]);
    assert.strictEqual(cp(ASTRAL.text, port.start), 2, 'the ship before Port Aster is one code point');
    const lines = ann.split('\n');
    assert.ok(lines.includes('N1\tReference T1 ArticleLens:port-aster\tPort Aster'));
    assert.ok(lines.includes('N2\tReference T1 Wikidata:Q3775\tPort Aster'));
    assert.ok(lines.includes('N3\tReference T1 GeoNames:12%2034\tPort Aster'), 'white space in an id is escaped');
    assert.ok(lines.includes('A1\tConfirmed T1'));
    assert.ok(lines.includes('#1\tAnnotatorNotes T3\t2024-03-04'), 'a date carries its value');
    assert.ok(lines.some((l) => /^#\d+\tAnnotatorNotes T4\tCaptain of the ferry, since 2019$/.test(l)), "a name carries its entity's note, on one line");
  });

  it('writes a span across a line break as fragments, never as a broken line', () => {
    const ann = exportBrat(LINE_BREAK, table);
    const ts = checkAnn(ann, LINE_BREAK.text);
    assert.strictEqual(ts.get('T1')!.text, 'Port Aster');
    assert.strictEqual(ts.get('T1')!.fragments.length, 2);
    assert.strictEqual(ts.get('T3')!.text, 'Harbour Trust', 'a CRLF is one break');
    for (const line of ann.split('\n').slice(0, -1)) assert.match(line, /^[T#NA]\d+\t/);
  });

  it('reads back what it wrote, and writes it again the same', () => {
    for (const doc of [ASTRAL, LINE_BREAK, PLAIN]) {
      const ann = exportBrat(doc, table);
      const report = importBrat(bratPath(doc.path), ann, doc.text);
      assert.deepStrictEqual(report.skipped, []);
      assert.deepStrictEqual(report.spans.map((s) => [s.start, s.end, s.label]), doc.mentions.map((m) => [m.start, m.end, m.type]));
      const again = rebuild(doc, report);
      assert.strictEqual(exportBrat(again.doc, entityTable(again.entities)), ann, doc.path);
    }
    assert.strictEqual(bratPath('harbour/astral.txt'), 'harbour/astral.ann');
    assert.strictEqual(bratPath('harbour/notes'), 'harbour/notes.ann');
  });

  it('imports nothing from an .ann whose offsets do not fit the text, and says where', () => {
    const shifted = exportBrat(ASTRAL, table).replace(/^(T\d+\t\S+) (\d+) (\d+)/gm, (_, head, s, e) => `${head} ${Number(s) + 1} ${Number(e) + 1}`);
    const report = importBrat('astral.ann', shifted, ASTRAL.text);
    assert.deepStrictEqual(report.spans, []);
    assert.strictEqual(report.mismatches.length, 6, 'the first five, and how many more');
    assert.strictEqual(report.mismatches[5], '... and 4 more');
    assert.match(report.mismatches[0], /^line 1: T1 \(LOC 3 13\) says "Port Aster", the text there is "ort Aster "$/);
    // The same offsets counted in UTF-16 units (as a JavaScript tool would write them) do not fit either.
    const utf16 = `T1\tPER ${ASTRAL.mentions[3].start} ${ASTRAL.mentions[3].end}\tMira 🚢 Quell\n`;
    assert.strictEqual(importBrat('x.ann', utf16, ASTRAL.text).spans.length, 0);
  });

  it('skips what Article Lens has no place for, and counts it', () => {
    const ann = 'T1\tLOC 0 6\tVelden\nT2\tVehicle 7 14\tcouncil\nR1\tLocated Arg1:T1 Arg2:T2\nA1\tNegated T1\n#1\tAnnotatorNotes T9\tgone\n';
    const report = importBrat('x.ann', ann, PLAIN.text);
    assert.deepStrictEqual(report.spans, [{ start: 0, end: 6, label: 'location' }]);
    assert.deepStrictEqual(report.skipped.map((s) => s.reason), ['label Vehicle is no type of Article Lens', 'relation', 'attribute Negated', 'note on no span of ours']);
  });

  it('declares its labels and attribute in annotation.conf', () => {
    const conf = bratAnnotationConf();
    for (const label of ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME']) assert.match(conf, new RegExp(`^${label}$`, 'm'));
    assert.match(conf, /^\[attributes\]\nConfirmed\tArg:<ENTITY>$/m);
  });
});

describe('annotation formats: W3C Web Annotation', () => {
  it('writes a valid collection whose selectors agree with the text', () => {
    const json = JSON.parse(joined(w3cChunks(CORPUS, { sourceOf: (d) => `file:///work/${d.path}` })));
    assert.strictEqual(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.strictEqual(json.type, 'AnnotationCollection');
    assert.ok(typeof json.id === 'string' && json.id.length > 0);
    assert.strictEqual(json.first.type, 'AnnotationPage');
    const items = json.first.items;
    const mentions = CORPUS.documents.flatMap((d) => d.mentions.map((m) => ({ d, m })));
    assert.strictEqual(items.length, mentions.length);
    assert.strictEqual(json.total, mentions.length);
    assert.strictEqual(new Set(items.map((a: { id: string }) => a.id)).size, items.length, 'annotation ids are unique');
    items.forEach((a: any, i: number) => {
      const { d, m } = mentions[i];
      assert.strictEqual(a.type, 'Annotation');
      assert.strictEqual(a.motivation, 'tagging');
      assert.strictEqual(a.target.source, `file:///work/${d.path}`);
      const quote = a.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s: any) => s.type === 'TextPositionSelector');
      assert.strictEqual(quote.exact, m.text);
      assert.strictEqual(codePointSlice(d.text, position.start, position.end), quote.exact, 'positions count code points');
      const before = Array.from(quote.prefix).length;
      const after = Array.from(quote.suffix).length;
      assert.strictEqual(codePointSlice(d.text, position.start - before, position.end + after), quote.prefix + quote.exact + quote.suffix);
      assert.deepStrictEqual(a.body[0], { type: 'TextualBody', purpose: 'tagging', value: m.type });
      if (m.entity) assert.ok(a.body.some((b: any) => b.purpose === 'identifying' && b.value === m.entity));
      if (m.value) assert.ok(a.body.some((b: any) => b.purpose === 'describing' && b.value === m.value));
      assert.strictEqual(a.body.some((b: any) => b.purpose === 'assessing'), m.confirmed);
    });
    assert.ok(items[0].body.some((b: any) => b.type === 'SpecificResource' && b.source === 'http://www.wikidata.org/entity/Q3775'));
  });
});

describe('annotation formats: CoNLL', () => {
  const NAME = /^([BI])-(PER|ORG|LOC|MISC)$/;

  /** Sentences of each document: [word, tag] rows. */
  function parse(conll: string): [string, string][][][] {
    const docs: [string, string][][][] = [];
    for (const block of conll.split('\n\n')) {
      if (block.trim() === '') continue;
      if (block.startsWith('-DOCSTART-')) {
        docs.push([]);
        continue;
      }
      docs[docs.length - 1].push(block.trim().split('\n').map((l) => l.split(' ') as [string, string]));
    }
    return docs;
  }

  function checkScheme(conll: string, scheme: 'IOB1' | 'IOB2'): void {
    for (const doc of parse(conll)) {
      for (const sentence of doc) {
        let previous = 'O';
        for (const [word, tag] of sentence) {
          assert.ok(tag === 'O' || NAME.test(tag), `${word} ${tag}`);
          const [, bi, type] = NAME.exec(tag) ?? [];
          const prevType = NAME.exec(previous)?.[2];
          if (scheme === 'IOB2' && bi === 'I') assert.strictEqual(prevType, type, `IOB2: ${word} ${tag} continues a ${type}`);
          if (scheme === 'IOB1' && bi === 'B') assert.strictEqual(prevType, type, `IOB1: ${word} ${tag} follows another ${type}`);
          previous = tag;
        }
      }
    }
  }

  for (const scheme of ['IOB2', 'IOB1'] as const) {
    it(`writes valid ${scheme} over the tokenizer's tokens, readable by train/conll.ts`, () => {
      const conll = joined(conllChunks(CORPUS, { scheme }));
      assert.strictEqual(conll.split('\n')[0], `-DOCSTART- -X- ${scheme} O`, 'the scheme in the first -DOCSTART- line');
      assert.strictEqual(conll.split('\n').filter((l) => l === '-DOCSTART- -X- -X- O').length, CORPUS.documents.length - 1);
      checkScheme(conll, scheme);
      const docs = parse(conll);
      CORPUS.documents.forEach((d, i) => {
        const { tokens, sentences } = tokenize(d.text);
        assert.deepStrictEqual(docs[i].map((s) => s.map(([w]) => w)), sentences.map((s) => tokens.slice(s.first, s.end).map((t) => t.text)), `the tokens of ${d.path}`);
      });

      const dir = mkdtempSync(path.join(tmpdir(), 'article-lens-conll-'));
      try {
        const file = path.join(dir, 'export.conll');
        writeFileSync(file, conll);
        const gold = readConll(file);
        assert.strictEqual(gold.length, CORPUS.documents.length);
        // readConll's tags, decoded to names, are the mentions that cover a token start; dates are O.
        gold.forEach((g, i) => {
          const d = CORPUS.documents[i];
          const { tokens } = tokenize(d.text);
          assert.deepStrictEqual(g.words, tokens.map((t) => t.text));
          const expected = tokens.map((t) => {
            const m = d.mentions.find((x) => x.start <= t.start && t.start < x.end && isEntityType(x.type));
            return m ? TYPE_NAMES[['person', 'organization', 'location', 'misc'].indexOf(m.type)] : 'O';
          });
          assert.deepStrictEqual([...g.tags].map((tag) => (tag === 0 ? 'O' : TYPE_NAMES[(tag - 1) >> 1])), expected, d.path);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('tells apart adjacent names of one type, and labels a token by the mention covering its start', () => {
    const rows = (scheme: 'IOB1' | 'IOB2') => parse(joined(conllChunks({ documents: [PLAIN], entities: [] }, { scheme })))[0].flat().map((r) => r.join(' '));
    const iob2 = rows('IOB2');
    const iob1 = rows('IOB1');
    assert.deepStrictEqual(iob2.slice(0, 7), ['Velden B-LOC', 'council O', 'met O', 'Lena B-PER', 'Ortiz I-PER', 'Paul B-PER', 'Reyes I-PER']);
    assert.deepStrictEqual(iob1.slice(0, 7), ['Velden I-LOC', 'council O', 'met O', 'Lena I-PER', 'Ortiz I-PER', 'Paul B-PER', 'Reyes I-PER']);
    assert.ok(iob2.includes('Tuesday O'), 'dates are not names');
    assert.ok(iob2.includes('Aster-based B-MISC'), 'the mention covers the start of the hyphenated token');
    assert.ok(iob2.includes('non-Aster O'), 'a mention starting inside a token does not label it');
  });

  it('starts a name again after a line break (a new sentence)', () => {
    const rows = parse(joined(conllChunks({ documents: [LINE_BREAK], entities: [] })))[0];
    assert.deepStrictEqual(rows[0].slice(-1), [['Port', 'B-LOC']]);
    assert.deepStrictEqual(rows[1][0], ['Aster', 'B-LOC']);
  });
});

describe('annotation formats: JSON lines (spaCy, Prodigy) and doccano', () => {
  function tokenBoundaries(text: string): { starts: Set<number>; ends: Set<number> } {
    const { tokens } = tokenize(text);
    return { starts: new Set(tokens.map((t) => cp(text, t.start))), ends: new Set(tokens.map((t) => cp(text, t.end))) };
  }

  it('writes spans in code points, inside the text, non-overlapping, on token boundaries', () => {
    const lines = joined(jsonlLines(CORPUS)).split('\n');
    assert.strictEqual(lines.pop(), '');
    lines.forEach((line, i) => {
      const doc = CORPUS.documents[i];
      const record = JSON.parse(line);
      assert.strictEqual(record.text, doc.text);
      assert.deepStrictEqual(record.meta, { path: doc.path, title: doc.title, referenceDate: doc.referenceDate });
      const length = Array.from(record.text).length;
      const { starts, ends } = tokenBoundaries(doc.text);
      let last = 0;
      record.spans.forEach((s: { start: number; end: number; label: string }, k: number) => {
        assert.ok(0 <= s.start && s.start < s.end && s.end <= length, 'inside the text');
        assert.ok(s.start >= last, 'non-overlapping');
        last = s.end;
        // On token boundaries wherever the mention is (PLAIN's `Aster` inside `Aster-based` is not): none moves.
        const m = doc.mentions[k];
        const aligned = tokenize(doc.text).tokens.some((t) => t.start === m.start) && tokenize(doc.text).tokens.some((t) => t.end === m.end);
        assert.strictEqual(starts.has(s.start) && ends.has(s.end), aligned, `on token boundaries: ${JSON.stringify(s)}`);
        assert.strictEqual(codePointSlice(doc.text, s.start, s.end), doc.mentions[k].text);
        assert.ok(['PERSON', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME'].includes(s.label));
      });
    });
    assert.deepStrictEqual(JSON.parse(lines[0]).spans[0], { start: 2, end: 12, label: 'LOC', confirmed: CORPUS.documents[0].mentions[0].confirmed });
  });

  it("adds Prodigy's tokens and each span's inclusive token range on request", () => {
    const record = JSON.parse(joined(jsonlLines({ documents: [ASTRAL], entities: [] }, { tokens: true })));
    for (const s of record.spans) {
      const first = record.tokens[s.token_start];
      const last = record.tokens[s.token_end];
      assert.strictEqual(first.start, s.start);
      assert.strictEqual(last.end, s.end);
    }
    const plain = JSON.parse(joined(jsonlLines({ documents: [PLAIN], entities: [] }, { tokens: true })));
    const inside = plain.spans.find((s: any) => codePointSlice(PLAIN.text, s.start, s.end) === 'Aster');
    assert.ok(inside && inside.token_start === undefined, 'no token range for a span inside a token');
    assert.deepStrictEqual(record.tokens.slice(0, 3).map((t: any) => [t.text, t.start, t.end, t.ws]), [['🚢', 0, 1, true], ['Port', 2, 6, true], ['Aster', 7, 12, true]]);
  });

  it('reads JSON lines back, and writes them again the same', () => {
    const exported = joined(jsonlLines(CORPUS));
    const reports = importJsonl('export.jsonl', exported);
    assert.deepStrictEqual(reports.map((r) => r.file), CORPUS.documents.map((d) => d.path));
    const again = CORPUS.documents.map((d, i) => rebuild(d, reports[i]).doc);
    assert.strictEqual(joined(jsonlLines({ documents: again, entities: [] })), exported);
  });

  it('reads doccano lines back in either unit, and writes them again the same', () => {
    for (const offsets of ['utf16', 'codePoints'] as const) {
      const exported = joined(doccanoLines(CORPUS, { offsets }));
      const first = JSON.parse(exported.split('\n')[0]);
      assert.deepStrictEqual(first.label[0], offsets === 'utf16' ? [3, 13, 'LOC'] : [2, 12, 'LOC']);
      const reports = importDoccano('export.jsonl', exported, undefined, { offsets });
      const again = CORPUS.documents.map((d, i) => rebuild(d, reports[i]).doc);
      assert.strictEqual(joined(doccanoLines({ documents: again, entities: [] }, { offsets })), exported, offsets);
    }
  });

  it('validates what it reads: spans inside the text, the text the article has, overlaps skipped', () => {
    const line = (spans: unknown) => JSON.stringify({ text: 'Velden and Port Aster', spans, meta: { path: 'a.txt' } });
    const outside = importJsonl('x.jsonl', line([{ start: 11, end: 40, label: 'LOC' }]))[0];
    assert.deepStrictEqual(outside.spans, []);
    assert.match(outside.mismatches[0], /not inside the text/);
    const overlapping = importJsonl('x.jsonl', line([{ start: 11, end: 21, label: 'LOC' }, { start: 16, end: 21, label: 'LOC' }, { start: 0, end: 6, label: 'GPE' }]))[0];
    assert.deepStrictEqual(overlapping.spans, [{ start: 0, end: 6, label: 'location' }, { start: 11, end: 21, label: 'location' }]);
    assert.deepStrictEqual(overlapping.skipped, [{ reason: 'overlaps another span', count: 1 }]);
    const changed = importJsonl('x.jsonl', line([{ start: 0, end: 6, label: 'LOC' }]), (p) => (p === 'a.txt' ? 'Velden or Port Aster' : undefined))[0];
    assert.deepStrictEqual(changed.spans, []);
    assert.match(changed.mismatches[0], /differs from the article's at offset 7/);
    const broken = importJsonl('x.jsonl', '{"text": "a"}\nnot json\n');
    assert.deepStrictEqual(broken.map((r) => [r.file, r.mismatches.length]), [['x.jsonl:1', 0], ['x.jsonl:2', 1]]);
    const rejected = importJsonl('x.jsonl', JSON.stringify({ text: 'Velden', spans: [{ start: 0, end: 6, label: 'LOC' }], answer: 'reject' }))[0];
    assert.deepStrictEqual([rejected.spans, rejected.skipped], [[], [{ reason: 'record answered reject', count: 1 }]]);
  });
});

describe('annotation formats: Label Studio', () => {
  it('writes tasks as its importer expects: confirmed mentions as annotations, the rest as predictions', () => {
    const tasks = JSON.parse(joined(labelStudioChunks(CORPUS)));
    assert.ok(Array.isArray(tasks));
    assert.strictEqual(tasks.length, CORPUS.documents.length);
    const configured = [...LABELING_CONFIG.matchAll(/<Label value="([^"]+)"/g)].map((m) => m[1]);
    assert.match(LABELING_CONFIG, /<Labels name="label" toName="text">/);
    assert.match(LABELING_CONFIG, /<Text name="text" value="\$text"\/>/);
    tasks.forEach((task: any, i: number) => {
      const doc = CORPUS.documents[i];
      assert.strictEqual(task.data.text, doc.text);
      assert.strictEqual(task.data.meta.path, doc.path);
      const results = [...(task.annotations?.[0].result ?? []).map((r: any) => [r, true]), ...(task.predictions?.[0].result ?? []).map((r: any) => [r, false])];
      assert.strictEqual(results.length, doc.mentions.length);
      if (task.predictions) assert.strictEqual(task.predictions[0].model_version, 'article-lens');
      for (const [r, confirmed] of results) {
        assert.deepStrictEqual(Object.keys(r).sort(), ['from_name', 'id', 'to_name', 'type', 'value']);
        assert.deepStrictEqual([r.from_name, r.to_name, r.type], ['label', 'text', 'labels']);
        assert.strictEqual(codePointSlice(doc.text, r.value.start, r.value.end), r.value.text);
        assert.strictEqual(r.value.labels.length, 1);
        assert.ok(configured.includes(r.value.labels[0]));
        const m = doc.mentions.find((x) => x.text === r.value.text && cp(doc.text, x.start) === r.value.start)!;
        assert.strictEqual(m.confirmed, confirmed);
      }
    });
    assert.deepStrictEqual(tasks[0].annotations[0].result[0].value, { start: 2, end: 12, text: 'Port Aster', labels: ['LOC'] });
  });

  it('reads tasks back, and writes them again the same', () => {
    const exported = joined(labelStudioChunks(CORPUS));
    const reports = importLabelStudio('tasks.json', exported);
    assert.deepStrictEqual(reports.map((r) => [r.file, r.mismatches, r.skipped]), CORPUS.documents.map((d) => [d.path, [], []]));
    const again = CORPUS.documents.map((d, i) => rebuild(d, reports[i]).doc);
    assert.strictEqual(joined(labelStudioChunks({ documents: again, entities: [] })), exported);
  });

  it("prefers a person's annotation to the predictions under it, and checks each region's text", () => {
    const task = {
      data: { text: 'Velden and Port Aster', meta: { path: 'a.txt' } },
      annotations: [{ was_cancelled: false, result: [{ id: 'x', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 11, end: 21, text: 'Port Aster', labels: ['ORG'] } }] }],
      predictions: [{ result: [
        { id: 'y', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 16, end: 21, text: 'Aster', labels: ['LOC'] } },
        { id: 'z', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 6, text: 'Velden', labels: ['LOC'] } },
      ] }],
    };
    const [report] = importLabelStudio('tasks.json', JSON.stringify([task]));
    assert.deepStrictEqual(report.spans, [{ start: 0, end: 6, label: 'location', confirmed: false }, { start: 11, end: 21, label: 'organization', confirmed: true }]);
    assert.deepStrictEqual(report.skipped, [{ reason: 'prediction under an annotation', count: 1 }]);
    task.annotations[0].result[0].value.start = 12;
    const [wrong] = importLabelStudio('tasks.json', JSON.stringify([task]));
    assert.deepStrictEqual(wrong.spans, []);
    assert.match(wrong.mismatches[0], /says "Port Aster", the text there is "ort Aster"/);
  });
});

describe('annotation formats: CSV of entities', () => {
  it('quotes by RFC 4180 so that every cell reads back, and guards against formulas', () => {
    const csv = joined(csvRows(ENTITIES));
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv);
    assert.deepStrictEqual(rows[0], [...CSV_HEADER]);
    assert.strictEqual(rows.length, ENTITIES.length + 1);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    assert.deepStrictEqual(byId.get('port-aster'), ['port-aster', 'Port Aster', 'location', 'Port Aster; Aster', '1', '1', '', '', 'wikidata:Q3775; geonames:12 34', '']);
    assert.strictEqual(byId.get('mira-quell')![9], 'Captain of the ferry,\nsince 2019');
    assert.strictEqual(byId.get('trust')![9], 'Runs the "old" harbour, and the pier');
    assert.strictEqual(byId.get('lena')![1], `'=HYPERLINK("http://x.invalid")`);
    assert.strictEqual(byId.get('paul')![1], `'-Paul, "the" Reyes`);
    assert.strictEqual(byId.get('aster')![1], "'@Aster");
    assert.strictEqual(byId.get('cup')![1], "'+Harbour Cup");
    assert.strictEqual(byId.get('alder-line')![1], '𝐀lder Line');
    assert.strictEqual(cell('plain'), 'plain');
    assert.strictEqual(cell('a "b"'), '"a ""b"""');
    assert.strictEqual(cell('\tx'), "'\tx");
    assert.ok(joined(csvRows([], { bom: true })).startsWith('\uFEFFid,'));
  });
});

describe('annotation formats: the list and the confirmed selection', () => {
  it('lists every format once, each writing the corpus', () => {
    assert.strictEqual(new Set(FORMATS.map((f) => f.name)).size, FORMATS.length);
    const table = entityTable(CORPUS.entities);
    for (const format of FORMATS) {
      assert.strictEqual(formatNamed(format.name), format);
      const out = format.output === 'stream' ? joined(format.write(CORPUS)) : CORPUS.documents.map((d) => format.write(d, table)).join('');
      assert.ok(out.length > 0, format.name);
    }
  });

  it('keeps only confirmed mentions, the documents that have one, and the entities they name or that are confirmed', () => {
    const only = onlyConfirmed(CORPUS);
    assert.deepStrictEqual(only.documents.map((d) => [d.path, d.mentions.map((m) => m.text)]), [
      ['harbour/astral.txt', ['Port Aster', '4 March 2024', 'Velden', 'Quell']],
      ['harbour/broken.txt', ['Harbour\r\nTrust']],
    ]);
    assert.deepStrictEqual(only.entities.map((e) => e.id), ['port-aster', 'mira-quell', 'trust', 'velden']);
  });
});
