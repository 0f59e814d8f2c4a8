// Issue 5 on the real seed articles, through the bundled server: each variant group is one entity, and
// look-alike names stay apart. References from one spelling must reach every other spelling of the group.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Location } from 'vscode-languageserver-protocol';
import { SEEDS, type TestServer, copyCorpus, startServer } from './lspClient';

const haveSeeds = fs.existsSync(SEEDS);

/** Spellings that must resolve to one entity: each group as written in the seed articles. */
const GROUPS: string[][] = [
  ['Zelenskiy', 'Zelensky', 'Zelenskyy', 'Volodymyr Zelenskiy'],
  ['Dnipro', 'Dnieper river', 'Dnipro River'],
  ['Antonivskyi bridge', 'Antonovskiy Bridge'],
  ['US', 'U.S.', 'United States'],
  ['UN', 'U.N.', 'United Nations'],
  ['Sergei Lavrov', 'Sergey Lavrov'],
  ['Vladmir Putin', 'Vladimir Putin'],
  // In the seeds, a bare "Austin" is the defence secretary.
  ['Lloyd Austin', 'Austin'],
];

/** Pairs that must stay apart. */
const APART: [string, string][] = [['Sergei Shoigu', 'Sergei Surovikin']];

/** An article of our own added to the corpus: the city of Austin, which must not join Lloyd Austin. */
const CITY_FILE = 'zz-austin-city.txt';
const CITY_TEXT =
  'Texas capital expands its bus network\n\nAUSTIN, Texas, March 3, 2022 - The city council in Austin voted on Thursday to add six bus routes. ' +
  'Austin has grown faster than any other large city in Texas this decade, and traffic in Austin has grown with it.\n';

(haveSeeds ? describe : describe.skip)(`protocol: one entity per referent on the seed corpus${haveSeeds ? '' : ' (skipped: ../shared/corpus/seeds is absent)'}`, () => {
  let server: TestServer;
  const files = haveSeeds ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(SEEDS, f), 'utf8')]));

  /** The first file and offset where `spelling` occurs as a whole word. */
  const find = (spelling: string) => {
    const pattern = new RegExp(`(?<![\\p{L}.])${spelling.replace(/[.]/g, '\\.')}(?![\\p{L}])`, 'u');
    for (const [file, text] of texts) {
      const m = pattern.exec(text);
      if (m) return { file, offset: m.index };
    }
    throw new Error(`"${spelling}" is not in the seed articles`);
  };

  /** The texts of every reference of the entity at the first occurrence of `spelling`. */
  const referencedTexts = async (spelling: string): Promise<Set<string>> => {
    const { file, offset } = find(spelling);
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(file, texts.get(file)!.slice(offset, offset + spelling.length), 0, 1), context: { includeDeclaration: true } })) as Location[];
    const out = new Set<string>();
    for (const r of refs) {
      const name = decodeURIComponent(r.uri.slice(r.uri.lastIndexOf('/') + 1));
      const lines = texts.get(name)!.split(/\r?\n/);
      out.add(lines[r.range.start.line].slice(r.range.start.character, r.range.end.character));
    }
    return out;
  };

  before(async () => {
    const folder = copyCorpus(SEEDS);
    fs.writeFileSync(path.join(folder, CITY_FILE), CITY_TEXT);
    texts.set(CITY_FILE, CITY_TEXT);
    server = await startServer(folder);
    await server.indexed;
  });
  after(() => server?.stop());

  for (const group of GROUPS) {
    it(`${group.join(' / ')} is one entity`, async () => {
      for (const spelling of group) {
        const seen = await referencedTexts(spelling);
        for (const other of group) assert.ok(seen.has(other), `references from "${spelling}" include "${other}" (got ${[...seen].join(', ')})`);
      }
    });
  }

  it('Lloyd Austin does not reach the city of Austin', async () => {
    const { file, offset } = find('Lloyd Austin');
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(file, texts.get(file)!.slice(offset, offset + 12), 0, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(refs.length >= 2);
    assert.ok(!refs.some((r) => r.uri === server.uri(CITY_FILE)), 'no reference into the article about the city');
  });

  it('hints at Vladmir Putin and Ukranian, never at the accepted spellings of Zelenskiy', async () => {
    const hinted = new Map<string, string[]>();
    for (const file of files) {
      const published = server.diagnostics(file, () => true);
      await server.open(file);
      const text = texts.get(file)!.split(/\r?\n/);
      // Only the spelling hints: an undated article also has a diagnostic at its headline.
      hinted.set(file, (await published).filter((d) => d.code === 'spelling').map((d) => text[d.range.start.line].slice(d.range.start.character, d.range.end.character)));
    }
    const all = [...hinted.values()].flat();
    assert.ok(all.includes('Vladmir Putin'), `hints: ${all.join(', ')}`);
    assert.ok(all.includes('Ukranian'), `hints: ${all.join(', ')}`);
    assert.ok(!all.some((t) => /^Zelensk/.test(t) || /Lavrov/.test(t)), `no hint on transliterations: ${all.join(', ')}`);
  });

  for (const [a, b] of APART) {
    it(`${a} and ${b} stay apart`, async () => {
      assert.ok(!(await referencedTexts(a)).has(b), `${a} does not reach ${b}`);
      assert.ok(!(await referencedTexts(b)).has(a), `${b} does not reach ${a}`);
    });
  }
});
