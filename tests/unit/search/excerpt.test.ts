import { describe, expect, it } from 'vitest';
import { escapeHtml, excerptHtml, matchRanges } from '../../../src/search/excerpt.ts';

const terms = (...t: string[]) => ({ terms: new Set(t) });

describe('excerptHtml', () => {
  it('escapes everything from the content: a script in the text stays text', () => {
    const html = excerptHtml('Refunds <script>alert(1)</script> & "quotes" \'single\'', terms('refunds', 'script'));
    expect(html).toBe('<mark>Refunds</mark> &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp; &quot;quotes&quot; &#39;single&#39;');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('never turns a hostile query into markup', () => {
    const html = excerptHtml('Type <img src=x onerror=alert(1)> into the box', terms('img', 'onerror', 'alert'));
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
    expect(html).toContain('&lt;<mark>img</mark> src=x <mark>onerror</mark>=<mark>alert</mark>(1)&gt;');
  });

  it('only ever emits <mark> tags', () => {
    const html = excerptHtml('<b onclick="x">bold</b> <a href="javascript:alert(1)">link</a>', terms('bold', 'link', 'javascript'));
    expect(html.match(/<[^>]*>/g)!.every((t) => t === '<mark>' || t === '</mark>')).toBe(true);
  });

  it('highlights CJK words at the right offsets, as one span', () => {
    expect(excerptHtml('二段階認証を設定する', { terms: new Set(['段階', '階認', '認証']), phrases: ['段階認証'] })).toBe('二<mark>段階認証</mark>を設定する');
    expect(excerptHtml('비밀번호를 변경하세요', { terms: new Set(), phrases: ['비밀번호'] })).toBe('<mark>비밀번호</mark>를 변경하세요');
  });

  it('highlights through width and case folding (ﾊﾟｽﾜｰﾄﾞ, ＣＳＶ, Café)', () => {
    expect(excerptHtml('ﾊﾟｽﾜｰﾄﾞを変更', { terms: new Set(), phrases: ['パスワード'] })).toBe('<mark>ﾊﾟｽﾜｰﾄﾞ</mark>を変更');
    expect(excerptHtml('ＣＳＶで出力 for the Café', terms('csv', 'cafe'))).toBe('<mark>ＣＳＶ</mark>で出力 for the <mark>Café</mark>');
  });

  it('does not light up bigrams of other words when the whole word is found', () => {
    expect(excerptHtml('レポートを開き、エクスポートを選びます', { terms: new Set(['エク', 'クス', 'スポ', 'ポー', 'ート']), phrases: ['エクスポート'] })).toBe(
      'レポートを開き、<mark>エクスポート</mark>を選びます',
    );
  });

  it('shows a window around the matches in long text, with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(30)}the refund arrives in five days ${'dolor sit '.repeat(30)}`;
    const html = excerptHtml(text, terms('refund'), { maxChars: 80 });
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>refund</mark>');
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(84);
  });

  it('merges touching ranges and escapes helper output', () => {
    expect(matchRanges('e-mail', terms('e', 'mail', 'email'))).toEqual([{ start: 0, end: 6 }]);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('excerptHtml on structured section text', () => {
  const terms = (...t: string[]) => ({ terms: new Set(t) });

  it('centres on the passage with the most different query words, not the first mention', () => {
    const text = [
      'Refunds are described on this page.',
      'Lorem filler sentence that goes on for a while without saying much about anything in particular at all.',
      'Another filler sentence that keeps going for some time so the text is long enough to need a window.',
      'A duplicate charge is refunded to the same card within five business days.',
    ].join('\n');
    const html = excerptHtml(text, terms('duplicate', 'charge', 'refunded', 'card', 'refunds'), { maxChars: 90 });
    expect(html).toContain('<mark>duplicate</mark> <mark>charge</mark>');
    expect(html).not.toContain('described');
  });

  it('prefers a sentence to a row of table cells that matches as well', () => {
    const text = ['\tCredit card\t5–10 business days', '\tBank transfer\t14 days', 'Lorem filler text that is long enough to push things apart, really quite long indeed.', 'A refund to a credit card takes 5–10 business days after we approve it.'].join('\n');
    const html = excerptHtml(text, terms('credit', 'card', 'business', 'days'), { maxChars: 80 });
    expect(html).toContain('A refund to a <mark>credit</mark> <mark>card</mark>');
  });

  it('shows table cells with a separator and blocks with a space, never tabs or line breaks', () => {
    const html = excerptHtml('Plans:\n\tLite\t3 GB\n\tUnlimited\t∞', terms('lite'));
    expect(html).toBe('Plans: <mark>Lite</mark> · 3 GB Unlimited · ∞');
  });
});
