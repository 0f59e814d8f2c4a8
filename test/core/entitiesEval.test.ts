// The entity evaluation set (eval/entities/*.txt) parses: every article has mentions with gold ids,
// no marker is left malformed, spans do not overlap, and each id keeps one type. Scores live in the eval script.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ENTITY_TYPES, type MentionType } from '../../server/src/core/model';
import { parseFixture } from '../fixture';

const DIR = path.join(__dirname, '..', '..', 'eval', 'entities');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe('entity evaluation set', () => {
  it('has between 12 and 16 articles', () => {
    assert.ok(files.length >= 12 && files.length <= 16, `${files.length} articles`);
  });

  for (const file of files) {
    it(`${file} parses into annotated mentions`, () => {
      const { text, mentions } = parseFixture(fs.readFileSync(path.join(DIR, file), 'utf8'));
      assert.ok(mentions.length > 0, 'no annotated mentions');
      assert.doesNotMatch(text, /<<|>>|\}\{|\{(?:person|organization|location|misc)\b/, 'a marker was not closed properly');
      let end = 0;
      for (const m of mentions) {
        const where = `${m.text} at ${m.start}`;
        assert.ok(ENTITY_TYPES.includes(m.type as (typeof ENTITY_TYPES)[number]), `${where}: type ${m.type}`);
        assert.match(m.value ?? '', /^[a-z0-9_]+$/, `${where}: gold id`);
        assert.strictEqual(m.text, m.text.trim(), `${where}: span has surrounding spaces`);
        assert.ok(m.start >= end, `${where}: overlaps the previous mention`);
        end = m.end;
      }
    });
  }

  it('gives each gold id a single type across the set', () => {
    const types = new Map<string, Set<MentionType>>();
    for (const file of files) {
      for (const m of parseFixture(fs.readFileSync(path.join(DIR, file), 'utf8')).mentions) {
        const seen = types.get(m.value!) ?? new Set<MentionType>();
        seen.add(m.type);
        types.set(m.value!, seen);
      }
    }
    const mixed = [...types].filter(([, t]) => t.size > 1).map(([id, t]) => `${id}: ${[...t].join('/')}`);
    assert.deepStrictEqual(mixed, []);
  });
});
