// The BBC evaluation set (eval/news/annotations.jsonl) is well-formed: the annotated files are the ones the rules allow
// (multiples of 7, 8 per category) and unchanged since annotation, every span is in range with a valid type and a
// canonical name, spans do not overlap or carry spaces at their edges, and no article text is stored.
// ../shared is always beside the checkout, so this reads the articles themselves. Scores live in eval/news.ts.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { ANNOTATIONS_FILE, CATEGORIES, loadAnnotations, NEWS_TYPES, readArticle } from '../../eval/news/annotations';
import { markText, unmarkText } from '../../eval/news/review';

const lines = readFileSync(ANNOTATIONS_FILE, 'utf8').split('\n').filter((l) => l !== '');

describe('BBC evaluation set annotations', () => {
  it('has 8 articles or more in each category, each once, numbered by a multiple of 7', () => {
    const files = lines.map((l) => (JSON.parse(l) as { file: string }).file);
    assert.strictEqual(new Set(files).size, files.length, 'a file is annotated twice');
    for (const file of files) {
      const m = /^([a-z]+)\/(\d{3})\.txt$/.exec(file);
      assert.ok(m, `${file}: not category/NNN.txt`);
      assert.ok((CATEGORIES as readonly string[]).includes(m[1]), `${file}: unknown category`);
      assert.strictEqual(Number(m[2]) % 7, 0, `${file}: not a multiple of 7`);
    }
    for (const c of CATEGORIES) assert.ok(files.filter((f) => f.startsWith(`${c}/`)).length >= 8, `${c}: fewer than 8 articles`);
  });

  for (const line of lines) {
    const article = JSON.parse(line) as { file: string; sha1: string; spans: unknown[] };
    it(`${article.file}: matches its file and holds offsets, types and names only`, () => {
      assert.deepStrictEqual(Object.keys(article).sort(), ['file', 'sha1', 'spans'], 'unexpected keys');
      const { text, sha1 } = readArticle(article.file);
      assert.strictEqual(article.sha1, sha1, 'the article changed since it was annotated');
      assert.ok(article.spans.length > 0, 'no spans');
      let previousEnd = 0;
      for (const span of article.spans) {
        assert.ok(Array.isArray(span) && span.length === 4, `${JSON.stringify(span)}: not [start, end, type, name]`);
        const [start, end, type, name] = span as [unknown, unknown, unknown, unknown];
        const where = `span at ${String(start)}`;
        assert.ok(Number.isInteger(start) && Number.isInteger(end), `${where}: offsets are not integers`);
        const s = start as number;
        const e = end as number;
        assert.ok(s >= previousEnd, `${where}: overlaps the previous span or is out of order`);
        assert.ok(e > s && e <= text.length, `${where}: end ${e} out of range (length ${text.length})`);
        assert.ok((NEWS_TYPES as readonly unknown[]).includes(type), `${where}: type ${String(type)}`);
        assert.ok(typeof name === 'string' && name.trim() === name && name.length > 0 && name.length <= 60, `${where}: canonical name ${JSON.stringify(name)}`);
        const surface = text.slice(s, e);
        assert.strictEqual(surface.trim(), surface, `${where}: space at an edge of the span`);
        assert.doesNotMatch(surface, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/, `${where}: splits a surrogate pair`);
        previousEnd = e;
      }
      // No stretch of the article is copied into its line outside the canonical names, which are 60 characters at most.
      let rest = line;
      for (const span of article.spans) rest = rest.replace(JSON.stringify((span as string[])[3]), '""');
      for (let i = 0; i + 30 <= text.length; i += 10) {
        assert.ok(!rest.includes(text.slice(i, i + 30)), `text from offset ${i} is stored in the annotations`);
      }
    });
  }

  it('survives the review tool: marked copies read back to the same spans, and an edited text is refused', () => {
    for (const a of loadAnnotations()) {
      const { text } = readArticle(a.file);
      assert.deepStrictEqual(unmarkText(markText(text, a.spans), text, a.file), a.spans, a.file);
    }
    assert.throws(() => unmarkText('<<Ann Lee|PER>> left Port Aster.', 'Ann Lee left Port Astor.', 'x'), /text differs/);
  });
});
