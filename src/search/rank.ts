/**
 * Ranking, given where each query token was found. Pure, so it is unit-tested without an index.
 *
 * Order of evidence: more required terms matched beats fewer; then the sum of term scores, where a token's score
 * is field weight (title > heading > keywords > category > description > body) × match quality (exact > word
 * form > prefix > typo) × IDF. A CJK term counts only when ALL its bigrams are in the section (with its
 * article's title, keywords…), so a made-up compound whose pieces exist apart matches nothing.
 */
import type { QueryTerm } from './tokenizer.ts';

/** Where one query token was found, with its best weighted score per section and per article. */
export interface TokenHits {
  /** Section id → score from section-level fields (heading, body). */
  sections: Map<number, number>;
  /** Article index → score from article-level fields (title, keywords, category, description). */
  articles: Map<number, number>;
}

export interface RankedSection {
  /** Section id: `article << shift | index`. */
  id: number;
  /** Position of the section in its article (0 = intro). */
  index: number;
  matched: number;
  score: number;
}

export interface RankedArticle {
  article: number;
  score: number;
  /** Required terms matched by the best section. */
  matched: number;
  /** Not every required term matched. */
  partial: boolean;
  /** Sections worth showing, best first. */
  sections: RankedSection[];
}

export interface Ranking {
  articles: RankedArticle[];
  /** Number of required terms in the query. */
  required: number;
}

/** How much an optional term (stopword, particle, question word) adds compared with a required one. */
const optionalShare = 0.3;
/** A token found both in the article's title (etc.) and in the section's text gets a little extra. */
const bothShare = 0.25;

/**
 * @param hitsOf hits for a token of a term (the same token may be looked up differently in two terms)
 * @param shift section ids are `article << shift | index`
 */
export function rankArticles(terms: readonly QueryTerm[], hitsOf: (term: number, token: string) => TokenHits | undefined, shift: number): Ranking {
  const required = terms.filter((t) => !t.optional).length;
  const mask = (1 << shift) - 1;
  const candidates = new Set<number>();
  terms.forEach((term, i) => {
    for (const alt of term.alternatives) {
      for (const token of alt) {
        const hits = hitsOf(i, token);
        if (!hits) continue;
        for (const id of hits.sections.keys()) candidates.add(id);
        for (const a of hits.articles.keys()) candidates.add(a << shift);
      }
    }
  });

  const byArticle = new Map<number, { best: RankedSection; sections: RankedSection[] }>();
  for (const id of candidates) {
    const article = id >> shift;
    let matched = 0;
    let score = 0;
    let own = false;
    terms.forEach((term, i) => {
      let best = 0;
      let bestOwn = false;
      term.alternatives.forEach((alt, k) => {
        let sum = 0;
        let altOwn = false;
        for (const token of alt) {
          const hits = hitsOf(i, token);
          const sv = hits?.sections.get(id) ?? 0;
          const av = hits?.articles.get(article) ?? 0;
          if (!sv && !av) return; // every token of an alternative must be present
          sum += Math.max(sv, av) + bothShare * Math.min(sv, av);
          if (sv) altOwn = true;
        }
        const value = (term.weights[k] ?? 1) * (sum / alt.length);
        if (value > best) {
          best = value;
          bestOwn = altOwn;
        }
      });
      if (!best) return;
      if (term.optional) score += optionalShare * best;
      else {
        matched++;
        score += best;
      }
      if (bestOwn) own = true;
    });
    if (!matched && required) continue;
    const section: RankedSection = { id, index: id & mask, matched, score };
    // A section is listed when its own text matched, or when it is the intro of an article matched by its title etc.
    if (!own && section.index !== 0) continue;
    const entry = byArticle.get(article);
    if (!entry) byArticle.set(article, { best: section, sections: [section] });
    else {
      entry.sections.push(section);
      if (better(section, entry.best)) entry.best = section;
    }
  }

  let articles: RankedArticle[] = [...byArticle].map(([article, { best, sections }]) => {
    sections.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : x.index - y.index));
    // Several matching sections say the article is about the query, a little.
    const extra = Math.min(5, sections.length - 1);
    return { article, score: best.score * (1 + 0.03 * extra), matched: best.matched, partial: best.matched < required, sections };
  });
  const full = articles.filter((a) => !a.partial);
  // Full matches only, when there are any; otherwise the best partial ones (at least half the words).
  articles = full.length ? full : articles.filter((a) => a.matched >= Math.max(1, Math.ceil(required / 2)));
  articles.sort(compareArticles);
  return { articles, required };
}

function better(a: RankedSection, b: RankedSection): boolean {
  return a.matched !== b.matched ? a.matched > b.matched : a.score > b.score;
}

export function compareArticles(a: RankedArticle, b: RankedArticle): number {
  return b.matched - a.matched || b.score - a.score || a.article - b.article;
}
