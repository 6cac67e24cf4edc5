import type { Plugin } from 'vite';
import { getKnowledgeBase } from '../content/knowledge-base.ts';

/** What the layout imports; Vite bundles it with the site's stylesheet, so it is a hashed same-origin file (CSP: style-src 'self'). */
export const brandStylesheetId = 'virtual:kb-brand.css';
const resolvedId = `\0${brandStylesheetId}`;

/** Serves the brand's custom properties (src/content/brand.ts) as a CSS module: no inline style anywhere. */
export function brandStylesheetPlugin(): Plugin {
  return {
    name: 'kb-brand-stylesheet',
    resolveId: (id) => (id === brandStylesheetId ? resolvedId : undefined),
    load: async (id) => (id === resolvedId ? (await getKnowledgeBase()).brand.stylesheet : undefined),
  };
}
