import { describe, expect, it } from 'vitest';
import { rankArticles, type TokenEvidence } from '../../../src/search/rank.ts';
import { tokenizeQuery } from '../../../src/search/tokenizer.ts';

const shift = 4;
const id = (article: number, section: number) => (article << shift) | section;

/** hits: token → { idf, sections: [[sectionId, x]], articles: [[article, x]] } (x: BM25F pseudo term frequency). */
type Hits = Record<string, { idf?: number; sections?: [number, number][]; articles?: [number, number][]; quality?: number }>;

function rank(query: string, hits: Hits) {
  const terms = tokenizeQuery(query + ' ');
  const table = new Map<string, TokenEvidence>(
    Object.entries(hits).map(([token, h]) => [token, { idf: h.idf ?? 2, forms: [{ quality: h.quality ?? 1, section: new Map(h.sections ?? []), article: new Map(h.articles ?? []) }] }]),
  );
  // Tokens the test does not mention are in no article: the most informative of all.
  return rankArticles(terms, (_, token) => table.get(token) ?? { idf: 4, forms: [] }, shift);
}

describe('rankArticles: keyword queries', () => {
  it('ranks a title match above a heading match above a body match', () => {
    const { articles, question } = rank('refund', { refund: { articles: [[1, 4]], sections: [[id(2, 1), 2.5], [id(3, 2), 0.8]] } });
    expect(question).toBe(false);
    expect(articles.map((a) => a.article)).toEqual([1, 2, 3]);
  });

  it('shows only articles that match every word when there are any', () => {
    const { articles } = rank('refund card', {
      refund: { articles: [[1, 10]], sections: [[id(2, 1), 1]] },
      card: { sections: [[id(2, 1), 1]] },
    });
    expect(articles.map((a) => a.article)).toEqual([2]);
    expect(articles[0]!.partial).toBe(false);
  });

  it('falls back to the best partial matches, flagged, when nothing matches every word', () => {
    const { articles } = rank('refund zzqxv', { refund: { sections: [[id(1, 0), 1]] } });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ article: 1, partial: true, matched: 1 });
  });

  it('credits the title to every section of the article, so words split between title and heading still match', () => {
    const { articles } = rank('refund annual', { refund: { articles: [[1, 4]] }, annual: { sections: [[id(1, 2), 2.5]] } });
    expect(articles[0]).toMatchObject({ article: 1, partial: false });
    expect(articles[0]!.sections[0]!.index).toBe(2);
  });

  it('requires every bigram of a CJK word in the same section', () => {
    // 返金 and 認証 exist, 金認 does not: 返金認証 is a made-up compound.
    const made = rank('返金認証', { 返金: { sections: [[id(1, 0), 1]] }, 認証: { sections: [[id(1, 0), 1]] } });
    expect(made.articles).toEqual([]);
    const split = rank('請求書', { 請求: { sections: [[id(1, 0), 1]] }, 求書: { sections: [[id(1, 1), 1]] } });
    expect(split.articles).toEqual([]);
    const real = rank('請求書', { 請求: { sections: [[id(1, 1), 1]] }, 求書: { sections: [[id(1, 1), 1]] } });
    expect(real.articles.map((a) => a.article)).toEqual([1]);
  });

  it('does not require optional words, but lets them break ties', () => {
    const both = (token: string) => ({ [token]: { sections: [[id(1, 0), 1], [id(2, 0), 1]] as [number, number][] } });
    const { articles } = rank('パスワードを変更できない', {
      ...both('パス'), ...both('スワ'), ...both('ワー'), ...both('ード'), ...both('変更'),
      でき: { sections: [[id(2, 0), 1]] },
      きな: { sections: [[id(2, 0), 1]] },
      ない: { sections: [[id(2, 0), 1]] },
    });
    expect(articles.map((a) => a.article)).toEqual([2, 1]);
    expect(articles.every((a) => !a.partial)).toBe(true);
  });

  it('groups sections by article, best section first', () => {
    const { articles } = rank('export', { export: { sections: [[id(1, 0), 0.5], [id(1, 3), 2.5], [id(2, 1), 0.5]] } });
    expect(articles[0]!.article).toBe(1);
    expect(articles[0]!.sections.map((s) => s.index)).toEqual([3, 0]);
  });

  it('saturates: many mentions in the body do not beat the title', () => {
    const { articles } = rank('refund', { refund: { articles: [[1, 4]], sections: [[id(2, 1), 3]] } });
    expect(articles.map((a) => a.article)).toEqual([1, 2]);
  });
});

