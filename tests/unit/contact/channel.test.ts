import { describe, expect, it } from 'vitest';
import { contactHref, messageInUrlMax, originPage, suggestionQuery } from '../../../src/contact/channel.ts';

const fields = { subject: 'Charged twice', message: 'I paid on 3 May & again on 4 May.', page: 'https://help.example.com/en/billing/', locale: 'en' };

describe('contactHref', () => {
  it('fills the new placeholders, URL-encoded', () => {
    expect(contactHref('https://x.example/new?s={subject}&m={message}&p={page}&l={locale}', fields)).toBe(
      'https://x.example/new?s=Charged%20twice&m=I%20paid%20on%203%20May%20%26%20again%20on%204%20May.&p=https%3A%2F%2Fhelp.example.com%2Fen%2Fbilling%2F&l=en',
    );
  });

  it('keeps older templates working: {query} carries the message too when there is no {message}', () => {
    const url = new URL(contactHref('https://tallybird.example/contact?q={query}&from={url}&lang={locale}', fields));
    expect(url.searchParams.get('q')).toBe('Charged twice\n\nI paid on 3 May & again on 4 May.');
    expect(url.searchParams.get('from')).toBe(fields.page);
    expect(url.searchParams.get('lang')).toBe('en');
    expect(new URL(contactHref('https://x.example/?q={query}&m={message}', fields)).searchParams.get('q')).toBe('Charged twice');
  });

  it('writes a mailto link a mail client opens with the subject and body', () => {
    const href = contactHref('mailto:support@example.com?subject={subject}&body={message}%0A%0A{page}', { ...fields, subject: '返金について', locale: 'ja' });
    expect(href.startsWith('mailto:support@example.com?subject=%E8%BF%94')).toBe(true);
    expect(decodeURIComponent(href.split('body=')[1]!)).toBe(`${fields.message}\n\n${fields.page}`);
  });

  it('cuts a long message for the URL, never the subject', () => {
    const long = 'x'.repeat(5000);
    const url = new URL(contactHref('https://x.example/?s={subject}&m={message}', { ...fields, message: long }));
    expect(url.searchParams.get('m')).toHaveLength(messageInUrlMax);
    expect(url.searchParams.get('s')).toBe('Charged twice');
  });
});

describe('originPage', () => {
  it('keeps an http(s) page or a site path without its query and fragment', () => {
    expect(originPage('https://help.example.com/en/billing/?token=abc#x', 'https://help.example.com/en/contact/')).toBe('https://help.example.com/en/billing/');
    expect(originPage('/ja/', 'https://help.example.com/en/contact/')).toBe('https://help.example.com/ja/');
  });

  it('drops anything else', () => {
    expect(originPage('javascript:alert(1)', 'https://help.example.com/')).toBe('');
    expect(originPage(null, 'https://help.example.com/')).toBe('');
  });
});

describe('suggestionQuery', () => {
  it('searches the subject, then the start of the message, on one line', () => {
    expect(suggestionQuery(' Charged twice ', 'How do I\nget my money back?')).toBe('Charged twice How do I get my money back?');
    expect(suggestionQuery('a', 'b'.repeat(500))).toHaveLength(200);
  });
});
