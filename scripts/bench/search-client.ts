// The project's search client, for warm-latency runs: imported directly in Node, bundled for Chromium.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { typingSequence, type BenchQuery } from '../../src/bench/queries.ts';

const root = resolve(import.meta.dirname, '../..');
export const clientPath = join(root, 'src/search/client.ts');

/** The shape documented for `src/search/client.ts`; only what the benchmark calls. */
interface SearchClientModule {
  createSearchClient(options: { manifestUrl: string; fetch: (url: string) => Promise<Response> }): {
    search(query: string, options: { limit: number }): Promise<{ results: unknown[] }>;
  };
}

export const searchClientAvailable = () => existsSync(clientPath);

/** An ES module for the browser exporting `createSearchClient`, built from the same source the site uses. */
export async function bundleClientForBrowser(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents: `export { createSearchClient } from ${JSON.stringify(clientPath)};`, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * Warm latency in Node: the client reads the built files through a fetch that maps URLs onto dist/.
 * The manifest URL is made absolute so the client can resolve shard URLs against it as a browser would.
 */
export async function measureWarmLatencyInNode(distDir: string, manifestUrl: string, queries: readonly BenchQuery[], options: { rounds: number; limit: number }): Promise<number[]> {
  const { createSearchClient } = (await import(pathToFileURL(clientPath).href)) as SearchClientModule;
  const base = 'http://bench.invalid';
  const fetchFromDist = async (url: string) => {
    const { pathname } = new URL(url, base);
    try {
      return new Response(await readFile(join(distDir, decodeURIComponent(pathname))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  const client = createSearchClient({ manifestUrl: new URL(manifestUrl, base).href, fetch: fetchFromDist });
  const sequence = queries.flatMap(typingSequence);
  let hits = 0;
  for (const q of sequence) hits += (await client.search(q, { limit: options.limit })).results.length;
  if (hits === 0) throw new Error('the search client found nothing for any benchmark query');
  const samples: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    for (const q of sequence) {
      const t = performance.now();
      await client.search(q, { limit: options.limit });
      samples.push(performance.now() - t);
    }
  }
  return samples;
}

/** The manifest URL a built page embeds for `locale`, read from the locale's home page. */
export async function manifestUrlFor(distDir: string, locale: string): Promise<string | undefined> {
  const html = await readFile(join(distDir, locale, 'index.html'), 'utf8').catch(() => '');
  return /data-manifest="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}
