/**
 * Start downloading a locale's search manifest while the search code itself is still loading, so the first
 * query waits for one round trip, not two. The page script calls `prefetchSearchManifest` on first focus,
 * next to `import('./ui.ts')`; the client picks the download up from here. Tiny on purpose: it ships with
 * every page.
 */
const key = Symbol.for('kb-search.prefetch');
type Store = Map<string, Promise<string>>;

function store(): Store {
  const g = globalThis as typeof globalThis & { [key]?: Store };
  return (g[key] ??= new Map());
}

export function prefetchSearchManifest(url: string): void {
  const s = store();
  if (s.has(url)) return;
  const pending = fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
  pending.catch(() => s.delete(url)); // a failed prefetch is retried by the client
  s.set(url, pending);
}

/** The prefetched manifest text, if a prefetch was started for this URL. */
export function takePrefetchedManifest(url: string): Promise<string> | undefined {
  return store().get(url);
}
