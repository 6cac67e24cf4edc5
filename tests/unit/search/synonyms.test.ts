import { describe, expect, it } from 'vitest';
import { createSynonymExpander } from '../../../src/search/synonyms.ts';
import { indexTokens } from '../../../src/search/tokenizer.ts';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import { createSearchClient } from '../../../src/search/client.ts';
import { createMemoryFetch } from '../../../src/search/file-fetch.ts';
import { makeArticle } from '../../fixtures/search/articles.ts';

const expand = (rules: { typed: string[]; finds: string[] }[], text: string) => Object.fromEntries(createSynonymExpander(rules)(indexTokens(text)));

describe('createSynonymExpander', () => {
  it('adds the tokens of the other words of a two-way group', () => {
    const group = ['cancel', 'terminate', 'close my account'];
    expect(expand([{ typed: group, finds: group }], 'How to cancel')).toEqual({ terminate: 1, close: 1, account: 1 });
    expect(expand([{ typed: group, finds: group }], 'Close my account today')).toEqual({ cancel: 1, terminate: 1 });
  });

  it('matches a several-word entry only when its words stand together', () => {
    const group = ['close my account', 'delete profile'];
    expect(expand([{ typed: group, finds: group }], 'Close the door. Your account is safe with a very long sentence')).toEqual({});
  });

  it('matches CJK words inside longer runs, through the same bigrams search uses', () => {
    const group = ['解約', '退会'];
    expect(expand([{ typed: group, finds: group }], '解約手続きの方法')).toEqual({ 退会: 1 });
  });

  it('is one-way for typed/finds: what readers type finds the article, not the reverse', () => {
    const rule = { typed: ['スマホ'], finds: ['携帯電話'] };
    expect(expand([rule], '携帯電話の設定')).toEqual({ スマ: 1, マホ: 1 });
    expect(expand([rule], 'スマホの設定')).toEqual({});
  });
});

describe('synonyms and spelling variants in search', () => {
  const articles = [
    makeArticle({ locale: 'ja', category: 'contract', slug: 'cancel', title: '解約の手続き', intro: '解約はマイページから申し込みできます。' }),
    makeArticle({ locale: 'ja', category: 'home', slug: 'move', title: '引っ越しのときの手続き', intro: 'ご住所の変更をお知らせください。' }),
    makeArticle({ locale: 'ja', category: 'home', slug: 'plans', title: '料金プラン', intro: '月額の料金です。' }),
    makeArticle({ locale: 'en', category: 'contract', slug: 'cancel', title: 'Cancel your line', intro: 'You can cancel at any time.' }),
    makeArticle({ locale: 'en', category: 'contract', slug: 'plans', title: 'Plans', intro: 'Monthly prices.' }),
  ];
  const index = buildSearchIndex({
    articles,
    synonyms: { ja: [{ typed: ['解約', '退会'], finds: ['解約', '退会'] }], en: [{ typed: ['terminate', 'quit'], finds: ['cancel'] }] },
  });
  const client = (lang: string) => createSearchClient({ manifestUrl: index.manifestUrls[lang]!, fetch: createMemoryFetch(index) });
  const urls = async (lang: string, q: string) => (await client(lang).search(q)).results.map((r) => r.url);

  it('finds an article by a writer-declared synonym it never uses', async () => {
    expect(await urls('ja', '退会')).toEqual(['/ja/contract/cancel/']);
    expect(await urls('en', 'terminate')).toEqual(['/en/contract/cancel/']);
    expect(await urls('en', 'quit line')).toEqual(['/en/contract/cancel/']);
  });

  it('ranks the word itself above its synonym', async () => {
    const r = await client('en').search('cancel');
    expect(r.results[0]!.url).toBe('/en/contract/cancel/');
  });

  it('meets okurigana spellings both ways: 引越し, 引越 and 引っ越し; 申込 and 申し込み', async () => {
    for (const q of ['引越し', '引越', '引っ越し', '引越しの手続き']) expect(await urls('ja', q), q).toContain('/ja/home/move/');
    expect(await urls('ja', '申込')).toEqual(['/ja/contract/cancel/']);
  });
});
