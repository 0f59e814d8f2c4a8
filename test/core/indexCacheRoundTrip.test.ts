// The persistent index gives back every analysis exactly as written: names the recogniser was unsure of, names
// spelled with their owner, dates with their value and resolution, guessed dates.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { cacheIdentity, readIndexCache, writeIndexCache } from '../../server/src/node/indexCache';
import { loadRecognizers } from '../../server/src/node/recognizers';
import { nameModelPath } from '../../server/src/node/nameModel';

describe('persistent index: round trip', () => {
  it('keeps weak names, owned institutions, dates and their resolutions, with a table left empty (no groups yet)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-roundtrip-'));
    try {
      const text = "Drone downed\n\nLONDON, March 3, 2024 - Britain's Defense Ministry said on Monday that a drone fell near Austin. The Defense Ministry gave no details. Veloria's parliament met on Tuesday.\n";
      const analysis = analyzeText(loadRecognizers(), 'file:///a.txt', 1, text);
      assert.ok(analysis.mentions.some((m) => m.form === "Britain's Defense Ministry"), 'the fixture has an owned institution');
      assert.ok(analysis.mentions.some((m) => m.weak), 'the fixture has a name the recogniser was unsure of');
      assert.ok(analysis.mentions.some((m) => m.value !== null && m.resolution), 'the fixture has a resolved date');
      const identity = cacheIdentity(nameModelPath(), null, 'none');
      writeIndexCache(dir, identity, [{ file: path.join(dir, 'a.txt'), size: text.length, mtimeMs: 1, userDate: null, analysis, lines: LineIndex.fromText(text) }]);
      const back = readIndexCache(dir, identity);
      assert.strictEqual(back.problem, undefined);
      const entry = [...back.entries.values()][0];
      assert.deepStrictEqual(entry.analysis.mentions, analysis.mentions);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
