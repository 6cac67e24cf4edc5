import { describe, expect, it } from 'vitest';
import { devWatchIgnored } from '../../../src/build/dev-server.ts';

describe('the dev server watcher', () => {
  const root = '/home/writer/help';
  const ignored = devWatchIgnored(root, [`${root}/content`, `${root}/kb.config.yml`]);

  it('leaves the build output, the staged and swapped outputs and the caches alone', () => {
    for (const path of [`${root}/dist`, `${root}/dist/en/index.html.br`, `${root}/dist.staging-4242/en/index.html`, `${root}/dist.old-17`, `${root}/.kb-cache/build/kb-cache-1/render/ab/x`, `${root}/.tmp/bench/10000/content/en/a.md`]) {
      expect(ignored(path), path).toBe(true);
    }
  });

  it('watches the content, the config, the code and anything else of the project', () => {
    for (const path of [root, `${root}/content/en/billing/refund.md`, `${root}/kb.config.yml`, `${root}/public/favicon.svg`, `${root}/styles/custom.css`, `${root}/distribution/notes.md`, `${root}/dist-notes.md`]) {
      expect(ignored(path), path).toBe(false);
    }
  });

  it('watches a content folder even inside one of those folders, and the folders on the way to it', () => {
    const inScratch = devWatchIgnored(root, [`${root}/.tmp/try/content`, `${root}/kb.config.yml`]);
    expect(inScratch(`${root}/.tmp`)).toBe(false);
    expect(inScratch(`${root}/.tmp/try/content/en/a.md`)).toBe(false);
    expect(inScratch(`${root}/.tmp/bench/dist/x.html`)).toBe(true);
  });
});
