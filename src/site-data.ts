import type { Article, Category, KnowledgeBase, LocaleInfo } from './content/model.ts';
import { getKnowledgeBase } from './content/knowledge-base.ts';
import { computeRelated } from './content/related.ts';
import { computeRelatedOffThread } from './content/related-pool.ts';
import { indexTokens } from './search/tokenizer.ts';
import { basePath, withBase } from './content/site-url.ts';
import { hash } from './build/build-cache.ts';
import { builtLocale } from './build/locale-parts.ts';

/**
 * Everything the pages need, derived once per build from the knowledge base: translations,
 * related articles, neighbours. Pages stay simple lookups.
 */
export interface SiteData {
  kb: KnowledgeBase;
  translations: Map<string, Map<string, Article>>;
  related: Map<Article, Article[]>;
  categoriesByLocale: Map<string, Category[]>;
  articlesByLocale: Map<string, Article[]>;
  /** A site path (`/en/billing/`) as a link on the served site, which may live under a path (see site-url.ts). */
  href: (path: string) => string;
}

const cacheKey = Symbol.for('kb-site.site-data');
type Holder = { kb: KnowledgeBase; data: Promise<SiteData> };

export async function getSiteData(): Promise<SiteData> {
  const kb = await getKnowledgeBase();
  const g = globalThis as typeof globalThis & { [cacheKey]?: Holder };
  if (g[cacheKey]?.kb === kb) return g[cacheKey].data;
  // Similarity is the slow part on a large site: it runs off the main thread, next to the search index build.
  // Related articles are of the same locale: a build of some locales (KB_LOCALES) needs theirs only.
  const pending = computeRelatedOffThread(kb.articles.filter((a) => builtLocale(a.locale)));
  g[cacheKey] = { kb, data: pending.then((related) => deriveSiteData(kb, related)) };
  return g[cacheKey].data;
}

/** `related` may be computed already (see getSiteData); otherwise it is computed here. */
export function deriveSiteData(kb: KnowledgeBase, related?: Map<Article, Article[]>): SiteData {
  const translations = new Map<string, Map<string, Article>>();
  for (const a of kb.articles) {
    if (!translations.has(a.translationKey)) translations.set(a.translationKey, new Map());
    translations.get(a.translationKey)!.set(a.locale, a);
  }
  const terms = (text: string) => indexTokens(text);
  const base = basePath(kb.config.url);
  return {
    kb,
    translations,
    related: related ?? computeRelated(kb.articles, { terms }),
    categoriesByLocale: Map.groupBy(kb.categories, (c) => c.locale),
    articlesByLocale: Map.groupBy(kb.articles, (a) => a.locale),
    href: (path) => withBase(base, path),
  };
}

export function localeInfo(kb: KnowledgeBase, code: string): LocaleInfo {
  return kb.locales.find((l) => l.code === code) ?? { code, label: code, title: kb.config.title, dir: 'ltr' };
}

export interface Alternate {
  locale: LocaleInfo;
  href: string;
  /** False when the page has no translation there and the link falls back to that locale's home. */
  available: boolean;
}

/** The page a switcher entry leads to in each locale: the same article or category, or that locale's home with a notice. */
export type PageIdentity = { kind: 'article'; article: Article } | { kind: 'category'; slug: string } | { kind: 'page'; path: string };

export function alternatesFor(data: SiteData, page: PageIdentity): Alternate[] {
  return data.kb.locales.map((locale) => {
    const l = locale.code;
    const fallback = { locale, href: `/${l}/#untranslated`, available: false };
    if (page.kind === 'article') {
      const t = data.translations.get(page.article.translationKey)?.get(l);
      return t ? { locale, href: t.url, available: true } : fallback;
    }
    if (page.kind === 'category') {
      const c = data.categoriesByLocale.get(l)?.find((c) => c.slug === page.slug);
      return c ? { locale, href: c.url, available: true } : fallback;
    }
    return { locale, href: `/${l}${page.path}`, available: true };
  });
}

const siteKeys = new WeakMap<SiteData, string>();

/**
 * A digest of what an article's page shows, which Astro compares with the last build's to copy the page instead of
 * rendering it again (experimental.incrementalBuild; scripts/build.ts turns it on with the build cache). Astro itself
 * adds the page's code, styles and scripts and the Astro settings; this adds the data.
 *
 * The page shows its own article and its related articles, and the rest of the site through navigation, neighbours,
 * language links, suggestions, the header and footer: so every published article's metadata (everything but the
 * body: titles, URLs, descriptions, order, dates, translations), the categories, the locales and the settings are in
 * it too. An edit to one article's body then renders that page (and those whose related list it changed); an edit
 * to a title renders every page.
 */
export function articlePageKey(data: SiteData, article: Article): string {
  let site = siteKeys.get(data);
  if (site === undefined) {
    const { kb } = data;
    const meta = kb.articles.map(({ html, headings, anchors, sections, faq, text, links, images, ...rest }) => rest);
    const categories = kb.categories.map((c) => ({ ...c, articles: c.articles.map((a) => a.url) }));
    // Files by what the pages show of them, not by where they are on this machine (a CI checkout is elsewhere): the
    // logo by its content-hashed URL; the project's stylesheets are in Astro's part, as the CSS they bundle into.
    const logo = kb.brand.logo && { ...kb.brand.logo, source: undefined };
    const config = { ...kb.config, brand: { ...kb.config.brand, logo: logo?.url }, customCss: undefined };
    site = hash(JSON.stringify({ config, brand: { ...kb.brand, logo }, defaultLocale: kb.defaultLocale, locales: kb.locales, categories, meta }, withoutLocalPaths));
    siteKeys.set(data, site);
  }
  return hash(site, JSON.stringify(article, withoutLocalPaths), JSON.stringify((data.related.get(article) ?? []).map((r) => r.url)));
}

/** An article's path as shown to the writer (relative to where the build runs) is in messages, never on a page. */
const withoutLocalPaths = (key: string, value: unknown) => (key === 'displayPath' ? undefined : value);
