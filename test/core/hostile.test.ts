// Hostile text: what the caps that keep every stage linear (giant tokens, endless sentences, dense date
// triggers, long strings in the similarity evidence) do to the analysis. Timings are measured in
// bench/pathological.ts; these tests check that the caps lose nothing a real article holds.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { recognizeDates } from '../../server/src/core/recognize/dates';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Tagger, decodeModel, recognizeInChunks } from '../../server/src/core/recognize/names';
import { deletions, editDistance } from '../../server/src/core/resolve/similarity';
import { MAX_SENTENCE_TOKENS, tokenize } from '../../server/src/core/text/tokenize';
import { loadRecognizers } from '../../server/src/node/recognizers';

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('hostile text', () => {
  it('tags a long text a stretch at a time, cut between paragraphs, with the names of one pass over it all', () => {
    const tagger = new Tagger(decodeModel(fs.readFileSync(path.join(__dirname, '..', '..', 'models', 'names.model'))).weights!);
    const paragraphs = [
      'Mayor Ingrid Dalca opened the Kessel Bridge in Port Ellis on Monday.',
      'The Harbour Authority said Tomas Brenn of Halvorsen Consulting would inspect it.',
      'Ilse Varga, who leads the Velorian Dockworkers Federation, welcomed the news in Marrow Bay.',
    ];
    let text = '';
    for (let i = 0; text.length < 40_000; i++) text += paragraphs[i % 3] + (i % 5 === 4 ? '\n' : '\n\n');
    const whole = recognizeInChunks(tagger, text, Infinity);
    const chunked = recognizeInChunks(tagger, text, 4096);
    assert.ok(whole.length > 500);
    assert.deepEqual(chunked, whole);
    // Without a paragraph break or a line end in reach, the cut falls at a space: no word is split (a name
    // written across the cut may come out as two, the price of bounded memory on text without line ends).
    const oneLine = text.replace(/\n+/g, ' ');
    const names = recognizeInChunks(tagger, oneLine, 4096);
    assert.ok(names.length > 500);
    for (const n of names) assert.ok(!/\w/.test(oneLine[n.start - 1] ?? ' ') && !/\w/.test(oneLine[n.end] ?? ' '), oneLine.slice(n.start - 5, n.end + 5));
  });

  it('cuts a sentence without an end into bounded chunks that cover every token', () => {
    const text = 'Alpha Beta Gamma '.repeat(1000);
    const { tokens, sentences } = tokenize(text);
    assert.equal(tokens.length, 3000);
    assert.ok(sentences.every((s) => s.end - s.first <= MAX_SENTENCE_TOKENS));
    assert.equal(sentences[0].first, 0);
    assert.equal(sentences[sentences.length - 1].end, tokens.length);
    for (let k = 1; k < sentences.length; k++) assert.equal(sentences[k].first, sentences[k - 1].end);
  });

  it('finds no name in a giant token, and the names after it', () => {
    const text = 'A' + 'b'.repeat(200_000) + '\n\nMayor Ingrid Dalca visited Port Ellis on Monday.';
    const analysis = analyzeText(loadRecognizers(), 'blob', 1, text, { fallbackReferenceDate: '2024-03-04' });
    const names = analysis.mentions.filter((m) => m.type !== 'date').map((m) => text.slice(m.start, m.end));
    assert.ok(names.includes('Ingrid Dalca'), names.join(', '));
    assert.ok(names.every((n) => n.length < 100));
  });

  it('finds every date on one long line dense with dates, as on short lines', () => {
    const unit = 'At 12:30 on 2024-03-04 the 1600 train left. ';
    const count = 400;
    const oneLine = recognizeDates(unit.repeat(count), { referenceDate: '2024-03-04' });
    const short = recognizeDates(unit, { referenceDate: '2024-03-04' });
    assert.ok(short.mentions.length > 0);
    assert.equal(oneLine.mentions.length, short.mentions.length * count);
    const values = (ms: typeof short.mentions) => ms.map((m) => `${m.end - m.start}:${m.type}=${m.value}`);
    for (let k = 0; k < count; k += 97) {
      const part = oneLine.mentions.slice(k * short.mentions.length, (k + 1) * short.mentions.length);
      assert.deepEqual(values(part), values(short.mentions));
    }
  });

  it('computes the same bounded edit distance on long strings as the full table does', () => {
    const next = random(7);
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(next() * 5)]).join('');
    for (let k = 0; k < 40; k++) {
      const a = word(250 + Math.floor(next() * 20));
      const chars = [...a];
      const edits = Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) chars.splice(Math.floor(next() * chars.length), next() < 0.5 ? 1 : 0, 'x');
      const b = chars.join('');
      const full = editDistance(a, b);
      const banded = editDistance(a, b, 3);
      if (full <= 3) assert.equal(banded, full, `${k}: ${full} vs ${banded}`);
      else assert.ok(banded > 3);
    }
  });

  it('builds no deletion neighbourhood for a string longer than any name', () => {
    assert.deepEqual(deletions('x'.repeat(5000)), []);
    assert.equal(deletions('Kherson').length, 7);
  });
});
