import { dirname, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { createArticleRenderer, type RenderInput, type RenderedArticle } from './render-article.ts';
import { ImageAssets, type ImageAsset } from '../content/image-assets.ts';
import { resolveArticleLink, safeDecode } from '../content/resolve-links.ts';
import { translate } from '../i18n/ui-strings.ts';
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
}

export function createSiteRenderer(setup: RenderSetup): { render: (input: RenderInput) => RenderedArticle; images: () => ImageAsset[] } {
  const byPath = new Map(setup.articleUrls.map(([path, url]) => [path, { url }]));
  const categoryDirs = new Map(setup.categoryUrls);
  const images = new ImageAssets(setup.contentDir);
  const base = basePath(setup.siteOrigin);
  const render = createArticleRenderer({
    siteOrigin: setup.siteOrigin,
    base,
    calloutLabel: (type: CalloutType, file: VFile) => translate(file.data.locale ?? 'en', `callout.${type}`),
    anchorLabel: (text: string, file: VFile) => translate(file.data.locale ?? 'en', 'article.linkTo', { text }),
    footnoteLabel: (file: VFile) => translate(file.data.locale ?? 'en', 'article.footnotes'),
    footnoteBackLabel: (reference: string, file: VFile) => translate(file.data.locale ?? 'en', 'article.footnoteBack', { n: reference }),
    resolveLink: (href, file) => resolveArticleLink(href, file.path, byPath, categoryDirs, setup.contentDir),
    resolveImage: (src, file) => {
      const target = safeDecode(src.split(/[?#]/)[0]!);
      const asset = target ? images.resolve(resolve(dirname(file.path), target)) : undefined;
      return asset && { ...asset, url: withBase(base, asset.url) };
    },
  });
  return { render, images: () => [...images.byUrl.values()] };
}
