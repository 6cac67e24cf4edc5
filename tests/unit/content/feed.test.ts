import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../../src/content/feed.ts';
import { siteConfigSchema } from '../../../src/schemas/index.ts';
import type { Article, KnowledgeBase } from '../../../src/content/model.ts';

describe('Atom feed', () => {
  const config = siteConfigSchema.parse({ url: 'https://help.example.com/' });
  const kb = { config } as KnowledgeBase;
  const a = (slug: string, updated?: string, title = slug) =>
    ({ url: `/en/billing/${slug}/`, title, description: `About ${slug}`, text: '', updated: updated ? new Date(updated) : undefined }) as Article;

  it('lists dated articles newest first, escapes text and uses absolute URLs', () => {
    const xml = atomFeed({ kb, locale: { code: 'en', label: 'English', title: 'Help <Center>', dir: 'ltr' }, articles: [a('old', '2026-01-02'), a('undated'), a('new', '2026-05-01', 'Tom & <Jerry>')] });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml.indexOf('/en/billing/new/')).toBeLessThan(xml.indexOf('/en/billing/old/'));
    expect(xml).not.toContain('undated');
    expect(xml).toContain('Tom &#38; &#60;Jerry&#62;');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://help.example.com/en/billing/new/"/>');
    expect(xml).toContain('<updated>2026-05-01T00:00:00.000Z</updated>');
  });
});
