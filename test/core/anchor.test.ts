import * as assert from 'assert';
import type { Span } from '../../server/src/core/model';
import { quoteOf, reattach, shiftSpan, textHash, type Placement, type TextEdit } from '../../server/src/core/annotations/anchor';

// Fixtures: `[[...]]` marks the annotated span in the old text; `{{old=>new}}` is an edit (applied left to
// right, each against the text left by the one before, like an editor's content changes). Span markers may
// sit inside the `old` part of an edit. The helpers render the answer back into marker form.
interface Change {
  oldText: string;
  newText: string;
  span: Span;
  edits: TextEdit[];
}

const TOKEN = /\[\[|\]\]|\{\{([\s\S]*?)=>([\s\S]*?)\}\}/g;

function change(source: string): Change {
  let oldText = '';
  let newText = '';
  const edits: TextEdit[] = [];
  const span = { start: -1, end: -1 };
  const marker = (token: string) => (token === '[[' ? (span.start = oldText.length) : (span.end = oldText.length));
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const plain = source.slice(last, match.index);
    oldText += plain;
    newText += plain;
    last = match.index! + match[0].length;
    if (match[1] === undefined) {
      marker(match[0]);
      continue;
    }
    const editStart = newText.length;
    const removedFrom = oldText.length;
    for (const piece of match[1].split(/(\[\[|\]\])/)) {
      if (piece === '[[' || piece === ']]') marker(piece);
      else oldText += piece;
    }
    edits.push({ start: editStart, end: editStart + oldText.length - removedFrom, text: match[2] });
    newText += match[2];
  }
  oldText += source.slice(last);
  newText += source.slice(last);
  assert.ok(span.start >= 0 && span.end >= span.start, 'the fixture marks a span with [[...]]');
  return { oldText, newText, span, edits };
}

function mark(text: string, span: Span): string {
  return `${text.slice(0, span.start)}[[${text.slice(span.start, span.end)}]]${text.slice(span.end)}`;
}

function shown(text: string, placement: Placement): string {
  return placement.span ? `${placement.how}: ${mark(text, placement.span)}` : `orphan: ${placement.reason}`;
}

/** The editor's answer: the span shifted through the edits, or `null`. */
function inEditor(source: string): string {
  const c = change(source);
  const span = shiftSpan(c.span, c.edits);
  return span ? mark(c.newText, span) : 'null';
}

/** Changed on disk, the old text known: diffed first. */
function onDisk(source: string): string {
  const c = change(source);
  return shown(c.newText, reattach(c.span, quoteOf(c.oldText, c.span), c.newText, c.oldText));
}

/** Changed while nobody watched: only the record and the new text. */
function searched(source: string): string {
  const c = change(source);
  return shown(c.newText, reattach(c.span, quoteOf(c.oldText, c.span), c.newText));
}

const WAR = `Ukraine's Defence Ministry said the army had pushed south on Thursday.\n`;
const TAIL = `\nOfficials gave no figures for losses on either side of the river.\n`;

describe('shiftSpan', () => {
  it('moves a span past an edit before it', () => {
    assert.strictEqual(inEditor('The {{=>occupied }}city of [[Kherson]] fell.'), 'The occupied city of [[Kherson]] fell.');
    assert.strictEqual(inEditor('{{The city of =>}}[[Kherson]] fell.'), '[[Kherson]] fell.');
  });

  it('leaves a span alone for an edit after it', () => {
    assert.strictEqual(inEditor('[[Kherson]] fell {{on Friday=>last week}}.'), '[[Kherson]] fell last week.');
  });

  it('puts an insertion at the start before the span and one at the end after it', () => {
    assert.strictEqual(inEditor('city of {{=>greater }}[[Kherson]] fell'), 'city of greater [[Kherson]] fell');
    assert.strictEqual(inEditor('city of [[Kherson]]{{=> Oblast}} fell'), 'city of [[Kherson]] Oblast fell');
  });

  it('gives up when an edit touches the inside of the span', () => {
    assert.strictEqual(inEditor('President [[Vlad{{=>i}}mir Putin]] said'), 'null');
    assert.strictEqual(inEditor('President {{[[Vladimir Putin]]=>Joe Biden}} said'), 'null');
    assert.strictEqual(inEditor('{{the city of [[Kh=>the town of Kh}}erson]] fell'), 'null');
    assert.strictEqual(inEditor('[[Kher{{son]] fell=>son fell}}'), 'null');
  });

  it('applies edits in order, each against the text the one before left', () => {
    assert.strictEqual(
      inEditor('{{The=>Yesterday the}} city of {{Greater =>}}[[Kherson]] {{fell=>was taken}}.'),
      'Yesterday the city of [[Kherson]] was taken.',
    );
  });

  it('counts an emoji before the span as two UTF-16 units', () => {
    assert.strictEqual(inEditor('{{=>🙂 }}[[Kherson]] fell'), '🙂 [[Kherson]] fell');
    assert.deepStrictEqual(shiftSpan({ start: 0, end: 7 }, [{ start: 0, end: 0, text: '🙂 ' }]), { start: 3, end: 10 });
  });
});

