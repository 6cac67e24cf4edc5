import type { Plugin } from 'vite';
import { getKnowledgeBase } from '../content/knowledge-base.ts';

/** What the layout imports after the built-in styles and the brand's: the project's `customCss` files. */
export const customStylesheetId = 'virtual:kb-custom.css';
const resolvedId = `\0${customStylesheetId}`;

/**
 * `@import`s of the project's stylesheets, so Vite bundles them (with the files their `url()`s point at) into the
 * site's hashed CSS: same origin, no inline style (CSP: style-src 'self'), and watched in dev like any module.
 */
export function customStylesheetPlugin(): Plugin {
  return {
    name: 'kb-custom-stylesheet',
    resolveId: (id) => (id === customStylesheetId ? resolvedId : undefined),
    load: async (id) => {
      if (id !== resolvedId) return undefined;
      const { customCss } = (await getKnowledgeBase()).config;
      return ['/* customCss from kb.config.yml */', ...customCss.map((file) => `@import ${JSON.stringify(file)};`), ''].join('\n');
    },
  };
}
