// Scores what users get on our BBC evaluation set (eval/news/annotations.jsonl, written to eval/news/GUIDELINES.md):
// the shipped recognisers through analyzeText and the corpus index, every annotated article in one corpus, the final
// mentions' types against the gold spans, exact span and type (conlleval style), per type, micro and per category.
// Also how well the product groups mentions: pairs of gold mentions sharing a canonical name that land in one entity.
// The articles are read from ../shared at run time; an annotation whose file changed (its SHA-1) is refused.
//   npm run eval:news [-- --errors] [--json] [--first-stage]   (--first-stage: the recognisers' own types, before the corpus stage)
import { type AnnotatedArticle, CATEGORIES, loadAnnotations, NEWS_TYPES, type NewsType, readArticle } from './news/annotations';
import { type ProductMention, runProduct } from './news/product';

export interface Score {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NewsFigures {
  articles: number;
  perType: Record<NewsType, Score>;
  micro: Score;
  perCategory: Record<string, { articles: number; perType: Record<NewsType, Score>; micro: Score }>;
  /**
   * Pairs of gold mentions with the same canonical name (recall: the share the product puts in one entity) and pairs
   * of gold mentions the product puts in one entity (precision: the share with the same canonical name). A gold
   * mention the product did not find with exactly its span is in no entity.
   */
  grouping: { goldPairs: number; systemPairs: number; correctPairs: number; precision: number; recall: number; f1: number };
  /** Disagreements, with the surface read from ../shared: `business/007.txt: missed Mr X (PER)`. */
  errors: string[];
}

function score(gold: number, predicted: number, correct: number): Score {
  const precision = predicted ? (100 * correct) / predicted : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, correct, precision, recall, f1 };
}

class Counts {
  private readonly c = Object.fromEntries(NEWS_TYPES.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }])) as Record<NewsType, { gold: number; predicted: number; correct: number }>;

  add(type: NewsType, what: 'gold' | 'predicted' | 'correct'): void {
    this.c[type][what]++;
  }

  perType(): Record<NewsType, Score> {
    return Object.fromEntries(NEWS_TYPES.map((t) => [t, score(this.c[t].gold, this.c[t].predicted, this.c[t].correct)])) as Record<NewsType, Score>;
  }

  micro(): Score {
    const sum = (k: 'gold' | 'predicted' | 'correct') => NEWS_TYPES.reduce((n, t) => n + this.c[t][k], 0);
    return score(sum('gold'), sum('predicted'), sum('correct'));
  }
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Refuses annotations whose article is missing or changed since it was annotated. */
function checkedArticles(articles: AnnotatedArticle[]): void {
  const changed: string[] = [];
  for (const a of articles) {
    let sha1: string;
    try {
      sha1 = readArticle(a.file).sha1;
    } catch {
      changed.push(`${a.file} (missing)`);
      continue;
    }
    if (sha1 !== a.sha1) changed.push(`${a.file} (changed: SHA-1 ${sha1}, annotated ${a.sha1})`);
  }
  if (changed.length) throw new Error(`eval/news: refusing annotations of articles that are not the ones annotated: ${changed.join(', ')}`);
}

