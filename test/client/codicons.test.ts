import * as assert from 'assert';
import { escapeCodicons } from '../../client/src/codicons';

describe('quick pick text from articles', () => {
  it('escapes what VS Code would render as an icon, and nothing else', () => {
    assert.strictEqual(escapeCodicons('Fund $(gear) Ltd'), 'Fund \\$(gear) Ltd');
    assert.strictEqual(escapeCodicons('$(sync~spin) and $(alert)'), '\\$(sync~spin) and \\$(alert)');
    assert.strictEqual(escapeCodicons('costs $(5 million) or $ (x)'), 'costs $(5 million) or $ (x)');
    assert.strictEqual(escapeCodicons('Tony Blair'), 'Tony Blair');
  });
});
