import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { basePath, stripBase, withBase } from '../../../src/content/site-url.ts';
import { loadSiteConfig } from '../../../src/content/load-site-config.ts';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import type { Article } from '../../../src/content/model.ts';

describe('site URL and base path', () => {
  it('takes the base from the configured URL, with or without a trailing slash', () => {
    expect(basePath('https://help.example.com')).toBe('');
    expect(basePath('https://help.example.com/')).toBe('');
    expect(basePath('https://example.github.io/help-center')).toBe('/help-center');
    expect(basePath('https://example.github.io/a/b/')).toBe('/a/b');
  });

  it('puts the base in front of site paths only, and takes it off again', () => {
    expect(withBase('/kb', '/en/billing/')).toBe('/kb/en/billing/');
    expect(withBase('/kb', '#id')).toBe('#id');
    expect(withBase('/kb', 'https://x.example/')).toBe('https://x.example/');
    expect(withBase('/kb', '//cdn.example/x.js')).toBe('//cdn.example/x.js');
    expect(withBase('', '/en/')).toBe('/en/');
    expect(stripBase('/kb', '/kb/en/')).toBe('/en/');
    expect(stripBase('/kb', '/kb')).toBe('/');
    expect(stripBase('/kb', '/kbx/en/')).toBe('/kbx/en/');
    expect(stripBase('', '/en/')).toBe('/en/');
  });
});

describe('KB_SITE_URL', () => {
  afterEach(() => vi.unstubAllEnvs());
  const dir = mkdtempSync(join(tmpdir(), 'kb-url-'));

  it('overrides url from the config file, and applies with no config file at all', () => {
    const file = join(dir, 'kb.config.yml');
    writeFileSync(file, 'title: Help\nurl: https://help.example.com\n');
    vi.stubEnv('KB_SITE_URL', 'https://example.github.io/help-center/');
    expect(loadSiteConfig(file).config).toMatchObject({ title: 'Help', url: 'https://example.github.io/help-center' });
    expect(loadSiteConfig(join(dir, 'missing.yml')).config.url).toBe('https://example.github.io/help-center');
  });

  it('reports a value that is not a web address, naming the variable', () => {
    vi.stubEnv('KB_SITE_URL', 'example.github.io/help-center');
    const { diagnostics } = loadSiteConfig(join(dir, 'missing.yml'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'KB_SITE_URL' });
    expect(diagnostics[0]!.message).toMatch(/^url: /);
  });
});

describe('search index under a base path', () => {
  it('links results under the base, while its files keep their site paths', () => {
    const article = {
      locale: 'en', category: 'billing', slug: 'refund', url: '/en/billing/refund/', title: 'Request a refund', description: '',
      keywords: [], tags: [], draft: false, sections: [{ id: '', heading: '', text: 'Refunds take five days.' }],
    } as unknown as Article;
    const index = buildSearchIndex({ articles: [article], config: { url: 'https://example.github.io/help-center' } });
    expect(index.locales.en!.articles).toEqual([{ url: '/help-center/en/billing/refund/', key: 'billing/refund' }]);
    expect(index.manifestUrls.en).toMatch(/^\/_search\/en\/manifest\.\w+\.json$/);
    const fragments = [...index.files].filter(([url]) => url.includes('/f-'));
    expect(fragments.map(([, text]) => text).join('')).toContain('"/help-center/en/billing/refund/"');
  });
});
