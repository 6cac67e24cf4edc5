/**
 * The baselines' ranking: textbook Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's IDF) over whole articles, each
 * article one bag of tokens from its title, description, keywords, tags, headings and text. Only the analyzer
 * differs between baselines. Benchmark code: the product's ranking lives in src/search/.
 */

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Index {
  /** Keys of the documents with a positive score, best first. */
  search(tokens: readonly string[], limit: number): string[];
}

export function createBm25Index(docs: readonly { key: string; tokens: readonly string[] }[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths = docs.map((d) => d.tokens.length);
  const avg = lengths.reduce((a, x) => a + x, 0) / Math.max(1, docs.length);
  docs.forEach((d, doc) => {
    const tf = new Map<string, number>();
    for (const t of d.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      const list = postings.get(term);
      if (list) list.push({ doc, tf: n });
      else postings.set(term, [{ doc, tf: n }]);
    }
  });
  const n = docs.length;
  return {
    search(tokens, limit) {
      const scores = new Map<number, number>();
      for (const term of new Set(tokens)) {
        const list = postings.get(term);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          const norm = k1 * (1 - b + (b * lengths[doc]!) / avg);
          scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
        }
      }
      return [...scores]
        .filter(([, s]) => s > 0)
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, limit)
        .map(([doc]) => docs[doc]!.key);
    },
  };
}
