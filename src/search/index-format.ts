/**
 * The on-disk format of the search index, shared by the indexer and the browser client.
 *
 * A locale's index is a manifest, term shards and fragment groups:
 * - the manifest names every shard (content-hashed) and says how terms map to shards;
 * - a shard holds every term whose key hashes to it, one line per term with its postings per field;
 * - a fragment group holds what a result needs on screen (URL, title, headings, excerpt text) for a few articles.
 */

/** Indexed fields, in ranking order. Article-level fields are indexed on the article's intro section only. */
export const fields = ['t', 'h', 'k', 'c', 'd', 'b'] as const;
export type Field = (typeof fields)[number];
/** title, heading, keywords+tags, category title, description, body. */
export const fieldNames: Record<Field, string> = { t: 'title', h: 'heading', k: 'keywords', c: 'category', d: 'description', b: 'body' };
export const articleLevel: Record<Field, boolean> = { t: true, h: false, k: true, c: true, d: true, b: false };

export interface SearchManifest {
  /** Format version; the client refuses what it does not understand. */
  v: 1;
  locale: string;
  /** Tokenizer settings the index was built with; the client must tokenize queries the same way. */
  tokenizer: { typoMinLength: number };
  /** Number of indexed sections (for IDF). */
  docs: number;
  /** A section's id is `article << shift | sectionIndex`. */
  shift: number;
  /** Shard file hashes by bucket ('' for an empty bucket); the file is `s/<hash>.txt` next to the manifest. */
  shards: string[];
  /** Shard keys that were cut one character deeper because they were too big. */
  split: string[];
  /** Fragment files: `<dir>/<floor(article / group)>.json` next to the manifest. */
  fragments: { dir: string; group: number };
}

/** One article's display data in a fragment group: [article, url, title, category, sections]. */
export type FragmentArticle = [article: number, url: string, title: string, category: string, sections: FragmentSection[]];
/** [sectionIndex, heading id ('' for the intro), heading text, excerpt source text]. */
export type FragmentSection = [index: number, id: string, heading: string, text: string];

export function shardUrl(base: string, hash: string): string {
  return `${base}s/${hash}.txt`;
}

export function fragmentUrl(base: string, manifest: SearchManifest, article: number): string {
  return `${base}${manifest.fragments.dir}/${Math.floor(article / manifest.fragments.group)}.json`;
}

// --- term → shard ---------------------------------------------------------------------------------

/** CJK tokens are keyed by their first character (the same shard then holds every bigram that starts with it). */
function isCjk(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f) || (code >= 0xd800 && code <= 0xdbff);
}

/** Length of the first character in UTF-16 units. */
function charLength(s: string, at: number): number {
  const code = s.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < s.length ? 2 : 1;
}

/**
 * The shard key of a term: its first two characters (Latin) or first character (CJK), one character deeper for
 * each key listed in `split`. Every spelling that shares the key, and so every prefix completion and typo
 * candidate past the key, lives in the same shard as the term itself.
 */
export function shardKey(term: string, split: ReadonlySet<string>): string {
  let end = charLength(term, 0);
  if (!isCjk(term.charCodeAt(0)) && end < term.length) end += charLength(term, end);
  let key = term.slice(0, end);
  while (split.has(key) && end < term.length) {
    end += charLength(term, end);
    key = term.slice(0, end);
  }
  return key;
}

/** FNV-1a over UTF-16 units: tiny, stable across Node and browsers. */
export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

// --- shard lines ------------------------------------------------------------------------------------
//
// term SP [~df] (|f ids)*     one line per term; f is the field index (0-5), ids are delta-coded section ids.
// Numbers are base-32 digits, most significant first: 0-9a-v end a number, w-zA-Z!$ continue it. No separators,
// so a typical posting costs one or two characters before compression.

const last = '0123456789abcdefghijklmnopqrstuv';
const more = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!$';
const digitValue = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  digitValue[last.charCodeAt(i)] = i;
  digitValue[more.charCodeAt(i)] = 32 + i;
}

export function encodeNumber(n: number): string {
  let out = last[n % 32]!;
  n = Math.floor(n / 32);
  while (n > 0) {
    out = more[n % 32]! + out;
    n = Math.floor(n / 32);
  }
  return out;
}

/** Encode ascending ids as deltas. */
export function encodeIds(ids: readonly number[]): string {
  let out = '';
  let prev = 0;
  for (const id of ids) {
    out += encodeNumber(id - prev);
    prev = id;
  }
  return out;
}

export interface ShardTerm {
  /** Section ids per field index (see `fields`); undefined when the term is not in that field. */
  postings: (number[] | undefined)[];
  /** Number of sections containing the term, when more than the stored postings (the list was cut). */
  df: number;
}

export function encodeShardLine(term: string, postings: readonly (readonly number[] | undefined)[], df?: number): string {
  let line = term + ' ';
  if (df !== undefined) line += '~' + encodeNumber(df);
  postings.forEach((ids, f) => {
    if (ids?.length) line += '|' + f + encodeIds(ids);
  });
  return line;
}

/** Parse a shard file into its terms. Small and allocation-light: it runs in the browser on every shard. */
export function decodeShard(text: string): Map<string, ShardTerm> {
  const out = new Map<string, ShardTerm>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const term = line.slice(0, space);
    const postings: (number[] | undefined)[] = [];
    let df = 0;
    let count = 0;
    let current: number[] | undefined;
    let value = 0;
    let prev = 0;
    let readingDf = false;
    for (let i = space + 1; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code === 124 /* | */) {
        const f = line.charCodeAt(++i) - 48;
        postings[f] = current = [];
        prev = 0;
        readingDf = false;
        continue;
      }
      if (code === 126 /* ~ */) {
        readingDf = true;
        continue;
      }
      const d = digitValue[code] ?? -1;
      if (d < 0) continue;
      value = value * 32 + (d & 31);
      if (d < 32) {
        if (readingDf) df = value;
        else if (current) {
          prev += value;
          current.push(prev);
          count++;
        }
        value = 0;
      }
    }
    out.set(term, { postings, df: Math.max(df, count) });
  }
  return out;
}
