import type { Article } from './model.ts';

export interface RelatedOptions {
  /** How many related articles to list. @default 5 */
  limit?: number;
  /** Splits text into terms; the search tokenizer in production, so similarity and search agree. */
  terms: (text: string) => string[];
}

/**
 * Related articles per article: the writer's `related` list first, then the most similar articles in the
 * same locale by TF-IDF cosine over title, keywords, tags and body. Computed once per build; candidates
 * come from an inverted index over each article's strongest terms, so 10k articles stay fast.
 */
export function computeRelated(articles: readonly Article[], options: RelatedOptions): Map<Article, Article[]> {
  const limit = options.limit ?? 5;
  const result = new Map<Article, Article[]>();
  const byLocale = Map.groupBy(articles, (a) => a.locale);
  for (const group of byLocale.values()) {
    const vectors = tfidf(group, options.terms).map((v) => topTerms(v, 24));
    const postings = new Map<string, { index: number; weight: number }[]>();
    vectors.forEach((v, index) => {
      for (const [term, weight] of v) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push({ index, weight });
      }
    });
    // A term shared by a large share of the locale says little about similarity and costs the most to scan.
    const maxPosting = Math.max(50, Math.ceil(group.length * 0.05));
    for (const [term, list] of postings) if (list.length > maxPosting) postings.delete(term);
    for (const [i, article] of group.entries()) {
      const picked = resolveRelatedSlugs(article, group);
      const scores = new Map<number, number>();
      for (const [term, weight] of vectors[i]!) {
        for (const p of postings.get(term) ?? []) if (p.index !== i) scores.set(p.index, (scores.get(p.index) ?? 0) + weight * p.weight);
      }
      const scored = [...scores]
        .filter(([j, score]) => score > 0.05 && !picked.includes(group[j]!))
        .sort((a, b) => b[1] - a[1] || group[a[0]]!.url.localeCompare(group[b[0]]!.url))
        .slice(0, limit);
      result.set(article, [...picked, ...scored.map(([j]) => group[j]!)].slice(0, Math.max(limit, picked.length)));
    }
  }
  return result;
}

/** Keep an article's strongest terms; re-normalised, so scores stay cosine-like. */
function topTerms(v: Vector, k: number): Vector {
  const top = [...v].sort((a, b) => b[1] - a[1]).slice(0, k);
  const norm = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

/** `related: [refund, billing/refund]` → the articles, in the writer's order; unknown slugs are the checker's job. */
export function resolveRelatedSlugs(article: Article, sameLocale: readonly Article[]): Article[] {
  const out: Article[] = [];
  for (const ref of article.related) {
    const [category, slug] = ref.includes('/') ? ref.split('/', 2) : [undefined, ref];
    const candidates = sameLocale.filter((a) => a !== article && a.slug === slug && (category === undefined || a.category === category));
    const target = candidates.find((a) => a.category === article.category) ?? candidates[0];
    if (target && !out.includes(target)) out.push(target);
  }
  return out;
}

type Vector = Map<string, number>;

function tfidf(articles: readonly Article[], terms: (text: string) => string[]): Vector[] {
  const counts = articles.map((a) => {
    const tf = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + weight);
    };
    add(a.title, 3);
    add([...a.keywords, ...a.tags].join(' '), 2);
    add(a.text, 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  return counts.map((tf) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(t)! + 0.5));
      if (w <= 0) continue;
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

