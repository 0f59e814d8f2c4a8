// Colouring during indexing: an article's provisional mentions take the entity table as last built, without
// bringing it up to date; its final mentions do. Names the table has not seen keep their own type.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import { loadRecognizers } from '../../server/src/node/recognizers';

describe('provisional mentions while indexing', () => {
  const recognizers = loadRecognizers();
  const add = (index: CorpusIndex, name: string, text: string) => index.set(analyzeText(recognizers, `file:///${name}`, 1, text, {}), { text });

  it('are the final mentions when the table is up to date, and the last table when it is not', () => {
    const index = new CorpusIndex();
    add(index, 'a.txt', 'Prime Minister Helena Marsh met union leaders in Port Aster on Monday.\n');
    const first = index.get('file:///a.txt')!;
    assert.deepEqual(index.provisionalMentions(first.uri), first.mentions, 'up to date: the same as the final ones');
    const marsh = first.mentions.find((m) => m.text === 'Helena Marsh')!;
    assert.ok(marsh.entity, 'Helena Marsh has an entity');

    // A new article arrives: the table is stale until something asks for final mentions.
    add(index, 'b.txt', 'Helena Marsh and Tomas Brenn spoke to reporters in Port Aster.\n');
    const provisional = index.provisionalMentions('file:///b.txt');
    const known = provisional.find((m) => m.text === 'Helena Marsh')!;
    assert.equal(known.entity, marsh.entity, 'a name the table knows takes its entity and type');
    assert.equal(known.type, marsh.type);
    const fresh = provisional.find((m) => m.text === 'Tomas Brenn');
    assert.ok(fresh, 'a name new since the table was built is there');
    assert.equal(fresh.entity, null, 'with no entity yet');
    // Final mentions bring the table up to date.
    const final = index.get('file:///b.txt')!.mentions.find((m) => m.text === 'Tomas Brenn')!;
    assert.ok(final.entity);
    assert.deepEqual(index.provisionalMentions('file:///b.txt'), index.get('file:///b.txt')!.mentions);
  });

  it("after a decision of the user's are the final mentions: a decision shows at once, in the table it makes", () => {
    const index = new CorpusIndex();
    add(index, 'a.txt', 'Prime Minister Helena Marsh met union leaders in Port Aster on Monday.\n');
    void index.get('file:///a.txt')!.mentions;
    // An edit: stale, and the last table answers.
    add(index, 'a.txt', 'Prime Minister Helena Marsh met Tomas Brenn in Port Aster on Monday.\n');
    const edited = index.provisionalMentions('file:///a.txt');
    assert.equal(edited.find((m) => m.text === 'Tomas Brenn')?.entity, null, 'the last table does not know the new name');
    // A decision: Helena Marsh is an organization, everywhere. Its colour must follow at once.
    index.setDecisions({ entities: [], rules: { ...index.getDecisions().rules, typed: new Map([['helena marsh', 'organization']]) } });
    const decided = index.provisionalMentions('file:///a.txt');
    assert.deepEqual(decided, index.get('file:///a.txt')!.mentions, 'the final mentions');
    assert.equal(decided.find((m) => m.text === 'Helena Marsh')?.type, 'organization');
    assert.ok(decided.find((m) => m.text === 'Tomas Brenn')?.entity, 'and the new name has its entity');
  });
});
