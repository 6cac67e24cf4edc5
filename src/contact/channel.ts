/**
 * Filling the support channel with the customer's draft. Zod-free and DOM-free: the contact page, the widget and
 * tests share it.
 */

export interface ContactFields {
  subject: string;
  message: string;
  /** The page the customer came from (absolute URL, no query), or '' when unknown. */
  page: string;
  locale: string;
}

/**
 * Longest message carried in a URL. Mail clients and many servers refuse URLs much past 2,000 characters; the
 * rest of a longer message is cut, never the subject.
 */
export const messageInUrlMax = 1500;

const placeholders = /\{(subject|message|page|query|url|locale)\}/g;

/**
 * `contactUrl` with the draft in it, every value URL-encoded. `{query}` and `{url}` are the older names of
 * `{subject}` and `{page}`; a template without `{message}` gets the message after the subject in `{query}`, so
 * nothing the customer wrote is dropped on the way.
 */
export function contactHref(template: string, fields: ContactFields): string {
  const subject = fields.subject.trim();
  const message = cut(fields.message.trim(), messageInUrlMax);
  const carriesMessage = template.includes('{message}');
  const values: Record<string, string> = {
    subject,
    message,
    query: carriesMessage || !message ? subject : subject ? `${subject}\n\n${message}` : message,
    page: fields.page,
    url: fields.page,
    locale: fields.locale,
  };
  return template.replace(placeholders, (_, key: string) => encodeURIComponent(values[key] ?? ''));
}

/**
 * The page a contact link came from (`?from=` on the contact page): an http(s) URL or a site path, kept without its
 * query and fragment (they can carry personal data). Anything else is dropped.
 */
export function originPage(from: string | null | undefined, base: string): string {
  if (!from) return '';
  try {
    const url = new URL(from, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
    return url.origin + url.pathname;
  } catch {
    return '';
  }
}

/** What the suggestions search for: the subject, then the message's first words, where a question says its topic. */
export function suggestionQuery(subject: string, message: string, max = 200): string {
  const text = `${subject.trim()} ${message.trim()}`.replace(/\s+/g, ' ').trim();
  return cut(text, max);
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end).trimEnd();
}
