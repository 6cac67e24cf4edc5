// @ts-check
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import knowledgeBase from './src/integration.ts';

// Everything specific to the help center lives in kb.config.yml and the integration. The project is the folder the
// command runs in (this repository, or a content repository with kb-site installed): its dist/, public/ and
// .kb-cache/. The generator's pages come from this package wherever it is installed.
const packageDir = fileURLToPath(new URL('./', import.meta.url));
const projectPublic = resolve('public');

// A plain object, not defineConfig() from astro/config: that module also loads Astro's SVG optimizer (svgo, csso:
// 280 modules) into every build and dev start, for a function that only returns its argument.
/** @type {import('astro').AstroUserConfig} */
export default {
  srcDir: resolve(packageDir, 'src'),
  // A project without a public/ folder gets the built-in favicon.
  publicDir: existsSync(projectPublic) ? projectPublic : resolve(packageDir, 'public'),
  cacheDir: './.kb-cache/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Every script is an external file, so the Content-Security-Policy can forbid inline code.
  vite: { cacheDir: './.kb-cache/vite', build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [knowledgeBase()],
};
