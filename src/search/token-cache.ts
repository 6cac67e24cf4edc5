/**
 * The tokens of every text the last build tokenized, so a rebuild tokenizes only the texts that changed. The search
 * index and related articles tokenize every title, keyword list, description, heading, section and article body:
 * after the rendered articles, the largest share of a rebuild that changed one article.
 *
 * One build-cache entry per use (`index`, `related`), named by the tokenizer's fingerprint (its source, Node's
 * version and the ICU data `Intl.Segmenter` segments with), holding text hash → tokens. A build writes the entry
 * again with the texts it used, so texts no longer in the content drop out. Without the build cache (dev, tests,
 * tools) this is the tokenizer itself.
 */
import { readFileSync } from 'node:fs';
import { buildCache, hash, keepCacheEntry, type BuildCache } from '../build/build-cache.ts';
import { indexTokens } from './tokenizer.ts';

export const tokenCacheKind = 'tokens';

/** Tokens separated by NUL, which the tokenizer never keeps inside a token; texts with a token holding NUL, a tab or a line break (or an empty one) are not kept. */
const separator = '\u0000';

let fingerprint: string | undefined;
export function tokenizerFingerprint(): string {
  fingerprint ??= hash(readFileSync(new URL('./tokenizer.ts', import.meta.url)), process.versions.node, process.versions.icu ?? '', process.versions.unicode ?? '');
  return fingerprint;
}

export interface TokenTable {
  /** `indexTokens(text)`, from the table when the last build tokenized the same text. */
  tokens: (text: string) => string[];
  /** Write the texts used since opening as the table for the next build; returns the entry's name. */
  save: () => string | undefined;
  stats: { hits: number; misses: number };
}

/** The entry name of a use's table (workers report it, so the main thread's pruning keeps it). */
export const tokenTableName = (use: string) => hash('tokens', use, tokenizerFingerprint());

export function openTokenTable(use: string, cache: BuildCache | undefined = buildCache()): TokenTable {
  const stats = { hits: 0, misses: 0 };
  if (!cache) return { tokens: (text) => indexTokens(text), save: () => undefined, stats };
  const name = tokenTableName(use);
  // One line per text: its hash, a tab, its tokens separated by NUL. Faster to write and read than JSON.
  const previous = new Map<string, string>();
  const bytes = cache.read(tokenCacheKind, name);
  if (bytes) {
    for (const line of bytes.toString('utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) previous.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  const used = new Map<string, string>();
  let changed = !bytes;
  return {
    stats,
    tokens(text) {
      const key = hash(text);
      const known = used.get(key) ?? previous.get(key);
      if (known !== undefined) {
        stats.hits++;
        used.set(key, known);
        return known === '' ? [] : known.split(separator);
      }
      stats.misses++;
      changed = true;
      const tokens = indexTokens(text);
      if (!tokens.some((t) => t === '' || /[\0\t\n]/.test(t))) used.set(key, tokens.join(separator));
      return tokens;
    },
    save() {
      // The same texts as last time: the table on disk is this one already.
      if (!changed && used.size === previous.size) keepTokenTable(name, cache);
      else cache.write(tokenCacheKind, name, Array.from(used, ([key, tokens]) => `${key}\t${tokens}`).join('\n'));
      return name;
    },
  };
}

/** Count a table written elsewhere (a worker thread) as used by this build, so pruning keeps it. */
export function keepTokenTable(name: string | undefined, cache: BuildCache | undefined = buildCache()): void {
  if (cache && name) keepCacheEntry(cache, tokenCacheKind, name);
}
