import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

type AttributeRule = NonNullable<SanitizeSchema['attributes']>[string][number];

/** The default rules of a tag without its `className` rule, so ours is the only one that decides. */
const withoutClassName = (rules: readonly AttributeRule[] = []) => rules.filter((r) => !(Array.isArray(r) && r[0] === 'className'));

/**
 * GitHub's allowlist plus what help articles need: callouts, FAQ `<details>`, code-language classes,
 * image dimensions, and `<kbd>`/`<mark>`. Scripts, styles, event handlers, iframes and `javascript:` URLs
 * stay out, and so does `srcset`: its files would be neither published nor checked, so `<img src>` is the
 * one way to show an image. Ids written by hand keep the `user-content-` prefix so they cannot clobber page globals.
 */
export const articleSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'details', 'summary', 'mark', 'kbd', 'figure', 'figcaption', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    aside: [['className', 'callout', 'callout-note', 'callout-tip', 'callout-warning', 'callout-danger']],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-title']],
    details: [['className', 'faq-item'], 'open'],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'faq-answer']],
    // The default allows any `language-…` class; only names a highlighter could know are kept.
    code: [...withoutClassName(defaultSchema.attributes?.code), ['className', /^language-[\w+#-]+$/]],
    img: [...(defaultSchema.attributes?.img ?? []), 'width', 'height', 'loading', 'decoding'],
    abbr: ['title'],
    source: [],
  },
  // `data:` images get through only as far as rehype-images, which records them for the check (an error: "save
  // it as a file") and drops the source; no published page carries one.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: [...(defaultSchema.protocols?.src ?? []), 'data'] },
};
