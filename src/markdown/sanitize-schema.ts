import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * GitHub's allowlist plus what help articles need: callouts, FAQ `<details>`, code-language classes,
 * image dimensions, and `<kbd>`/`<mark>`. Scripts, styles, event handlers, iframes and `javascript:` URLs
 * stay out. Ids written by hand keep the `user-content-` prefix so they cannot clobber page globals.
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
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-[\w+#-]+$/]],
    img: [...(defaultSchema.attributes?.img ?? []), 'width', 'height', 'loading', 'decoding'],
    abbr: ['title'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};
