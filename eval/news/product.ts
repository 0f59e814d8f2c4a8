// Runs what users get over a set of BBC articles: the shipped recognisers through analyzeText, every article
// in one corpus index, and the final mentions (types after the corpus-level decisions, entity ids) read back.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText } from '../../server/src/core/analyze';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import { loadRecognizers } from '../../server/src/node/recognizers';
import { BBC_DIR, NEWS_TYPE_OF, type NewsType, readArticle } from './annotations';

export interface ProductMention {
  start: number;
  end: number;
  type: NewsType;
  entity: string | null;
  /** The entity's canonical name, as the product shows it. */
  name: string | null;
}

export interface ProductRun {
  texts: Map<string, string>;
  mentions: Map<string, ProductMention[]>;
}

/**
 * `firstStage`: the article's own analysis (the recognisers' types, in-document keys), before the corpus index decides
 * final types and entities; to see what the first stage gets right on its own.
 */
export function runProduct(files: string[], dir = BBC_DIR, firstStage = false): ProductRun {
  const recognizers = loadRecognizers();
  const index = new CorpusIndex();
  const texts = new Map<string, string>();
  const analyses = new Map<string, ReturnType<typeof analyzeText>>();
  const uriOf = new Map<string, string>();
  for (const file of files) {
    const { text } = readArticle(file, dir);
    const uri = pathToFileURL(path.join(dir, file)).href;
    const analysis = analyzeText(recognizers, uri, 1, text);
    index.set(analysis, { text });
    analyses.set(file, analysis);
    texts.set(file, text);
    uriOf.set(file, uri);
  }
  const mentions = new Map<string, ProductMention[]>();
  for (const file of files) {
    const out: ProductMention[] = [];
    for (const m of firstStage ? analyses.get(file)!.mentions : index.get(uriOf.get(file)!)!.mentions) {
      const type = NEWS_TYPE_OF[m.type];
      if (!type) continue; // dates and times
      const entity = firstStage ? null : (m as { entity: string | null }).entity;
      out.push({ start: m.start, end: m.end, type, entity, name: entity === null ? null : (index.entity(entity)?.name ?? null) });
    }
    mentions.set(file, out);
  }
  return { texts, mentions };
}