describe('reattach', () => {
  it('keeps a record whose words did not move', () => {
    const source = `${WAR}Russian President [[Vladimir Putin]] said on Friday that talks were over.{{${TAIL}=>${TAIL}Nothing else.\n}}`;
    const after = `${WAR}Russian President [[Vladimir Putin]] said on Friday that talks were over.${TAIL}Nothing else.\n`;
    assert.strictEqual(onDisk(source), `exact: ${after}`);
    assert.strictEqual(searched(source), `exact: ${after}`);
  });

  it('follows an edit before the span, with and without the old text', () => {
    const source = `${WAR}Smoke rose over {{the river=>the wide river}} near the city of [[Kherson]] on Friday morning.${TAIL}`;
    const after = `${WAR}Smoke rose over the wide river near the city of [[Kherson]] on Friday morning.${TAIL}`;
    assert.strictEqual(onDisk(source), `diff: ${after}`);
    assert.strictEqual(searched(source), `search: ${after}`);
  });

  it('follows a span whose surroundings were replaced across its edge', () => {
    // The editor saw the span's first letters replaced and gave up; the diff sees they came back unchanged.
    const source = `${WAR}Troops entered {{the city of [[Kh=>the big town of Kh}}erson]] on Friday morning.${TAIL}`;
    const after = `${WAR}Troops entered the big town of [[Kherson]] on Friday morning.${TAIL}`;
    assert.strictEqual(inEditor(source), 'null');
    assert.strictEqual(onDisk(source), `diff: ${after}`);
    assert.strictEqual(searched(source), `search: ${after}`);
  });

  it('accepts a typo fixed inside a name', () => {
    const source = `${WAR}Russian President [[Vlad{{=>i}}mir Putin]] said on Friday that talks were over.${TAIL}`;
    const after = `${WAR}Russian President [[Vladimir Putin]] said on Friday that talks were over.${TAIL}`;
    assert.strictEqual(onDisk(source), `diff: ${after}`);
    assert.strictEqual(searched(source), `search: ${after}`);
  });

  it('refuses a name replaced by another', () => {
    const source = `${WAR}The President {{[[Vladimir Putin]]=>Joe Biden}} said on Friday that talks were over.${TAIL}`;
    const reason = 'orphan: the quoted words “Vladimir Putin” no longer appear in the article';
    assert.strictEqual(onDisk(source), reason);
    assert.strictEqual(searched(source), reason);
  });

  it('refuses a word added inside a name, even a short one', () => {
    const source = `${WAR}Delegates of the [[United Nations Security {{=>a }}Council]] met on Friday in New York.${TAIL}`;
    const reason = 'orphan: the quoted words “United Nations Security Council” no longer appear in the article';
    assert.strictEqual(onDisk(source), reason);
    assert.strictEqual(searched(source), reason);
  });

  it('orphans a record whose words were deleted', () => {
    const source = `${WAR}Troops entered the city of {{[[Kherson]] =>}}on Friday morning.${TAIL}`;
    const reason = 'orphan: the quoted words “Kherson” no longer appear in the article';
    assert.strictEqual(onDisk(source), reason);
    assert.strictEqual(searched(source), reason);
  });

  it('finds a paragraph moved elsewhere', () => {
    const moved = 'The mayor of Kherson spoke to reporters on the bridge at noon.\n';
    const source = `Kyiv, Friday.\n{{=>${moved}}}${WAR}Most of the shelling was reported overnight, officials said.\n{{The mayor of [[Kherson]] spoke to reporters on the bridge at noon.\n=>}}${TAIL}`;
    const after = `Kyiv, Friday.\nThe mayor of [[Kherson]] spoke to reporters on the bridge at noon.\n${WAR}Most of the shelling was reported overnight, officials said.\n${TAIL}`;
    assert.strictEqual(onDisk(source), `search: ${after}`);
    assert.strictEqual(searched(source), `search: ${after}`);
  });

  it('picks the right one of two occurrences by their context', () => {
    const source = `{{=>Geneva, June.\n}}Putin met Biden for three hours in a villa by the lake. Afterwards [[Putin]] flew home to Moscow without a press conference.`;
    const after = `Geneva, June.\nPutin met Biden for three hours in a villa by the lake. Afterwards [[Putin]] flew home to Moscow without a press conference.`;
    assert.strictEqual(onDisk(source), `diff: ${after}`);
    assert.strictEqual(searched(source), `search: ${after}`);
  });

  it('orphans rather than taking the other occurrence when the annotated sentence is deleted', () => {
    const source = `Putin met Biden for three hours in a villa by the lake. {{Afterwards [[Putin]] flew home to Moscow without a press conference. =>}}Biden stayed on.`;
    const reason = 'orphan: the quoted words “Putin” appear once, but not in the surroundings they were annotated in';
    assert.strictEqual(onDisk(source), reason);
    assert.strictEqual(searched(source), reason);
  });

  it('places a duplicated line only when the old text tells which copy', () => {
    const line = 'Smoke rose behind the boats moored on the banks of the Dnipro while a crowd watched from the bridge.\n';
    const source = `{{=>Updated.\n}}${line}Smoke rose behind the boats moored on the banks of the [[Dnipro]] while a crowd watched from the bridge.\n`;
    const after = `Updated.\n${line}Smoke rose behind the boats moored on the banks of the [[Dnipro]] while a crowd watched from the bridge.\n`;
    assert.strictEqual(onDisk(source), `diff: ${after}`);
    assert.strictEqual(searched(source), 'orphan: the quoted words “Dnipro” appear in 2 places that fit about as well');
  });

  it('never takes the name typed nearby when the annotated one was misspelt in place', () => {
    const source = `Our analyst Mira claims a military operation {{=>Kherson }}in the {{[[Kherson]]=>Kerson}} region is underway. {{She said this=>This claim was}} on Friday.`;
    for (const answer of [onDisk(source), searched(source)]) {
      assert.ok(!answer.includes('[[Kherson]]'), answer);
    }
  });

  it('never follows a diff onto the near copy of a caption that was moved away', () => {
    const first = 'Smoke rises over barges on the Ostra River near the port-controlled town of , Veloria, May 3. (Wire)\n';
    const second = 'Smoke rises over barges on the Ostra River near the port-controlled town of Kessel, Veloria, May 3. (Wire)\n';
    const body = 'The harbour authority said repairs would take weeks. Dockworkers gathered at the gate on Monday.\n'.repeat(6);
    const oldText = `Headline here\n${first}${second}${body}`;
    const newText = `Headline here\n${second}${body.slice(0, 200)}${first}${body.slice(200)}`;
    const at = oldText.indexOf('port-controlled');
    const placement = reattach({ start: at, end: at + 4 }, quoteOf(oldText, { start: at, end: at + 4 }), newText, oldText);
    const truth = newText.indexOf(first) + first.indexOf('port');
    assert.ok(placement.span === null || placement.span.start === truth, shown(newText, placement));
  });

  it('never places a name inside a longer word', () => {
    const source = `${WAR}Forces loyal to [[Russia{{=>n}}]] officials withdrew from the western bank on Friday.${TAIL}`;
    const reason = 'orphan: the quoted words “Russia” no longer appear in the article';
    assert.strictEqual(onDisk(source), reason);
    assert.strictEqual(searched(source), reason);
  });

  it('re-attaches every span of a file saved with CRLF', () => {
    const lf = `${WAR}Russian President Vladimir Putin said on Friday that talks were over.\n${TAIL}`;
    const toCrlf = (text: string) => text.replace(/\n/g, '{{\n=>\r\n}}');
    const after = (marked: string) => marked.replace(/\n/g, '\r\n');
    const first = toCrlf(lf.replace('Ukraine', '[[Ukraine]]'));
    const middle = toCrlf(lf.replace('Vladimir Putin', '[[Vladimir Putin]]'));
    const last = toCrlf(lf.replace('losses', '[[losses]]'));
    assert.strictEqual(onDisk(first), `exact: ${after(lf.replace('Ukraine', '[[Ukraine]]'))}`);
    assert.strictEqual(onDisk(middle), `search: ${after(lf.replace('Vladimir Putin', '[[Vladimir Putin]]'))}`);
    assert.strictEqual(searched(middle), `search: ${after(lf.replace('Vladimir Putin', '[[Vladimir Putin]]'))}`);
    assert.strictEqual(onDisk(last), `search: ${after(lf.replace('losses', '[[losses]]'))}`);
    assert.strictEqual(inEditor(middle), after(lf.replace('Vladimir Putin', '[[Vladimir Putin]]')));
  });

  it('re-attaches spans in a file with CR line ends exactly as in the same file with LF', () => {
    const cr = (text: string) => text.replace(/\n/g, '\r');
    const line = 'Smoke rose behind the boats moored on the banks of the Dnipro while a crowd watched from the bridge.\n';
    const moved = 'The mayor of Kherson spoke to reporters on the bridge at noon.\n';
    const sources = [
      `${WAR}{{Russian=>The Russian}} President [[Vladimir Putin]] said on Friday that talks were over.\n${TAIL}`,
      `Kyiv, Friday.\n{{=>${moved}}}${WAR}Most of the shelling was reported overnight, officials said.\n{{The mayor of [[Kherson]] spoke to reporters on the bridge at noon.\n=>}}${TAIL}`,
      `{{=>Geneva, June.\n}}Putin met Biden for three hours in a villa by the lake.\n[[Putin]] flew home to Moscow without a press conference.`,
      `{{=>Updated.\n}}${line}Smoke rose behind the boats moored on the banks of the [[Dnipro]] while a crowd watched from the bridge.\n`,
      // Each line's context is its own: a rewritten line above leaves the record on its line start.
      `{{Talks ended late on Friday.=>Nothing was agreed.}}\n[[Kherson]] was quiet overnight, officials said.\nIn Kyiv, [[Kherson]]{{=>'s mayor}} was praised.\n`,
    ];
    for (const source of sources) {
      const [diffed, found] = [onDisk(source), searched(source)];
      assert.strictEqual(onDisk(cr(source)), cr(diffed), source);
      assert.strictEqual(searched(cr(source)), cr(found), source);
    }
  });

  it('handles emoji before and inside the span', () => {
    const before = `${WAR}{{=>🇺🇦🇺🇦 }}President [[Volodymyr Zelensky]] thanked the soldiers on Friday evening.${TAIL}`;
    const afterBefore = `${WAR}🇺🇦🇺🇦 President [[Volodymyr Zelensky]] thanked the soldiers on Friday evening.${TAIL}`;
    assert.strictEqual(onDisk(before), `diff: ${afterBefore}`);
    assert.strictEqual(searched(before), `search: ${afterBefore}`);
    const inside = `${WAR}{{Crowds=>Large crowds}} cheered the [[Kyiv 🙂 Odesa]] train on Friday evening at the station.${TAIL}`;
    const afterInside = `${WAR}Large crowds cheered the [[Kyiv 🙂 Odesa]] train on Friday evening at the station.${TAIL}`;
    assert.strictEqual(onDisk(inside), `diff: ${afterInside}`);
    assert.strictEqual(searched(inside), `search: ${afterInside}`);
  });

  it('never places a boundary between the two halves of a surrogate pair', () => {
    // A record whose span cut an emoji in two cannot be trusted anywhere.
    const text = `${WAR}Cheers 🙂🙂 on Friday.`;
    const split = { start: text.indexOf('🙂') + 1, end: text.indexOf('🙂') + 3 };
    assert.strictEqual(shown(text, reattach(split, quoteOf(text, split), text)), 'orphan: the quoted words “\ude42\ud83d” no longer appear in the article');
  });

  it('handles an empty text, a span out of range and a quote longer than the text', () => {
    const text = `${WAR}Troops entered the city of Kherson on Friday morning.`;
    const span = { start: text.indexOf('Kherson'), end: text.indexOf('Kherson') + 7 };
    const quote = quoteOf(text, span);
    assert.strictEqual(shown('', reattach(span, quote, '', text)), 'orphan: the article is empty');
    assert.strictEqual(shown('Kherson.', reattach(span, quote, 'Kherson.', text)), 'orphan: the quoted words “Kherson” appear once, but not in the surroundings they were annotated in');
    const shorter = text.slice(0, 40);
    assert.strictEqual(shown(shorter, reattach({ start: 0, end: text.length }, quoteOf(text, { start: 0, end: text.length }), shorter)), `orphan: the quoted words “${text.slice(0, 57).replace(/\n/g, ' ')}…” are longer than the whole article now`);
    assert.strictEqual(shown(text, reattach({ start: 500, end: 507 }, quote, text)), `search: ${mark(text, span)}`);
  });
});

describe('quoteOf and textHash', () => {
  it('keeps 32 units of context and never cuts a surrogate pair', () => {
    const text = `${'x'.repeat(40)}🙂${'a'.repeat(31)}Kherson${'b'.repeat(31)}🙂${'y'.repeat(40)}`;
    const start = text.indexOf('Kherson');
    assert.deepStrictEqual(quoteOf(text, { start, end: start + 7 }), { exact: 'Kherson', prefix: 'a'.repeat(31), suffix: 'b'.repeat(31) });
    assert.deepStrictEqual(quoteOf('Kherson fell', { start: -3, end: 7 }), { exact: 'Kherson', prefix: '', suffix: ' fell' });
  });

  it('hashes the same text the same way and tells texts apart', () => {
    assert.strictEqual(textHash('Kherson fell.'), textHash('Kherson fell.'));
    assert.notStrictEqual(textHash('Kherson fell.'), textHash('Kherson fell!'));
    assert.match(textHash(''), /^0-[0-9a-f]{8}$/);
  });
});