export function scoreNews(articles: AnnotatedArticle[] = loadAnnotations(), firstStage = false): NewsFigures {
  checkedArticles(articles);
  const run = runProduct(articles.map((a) => a.file), undefined, firstStage);
  const all = new Counts();
  const byCategory = new Map<string, Counts>(CATEGORIES.map((c) => [c, new Counts()]));
  const errors: string[] = [];
  // Grouping: each gold mention's canonical name and the product entity found at exactly its span.
  const byCanonical = new Map<string, number>();
  const byEntity = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (const a of articles) {
    const text = run.texts.get(a.file)!;
    const counts = byCategory.get(a.file.split('/')[0])!;
    const product = run.mentions.get(a.file)!;
    const key = (start: number, end: number, type: string) => `${start}:${end}:${type}`;
    const productKeys = new Set(product.map((m) => key(m.start, m.end, m.type)));
    const goldKeys = new Set(a.spans.map(([s, e, t]) => key(s, e, t)));
    const entityAt = new Map<string, ProductMention>(product.map((m) => [`${m.start}:${m.end}`, m]));
    for (const [start, end, type, name] of a.spans) {
      for (const c of [all, counts]) c.add(type, 'gold');
      if (productKeys.has(key(start, end, type))) for (const c of [all, counts]) c.add(type, 'correct');
      else errors.push(`${a.file}: missed ${text.slice(start, end)} (${type}${describe(entityAt.get(`${start}:${end}`))})`);
      byCanonical.set(name, (byCanonical.get(name) ?? 0) + 1);
      const entity = entityAt.get(`${start}:${end}`)?.entity;
      if (entity) {
        byEntity.set(entity, (byEntity.get(entity) ?? 0) + 1);
        byBoth.set(`${entity}\u0000${name}`, (byBoth.get(`${entity}\u0000${name}`) ?? 0) + 1);
      }
    }
    for (const m of product) {
      for (const c of [all, counts]) c.add(m.type, 'predicted');
      if (!goldKeys.has(key(m.start, m.end, m.type)) && !a.spans.some(([s, e]) => s === m.start && e === m.end)) {
        errors.push(`${a.file}: spurious ${text.slice(m.start, m.end)} (${m.type})`);
      }
    }
  }
  const goldPairs = [...byCanonical.values()].reduce((n, v) => n + pairs(v), 0);
  const systemPairs = [...byEntity.values()].reduce((n, v) => n + pairs(v), 0);
  const correctPairs = [...byBoth.values()].reduce((n, v) => n + pairs(v), 0);
  const precision = systemPairs ? (100 * correctPairs) / systemPairs : 0;
  const recall = goldPairs ? (100 * correctPairs) / goldPairs : 0;
  const perCategory: NewsFigures['perCategory'] = {};
  for (const c of CATEGORIES) {
    const n = articles.filter((a) => a.file.startsWith(`${c}/`)).length;
    perCategory[c] = { articles: n, perType: byCategory.get(c)!.perType(), micro: byCategory.get(c)!.micro() };
  }
  return {
    articles: articles.length,
    perType: all.perType(),
    micro: all.micro(),
    perCategory,
    grouping: { goldPairs, systemPairs, correctPairs, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    errors,
  };
}

/** `, found as ORG`: a missed gold span the product found with the same offsets but another type. */
function describe(m: ProductMention | undefined): string {
  return m ? `, found as ${m.type}` : '';
}

const pct = (v: number) => v.toFixed(2).padStart(6);

export function printNews(f: NewsFigures, options: { errors?: boolean; firstStage?: boolean } = {}): void {
  console.log(`\nBBC articles annotated to eval/news/GUIDELINES.md (${f.articles} articles, the product's pipeline, ${options.firstStage ? 'first-stage types, before the corpus stage' : 'final types'})`);
  console.log('type        P       R      F1   gold');
  for (const t of NEWS_TYPES) {
    const s = f.perType[t];
    console.log(`${t.padEnd(6)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.gold).padStart(5)}`);
  }
  console.log(`${'micro'.padEnd(6)} ${pct(f.micro.precision)}  ${pct(f.micro.recall)}  ${pct(f.micro.f1)}  ${String(f.micro.gold).padStart(5)}`);
  console.log('\nper category: micro F1 (PER / ORG / LOC / MISC F1)');
  for (const [c, s] of Object.entries(f.perCategory)) {
    console.log(`  ${c.padEnd(14)} ${pct(s.micro.f1)}  (${NEWS_TYPES.map((t) => s.perType[t].f1.toFixed(1)).join(' / ')})  ${s.articles} articles, ${s.micro.gold} names`);
  }
  const g = f.grouping;
  console.log(
    `\ngrouping over the ${f.articles} articles: ${g.correctPairs} of ${g.goldPairs} pairs of gold mentions with one canonical name are in one entity (recall ${g.recall.toFixed(1)}); ` +
      `${g.correctPairs} of ${g.systemPairs} pairs the product puts in one entity share a canonical name (precision ${g.precision.toFixed(1)}); F1 ${g.f1.toFixed(1)}`,
  );
  if (options.errors) console.log(`\nDisagreements (${f.errors.length}):\n  ${f.errors.join('\n  ')}`);
  else console.log(`\n${f.errors.length} disagreements; \`npm run eval:news -- --errors\` lists them`);
}

if (require.main === module) {
  const firstStage = process.argv.includes('--first-stage');
  const figures = scoreNews(undefined, firstStage);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
  else printNews(figures, { errors: process.argv.includes('--errors'), firstStage });
}
