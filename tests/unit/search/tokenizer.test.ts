import { describe, expect, it } from 'vitest';
import { findNormalized, gramsText, indexTokens, normalize, stem, tokenize, tokenizeQuery, withinOneEdit } from '../../../src/search/tokenizer.ts';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('normalize', () => {
  it('folds full-width and half-width forms with NFKC', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect(normalize('ｶﾀｶﾅ')).toBe('カタカナ');
    expect(normalize('ﾊﾟｽﾜｰﾄﾞ')).toBe('パスワード');
  });

  it('folds case and Latin diacritics', () => {
    expect(normalize('Café CRÈME Straße')).toBe('cafe creme strasse');
    expect(normalize('e\u0301')).toBe('e'); // combining acute
  });

  it('never decomposes kana voicing or Hangul syllables', () => {
    expect(normalize('ガギグゲゴ')).toBe('ガギグゲゴ');
    expect([...normalize('が')]).toHaveLength(1);
    expect(normalize('か\u3099')).toBe('が'); // a combining voiced mark composes
    expect(normalize('비밀번호')).toBe('비밀번호');
    expect([...normalize('한')]).toHaveLength(1);
  });

  it('keeps diacritics outside Latin (Cyrillic й stays й)', () => {
    expect(normalize('Й')).toBe('й');
  });
});

describe('tokenize: Latin', () => {
  it('splits on punctuation and spaces', () => {
    expect(texts('Hello, world! (refund)')).toEqual(['hello', 'world', 'refund']);
  });

  it('splits camelCase and keeps the whole word', () => {
    expect(texts('iPhone')).toEqual(['i', 'phone', 'iphone']);
    expect(texts('QuickBooks')).toEqual(['quick', 'books', 'quickbooks']);
    expect(texts('XMLParser')).toEqual(['xml', 'parser', 'xmlparser']);
    expect(texts('PDFs')).toEqual(['pdfs']);
  });

  it('splits hyphens and joins the pieces', () => {
    expect(texts('e-mail')).toEqual(['e', 'mail', 'email']);
    expect(texts('two-factor')).toEqual(['two', 'factor', 'twofactor']);
  });

  it('splits letters from digits, as customers type codes both ways', () => {
    expect(texts('TB-401')).toEqual(['tb', '401', 'tb401']);
    expect(texts('tb401')).toEqual(['tb', '401', 'tb401']);
    expect(texts('v2')).toEqual(['v', '2', 'v2']);
    expect(texts('1,000')).toEqual(['1', '000', '1000']);
  });

  it('gives offsets into the original string', () => {
    const s = 'Use ＣＳＶ or e-mail';
    for (const t of tokenize(s)) expect(normalize(s.slice(t.start, t.end)).replace(/-/g, '')).toBe(t.text);
  });
});

describe('tokenize: CJK', () => {
  it('cuts Japanese into overlapping bigrams per script run', () => {
    expect(texts('請求書')).toEqual(['請求', '求書']);
    expect(texts('二段階認証')).toEqual(['二段', '段階', '階認', '認証']);
  });

  it('finds compound interiors: every bigram of 段階認証 is a bigram of 二段階認証', () => {
    const doc = new Set(texts('二段階認証を設定する'));
    for (const g of texts('段階認証')) expect(doc.has(g)).toBe(true);
    const invoice = new Set(texts('請求書を発行'));
    for (const g of texts('請求')) expect(invoice.has(g)).toBe(true);
  });

  it('gives a one-character run a unigram, and splits runs at script changes', () => {
    expect(texts('払い戻し')).toEqual(['払', 'い', '払戻', '戻', 'し']);
    expect(tokenize('払い戻し').map((t) => t.script)).toEqual(['han', 'hiragana', 'han', 'han', 'hiragana']);
  });

  it('bridges okurigana, so 申し込み, 申込み and 申込 share a token, but never across a particle', () => {
    for (const spelling of ['申し込み', '申込み', '申込']) expect(texts(spelling)).toContain('申込');
    for (const spelling of ['引っ越し', '引越し', '引越']) expect(texts(spelling)).toContain('引越');
    for (const spelling of ['問い合わせ', '問合せ']) expect(texts(spelling)).toContain('問合');
    expect(texts('書を削除')).not.toContain('書削');
    expect(texts('料金が高い')).not.toContain('金高');
  });

  it('keeps Latin words inside Japanese as their own tokens', () => {
    expect(texts('CSVでエクスポート')).toEqual(['csv', 'で', 'エク', 'クス', 'スポ', 'ポー', 'ート', 'ポト']);
  });

  it('matches half-width katakana to full-width', () => {
    expect(texts('ﾊﾟｽﾜｰﾄﾞ')).toEqual(texts('パスワード'));
  });

  it('cuts Korean words into syllable bigrams, so a word with a particle contains the bare word', () => {
    expect(texts('비밀번호를')).toEqual(['비밀', '밀번', '번호', '호를']);
    const withParticle = new Set(texts('비밀번호를 변경하세요'));
    for (const g of texts('비밀번호')) expect(withParticle.has(g)).toBe(true);
  });

  it('maps CJK offsets back through NFKC (half-width voiced marks are two code units)', () => {
    const s = 'ﾊﾟｽﾜｰﾄﾞを変更';
    const tokens = tokenize(s);
    expect(tokens[0]).toMatchObject({ text: 'パス', start: 0, end: 3 });
    expect(s.slice(tokens.at(-1)!.start, tokens.at(-1)!.end)).toBe('変更');
  });

  it('also indexes a katakana word without its long vowel marks, so both spellings meet', () => {
    expect(tokenize('リカバリーコード').filter((t) => t.kind === 'variant').map((t) => t.text)).toEqual(['リコ', 'コド']);
    expect(tokenizeQuery('リカバリコード ')[0]!.alternatives).toEqual([['リカ', 'カバ', 'バリ', 'リコ', 'コー', 'ード'], ['リカ', 'カバ', 'バリ', 'リコ', 'コド']]);
    expect(tokenizeQuery('サーバー ')[0]!.alternatives).toEqual([['サー', 'ーバ', 'バー'], ['サバ']]);
    expect(new Set(texts('サーバ'))).toEqual(new Set(['サー', 'ーバ', 'サバ']));
  });

  it('treats an astral kanji as one character', () => {
    expect(texts('𠮷野家')).toEqual(['𠮷野', '野家']);
  });
});

