// An in-memory corpus from one fixture string: `//- /name.txt` starts a file, markers give the mentions.
// The recognisers replay the markers, so query tests do not depend on the tagger's judgement.
import { analyzeText, type Recognizers } from '../../server/src/core/analyze';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import type { DateMention, EntityType, NameSpan } from '../../server/src/core/model';
import type { EntityResolver } from '../../server/src/core/resolve/corpus';
import { type Fixture, parseFixture } from '../fixture';

export interface CorpusFixture {
  index: CorpusIndex;
  files: Map<string, Fixture>;
  /** The uri of a fixture file. */
  uri(name: string): string;
  /** The file and offset of the `$0` cursor. */
  cursor: { uri: string; offset: number };
}

export function corpusFixture(source: string, resolver?: EntityResolver): CorpusFixture {
  const files = new Map<string, Fixture>();
  const parts = source.split(/^\/\/- (\S+)\n/m);
  for (let i = 1; i < parts.length; i += 2) files.set(parts[i], parseFixture(parts[i + 1]));
  const index = new CorpusIndex({ resolver });
  const uri = (name: string) => `file://${name}`;
  let cursor = { uri: '', offset: -1 };
  for (const [name, fixture] of files) {
    const recognizers: Recognizers = {
      names: { recognize: () => fixture.mentions.filter((m) => m.type !== 'date' && m.type !== 'time').map((m): NameSpan => ({ start: m.start, end: m.end, type: m.type as EntityType, ...(m.weak ? { weak: true } : {}) })) },
      dates: {
        recognize: () => ({
          referenceDate: /^\d{4}-\d{2}-\d{2}$/.exec(fixture.text.match(/dated (\d{4}-\d{2}-\d{2})/)?.[1] ?? '')?.[0] ?? null,
          mentions: fixture.mentions
            .filter((m) => m.type === 'date' || m.type === 'time')
            .map((m): DateMention => ({ start: m.start, end: m.end, type: m.type as 'date' | 'time', value: m.value ?? null, resolution: `fixture` })),
        }),
      },
    };
    index.set(analyzeText(recognizers, uri(name), 1, fixture.text), { text: fixture.text });
    if (fixture.cursor !== -1) cursor = { uri: uri(name), offset: fixture.cursor };
  }
  return { index, files, uri, cursor };
}
