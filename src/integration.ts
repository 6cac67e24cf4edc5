import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { getKnowledgeBase } from './content/knowledge-base.ts';
import { getSiteData } from './site-data.ts';
import { finishBuild } from './build/finish-build.ts';
import { otherPartsPages, sitemapSerializer } from './build/sitemap.ts';
import { placeSearchIndex } from './build/search-index.ts';
import { devWatchIgnored, setupDevServer, watchedSources } from './build/dev-server.ts';
import { markDevServer } from './build/dev-mode.ts';
import { resolveCacheDir, startBuildCache } from './build/build-cache.ts';
import { basePath } from './content/site-url.ts';
import { brandStylesheetPlugin } from './build/brand-stylesheet.ts';
import { customStylesheetPlugin } from './build/custom-stylesheet.ts';

/** The Astro side of the generator. Hooks stay thin: each one calls a named function. */
export default function knowledgeBase(): AstroIntegration {
  return {
    name: 'kb-site',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command }) => {
        // Before the first read of the content, so dev keeps what it renders from the start. Not in
        // astro:server:setup: a build can start a Vite server of its own (with NODE_ENV=test, for one).
        if (command === 'dev') {
          markDevServer();
          // What the last build or dev session rendered and tokenized, read back instead of made again, and what
          // this one makes, kept for the next (a build prunes what it does not use). KB_CACHE=0: none.
          startBuildCache(resolveCacheDir());
        }
        const kb = await getKnowledgeBase();
        // A site served under a path (https://example.github.io/help-center) gets that path as Astro's base.
        updateConfig({
          site: kb.config.url,
          base: basePath(kb.config.url) || '/',
          integrations: [sitemap({ serialize: await sitemapSerializer(), customPages: otherPartsPages(kb) })],
          vite: {
            plugins: [brandStylesheetPlugin(), customStylesheetPlugin()],
            // Dev's optimized dependencies in a folder of their own: a build in the same project (the writer's
            // `npm run build` beside `npm run dev`) starts a Vite server too, and its optimizer would replace dev's
            // files under their feet (the browser then gets "504 Outdated Optimize Dep" and search stops loading).
            // And its watcher off the build output and caches, which can hold hundreds of thousands of files.
            ...(command === 'dev' ? { cacheDir: './.kb-cache/vite-dev', server: { watch: { ignored: [devWatchIgnored(process.cwd(), Object.values(watchedSources()))] } } } : {}),
          },
        });
      },
      'astro:server:setup': ({ server }) => setupDevServer(server),
      'astro:build:done': async ({ dir }) => {
        const data = await getSiteData();
        await finishBuild(data.kb, fileURLToPath(dir), placeSearchIndex);
      },
    },
  };
}
