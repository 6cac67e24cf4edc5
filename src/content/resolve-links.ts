import { dirname, relative, resolve } from 'node:path';
import { isInside } from './image-assets.ts';

/** Top-level content folders that are locales: BCP-47-like tags. */
export const localeFolder = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** `../billing/refund.md#fees` written in `content/en/account/x.md` → `/en/billing/refund/#fees`. */
export function resolveArticleLink(
  href: string,
  fromFile: string | undefined,
  byPath: ReadonlyMap<string, { url: string }>,
  categoryDirs: ReadonlyMap<string, string>,
  contentDir: string,
): string | undefined {
  if (!fromFile || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#')) return undefined;
  const [pathPart, hash] = splitHash(href);
  const decoded = safeDecode(pathPart.split('?')[0]!);
  if (!decoded) return undefined;
  const target = resolve(dirname(fromFile), decoded);
  if (target !== contentDir && !isInside(contentDir, target)) return undefined;
  const article = byPath.get(target) ?? byPath.get(`${target}.md`);
  if (article) return article.url + hash;
  const dir = target.endsWith('_category.yml') ? dirname(target) : target.replace(/[\\/]$/, '');
  const category = categoryDirs.get(dir);
  if (category) return category + hash;
  const localeDir = relative(contentDir, dir);
  if (localeFolder.test(localeDir)) return `/${localeDir}/${hash}`;
  return undefined;
}

export function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function splitHash(href: string): [string, string] {
  const i = href.indexOf('#');
  return i === -1 ? [href, ''] : [href.slice(0, i), href.slice(i)];
}
