/**
 * A help center can live at the root of its host (`https://help.example.com`) or under a path
 * (`https://example.github.io/help-center`, a GitHub Pages project site). The path comes from the `url` in
 * kb.config.yml. Inside the generator every page has a *site path* (`/en/billing/refund/`), the same
 * wherever the site is served; links written into pages, the search index and the scripts get the base
 * in front, and files are written at their site path under `dist/`.
 */

/** The path the site is served under: `''` at the root of a host, `/help-center` for `https://example.github.io/help-center/`. */
export function basePath(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/+$/, '');
}

/** A site path as a link on the served site. Anything that is not a site path (`#id`, `https:`, `//cdn`) is returned as it is. */
export function withBase(base: string, path: string): string {
  return base && path.startsWith('/') && !path.startsWith('//') ? base + path : path;
}

/** The site path of a URL path on the served site (the reverse of `withBase`); paths outside the base are returned as they are. */
export function stripBase(base: string, path: string): string {
  if (!base) return path;
  if (path === base) return '/';
  return path.startsWith(`${base}/`) ? path.slice(base.length) : path;
}