describe('rankArticles: questions', () => {
  const question = 'how do i get my money back after a double charge';

  it('ranks by how much of the question an article contains; no word is required', () => {
    const { articles, question: asQuestion } = rank(question, {
      money: { idf: 2, sections: [[id(1, 0), 1], [id(2, 0), 1]] },
      back: { idf: 1, sections: [[id(1, 0), 1], [id(2, 0), 1], [id(3, 0), 1]] },
      double: { idf: 3, sections: [[id(1, 0), 1]] },
      charge: { idf: 2, sections: [[id(1, 0), 1], [id(2, 0), 1]] },
      after: { idf: 0.3, sections: [[id(1, 0), 1], [id(2, 0), 1], [id(3, 0), 1]] },
    });
    expect(asQuestion).toBe(true);
    // Article 3 has only the filler words: it comes last.
    expect(articles.map((a) => a.article)).toEqual([1, 2, 3]);
    expect(articles[0]!.coverage).toBeGreaterThan(articles[1]!.coverage);
    expect(articles.every((a) => !a.partial)).toBe(true);
  });

  it('finds nothing when the informative words are in no article, even if the filler words are everywhere, and offers the closest', () => {
    const { articles, closest } = rank('how do i pay with bitcoin from my crypto wallet', {
      pay: { idf: 0.5, sections: [[id(1, 0), 1], [id(2, 0), 1]] },
      wallet: { idf: 1.5, sections: [[id(2, 1), 1]] },
    });
    expect(articles).toEqual([]);
    // Closest: the article with the wallet comes before the one with only the commonest word.
    expect(closest.map((a) => a.article)).toEqual([2, 1]);
  });

  it('decides on the best article whether a question is answered, then lists the others by score', () => {
    const { articles } = rank('cancel home internet contract', {
      cancel: { idf: 2, sections: [[id(1, 0), 1], [id(2, 0), 1]] },
      home: { idf: 2, sections: [[id(1, 0), 1]] },
      internet: { idf: 2, sections: [[id(1, 0), 1]] },
      contract: { idf: 2, sections: [[id(1, 0), 1]] },
    });
    // Article 2 covers a quarter of the question: too little to answer it alone, but it is listed after article 1.
    expect(articles.map((a) => a.article)).toEqual([1, 2]);
    expect(articles[1]!.coverage).toBeLessThan(0.3);
  });

  it('prefers the article that answers in one section to one that has the words here and there', () => {
    const { articles } = rank('change plan before renewal date', {
      change: { sections: [[id(1, 1), 1], [id(2, 1), 1]] },
      plan: { sections: [[id(1, 1), 1], [id(2, 2), 1]] },
      renewal: { sections: [[id(1, 1), 1], [id(2, 3), 1]] },
      date: { sections: [[id(1, 1), 1], [id(2, 4), 1]] },
    });
    expect(articles.map((a) => a.article)).toEqual([1, 2]);
  });

  it('does not show weak results far below the best one', () => {
    const { articles } = rank('cancel home internet contract early fee', {
      cancel: { sections: [[id(1, 0), 2], [id(2, 0), 0.1]] },
      home: { sections: [[id(1, 0), 2], [id(2, 0), 0.1]] },
      internet: { sections: [[id(1, 0), 2], [id(2, 0), 0.1]] },
      contract: { sections: [[id(1, 0), 2]] },
      early: { sections: [[id(1, 0), 2]] },
      fee: { sections: [[id(1, 0), 2], [id(2, 0), 0.1]] },
    });
    expect(articles.map((a) => a.article)).toEqual([1]);
  });
});
