import { z } from 'zod';

/** The kinds of article a help center holds. Each gets its own layout hints and badge. */
export const articleTypes = ['faq', 'guide', 'troubleshooting', 'reference'] as const;

const slugPattern = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*$/u;
// A product path: no host, no query or fragment (a host page's path is compared without them), no spaces.
const contextPattern = /^\/[^\s?#]*$/;

/**
 * Article frontmatter. Only `title` is required; every other field has a default.
 * Writers see these names in error messages, so keep them short and stable.
 */
export const frontmatterSchema = z
  .object({
    /** The article title, shown as the page heading and in search results. Required. @example title: Request a refund */
    title: z.string().trim().min(1, 'must not be empty'),
    /** One sentence shown under the title, in category lists and in search results. @default '' */
    description: z.string().trim().default(''),
    /** What kind of article this is. `faq` turns each `##` question into an expandable item. @default 'guide' */
    type: z.enum(articleTypes).default('guide'),
    /** Topic labels. @default [] @example tags: [billing, refunds] */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** Words customers search for that the text does not use. Indexed for search, never shown. @default [] @example keywords: [money back, chargeback] */
    keywords: z.array(z.string().trim().min(1)).default([]),
    /** Position within the category; lower comes first, then title order. @default 100 */
    order: z.number().int().default(100),
    /** Last-updated date. Without it the date comes from git history. @example updated: 2026-03-14 */
    updated: z.coerce.date().optional(),
    /** Drafts are checked but never published. @default false */
    draft: z.boolean().default(false),
    /** Featured articles are listed on the home page. @default false */
    featured: z.boolean().default(false),
    /** Slugs of related articles in the same locale, as `slug` or `category/slug`. @default [] */
    related: z.array(z.string().trim().min(1)).default([]),
    /** Overrides the URL's last segment, which otherwise comes from the file name. @example slug: refunds */
    slug: z
      .string()
      .trim()
      .regex(slugPattern, 'use lowercase letters, digits and hyphens')
      .optional(),
    /**
     * Screens of your product this article helps with, as paths there: the help widget suggests the article on
     * those screens before the customer types. `*` matches within one path segment, `**` across segments.
     * @default [] @example context: ["/settings/billing", "/invoices/*"]
     */
    context: z.array(z.string().trim().regex(contextPattern, 'use a path of your product starting with /, e.g. /settings/billing or /invoices/*')).default([]),
  })
  .strip();

/** Frontmatter as a writer types it. */
export type FrontmatterInput = z.input<typeof frontmatterSchema>;
/** Frontmatter after defaults are applied. */
export type Frontmatter = z.output<typeof frontmatterSchema>;
export type ArticleType = (typeof articleTypes)[number];

/** The keys writers may use; anything else earns a did-you-mean warning. */
export const knownFrontmatterKeys = Object.keys(frontmatterSchema.shape);
