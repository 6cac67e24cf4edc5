/**
 * The on-disk format of the search index, shared by the indexer and the browser client.
 *
 * A locale's index is a manifest, term shards and fragment groups:
 * - the manifest names the (content-hashed) shard folder and says how terms map to shards;
 * - a shard holds every term whose key hashes to it, one line per term with its postings per field;
 * - a fragment group holds what a result needs on screen (URL, title, headings, excerpt text) for a few articles.
 */

/**
 * A term's postings come in two lists: article-level (title, keywords and tags, category, description; ids are
 * article numbers) and section-level (heading, FAQ question, body; ids are section ids). Each posting carries the
 * quantised BM25F pseudo term frequency of the term there (see `scoring.ts`).
 */
export const postingLists = ['article', 'section'] as const;
export type PostingList = (typeof postingLists)[number];

export interface SearchManifest {
  /** Format version; the client refuses what it does not understand. */
  v: 2;
  locale: string;
  /** Tokenizer settings the index was built with; the client must tokenize queries the same way. */
  tokenizer: { typoMinLength: number };
  /** Number of published articles (N in the IDF). */
  articles: number;
  /** Number of indexed sections. */
  docs: number;
  /** A section's id is `article << shift | sectionIndex`. */
  shift: number;
  /**
   * Term shards: `s/<dir>/<bucket>.txt` next to the manifest, buckets 0 to count − 1. The folder is named by a hash
   * of every shard, so the manifest stays a few hundred bytes however many shards there are.
   */
  shards: { dir: string; count: number };
  /** Shard keys that were cut one character deeper because they were too big. */
  split: string[];
  /** Fragment files: `<dir>/<floor(article / group)>.json` next to the manifest. */
  fragments: { dir: string; group: number };
}

/**
 * One article's display data in a fragment group: [article, url, title, category, description, sections, keywords].
 * Keywords are never shown; the client checks them for the reader's exact phrase.
 */
export type FragmentArticle = [article: number, url: string, title: string, category: string, description: string, sections: FragmentSection[], keywords: string];
/**
 * [sectionIndex, heading id ('' for the intro), heading text, text]. The text keeps block boundaries as `\n` and
 * marks table rows with a leading `\t`, so an excerpt can prefer a sentence to a row of cells.
 */
export type FragmentSection = [index: number, id: string, heading: string, text: string];

export function shardUrl(base: string, manifest: SearchManifest, bucket: number): string {
  return `${base}s/${manifest.shards.dir}/${bucket}.txt`;
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
// term SP [~df] [|0 postings] [|1 postings]     one line per term: |0 article-level, |1 section-level.
// A posting is a delta-coded id followed by one digit, its level (0-31). Numbers are base-32 digits, most
// significant first: 0-9a-v end a number, w-zA-Z!$ continue it. No separators, so a typical posting costs two or
// three characters before compression.

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

/** One posting list: ascending ids with their levels. */
export interface Postings {
  ids: number[];
  levels: number[];
}

/** Encode ascending ids as deltas, each followed by its level. */
export function encodePostings(p: Postings): string {
  let out = '';
  let prev = 0;
  p.ids.forEach((id, i) => {
    out += encodeNumber(id - prev) + last[p.levels[i]!]!;
    prev = id;
  });
  return out;
}

export interface ShardTerm {
  article: Postings;
  section: Postings;
  /** Number of articles containing the term (the lists may have been cut to the best postings). */
  df: number;
}

/** `df` is written only when it differs from the number of articles the postings name (the lists were cut). */
export function encodeShardLine(term: string, article: Postings, section: Postings, df: number, shift: number): string {
  let line = term + ' ';
  const named = new Set(article.ids);
  for (const id of section.ids) named.add(id >> shift);
  if (df !== named.size) line += '~' + encodeNumber(df);
  if (article.ids.length) line += '|0' + encodePostings(article);
  if (section.ids.length) line += '|1' + encodePostings(section);
  return line;
}

/** Parse a shard file into its terms. Small and allocation-light: it runs in the browser on every shard. */
export function decodeShard(text: string, shift: number): Map<string, ShardTerm> {
  const out = new Map<string, ShardTerm>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const term = line.slice(0, space);
    const entry: ShardTerm = { article: { ids: [], levels: [] }, section: { ids: [], levels: [] }, df: 0 };
    let current: Postings | undefined;
    let value = 0;
    let prev = 0;
    let pendingId = -1;
    let readingDf = false;
    for (let i = space + 1; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code === 124 /* | */) {
        current = line.charCodeAt(++i) === 48 ? entry.article : entry.section;
        prev = 0;
        pendingId = -1;
        readingDf = false;
        continue;
      }
      if (code === 126 /* ~ */) {
        readingDf = true;
        continue;
      }
      const d = digitValue[code] ?? -1;
      if (d < 0) continue;
      if (pendingId >= 0 && current) {
        current.ids.push(pendingId);
        current.levels.push(d & 31);
        pendingId = -1;
        continue;
      }
      value = value * 32 + (d & 31);
      if (d < 32) {
        if (readingDf) {
          entry.df = value;
          readingDf = false;
        } else if (current) {
          prev += value;
          pendingId = prev;
        }
        value = 0;
      }
    }
    if (!entry.df) {
      const articles = new Set(entry.article.ids);
      for (const id of entry.section.ids) articles.add(id >> shift);
      entry.df = articles.size;
    }
    out.set(term, entry);
  }
  return out;
}
