// Word clusters from unlabelled text, for the tagger's cluster features: words that occur between the same
// neighbours fall in one class, so a rare name borrows the weights of the common names of its class.
// The exchange algorithm on a class model of contexts: every occurrence of a word contributes its left and
// right neighbour, and classes maximise sum_c,x N(c,x) log N(c,x) - sum_c N(c) log N(c), the log-likelihood of
// the contexts given the word's class. Each pass moves every word to the class that gains most. Deterministic:
// words are visited by frequency, ties go to the lower class. Several clusterings of different sizes stand in
// for the prefixes of a Brown hierarchy (coarse and fine classes of the same word).
import { hashString } from '../server/src/core/recognize/names/hash';
import { normalizeWord } from '../server/src/core/recognize/names/lexicon';
import { CLUSTER_BITS, CLUSTERINGS, type TaggerDocument } from '../server/src/core/recognize/names/features';

export interface ClusterOptions {
  /** Classes of each clustering, coarse to fine; each fewer than 2^CLUSTER_BITS. */
  sizes: number[];
  /** Words seen fewer times get no class. */
  minCount: number;
  /** Neighbours outside the most frequent ones count as one unknown context. */
  contexts: number;
  passes: number;
}

interface Vocabulary {
  words: string[];
  /** Per word, its distinct contexts (side * contexts + context id) and their counts, CSR style. */
  offsets: Int32Array;
  context: Int32Array;
  count: Int32Array;
  /** Total context count of each word. */
  total: Int32Array;
  contextCount: number;
}

function vocabulary(docs: TaggerDocument[], o: ClusterOptions): Vocabulary {
  const freq = new Map<string, number>();
  const forms = docs.map((d) => d.words.map(normalizeWord));
  for (const ws of forms) for (const w of ws) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFrequency = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = byFrequency.filter(([, n]) => n >= o.minCount).map(([w]) => w);
  const wordId = new Map(words.map((w, i) => [w, i]));
  // Contexts are lower-cased: a neighbour's case says little that the word's own class does not.
  const lowerForms = forms.map((ws) => ws.map((w) => w.toLowerCase()));
  const lowerFreq = new Map<string, number>();
  for (const ws of lowerForms) for (const w of ws) lowerFreq.set(w, (lowerFreq.get(w) ?? 0) + 1);
  // Context ids: 0 sentence edge, 1 unknown, then the most frequent words.
  const ctxId = new Map<string, number>();
  const lowerByFrequency = [...lowerFreq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [w] of lowerByFrequency.slice(0, o.contexts)) ctxId.set(w, ctxId.size + 2);
  const K = o.contexts + 2;
  const pairs = words.map(() => new Map<number, number>());
  docs.forEach((d, di) => {
    const ws = forms[di];
    const lower = lowerForms[di];
    for (const s of d.sentences) {
      for (let i = s.first; i < s.end; i++) {
        const v = wordId.get(ws[i]);
        if (v === undefined) continue;
        const left = i > s.first ? (ctxId.get(lower[i - 1]) ?? 1) : 0;
        const right = i + 1 < s.end ? (ctxId.get(lower[i + 1]) ?? 1) : 0;
        const m = pairs[v];
        m.set(left, (m.get(left) ?? 0) + 1);
        m.set(K + right, (m.get(K + right) ?? 0) + 1);
      }
    }
  });
  const offsets = new Int32Array(words.length + 1);
  pairs.forEach((m, v) => (offsets[v + 1] = offsets[v] + m.size));
  const context = new Int32Array(offsets[words.length]);
  const count = new Int32Array(offsets[words.length]);
  const total = new Int32Array(words.length);
  pairs.forEach((m, v) => {
    let j = offsets[v];
    for (const [x, n] of [...m].sort((a, b) => a[0] - b[0])) {
      context[j] = x;
      count[j++] = n;
      total[v] += n;
    }
  });
  return { words, offsets, context, count, total, contextCount: 2 * K };
}

/** Class of every vocabulary word for one clustering of `C` classes. */
function exchange(voc: Vocabulary, C: number, passes: number): Int32Array {
  const V = voc.words.length;
  const { offsets, context, count, total } = voc;
  let grand = 0;
  for (let v = 0; v < V; v++) grand += total[v];
  // x log x for every count a class can reach.
  const F = new Float64Array(grand + 1);
  for (let k = 2; k <= grand; k++) F[k] = k * Math.log(k);
  // Class-context counts, context-major so that one context's classes are contiguous.
  const N = new Int32Array(voc.contextCount * C);
  const T = new Int32Array(C);
  const cls = new Int32Array(V).fill(-1);
  const move = (v: number, c: number, sign: number) => {
    for (let j = offsets[v]; j < offsets[v + 1]; j++) N[context[j] * C + c] += sign * count[j];
    T[c] += sign * total[v];
  };
  // The C most frequent words start a class each; every other word joins its best class in the first pass.
  for (let v = 0; v < Math.min(C, V); v++) {
    cls[v] = v;
    move(v, v, 1);
  }
  const gain = new Float64Array(C);
  for (let p = 0; p < passes; p++) {
    let moved = 0;
    for (let v = 0; v < V; v++) {
      const old = cls[v];
      if (old >= 0) move(v, old, -1);
      const nv = total[v];
      for (let c = 0; c < C; c++) gain[c] = F[T[c]] - F[T[c] + nv];
      for (let j = offsets[v]; j < offsets[v + 1]; j++) {
        const x = count[j];
        const base = context[j] * C;
        for (let c = 0; c < C; c++) {
          const n = N[base + c];
          gain[c] += F[n + x] - F[n];
        }
      }
      let best = old >= 0 ? old : 0;
      for (let c = 0; c < C; c++) if (gain[c] > gain[best] + 1e-9) best = c;
      if (best !== old) moved++;
      cls[v] = best;
      move(v, best, 1);
    }
    if (moved === 0) break;
  }
  return cls;
}

/**
 * Word hash -> packed classes: clustering k's class + 1 in bits [k * CLUSTER_BITS, (k + 1) * CLUSTER_BITS).
 * `log` receives a line per clustering.
 */
export function wordClusters(docs: TaggerDocument[], o: ClusterOptions, log: (line: string) => void): Map<number, number> {
  if (o.sizes.length > CLUSTERINGS) throw new Error(`the tagger reads ${CLUSTERINGS} clusterings`);
  const voc = vocabulary(docs, o);
  const packed = new Int32Array(voc.words.length);
  o.sizes.forEach((C, k) => {
    if (C + 1 >= 1 << CLUSTER_BITS) throw new Error(`a clustering has at most ${(1 << CLUSTER_BITS) - 2} classes`);
    const t0 = Date.now();
    const cls = exchange(voc, C, o.passes);
    for (let v = 0; v < cls.length; v++) packed[v] |= (cls[v] + 1) << (k * CLUSTER_BITS);
    log(`word clusters: ${voc.words.length} words in ${C} classes (${Date.now() - t0} ms)`);
  });
  const out = new Map<number, number>();
  voc.words.forEach((w, v) => out.set(hashString(w), packed[v]));
  return out;
}
