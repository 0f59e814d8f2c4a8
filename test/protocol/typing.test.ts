// Typing: each keystroke's tokens come from the entity table as last built, without bringing it up to date with
// the edit (at 100,000 articles that resolves thousands of names); once the editor is quiet the table is brought
// up to date, the client is asked for tokens again, and the article's diagnostics come for its last version.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeTokens, EXAMPLES, copyCorpus, startServer } from './lspClient';

const FILE = 'zz-typing.txt';
const START = 'Harbour talks resume\n\nPORT ASTER, April 30, 2024 - Union leaders met in Port Aster on Tuesday.\n';
// Our own sentence, typed a word at a time: it ends with a one-letter slip in a name the sample corpus writes often.
const WORDS = ['Later,', 'Prime', 'Minister', 'Helena', 'Marhs', 'spoke.'];

describe('protocol: typing', () => {
  it('answers every keystroke with tokens, then settles the entities once quiet: tokens again and the last version’s hints', async () => {
    const folder = copyCorpus(EXAMPLES);
    fs.writeFileSync(path.join(folder, FILE), START);
    const server = await startServer(folder);
    try {
      await server.indexed;
      await server.open(FILE);
      const tokens = () => server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(FILE) } }) as Promise<{ data: number[] }>;
      assert.ok((await tokens()).data.length > 0);
      const hinted = server.diagnostics(FILE, (d) => d.some((x) => /Helena Marhs/.test(x.message as string)));
      let text = START;
      for (const [i, word] of WORDS.entries()) {
        text += (i === 0 ? '' : ' ') + word;
        await server.change(FILE, i + 2, text);
        const answer = decodeTokens((await tokens()).data);
        assert.ok(answer.length > 0, `tokens after "${word}"`);
      }
      // Quiet now: the server brings the entities up to date and asks for tokens again.
      await server.nextRefresh();
      const hints = await hinted;
      assert.ok(hints.some((h) => /“Helena Marhs” looks like a misspelling of “Helena Marsh”/.test(h.message as string)), 'the slip typed last is hinted');
      const lines = text.split('\n');
      const marhs = decodeTokens((await tokens()).data).find((t) => t.line === lines.length - 1 && lines[t.line].slice(t.character, t.character + t.length) === 'Helena Marhs');
      assert.ok(marhs, 'the name typed last is coloured');
    } finally {
      await server.stop();
    }
  });
});
