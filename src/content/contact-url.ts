const placeholders = /\{(query|url|locale)\}/g;

/**
 * Fill a contact URL template: `{query}`, `{url}` and `{locale}` become URL-encoded values.
 * Zod-free on purpose: the browser fills the template too, when a search finds nothing.
 */
export function fillUrlTemplate(template: string, values: { query?: string; url?: string; locale?: string }): string {
  return template.replace(placeholders, (_, key: 'query' | 'url' | 'locale') => encodeURIComponent(values[key] ?? ''));
}
