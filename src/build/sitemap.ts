import type { SitemapItem } from '@astrojs/sitemap';
import { getSiteData, alternatesFor } from '../site-data.ts';
import { basePath, stripBase, withBase } from '../content/site-url.ts';
import type { KnowledgeBase } from '../content/model.ts';
import { builtLocale } from './locale-parts.ts';

/**
 * hreflang alternates from the knowledge base, not from URL patterns: a translation may have its own
 * slug, and an untranslated article must not claim an alternate that does not exist.
 */
export async function sitemapSerializer(): Promise<(item: SitemapItem) => SitemapItem | undefined> {
  const data = await getSiteData();
  const origin = data.kb.config.url;
  const base = basePath(origin);
  const byUrl = new Map(data.kb.articles.map((a) => [a.url, a]));
  return (item) => {
    const path = stripBase(base, new URL(item.url).pathname);
    // Search result pages, the contact form and the language redirect at / are not content.
    if (path === '/' || path.endsWith('/search/') || path.endsWith('/contact/')) return undefined;
    const locale = path.split('/')[1] ?? '';
    const article = byUrl.get(path);
    const rest = path.slice(locale.length + 1);
    const category = data.categoriesByLocale.get(locale)?.find((c) => c.url === path);
    const alternates = article
      ? alternatesFor(data, { kind: 'article', article })
      : category
        ? alternatesFor(data, { kind: 'category', slug: category.slug })
        : rest === '/'
          ? alternatesFor(data, { kind: 'page', path: '/' })
          : [];
    const links = alternates.filter((a) => a.available).map((a) => ({ lang: a.locale.code, url: origin + a.href }));
    return {
      ...item,
      links: links.length > 1 ? links : undefined,
      lastmod: article?.updated?.toISOString(),
    };
  };
}

/**
 * In a build of some locales (KB_LOCALES), the pages the other parts build: each part's sitemap lists the whole
 * site, as the full build's does, so the merged parts agree on it byte for byte. Only what the sitemap keeps
 * (locale homes, categories, articles); the serializer above gives them their alternates.
 */
export function otherPartsPages(kb: KnowledgeBase): string[] {
  const base = basePath(kb.config.url);
  const url = (path: string) => new URL(withBase(base, path), kb.config.url).href;
  const others = kb.locales.filter((l) => !builtLocale(l.code)).map((l) => l.code);
  if (!others.length || !kb.config.url) return [];
  const pages = [...others.map((l) => `/${l}/`), ...kb.categories.filter((c) => others.includes(c.locale)).map((c) => c.url), ...kb.articles.filter((a) => others.includes(a.locale)).map((a) => a.url)];
  return pages.map(url);
}
