import { z } from 'zod';
import { contactSchema } from './contact.ts';
import { widgetSchema } from './widget.ts';
import { createBrandSchema } from './brand.ts';
import { footerSchema } from './footer.ts';
import { uiStringsSchema } from './ui-strings.ts';
import { createCustomCssSchema } from './custom-css.ts';

const localeSchema = z
  .object({
    /** Name of the language in itself, shown in the language switcher. @example label: 日本語 */
    label: z.string().trim().min(1).optional(),
    /** Site title in this language. @default the top-level `title` */
    title: z.string().trim().min(1).optional(),
    /** Text direction. @default 'ltr' */
    dir: z.enum(['ltr', 'rtl']).default('ltr'),
  })
  .strict();

/** `https://cdn.example.com`: an origin, normalised (a trailing slash is allowed, a path is not). */
const httpsOrigin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      // Only letters, digits, dots and hyphens in the host: the origin goes into the CSP header as it is.
      return url.protocol === 'https:' && /^[a-z0-9.-]+$/.test(url.hostname) && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an https origin with no path, e.g. https://cdn.example.com')
  .transform((value) => new URL(value).origin);

/** The site config file, `kb.config.yml` at the project root (or the path in `KB_CONFIG`). */
export const siteConfigSchema = z
  .object({
    /** Site title, used in the header, `<title>` and feeds. @default 'Help Center' */
    title: z.string().trim().min(1).default('Help Center'),
    /** Public origin the site is served from; used for canonical URLs, the sitemap and feeds. @default 'http://localhost:4321' */
    url: z.url({ protocol: /^https?$/ }).default('http://localhost:4321').transform((u) => u.replace(/\/+$/, '')),
    /** Locale used for `/` and as the fallback. Ignored if the content has no folder for it. @default 'en' */
    defaultLocale: z.string().trim().default('en'),
    /** Per-locale labels and titles, keyed by BCP-47 tag. Locales come from the content folders; this only labels them. @default {} */
    locales: z.record(z.string(), localeSchema).default({}),
    /**
     * Where the contact page sends a question no article answered: mailto, a form or chat URL. `{subject}`, `{message}`,
     * `{page}` (the page the customer came from) and `{locale}` are replaced, URL-encoded; `{query}` and `{url}` are the
     * older names of `{subject}` and `{page}` (`{query}` carries the message too when the template has no `{message}`).
     * @example contactUrl: https://example.com/contact?q={query}&from={url}&lang={locale} */
    contactUrl: z
      .string()
      .trim()
      .default('mailto:support@example.com?subject=Help%20request&body={query}%0A%0A{url}')
      .refine((t) => /^(https?:|mailto:|\/)/.test(t), 'must start with https://, http://, mailto: or /'),
    /** Base of the "Edit this page" link; the article's path under the content folder is appended. Empty hides the link. @default '' */
    editLinkBase: z.string().trim().default(''),
    /** Where helpfulness and search events are sent with `navigator.sendBeacon`. Empty sends nothing. @default '' */
    analyticsEndpoint: z.string().trim().default(''),
    search: z
      .object({
        /** Results shown in the search dropdown. @default 8 */
        maxResults: z.number().int().min(1).max(50).default(8),
        /** Allow one-typo matches for Latin words of at least this many letters. 0 turns typo tolerance off. @default 4 */
        typoMinLength: z.number().int().min(0).max(20).default(4),
        /**
         * Japanese spelling variants and synonyms from Sudachi's dictionary, applied to Japanese articles at build time:
         * `variants` (申し込み = 申込, スマホ = スマートフォン), `synonyms` (also 解約 = 契約解除), or `off`. @default 'synonyms'
         */
        japaneseDictionary: z.enum(['off', 'variants', 'synonyms']).default('synonyms'),
      })
      .strict()
      .default({ maxResults: 8, typoMinLength: 4, japaneseDictionary: 'synonyms' }),
    /** Show a table of contents when an article has at least this many `##`/`###` headings. @default 3 */
    tocMinHeadings: z.number().int().min(1).default(3),
    /** The contact page that suggests articles before it offers `contactUrl` (see src/schemas/contact.ts). */
    contact: contactSchema.default({ formAction: '' }),
    /** The embeddable help widget (see src/schemas/widget.ts). */
    widget: widgetSchema.default({ enabled: true, allowOrigin: '*', demo: false }),
    /** Logo, accent colour and home page words (src/schemas/brand.ts); paths relative to the working directory. @default {} (the built-in look) */
    brand: createBrandSchema(process.cwd()).default({}),
    /** Links in every page's footer (src/schemas/footer.ts). @default { links: [] } */
    footer: footerSchema.default({ links: [] }),
    /** Interface text replaced per locale (src/schemas/ui-strings.ts). @default {} */
    strings: uiStringsSchema,
    /** The project's own stylesheets, loaded after the built-in one (src/schemas/custom-css.ts). @default [] */
    customCss: createCustomCssSchema(process.cwd()),
    csp: z
      .object({
        /**
         * Other hosts whose images articles may show, as https origins; they are added to the Content-Security-Policy's
         * `img-src`. Images from any other host are reported by the check. @default [] @example imgSrc: [https://cdn.example.com]
         */
        imgSrc: z.array(httpsOrigin).default([]),
      })
      .strict()
      .default({ imgSrc: [] }),
  })
  .strict();

/** The schema for one config file: `brand.logo`, `customCss` and other paths are relative to the folder it is in. */
export function createSiteConfigSchema(configDir: string) {
  return siteConfigSchema.extend({ brand: createBrandSchema(configDir).default({}), customCss: createCustomCssSchema(configDir) });
}

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

export { fillUrlTemplate } from '../content/contact-url.ts';
