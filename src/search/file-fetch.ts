/**
 * `fetch` stand-ins for Node, so the CLI, the writers' search tests and the benchmark run the real client
 * code against a built index: from memory (right after `buildSearchIndex`) or from a `dist/` folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchLike } from './client.ts';
import type { SearchIndex } from './build-index.ts';

const notFound = { ok: false, status: 404, text: async () => '' };

function pathOf(url: string): string {
  return decodeURIComponent(new URL(url, 'http://localhost').pathname);
}

/** Serve files from a built index in memory. Answers asynchronously, like a network would. */
export function createMemoryFetch(index: SearchIndex): FetchLike {
  return async (url) => {
    await Promise.resolve();
    const body = index.files.get(pathOf(url));
    return body === undefined ? notFound : { ok: true, status: 200, text: async () => body };
  };
}

/** Serve files from a folder such as `dist/`, the way a static host would. */
export function createFileFetch(rootDir: string): FetchLike {
  return async (url) => {
    try {
      const body = await readFile(join(rootDir, pathOf(url)), 'utf8');
      return { ok: true, status: 200, text: async () => body };
    } catch {
      return notFound;
    }
  };
}
