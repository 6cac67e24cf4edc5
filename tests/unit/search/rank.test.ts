import { describe, expect, it } from 'vitest';
import { rankArticles, type TokenHits } from '../../../src/search/rank.ts';
import { tokenizeQuery } from '../../../src/search/tokenizer.ts';

const shift = 4;
const id = (article: number, section: number) => (article << shift) | section;

/** hits: token → { sections: [[sectionId, score]], articles: [[article, score]] } */
function rank(query: string, hits: Record<string, { sections?: [number, number][]; articles?: [number, number][] }>) {
  const terms = tokenizeQuery(query + ' ');
  const table = new Map<string, TokenHits>(
    Object.entries(hits).map(([token, h]) => [token, { sections: new Map(h.sections ?? []), articles: new Map(h.articles ?? []) }]),
  );
  return rankArticles(terms, (_, token) => table.get(token), shift);
}

describe('rankArticles', () => {
  it('ranks a title match above a heading match above a body match', () => {
    const { articles } = rank('refund', { refund: { articles: [[1, 10]], sections: [[id(2, 1), 7], [id(3, 2), 2]] } });
    expect(articles.map((a) => a.article)).toEqual([1, 2, 3]);
  });

  it('ranks more matched words above fewer, whatever the fields', () => {
    const { articles } = rank('refund card', {
      refund: { articles: [[1, 10]], sections: [[id(2, 1), 2]] },
      card: { sections: [[id(2, 1), 2]] },
    });
    expect(articles.map((a) => a.article)).toEqual([2]);
    expect(articles[0]!.partial).toBe(false);
  });

  it('falls back to the best partial matches, flagged, when nothing matches every word', () => {
    const { articles } = rank('refund zzqxv', { refund: { sections: [[id(1, 0), 2]] } });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ article: 1, partial: true, matched: 1 });
  });

  it('credits the title to every section of the article, so words split between title and heading still match', () => {
    const { articles } = rank('refund annual', { refund: { articles: [[1, 10]] }, annual: { sections: [[id(1, 2), 7]] } });
    expect(articles[0]).toMatchObject({ article: 1, partial: false });
    expect(articles[0]!.sections[0]!.index).toBe(2);
  });

  it('requires every bigram of a CJK word in the same section', () => {
    // 返金 and 認証 exist, 金認 does not: 返金認証 is a made-up compound.
    const made = rank('返金認証', { 返金: { sections: [[id(1, 0), 2]] }, 認証: { sections: [[id(1, 0), 2]] } });
    expect(made.articles).toEqual([]);
    const split = rank('請求書', { 請求: { sections: [[id(1, 0), 2]] }, 求書: { sections: [[id(1, 1), 2]] } });
    expect(split.articles).toEqual([]);
    const real = rank('請求書', { 請求: { sections: [[id(1, 1), 2]] }, 求書: { sections: [[id(1, 1), 2]] } });
    expect(real.articles.map((a) => a.article)).toEqual([1]);
  });

  it('does not require optional words, but lets them break ties', () => {
    const { articles } = rank('パスワードを変更できない', {
      パス: { sections: [[id(1, 0), 2], [id(2, 0), 2]] },
      スワ: { sections: [[id(1, 0), 2], [id(2, 0), 2]] },
      ワー: { sections: [[id(1, 0), 2], [id(2, 0), 2]] },
      ード: { sections: [[id(1, 0), 2], [id(2, 0), 2]] },
      変更: { sections: [[id(1, 0), 2], [id(2, 0), 2]] },
      でき: { sections: [[id(2, 0), 2]] },
      きな: { sections: [[id(2, 0), 2]] },
      ない: { sections: [[id(2, 0), 2]] },
    });
    expect(articles.map((a) => a.article)).toEqual([2, 1]);
    expect(articles.every((a) => !a.partial)).toBe(true);
  });

  it('groups sections by article, best section first', () => {
    const { articles } = rank('export', { export: { sections: [[id(1, 0), 2], [id(1, 3), 7], [id(2, 1), 2]] } });
    expect(articles[0]!.article).toBe(1);
    expect(articles[0]!.sections.map((s) => s.index)).toEqual([3, 0]);
  });
});
