import { join, relative } from 'node:path';
import type { Article, Diagnostic, KnowledgeBase } from './model.ts';
import { didYouMean, plural } from './diagnostics.ts';
import { resolveRelatedSlugs } from './related.ts';
import { downloadTypes, imageExtensions } from './asset-types.ts';

/**
 * The checks that need the whole site: links and anchors between articles (across locales too), missing
 * images, `related` slugs, drafts linked from published pages, and translation coverage. The loader has
 * already reported everything a single file can get wrong. Articles with frontmatter errors are checked too,
 * so a writer sees their body's problems in the same run, and links to them are not reported as broken.
 */
export function checkKnowledgeBase(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  const checked = [...kb.allArticles, ...kb.invalidArticles];
  const byUrl = new Map(checked.map((a) => [a.url, a]));
  const categoryUrls = new Set(kb.categories.map((c) => c.url));
  const localeHomes = new Set(kb.locales.map((l) => `/${l.code}/`));
  const knownPages = new Set([...localeHomes, ...kb.locales.map((l) => `/${l.code}/search/`), '/']);
  const anchorSets = new Map<Article, Set<string>>();
  const hasAnchor = (a: Article, id: string) => {
    let set = anchorSets.get(a);
    if (!set) anchorSets.set(a, (set = new Set(a.anchors)));
    return set.has(id);
  };

  // Indexed once: filtering every article for each article's related list took 1.5 s at 10k articles.
  const allByLocale = Map.groupBy(kb.allArticles, (a) => a.locale);
  const ownOrigin = new URL(kb.config.url).origin;
  const imageOrigins = new Set([ownOrigin, ...kb.config.csp.imgSrc]);
  for (const article of checked) {
    for (const link of article.links) checkLink(article, link, out);
    for (const image of article.images) {
      const origin = externalOrigin(image.src);
      if (/^data:/i.test(image.src)) {
        // Not published (rehype-images drops the source): the reader sees the alt text where the image would be.
        // A warning, not an error: the rest of the page is fine, and hostile content's payloads use data: too.
        out.push({
          severity: 'warning',
          code: 'inline-image',
          file: article.displayPath,
          line: image.line,
          message: `image "${image.src.length > 40 ? `${image.src.slice(0, 40)}…` : image.src}" is embedded in the article as a data: URL, which the site does not publish: readers see its alt text instead`,
          hint: 'Save it as a file in content/_assets and point at it, e.g. ![Invoice form](../../_assets/invoice-form.png): it is then checked, sized and cached like every image',
        });
      } else if (origin !== undefined && !imageOrigins.has(origin)) {
        const allowed = origin.startsWith('https://') ? origin : origin.replace(/^[a-z]+:/, 'https:');
        out.push({
          severity: 'error',
          code: 'external-image',
          file: article.displayPath,
          line: image.line,
          message: `image "${image.src}" is on another host, which the site's Content-Security-Policy blocks`,
          hint: `${origin.startsWith('https://') ? 'Add' : 'Serve it over https and add'} ${allowed} to csp.imgSrc in kb.config.yml or download the image into content/_assets`,
        });
      } else if (image.problem) {
        out.push({ severity: 'error', code: 'unpublished-image', file: article.displayPath, line: image.line, message: `image "${image.src}" ${image.problem.message}`, hint: image.problem.hint });
      } else if (!image.found) {
        out.push({ severity: 'error', code: 'missing-image', file: article.displayPath, line: image.line, message: `image "${image.src}" does not exist`, hint: 'Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg' });
      }
    }
    if (!article.draft && article.related.length) checkRelated(article, allByLocale.get(article.locale) ?? [], out);
  }
  out.push(...translationCoverage(kb));
  return out;

  function checkLink(article: Article, link: Article['links'][number], diagnostics: Diagnostic[]) {
    const href = link.resolved ?? link.href;
    const report = (message: string, hint: string) =>
      diagnostics.push({ severity: 'error', code: 'broken-link', file: article.displayPath, line: link.line, message, hint });
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return; // external, mailto:, tel:
    if (href.startsWith('#')) {
      const id = safeDecode(href.slice(1));
      if (id && !hasAnchor(article, id)) report(`the anchor "${href}" matches no heading in this article`, anchorHint(article, id));
      return;
    }
    if (!href.startsWith('/') && /\.md(#|$)/.test(href)) {
      const name = href.split('#')[0]!.split('/').pop()!.replace(/\.md$/, '');
      const guess = didYouMean(name, kb.allArticles.filter((a) => a.locale === article.locale).map((a) => a.slug));
      report(`the link "${link.href}" points to an article that does not exist`, guess ? `Did you mean ${guess}.md?` : 'Check the path: it is relative to this file, e.g. ../billing/request-a-refund.md');
      return;
    }
    if (!href.startsWith('/')) {
      report(
        `the link "${link.href}" points to a file that is not an article or a published download`,
        `Link to another article by its .md file, e.g. ../billing/request-a-refund.md, or to a file inside the content folder of a published type (${[...imageExtensions, ...Object.keys(downloadTypes).map((e) => e.slice(1))].join(', ')})`,
      );
      return;
    }
    const [path, hash = ''] = href.split('#', 2) as [string, string?];
    const clean = path.split('?')[0]!.replace(/\/?$/, '/');
    const target = byUrl.get(clean);
    if (target) {
      if (target.draft && !article.draft) report(`the link "${link.href}" points to a draft, which is not published`, `Publish ${target.displayPath} (remove draft: true) or remove the link`);
      const id = safeDecode(hash);
      if (id && !hasAnchor(target, id)) report(`the anchor "#${hash}" matches no heading in ${target.displayPath}`, anchorHint(target, id));
      return;
    }
    if (categoryUrls.has(clean) || knownPages.has(clean) || /^\/_assets\//.test(clean)) return;
    const sameLocale = kb.allArticles.filter((a) => a.locale === article.locale);
    const guess = didYouMean(clean.split('/').filter(Boolean).at(-1) ?? '', sameLocale.map((a) => a.slug));
    report(`the link "${link.href}" leads to no article or page`, guess ? `Did you mean ${sameLocale.find((a) => a.slug === guess)!.sourcePath}?` : 'Check the path and the file name');
  }
}

function checkRelated(article: Article, sameLocale: readonly Article[], out: Diagnostic[]) {
  const published = sameLocale.filter((a) => !a.draft);
  const found = resolveRelatedSlugs(article, sameLocale);
  for (const ref of article.related) {
    const slug = ref.includes('/') ? ref.split('/')[1]! : ref;
    const match = found.find((a) => a.slug === slug && (!ref.includes('/') || a.category === ref.split('/')[0]));
    if (!match) {
      const guess = didYouMean(slug, published.map((a) => a.slug));
      out.push({ severity: 'error', code: 'unknown-related', file: article.displayPath, line: 2, message: `related: no article "${ref}" in ${article.locale}`, hint: guess ? `Did you mean "${guess}"?` : 'Use the slug of an article in the same language, or category/slug' });
    } else if (match.draft) {
      out.push({ severity: 'error', code: 'related-draft', file: article.displayPath, line: 2, message: `related: "${ref}" is a draft and is not published`, hint: `Publish ${match.displayPath} or remove it from related` });
    }
  }
}

/** Which published articles of the default locale each other locale lacks: a warning, since partial translation is normal. */
function translationCoverage(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reference = kb.articles.filter((a) => a.locale === kb.defaultLocale);
  for (const locale of kb.locales) {
    if (locale.code === kb.defaultLocale) continue;
    const have = new Set(kb.articles.filter((a) => a.locale === locale.code).map((a) => a.translationKey));
    const missing = reference.filter((a) => !have.has(a.translationKey));
    if (missing.length === 0) continue;
    const list = missing.map((a) => a.translationKey).slice(0, 8).join(', ') + (missing.length > 8 ? `, and ${missing.length - 8} more` : '');
    out.push({
      severity: 'warning',
      code: 'translation-coverage',
      file: relative(process.cwd(), join(kb.contentDir, locale.code)),
      message: `${missing.length} of ${plural(reference.length, `${kb.defaultLocale} article`)} ${missing.length === 1 ? 'has' : 'have'} no ${locale.label} translation (${list})`,
      hint: `Readers who switch language on those pages land on the ${locale.label} home page with a notice`,
    });
  }
  return out;
}

function anchorHint(target: Article, id: string): string {
  const guess = didYouMean(id, target.headings.map((h) => h.id));
  return guess ? `Did you mean "#${guess}"?` : target.headings.length ? `Headings there: ${target.headings.slice(0, 5).map((h) => `#${h.id}`).join(', ')}` : 'That article has no headings to link to';
}

/** The origin of an image on another host (`https://cdn.example.com`), '' when it cannot be read, undefined for local files. */
function externalOrigin(src: string): string | undefined {
  if (!/^(https?:)?\/\//i.test(src)) return undefined;
  try {
    return new URL(src, 'https://invalid.invalid').origin;
  } catch {
    return '';
  }
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
