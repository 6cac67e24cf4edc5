import { dirname, extname, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { createArticleRenderer, failedArticle, type RenderInput, type RenderedArticle } from './render-article.ts';
import { defaultArticleLimits, renderBudgetMs, type ArticleLimits } from './article-limits.ts';
import { mapWithinBudget } from './render-budget.ts';
import { ImageAssets, type ImageAsset } from '../content/image-assets.ts';
import { downloadTypes, imageTypes } from '../content/asset-types.ts';
import { resolveArticleLink, safeDecode } from '../content/resolve-links.ts';
import { translate } from '../i18n/ui-strings.ts';
import { setStringOverrides, type StringOverrides } from '../i18n/string-overrides.ts';
import { basePath, withBase } from '../content/site-url.ts';
import type { CalloutType } from '../../plugins/remark-callouts.ts';

/** What a renderer needs to know about the whole site. Plain data, so it can be sent to worker threads. */
export interface RenderSetup {
  siteOrigin: string;
  contentDir: string;
  /** Absolute Markdown path → article URL, for every article (drafts too, so links to them resolve). */
  articleUrls: [string, string][];
  /** Absolute category folder → category URL. */
  categoryUrls: [string, string][];
  /** @default defaultArticleLimits */
  limits?: ArticleLimits;
  /** The project's interface text (callout titles, code labels), from `strings` in kb.config.yml. @default {} */
  strings?: StringOverrides;
}

export function createSiteRenderer(setup: RenderSetup): { render: (inputs: RenderInput[]) => RenderedArticle[]; images: () => ImageAsset[] } {
  // A render worker is a thread of its own: it needs the project's strings too.
  if (setup.strings) setStringOverrides(setup.strings);
  const byPath = new Map(setup.articleUrls.map(([path, url]) => [path, { url }]));
  const categoryDirs = new Map(setup.categoryUrls);
  const images = new ImageAssets(setup.contentDir);
  const base = basePath(setup.siteOrigin);
  const limits = setup.limits ?? defaultArticleLimits;
  const renderOne = createArticleRenderer({
    siteOrigin: setup.siteOrigin,
    base,
    calloutLabel: (type: CalloutType, file: VFile) => translate(file.data.locale ?? 'en', `callout.${type}`),
    anchorLabel: (text: string, file: VFile) => translate(file.data.locale ?? 'en', 'article.linkTo', { text }),
    codeLabel: (language: string | undefined, file: VFile) =>
      language ? translate(file.data.locale ?? 'en', 'code.label', { language }) : translate(file.data.locale ?? 'en', 'code.labelPlain'),
    footnoteLabel: (file: VFile) => translate(file.data.locale ?? 'en', 'article.footnotes'),
    footnoteBackLabel: (reference: string, file: VFile) => translate(file.data.locale ?? 'en', 'article.footnoteBack', { n: reference }),
    resolveLink: (href, file) => resolveArticleLink(href, file.path, byPath, categoryDirs, setup.contentDir) ?? resolveDownload(href, file.path),
    resolveImage: (src, file) => {
      const target = safeDecode(src.split(/[?#]/)[0]!);
      const result = target ? images.resolve(resolve(dirname(file.path), target), 'image') : undefined;
      if (!result || 'problem' in result) return result;
      return { ...result.asset, url: withBase(base, result.asset.url) };
    },
  }, limits.maxNesting);
  const render = (inputs: RenderInput[]) =>
    mapWithinBudget(
      inputs,
      renderOne,
      (input) => renderBudgetMs(limits, Buffer.byteLength(input.body)),
      (_input, budget) =>
        failedArticle({
          message: `the article took more than ${(budget / 1000).toFixed(1)} s of processor time to render`,
          hint: 'Something in it is very slow to parse (long runs of *, _, [ or | are the usual cause); simplify that part or split the article',
        }),
    );
  return { render, images: () => [...images.byUrl.values()] };

  /** A link to a PDF or an image in the content folder publishes that file, like an image does. */
  function resolveDownload(href: string, fromFile: string): string | undefined {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href)) return undefined;
    const [path, hash = ''] = href.split('#', 2) as [string, string?];
    const target = safeDecode(path.split('?')[0]!);
    const ext = target ? extname(target).toLowerCase() : '';
    if (!target || !(ext in downloadTypes || ext in imageTypes)) return undefined;
    const result = images.resolve(resolve(dirname(fromFile), target), 'download');
    return result && 'asset' in result ? result.asset.url + (hash ? `#${hash}` : '') : undefined;
  }
}
