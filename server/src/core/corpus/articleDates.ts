// Which articles of the corpus have a known date: stated in the text or metadata, or given by the user. A date
// guessed from the file stands apart from those everywhere (ordering, ranges, the timeline).
import type { ArticleInfo, DocumentAnalysis } from '../model';

/** The date of the document's first article when the text or the user gave it; null when unknown or only guessed. */
export function knownDateOf(analysis: DocumentAnalysis): string | null {
  const first = analysis.articles[0];
  return first && isDated(first) ? first.referenceDate : null;
}

/** The article's date is known: stated, or given by the user (not guessed from the file, not missing). */
export function isDated(article: ArticleInfo): boolean {
  return article.referenceDate !== null && article.referenceSource !== null && article.referenceSource !== 'file date';
}

/** The article of a document that holds an offset (the last one starting at or before it). */
export function articleAt(analysis: DocumentAnalysis, offset: number): ArticleInfo | undefined {
  let found: ArticleInfo | undefined;
  for (const a of analysis.articles) if (a.start <= offset) found = a;
  return found ?? analysis.articles[0];
}
