// conlleval-style scoring: an entity counts only if its span and type both match exactly.
import { TYPE_NAMES, tagSpans, type TagSpan } from '../server/src/core/recognize/names/tags';

export interface TypeScore {
  type: string;
  gold: number;
  predicted: number;
  correct: number;
}

export class SpanScorer {
  readonly counts = TYPE_NAMES.map((type) => ({ type: type as string, gold: 0, predicted: 0, correct: 0 }));

  /** Adds one sentence's (or document's) gold and predicted spans. */
  add(gold: { first: number; end: number; type: number }[], predicted: { first: number; end: number; type: number }[]): void {
    const key = (s: { first: number; end: number; type: number }) => `${s.first}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) this.counts[s.type].gold++;
    for (const s of predicted) {
      this.counts[s.type].predicted++;
      if (goldKeys.has(key(s))) this.counts[s.type].correct++;
    }
  }

  addTags(gold: ArrayLike<number>, predicted: ArrayLike<number>, sentences: { first: number; end: number }[]): void {
    const g: TagSpan[] = [];
    const p: TagSpan[] = [];
    for (const s of sentences) {
      tagSpans(gold, s.first, s.end, g);
      tagSpans(predicted, s.first, s.end, p);
    }
    this.add(g, p);
  }

  micro(types: number[] = [0, 1, 2, 3]): { precision: number; recall: number; f1: number } {
    let gold = 0, predicted = 0, correct = 0;
    for (const t of types) {
      gold += this.counts[t].gold;
      predicted += this.counts[t].predicted;
      correct += this.counts[t].correct;
    }
    return prf(gold, predicted, correct);
  }
}

export function prf(gold: number, predicted: number, correct: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? (100 * correct) / predicted : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
