/**
 * What a query costs a reader: requests, compressed bytes and sequential round trips, measured by running the
 * real client against a built index with an instrumented `fetch`. Node only; the benchmark and the tests use it.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createSearchClient, type FetchLike } from './client.ts';
import { compressBrotli, searchBrotliQuality } from './write-index.ts';

export interface RequestCost {
  url: string;
  /** Compressed (brotli) size, as a host serving the `.br` siblings sends it. */
  bytes: number;
  /** 1 for requests that needed nothing else first, 2 for those that waited for one response, … */
  roundTrip: number;
}

export interface QueryCost {
  query: string;
  requests: RequestCost[];
  /** Compressed bytes of the query's requests, plus the library code on the first query when given. */
  bytes: number;
  roundTrips: number;
  /** Wall time of the search call in this process (no network latency). */
  ms: number;
  results: number;
}

export interface MeasureOptions {
  manifestUrl: string;
  fetch: FetchLike;
  /** Compressed size of a fetched file. See `brotliSizeFromDist` and `brotliSizeInMemory`. */
  sizeOf: (url: string, text: string) => Promise<number>;
  /** Compressed bytes of the search code, counted once on the first query (it loads beside the manifest). */
  libraryBytes?: number;
  /** @default 8 */
  limit?: number;
}

/**
 * Run queries in order on one client: the first is a cold start (manifest, shards, fragments), the rest reuse
 * what is cached, like later keystrokes. Pass a typing sequence (`typingSequence('reset password')`) to measure typing.
 */
export async function measureQueries(queries: readonly string[], options: MeasureOptions): Promise<QueryCost[]> {
  let current: { requests: RequestCost[]; finished: number[] } = { requests: [], finished: [] };
  const instrumented: FetchLike = async (url) => {
    const mine = current;
    const roundTrip = 1 + Math.max(0, ...mine.finished);
    const response = await options.fetch(url);
    const text = response.ok ? await response.text() : '';
    mine.requests.push({ url, bytes: response.ok ? await options.sizeOf(url, text) : 0, roundTrip });
    mine.finished.push(roundTrip);
    return { ok: response.ok, status: response.status, text: async () => text };
  };
  const client = createSearchClient({ manifestUrl: options.manifestUrl, fetch: instrumented });
  const out: QueryCost[] = [];
  for (const [i, query] of queries.entries()) {
    current = { requests: [], finished: [] };
    const started = performance.now();
    const response = await client.search(query, { limit: options.limit ?? 8 });
    const ms = performance.now() - started;
    const requests = current.requests;
    const library = i === 0 ? (options.libraryBytes ?? 0) : 0;
    out.push({
      query,
      requests,
      bytes: library + requests.reduce((n, r) => n + r.bytes, 0),
      roundTrips: Math.max(library ? 1 : 0, ...requests.map((r) => r.roundTrip)),
      ms,
      results: response.results.length,
    });
  }
  return out;
}

/** The cost of one cold query (a reader's first search on a fresh page). */
export async function measureQuery(query: string, options: MeasureOptions): Promise<QueryCost> {
  return (await measureQueries([query], options))[0]!;
}

/** Every prefix a reader passes through while typing `query`, from `from` characters on. */
export function typingSequence(query: string, from = 1): string[] {
  const out: string[] = [];
  for (let n = from; n <= query.length; n++) if (query.slice(0, n).trim() && query[n - 1] !== ' ') out.push(query.slice(0, n));
  return out;
}

/** Sizes of the `.br` files `writeSearchFiles` wrote next to each file in `distDir`. */
export function brotliSizeFromDist(distDir: string): (url: string) => Promise<number> {
  return async (url) => (await stat(join(distDir, `${decodeURIComponent(new URL(url, 'http://localhost').pathname)}.br`))).size;
}

/** Brotli sizes computed on the fly, for an index that is only in memory. */
export function brotliSizeInMemory(): (url: string, text: string) => Promise<number> {
  const memo = new Map<string, number>();
  return async (url, text) => {
    let size = memo.get(url);
    if (size === undefined) memo.set(url, (size = (await compressBrotli(text, searchBrotliQuality(url))).length));
    return size;
  };
}

/** Compressed size of the search client as a browser downloads it: bundled, minified, brotli. */
export async function measureLibraryBytes(entry = new URL('./client.ts', import.meta.url).pathname): Promise<{ bytes: number; rawBytes: number }> {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]!.contents;
  return { bytes: (await compressBrotli(code)).length, rawBytes: code.length };
}
