/**
 * Whether this process is `astro dev`. Astro loads page code apart from the integration, so the flag lives on
 * globalThis, like the knowledge base's cache. Dev keeps what a save cannot change (rendered articles, git dates)
 * between reads of the content, and gives the search index a fixed address, so a page is ready right after a save.
 */
const key = Symbol.for('kb-site.dev-server');

export function markDevServer(): void {
  (globalThis as typeof globalThis & { [key]?: boolean })[key] = true;
}

export function inDevServer(): boolean {
  return (globalThis as typeof globalThis & { [key]?: boolean })[key] === true;
}
