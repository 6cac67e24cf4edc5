// @ts-check
import { defineConfig } from 'astro/config';
import knowledgeBase from './src/integration.ts';

// Everything specific to the help center lives in kb.config.yml and the integration.
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Every script is an external file, so the Content-Security-Policy can forbid inline code.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [knowledgeBase()],
});
