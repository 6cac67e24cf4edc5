import { describe, expect, it } from 'vitest';
import { computeRelated } from '../../../src/content/related.ts';
import type { Article } from '../../../src/content/model.ts';

const terms = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
function article(partial: Partial<Article> & { slug: string }): Article {
  return {
    locale: 'en', category: 'billing', translationKey: `billing/${partial.slug}`, url: `/en/billing/${partial.slug}/`,
    sourcePath: '', displayPath: '', title: partial.slug, description: '', type: 'guide', tags: [], keywords: [], order: 100,
    draft: false, featured: false, related: [], frontmatter: {} as Article['frontmatter'], html: '', headings: [], anchors: [], sections: [],
    faq: [], text: '', links: [], images: [], ...partial,
  } as Article;
}

describe('related articles', () => {
  const refund = article({ slug: 'refund', title: 'Request a refund', text: 'refund money card charge days bank' });
  const cancel = article({ slug: 'cancel', title: 'Cancel your plan', text: 'cancel plan refund charge card' });
  const password = article({ slug: 'password', category: 'account', title: 'Reset your password', text: 'password email link sign in' });
  const twoFactor = article({ slug: '2fa', category: 'account', title: 'Two-factor sign in', text: 'code sign in password app', related: ['refund'] });
  const jaRefund = article({ slug: 'refund', locale: 'ja', title: '返金', text: 'refund money card' });
  const related = computeRelated([refund, cancel, password, twoFactor, jaRefund], { terms });

  it('ranks similar articles in the same locale first', () => {
    expect(related.get(refund)![0]).toBe(cancel);
    expect(related.get(password)![0]).toBe(twoFactor);
  });

  it('puts the writer’s related list first, in order', () => {
    expect(related.get(twoFactor)![0]).toBe(refund);
    expect(related.get(twoFactor)).toContain(password);
  });

  it('never crosses locales or lists an article as related to itself', () => {
    for (const [a, list] of related) {
      expect(list).not.toContain(a);
      for (const r of list) expect(r.locale).toBe(a.locale);
    }
  });
});

describe('related articles off the main thread', () => {
  it('gives the same answer from the worker as on this thread (with the search tokenizer)', async () => {
    const { computeRelatedOffThread } = await import('../../../src/content/related-pool.ts');
    const { indexTokens } = await import('../../../src/search/tokenizer.ts');
    const topics = ['refund card charge', 'password email link', 'invoice tax currency', '請求書 税率 通貨', '비밀번호 이메일 링크'];
    const many = Array.from({ length: 60 }, (_, i) =>
      article({ slug: `a${i}`, locale: i % 3 === 0 ? 'ja' : 'en', title: `Topic ${i % 5}`, text: `${topics[i % 5]} ${topics[(i * 7) % 5]} item${i}`, related: i === 4 ? ['a9'] : [] }),
    );
    const terms = (text: string) => indexTokens(text);
    const here = computeRelated(many, { terms });
    const there = await computeRelatedOffThread(many, { minimumForWorker: 1 });
    expect(there.size).toBe(many.length);
    for (const a of many) expect(there.get(a)!.map((r) => r.slug)).toEqual(here.get(a)!.map((r) => r.slug));
  });
});
