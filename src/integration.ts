import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { getKnowledgeBase, invalidateKnowledgeBase, resolveContentDir } from './content/knowledge-base.ts';
import { getSiteData } from './site-data.ts';
import { finishBuild } from './build/finish-build.ts';
import { sitemapSerializer } from './build/sitemap.ts';
import { getSearchIndex, writeSearchIndex, serveSearchIndexInDev } from './build/search-index.ts';
import { basePath } from './content/site-url.ts';
import { brandStylesheetPlugin } from './build/brand-stylesheet.ts';

/** The Astro side of the generator. Hooks stay thin: each one calls a named function. */
export default function knowledgeBase(): AstroIntegration {
  return {
    name: 'kb-site',
    hooks: {
      'astro:config:setup': async ({ updateConfig, addWatchFile }) => {
        const kb = await getKnowledgeBase();
        addWatchFile(resolveContentDir());
        // A site served under a path (https://example.github.io/help-center) gets that path as Astro's base.
        updateConfig({
          site: kb.config.url,
          base: basePath(kb.config.url) || '/',
          integrations: [sitemap({ serialize: await sitemapSerializer() })],
          vite: { plugins: [brandStylesheetPlugin()] },
        });
      },
      'astro:server:setup': ({ server }) => {
        server.watcher.add(resolveContentDir());
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(resolveContentDir())) invalidateKnowledgeBase();
        });
        server.middlewares.use(serveSearchIndexInDev);
      },
      'astro:build:done': async ({ dir }) => {
        const data = await getSiteData();
        await finishBuild(data.kb, fileURLToPath(dir), async (outDir) => writeSearchIndex(await getSearchIndex(), outDir));
      },
    },
  };
}
