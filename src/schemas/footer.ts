import { z } from 'zod';

/** Text for every locale, or one text per locale: `Status` or `{ en: Status, ja: ステータス }`. */
const localizedText = z.union([z.string().trim().min(1), z.record(z.string(), z.string().trim().min(1)).refine((m) => Object.keys(m).length > 0, 'needs at least one locale, e.g. { en: Status }')], {
  error: (issue) => (issue.input === undefined ? 'is missing: every link needs the text it shows' : 'must be a text, or one text per locale such as { en: Status, ja: ステータス }'),
});

const footerLink = z
  .object({
    /** What the link says: one text, or one per locale (a locale not listed uses `en`, then the first one). @example label: { en: Status, ja: ステータス } */
    label: localizedText,
    /**
     * Where it goes: an https/http or mailto: URL, or a path on this site (`/en/billing/`, served under the site's
     * base path). One URL, or one per locale. @example href: https://status.example.com
     */
    href: z.union([z.string().trim(), z.record(z.string(), z.string().trim())]).refine(
      (h) => (typeof h === 'string' ? [h] : Object.values(h)).every((u) => /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/[^\s]*)$/.test(u)),
      'must be an https://, http:// or mailto: URL, or a path on this site starting with /',
    ),
  })
  .strict();

/** `footer` in kb.config.yml: links shown in every page's footer, after the contact link. @default { links: [] } */
export const footerSchema = z
  .object({
    /** Up to 12 links, in order. @example links: [{ label: Status, href: "https://status.example.com" }] */
    links: z.array(footerLink).max(12).default([]),
  })
  .strict();

export type FooterConfig = z.output<typeof footerSchema>;

/** A footer link's text or URL for one locale. */
export function forLocale(value: string | Record<string, string>, locale: string): string {
  if (typeof value === 'string') return value;
  return value[locale] ?? value[locale.split('-')[0]!] ?? value.en ?? Object.values(value)[0]!;
}
