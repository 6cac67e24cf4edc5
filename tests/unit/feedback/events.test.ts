import { describe, expect, it } from 'vitest';
import { cleanText, eventBodySchema, limits, maskPii, siteEventSchema, stripQuery, toEvent } from '../../../src/feedback/events.ts';

describe('maskPii', () => {
  it.each([
    ['reset password for jane.doe+help@example.com please', 'reset password for [email] please'],
    ['JANE@EXAMPLE.COM, bob@mail.test.org', '[email], [email]'],
    ['mail me: o\'brien@example.ie.', 'mail me: [email].'],
    ['the @mention and user@ are not addresses', 'the @mention and user@ are not addresses'],
  ])('masks email addresses in Latin text: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['メールはjane.doe@example.co.jpです', 'メールは[email]です'],
    ['連絡先：yamada@example.jp まで', '連絡先:[email] まで'],
    ['이메일 kim@example.kr 로 보내주세요', '이메일 [email] 로 보내주세요'],
    ['이메일은kim@example.kr입니다', '이메일은[email]입니다'],
    ['ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍに送信', '[email]に送信'],
  ])('masks addresses next to Japanese and Korean text without eating it: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('masks an address with a CJK local part together with the word before it', () => {
    // The boundary of 山田 inside 担当山田 cannot be known; masking too much is the safe side.
    expect(maskPii('担当山田@example.jp まで')).toBe('[email] まで');
    expect(maskPii('山田 太郎@example.jp')).toBe('山田 [email]');
  });

  it.each([
    ['card 4111 1111 1111 1111 was declined', 'card [number] was declined'],
    ['card 4111-1111-1111-1111', 'card [number]'],
    ['call 090-1234-5678', 'call [number]'],
    ['call +81 (90) 1234-5678 today', 'call [number] today'],
    ['call 03.1234.5678', 'call [number]'],
    ['account 123456', 'account [number]'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'IBAN DE[number]'],
  ])('masks runs of six or more digits: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['error 12345', 'error 12345'],
    ['1 2 3 4 5', '1 2 3 4 5'],
    ['2,000,000 won', '2,000,000 won'],
    ['version 1.2.3', 'version 1.2.3'],
    ['TB-401 error', 'TB-401 error'],
    ['10 - 20 - 30', '10 - 20 - 30'],
  ])('keeps short numbers, amounts with commas and codes: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['電話０９０－１２３４－５６７８にお願いします', '電話[number]にお願いします'],
    ['電話090ー1234ー5678', '電話[number]'],
    ['電話 090‐1234‐5678 です', '電話 [number] です'],
    ['カード番号は４１１１　１１１１　１１１１　１１１１です', 'カード番号は[number]です'],
    ['주문번호 ２０２６０１１５９９ 환불', '주문번호 [number] 환불'],
    ['카드 4111 1111 1111 1111 결제 실패', '카드 [number] 결제 실패'],
    ['전화는010-1234-5678로', '전화는[number]로'],
    ['請求書番号は１２３４５です', '請求書番号は12345です'],
  ])('masks full-width and IME-dashed numbers after NFKC: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('masks digits of other scripts', () => {
    expect(maskPii('رقم ٠١٢٣٤٥٦٧٨٩')).toBe('رقم [number]');
  });

  it('masks an address before its digits, so the address is one placeholder', () => {
    expect(maskPii('user1234567@example.com')).toBe('[email]');
  });

  it('is idempotent, so the collector can mask again what the browser masked', () => {
    const once = maskPii('jane@example.com ０９０-１２３４-５６７８ 山田');
    expect(maskPii(once)).toBe(once);
  });

  it('stays fast on long text without spaces', () => {
    const started = performance.now();
    maskPii('日本語'.repeat(20_000));
    maskPii('a'.repeat(60_000) + '@');
    maskPii('1-'.repeat(30_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('cleanText', () => {
  it('masks, collapses whitespace and trims', () => {
    expect(cleanText('  reset\n\tpassword  jane@example.com ', 100)).toBe('reset password [email]');
  });

  it('cuts to the limit without leaving half a placeholder', () => {
    const text = `${'x'.repeat(95)} jane@example.com`;
    expect(cleanText(text, 100)).toBe('x'.repeat(95));
    expect(cleanText(text, 102)).toBe('x'.repeat(95));
    expect(cleanText(text, 103)).toBe(`${'x'.repeat(95)} [email]`);
  });

  it('never splits a surrogate pair', () => {
    const cut = cleanText('😀'.repeat(60), limits.queryClientMax);
    expect(cut.length).toBeLessThanOrEqual(limits.queryClientMax);
    expect(cut).toBe('😀'.repeat(50));
    expect(cleanText(`a${'😀'.repeat(60)}`, 100)).toBe(`a${'😀'.repeat(49)}`);
  });
});

describe('stripQuery', () => {
  it('drops the query string and keeps the fragment unless asked not to', () => {
    expect(stripQuery('/en/billing/refund/?utm=x#step-2')).toBe('/en/billing/refund/#step-2');
    expect(stripQuery('/en/search/?q=jane@example.com', false)).toBe('/en/search/');
    expect(stripQuery('/en/a/#x?y', true)).toBe('/en/a/#x');
    expect(stripQuery('https://kb.example.com/ja/?q=1')).toBe('https://kb.example.com/ja/');
  });
});

const base = { v: 1, ts: 1_767_225_600_000, page: '/en/', locale: 'en' } as const;

describe('event schema', () => {
  it('accepts the five event types as the site sends them', () => {
    const events = [
      { ...base, type: 'search', query: 'refund', resultCount: 3, searchId: '3b241101-e2bb-4255-8caf-4136c566a962' },
      { ...base, type: 'zero_results', query: 'wire transfer', searchId: 'k2j4h5' },
      { ...base, type: 'result_click', query: 'refund', rank: 1, url: '/en/billing/request-a-refund/#steps', searchId: 'k2j4h5' },
      { ...base, type: 'feedback', url: '/en/billing/request-a-refund/', helpful: true },
      { ...base, type: 'feedback', url: '/en/billing/request-a-refund/', helpful: false },
      { ...base, type: 'feedback', url: '/en/billing/request-a-refund/', helpful: false, reason: 'didnt-work', comment: 'still broken' },
      { ...base, type: 'contact_click', source: 'zero-results', url: '/en/', query: 'wire transfer', searchId: 'k2j4h5' },
      { ...base, type: 'contact_click', source: 'footer', url: 'https://kb.example.com/en/' },
      { ...base, locale: 'zh-Hant-TW', type: 'zero_results', query: 'x' },
    ];
    for (const event of events) expect(siteEventSchema.safeParse(event).error?.issues).toBeUndefined();
    expect(eventBodySchema.safeParse(events.slice(0, limits.batchMax)).success).toBe(true);
  });

  it('still accepts the root, a doubled slash further on, and an absolute URL to another site', () => {
    for (const event of [
      { ...base, page: '/', type: 'feedback', url: '/', helpful: true },
      { ...base, page: '/en//billing/', type: 'result_click', query: 'x', rank: 1, url: '/en//billing/#a' },
      { ...base, type: 'contact_click', source: 'footer', url: 'https://support.example.org/new//ticket' },
    ]) {
      expect(siteEventSchema.safeParse(event).error?.issues).toBeUndefined();
    }
  });

  it('drops unknown keys instead of storing them', () => {
    const parsed = siteEventSchema.parse({ ...base, type: 'zero_results', query: 'x', ip: '203.0.113.9', cookie: 'y' });
    expect(parsed).toEqual({ ...base, type: 'zero_results', query: 'x' });
  });

  it.each([
    ['an unknown type', { ...base, type: 'pageview' }],
    ['a missing version', { ...base, v: undefined, type: 'zero_results', query: 'x' }],
    ['version 2', { ...base, v: 2, type: 'zero_results', query: 'x' }],
    ['a page with a query string', { ...base, page: '/en/?q=secret', type: 'zero_results', query: 'x' }],
    ['a page that is a URL', { ...base, page: 'https://kb.example.com/en/', type: 'zero_results', query: 'x' }],
    ['a url with a query string', { ...base, type: 'result_click', query: 'x', rank: 1, url: '/en/a/?q=x' }],
    ['a javascript: url', { ...base, type: 'result_click', query: 'x', rank: 1, url: 'javascript:alert(1)' }],
    ['a protocol-relative url', { ...base, type: 'result_click', query: 'x', rank: 1, url: '//evil.example/x' }],
    ['a url starting with a slash and a backslash', { ...base, type: 'feedback', url: '/\\evil.example/x', helpful: true }],
    ['a url starting with a backslash', { ...base, type: 'contact_click', source: 'footer', url: '\\\\evil.example/x' }],
    ['an absolute url with a backslash', { ...base, type: 'result_click', query: 'x', rank: 1, url: 'https://kb.example.com\\@evil.example/' }],
    ['a protocol-relative page', { ...base, page: '//evil.example/x', type: 'zero_results', query: 'x' }],
    ['a page starting with a slash and a backslash', { ...base, page: '/\\evil.example/', type: 'zero_results', query: 'x' }],
    ['a page with a backslash further on', { ...base, page: '/en/..\\..\\x', type: 'zero_results', query: 'x' }],
    ['rank 0', { ...base, type: 'result_click', query: 'x', rank: 0, url: '/en/a/' }],
    ['a fractional result count', { ...base, type: 'search', query: 'x', resultCount: 1.5, searchId: 'a' }],
    ['a string result count', { ...base, type: 'search', query: 'x', resultCount: '3', searchId: 'a' }],
    ['a search without searchId', { ...base, type: 'search', query: 'x', resultCount: 3 }],
    ['an empty search query', { ...base, type: 'search', query: '', resultCount: 3, searchId: 'a' }],
    ['a query over 200 characters', { ...base, type: 'zero_results', query: 'q'.repeat(201) }],
    ['an unknown reason', { ...base, type: 'feedback', url: '/en/a/', helpful: false, reason: 'boring' }],
    ['a comment over 500 characters', { ...base, type: 'feedback', url: '/en/a/', helpful: false, comment: 'c'.repeat(501) }],
    ['helpful as a string', { ...base, type: 'feedback', url: '/en/a/', helpful: 'no' }],
    ['an unknown contact source', { ...base, type: 'contact_click', source: 'header', url: '/en/' }],
    ['a locale with spaces', { ...base, locale: 'en US', type: 'zero_results', query: 'x' }],
    ['a timestamp in seconds', { ...base, ts: 1_767_225_600, type: 'zero_results', query: 'x' }],
    ['a searchId with markup', { ...base, type: 'zero_results', query: 'x', searchId: '<script>' }],
  ])('rejects %s', (_name, event) => {
    expect(siteEventSchema.safeParse(event).success).toBe(false);
  });

  it('rejects an empty batch and one over the limit', () => {
    const one = { ...base, type: 'zero_results', query: 'x' };
    expect(eventBodySchema.safeParse([]).success).toBe(false);
    expect(eventBodySchema.safeParse(Array(limits.batchMax + 1).fill(one)).success).toBe(false);
  });
});

describe('toEvent', () => {
  it('adds the common fields, masks and cuts the query, strips query strings', () => {
    const event = toEvent(
      { type: 'search', query: `  my card 4111 1111 1111 1111 ${'x'.repeat(200)}`, locale: 'en', resultCount: 0, searchId: 'abc' },
      { ts: 1_767_225_600_000.4, page: '/en/search/?q=4111111111111111' },
    );
    expect(event).toMatchObject({ v: 1, ts: 1_767_225_600_000, page: '/en/search/', type: 'search' });
    expect((event as { query: string }).query).toMatch(/^my card \[number\] x+$/);
    expect((event as { query: string }).query).toHaveLength(limits.queryClientMax);
    expect(siteEventSchema.safeParse(event).success).toBe(true);
  });

  it('masks the comment and drops it when nothing is left', () => {
    const withComment = toEvent(
      { type: 'feedback', locale: 'ja', url: '/ja/a/?x=1#b', helpful: false, reason: 'unclear', comment: '電話は０９０－１２３４－５６７８です' },
      { ts: 1_767_225_600_000, page: '/ja/a/' },
    );
    expect(withComment).toMatchObject({ url: '/ja/a/#b', comment: '電話は[number]です' });
    const blank = toEvent({ type: 'feedback', locale: 'ja', url: '/ja/a/', helpful: false, comment: '   ' }, { ts: 1_767_225_600_000, page: '/ja/a/' });
    expect(blank).not.toHaveProperty('comment');
  });
});