describe('index and query tokens', () => {
  it('are produced by the same function: a text tokenized for the index and as a query agree', () => {
    for (const text of ['Reset your password', 'e-mail TB-401 iPhone', '請求書をCSVでエクスポート', '비밀번호를 재설정', 'ﾊﾟｽﾜｰﾄﾞ Café']) {
      const indexed = new Set(indexTokens(text));
      const query = tokenizeQuery(text + ' ');
      for (const term of query) expect(term.alternatives.some((alt) => alt.every((t) => indexed.has(t)))).toBe(true);
    }
  });

  it('leaves English stopwords and lone hiragana out of the index', () => {
    expect(indexTokens('How do I reset the password')).toEqual(['reset', 'password']);
    expect(indexTokens('パスワードを変更')).toEqual(['パス', 'スワ', 'ワー', 'ード', 'ワド', '変更']);
  });
});

describe('tokenizeQuery', () => {
  it('marks the last word as a prefix while the reader is typing', () => {
    expect(tokenizeQuery('reset pass').map((t) => t.prefix)).toEqual([false, true]);
    expect(tokenizeQuery('reset pass ').map((t) => t.prefix)).toEqual([false, false]);
  });

  it('allows typos only in Latin words long enough', () => {
    const [short, long] = tokenizeQuery('tax pasword', { typoMinLength: 4 });
    expect(short!.fuzzy).toBe(false);
    expect(long!.fuzzy).toBe(true);
    expect(tokenizeQuery('pasword', { typoMinLength: 0 })[0]!.fuzzy).toBe(false);
    expect(tokenizeQuery('返金認証')[0]!.fuzzy).toBe(false);
  });

  it('offers a compound either joined or in pieces', () => {
    expect(tokenizeQuery('e-mail ')[0]!.alternatives).toEqual([['email'], ['e', 'mail']]);
  });

  it('requires all bigrams of a CJK word', () => {
    expect(tokenizeQuery('返金認証')[0]!.alternatives).toEqual([['返金', '金認', '認証']]);
  });

  it('lets a Korean word drop its particle', () => {
    const [term] = tokenizeQuery('비밀번호를 ');
    expect(term!.alternatives).toEqual([['비밀', '밀번', '번호', '호를'], ['비밀', '밀번', '번호'], ['비']]);
    // The first syllable is a last resort, for verb forms no bigram of the text shares (끊겼어요 → 끊김).
    expect(term!.fallback).toBe(2);
  });

  it('makes grammar optional: English stopwords go, hiragana and question words do not decide a match', () => {
    expect(tokenizeQuery('how do I reset my password').map((t) => t.source)).toEqual(['reset', 'password']);
    const ja = tokenizeQuery('パスワードを変更できない');
    expect(ja.filter((t) => !t.optional).map((t) => t.source)).toEqual(['パスワード', '変更']);
    const ko = tokenizeQuery('비밀번호 재설정 방법');
    expect(ko.filter((t) => !t.optional).map((t) => t.source)).toEqual(['비밀번호', '재설정']);
    expect(tokenizeQuery('返金方法').filter((t) => !t.optional)[0]!.alternatives).toEqual([['返金']]);
  });
});

describe('fuzzy helpers', () => {
  it('accepts one insertion, deletion, substitution or transposition', () => {
    expect(withinOneEdit('pasword', 'password')).toBe(true);
    expect(withinOneEdit('refnd', 'refund')).toBe(true);
    expect(withinOneEdit('invocie', 'invoice')).toBe(true);
    expect(withinOneEdit('refumd', 'refund')).toBe(true);
    expect(withinOneEdit('invoice', 'invoices')).toBe(true);
    expect(withinOneEdit('pswd', 'password')).toBe(false);
    expect(withinOneEdit('invoice', 'involve')).toBe(false);
  });

  it('stems English word forms to the same key', () => {
    expect(stem('invoices')).toBe(stem('invoice'));
    expect(stem('invoicing')).toBe(stem('invoice'));
    expect(stem('refunds')).toBe('refund');
    expect(stem('settings')).toBe(stem('setting'));
    expect(stem('policies')).toBe('policy');
    expect(stem('status')).toBe('status');
  });

  it('rebuilds a CJK word from its bigrams and finds it in original offsets', () => {
    expect(gramsText(['請求', '求書'])).toBe('請求書');
    expect(findNormalized('ﾊﾟｽﾜｰﾄﾞを変更', 'パスワード')).toEqual([{ start: 0, end: 7 }]);
  });
});
