import * as assert from 'assert';
import { parseFixture, renderMentions } from '../fixture';

describe('fixture markers', () => {
  it('strips markers and computes offsets', () => {
    const f = parseFixture('In <<Kherson>>{location} on <<Wednesday>>{date:2022-11-09}, $0Putin spoke.');
    assert.strictEqual(f.text, 'In Kherson on Wednesday, Putin spoke.');
    assert.deepStrictEqual(f.mentions.map((m) => [f.text.slice(m.start, m.end), m.type, m.value]), [
      ['Kherson', 'location', undefined],
      ['Wednesday', 'date', '2022-11-09'],
    ]);
    assert.strictEqual(f.text.slice(f.cursor, f.cursor + 5), 'Putin');
  });

  it('renders mentions back to the same markers', () => {
    const source = 'In <<Kherson>>{location} on <<Wednesday>>{date:2022-11-09}.';
    const f = parseFixture(source);
    assert.strictEqual(renderMentions(f.text, f.mentions), source);
  });
});
