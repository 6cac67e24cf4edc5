/**
 * Build the static search index: one per locale, at section level, as an in-memory map of file URL → contents.
 * No clock, and no file system but the build cache, when a build has one: a locale whose inputs did not change since
 * the last build is taken from it, and texts are tokenized once. `write-index.ts` puts the files on disk.
 *
 * Each section (an article's intro, or a heading and the text under it) is a document. Article-level fields (title,
 * keywords and tags, category title, description) are indexed once per article and credited by the client to
 * every section of it. Every posting carries its BM25F weight (`scoring.ts`), so the client ranks a question by
 * all of its words without downloading any text. The postings are cut into term shards so a query downloads only
 * the few shards its words need.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../content/model.ts';
import type { SynonymRule } from '../schemas/synonyms.ts';
import { indexTokens } from './tokenizer.ts';
import { openTokenTable, tokenizerFingerprint } from './token-cache.ts';
import { buildCache, hash } from '../build/build-cache.ts';
import { pipelineFingerprint } from '../markdown/pipeline-fingerprint.ts';
import { createSynonymExpander, type SynonymExpander } from './synonyms.ts';
import { japaneseDictionaryKey, japaneseDictionaryRules, type DictionaryMode } from './japanese-dictionary.ts';
import { articleFields, fieldTf, levelOf, sectionFields, synonymShare, type FieldName } from './scoring.ts';
import { basePath, withBase } from '../content/site-url.ts';
import {
  bucketOf,
  encodeShardLine,
  shardKey,
  type FragmentArticle,
  type FragmentSection,
  type Postings,
  type SearchManifest,
} from './index-format.ts';

/** What the index is built from. A `KnowledgeBase` fits as is. */
export interface SearchSource {
  /** Published articles, in display order (articles of a category stay together, which keeps fragment groups useful). */
  articles: readonly Article[];
  categories?: readonly { locale: string; slug: string; title: string }[];
  /** `url` is where the site is served; result links get its path (`/help-center/en/…`). */
  config?: { url?: string; search?: { typoMinLength?: number; japaneseDictionary?: DictionaryMode } };
  /** Writers' synonyms per locale (`content/<lang>/_synonyms.yml`). */
  synonyms?: Readonly<Record<string, readonly SynonymRule[]>>;
}

export interface BuildSearchOptions {
  /** Folder of the index, as a site path: file names and manifest URLs are under it, without the site's base. @default '/_search' */
  basePath?: string;
  /** Latin words at least this long match with one typo; 0 turns it off. @default config.search.typoMinLength, else 4 */
  typoMinLength?: number;
  /**
   * Target size of one shard before compression (about half that compressed); the number of shards grows with the
   * site, so a query's download stays flat. Smaller shards cost a question with many words less, and the build
   * more files to write. @default 1500
   */
  shardBytes?: number;
  /**
   * Postings kept per term. A word in thousands of sections keeps its best-weighted ones (title and keywords
   * first), so a query costs about the same on a 1k and a 10k article site. @default 160
   */
  maxPostings?: number;
  /** Width of each section's text kept for excerpts, a CJK character counting two. @default 360 */
  excerptWidth?: number;
  /** Fragment files hold as many articles as fit this size before compression (at least one). @default 2400 */
  fragmentBytes?: number;
  /** Completions stored for a prefix whose terms are spread over several shards (a first letter, a split key). @default 8 */
  completions?: number;
}

export interface LocaleSearchIndex {
  manifest: SearchManifest;
  manifestUrl: string;
  /** Per-article URL and `category/slug`, in index order (for writers' search tests). */
  articles: { url: string; key: string }[];
  stats: { articles: number; sections: number; terms: number; shardSizes: number[]; fragmentFiles: number; buildMs: number };
  /** The build-cache entry it was taken from or stored in, which the build keeps when it prunes. */
  cacheEntry?: string;
}

export interface SearchIndex {
  /** Site-relative URL (`/_search/en/…`) → file contents. */
  files: Map<string, string>;
  /** Hashed manifest URL per locale, as a site path; pages embed it (with the site's base) so the search box knows where to start. */
  manifestUrls: Record<string, string>;
  locales: Record<string, LocaleSearchIndex>;
}

const defaults = { basePath: '/_search', shardBytes: 1500, maxPostings: 160, excerptWidth: 360, fragmentBytes: 2400, completions: 8 };
/** Sections past this many in one article are merged into the last one: ids stay small. */
const maxSectionsPerArticle = 64;

export function buildSearchIndex(source: SearchSource, options: BuildSearchOptions = {}): SearchIndex {
  const opts = { ...defaults, typoMinLength: source.config?.search?.typoMinLength ?? 4, ...stripUndefined(options) };
  const link = (url: string) => withBase(source.config?.url ? basePath(source.config.url) : '', url);
  const index: SearchIndex = { files: new Map(), manifestUrls: {}, locales: {} };
  // A rebuild tokenizes only the texts that changed since the last build (src/search/token-cache.ts).
  const table = openTokenTable('index');
  const cache = buildCache();
  const byLocale = new Map<string, Article[]>();
  for (const article of source.articles) {
    if (article.draft) continue;
    const list = byLocale.get(article.locale);
    if (list) list.push(article);
    else byLocale.set(article.locale, [article]);
  }
  for (const [locale, articles] of byLocale) {
    const titles = new Map((source.categories ?? []).filter((c) => c.locale === locale).map((c) => [c.slug, c.title]));
    const mode: DictionaryMode = /^ja\b/.test(locale) ? (source.config?.search?.japaneseDictionary ?? 'off') : 'off';
    const own = source.synonyms?.[locale] ?? [];
    // The built-in dictionary is in the key by its own key (its bytes and code), not by its 22,000 rules: an index
    // read back from the cache never loads it.
    const key = cache && localeKey(locale, articles, titles, link('/'), own, japaneseDictionaryKey(mode), opts);
    const started = performance.now();
    const cached = key ? cache!.read(searchCacheKind, key) : undefined;
    let built: LocaleSearchIndex;
    if (cached) {
      const entry = JSON.parse(cached.toString()) as { built: LocaleSearchIndex; files: [string, string][] };
      for (const [url, body] of entry.files) index.files.set(url, body);
      built = { ...entry.built, stats: { ...entry.built.stats, buildMs: Math.round(performance.now() - started) } };
    } else {
      const before = index.files.size;
      const rules = [...own, ...japaneseDictionaryRules(mode)];
      built = buildLocale(locale, articles, (slug) => titles.get(slug) ?? slug, link, rules, opts, index.files, table.tokens);
      if (key) cache!.write(searchCacheKind, key, JSON.stringify({ built, files: [...index.files].slice(before) }));
    }
    if (key) built.cacheEntry = key;
    index.locales[locale] = built;
    index.manifestUrls[locale] = built.manifestUrl;
  }
  table.save();
  return index;
}

/** Build-cache kind of a locale's finished index: its manifest, stats and files. */
export const searchCacheKind = 'search';

let codeFingerprint: string | undefined;

/**
 * What a locale's index is made from: every field of its articles but the HTML (which the index does not read) and
 * the writer's path, the category titles, the site's path, the synonyms, the options, and the code (this folder,
 * the link helper, and the tokenizer with Node's ICU data).
 */
function localeKey(locale: string, articles: readonly Article[], titles: Map<string, string>, base: string, rules: readonly SynonymRule[], dictionary: string, opts: Options): string {
  codeFingerprint ??= hash(pipelineFingerprint([fileURLToPath(new URL('.', import.meta.url))], []), tokenizerFingerprint(), readFileSync(new URL('../content/site-url.ts', import.meta.url)));
  const inputs = JSON.stringify({ locale, articles, titles: [...titles], base, rules, dictionary, opts }, (k, v) => (k === 'html' || k === 'displayPath' ? undefined : v));
  return hash('search-locale', codeFingerprint, inputs);
}

type Options = typeof defaults & { typoMinLength: number };

/** Term counts of one field of one document, synonyms included at their share. */
type Counts = Map<string, number>;

function countTokens(tokens: string[], expand: SynonymExpander): { counts: Counts; length: number } {
  const counts: Counts = new Map();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of expand(tokens)) counts.set(t, (counts.get(t) ?? 0) + n * synonymShare);
  return { counts, length: tokens.length };
}

function buildLocale(
  locale: string,
  articles: Article[],
  categoryTitle: (slug: string) => string,
  link: (url: string) => string,
  rules: readonly SynonymRule[],
  opts: Options,
  files: Map<string, string>,
  tokens: (text: string) => string[] = indexTokens,
): LocaleSearchIndex {
  const started = performance.now();
  const base = `${opts.basePath}/${locale}/`;
  const sectionLists = articles.map(sectionsOf);
  const shift = Math.ceil(Math.log2(Math.max(1, ...sectionLists.map((s) => s.length))));

  // 1. Tokens per field: article-level fields once per article, section-level ones per section. Their vocabulary
  // tells which synonym rules can apply at all.
  const articleTokens = articles.map((article) => {
    const texts: Record<string, string> = {
      title: article.title,
      keywords: [...article.keywords, ...article.tags].join(' ; '),
      category: categoryTitle(article.category),
      description: article.description,
    };
    return Object.fromEntries(articleFields.map((f) => [f, tokens(texts[f]!)])) as Record<FieldName, string[]>;
  });
  const sectionTokens = articles.map((article, a) =>
    sectionLists[a]!.map((section) => {
      const headingField: FieldName = article.type === 'faq' && section.id ? 'question' : 'heading';
      return { [headingField]: tokens(section.heading), body: tokens(section.text) } as Partial<Record<FieldName, string[]>>;
    }),
  );
  const vocabulary = new Set<string>();
  for (const fields of [...articleTokens, ...sectionTokens.flat()]) for (const tokens of Object.values(fields)) for (const t of tokens) vocabulary.add(t);
  const expand = createSynonymExpander(rules, vocabulary);

  // Term counts and lengths, synonyms added.
  const articleCounts = articleTokens.map((fields) => Object.fromEntries(articleFields.map((f) => [f, countTokens(fields[f], expand)])) as Record<FieldName, { counts: Counts; length: number }>);
  const sectionCounts = sectionTokens.map((list) =>
    list.map((fields) => Object.fromEntries(Object.entries(fields).map(([f, tokens]) => [f, countTokens(tokens, expand)])) as Partial<Record<FieldName, { counts: Counts; length: number }>>),
  );
  const average = new Map<FieldName, number>();
  for (const f of articleFields) average.set(f, mean(articleCounts.map((c) => c[f].length)));
  for (const f of sectionFields) {
    const lengths = sectionCounts.flat().flatMap((c) => (c[f] ? [c[f].length] : []));
    average.set(f, mean(lengths.filter((n) => n > 0)));
  }

  // 2. BM25F pseudo term frequencies per posting, quantised. Sections are visited in id order, so every posting
  // list is built already sorted, by appending.
  const table = new Map<string, TermPostings>();
  const entry = (term: string) => {
    let e = table.get(term);
    if (!e) table.set(term, (e = { articleIds: [], articleX: [], sectionIds: [], sectionX: [] }));
    return e;
  };
  articleCounts.forEach((fields, a) => {
    const x = new Map<string, number>();
    for (const f of articleFields) for (const [t, n] of fields[f].counts) x.set(t, (x.get(t) ?? 0) + fieldTf(f, n, fields[f].length, average.get(f)!));
    for (const [t, value] of x) {
      const e = entry(t);
      e.articleIds.push(a);
      e.articleX.push(value);
    }
  });
  let sections = 0;
  sectionCounts.forEach((list, a) =>
    list.forEach((fields, s) => {
      sections++;
      const x = new Map<string, number>();
      for (const f of sectionFields) {
        const c = fields[f];
        if (c) for (const [t, n] of c.counts) x.set(t, (x.get(t) ?? 0) + fieldTf(f, n, c.length, average.get(f)!));
      }
      const id = (a << shift) | s;
      for (const [t, value] of x) {
        const e = entry(t);
        e.sectionIds.push(id);
        e.sectionX.push(value);
      }
    }),
  );

  // 3. One line per term; very common terms keep their best-weighted postings only.
  const lines = new Map<string, string>();
  const df = new Map<string, number>();
  for (const [term, e] of table) {
    let articlesWithTerm = 0;
    const seen = new Set(e.articleIds);
    articlesWithTerm = seen.size;
    for (const id of e.sectionIds) {
      const a = id >> shift;
      if (!seen.has(a)) {
        seen.add(a);
        articlesWithTerm++;
      }
    }
    df.set(term, articlesWithTerm);
    let article = postingsOf(e.articleIds, e.articleX);
    let section = postingsOf(e.sectionIds, e.sectionX);
    if (e.articleIds.length + e.sectionIds.length > opts.maxPostings) {
      article = best(e.articleIds, e.articleX, opts.maxPostings);
      section = best(e.sectionIds, e.sectionX, Math.max(0, opts.maxPostings - article.ids.length));
    }
    lines.set(term, encodeShardLine(term, article, section, articlesWithTerm, shift));
  }

  // 4. Group terms by shard key; a key too big for one shard is cut one character deeper.
  const split = new Set<string>();
  let groups = groupByKey(lines, split);
  for (let depth = 0; depth < 8; depth++) {
    const heavy = [...groups].filter(([key, g]) => g.bytes > opts.shardBytes && g.terms.some((t) => t.length > key.length)).map(([key]) => key);
    if (!heavy.length) break;
    for (const key of heavy) split.add(key);
    groups = groupByKey(lines, split);
  }
  // A prefix that spans several shards (one Latin letter, a split key) carries its most common completions,
  // so the first keystrokes still find something without fetching every shard under it.
  const completionKeys = new Set(split);
  for (const term of lines.keys()) if (term.charCodeAt(0) < 0x2e80) completionKeys.add(term[0]!);
  const byFirst = new Map<string, string[]>();
  for (const term of lines.keys()) {
    const list = byFirst.get(term[0]!);
    if (list) list.push(term);
    else byFirst.set(term[0]!, [term]);
  }
  for (const key of completionKeys) {
    const candidates = (byFirst.get(key[0]!) ?? []).filter((t) => t.length > key.length && t.startsWith(key));
    candidates.sort((x, y) => df.get(y)! - df.get(x)! || x.length - y.length || (x < y ? -1 : 1));
    const group = groups.get(key) ?? { terms: [], bytes: 0 };
    groups.set(key, group);
    for (const t of candidates.slice(0, opts.completions)) {
      group.terms.push(t);
      group.bytes += lines.get(t)!.length + 1;
    }
  }

  // 5. Hash keys into buckets, one file each, in a folder named by their content.
  const total = [...groups.values()].reduce((n, g) => n + g.bytes, 0);
  const bucketCount = Math.max(1, Math.ceil(total / opts.shardBytes));
  const buckets: string[][] = Array.from({ length: bucketCount }, () => []);
  for (const [key, g] of groups) buckets[bucketOf(key, bucketCount)]!.push(...g.terms);
  const shardTexts = buckets.map((terms) => [...new Set(terms)].sort().map((t) => lines.get(t)!).join('\n'));
  const shardDir = contentHash(shardTexts.join('\u0000'));
  const shardSizes = shardTexts.filter(Boolean).map((text) => Buffer.byteLength(text));
  shardTexts.forEach((text, b) => files.set(`${base}s/${shardDir}/${b}.txt`, text));

  // 6. Fragments: display data for results, a few articles per file.
  const records: FragmentArticle[] = articles.map((article, a) => [
    a,
    link(article.url),
    article.title,
    categoryTitle(article.category),
    excerptSource(article.description, opts.excerptWidth),
    sectionLists[a]!.map((s, i): FragmentSection => [i, s.id, s.heading, excerptSource(s.text, opts.excerptWidth)]),
    article.keywords.join('\n'),
  ]);
  const averageRecord = records.reduce((n, r) => n + JSON.stringify(r).length, 0) / Math.max(1, records.length);
  const group = Math.max(1, Math.min(32, Math.floor(opts.fragmentBytes / Math.max(1, averageRecord))));
  const fragmentTexts: string[] = [];
  for (let g = 0; g * group < records.length; g++) fragmentTexts.push(JSON.stringify(records.slice(g * group, (g + 1) * group)));
  const dir = `f-${contentHash(fragmentTexts.join('\n'))}`;
  fragmentTexts.forEach((text, g) => files.set(`${base}${dir}/${g}.json`, text));

  const manifest: SearchManifest = {
    v: 2,
    locale,
    tokenizer: { typoMinLength: opts.typoMinLength },
    articles: articles.length,
    docs: sections,
    shift,
    shards: { dir: shardDir, count: bucketCount },
    split: [...split].sort(),
    fragments: { dir, group },
  };
  const manifestText = JSON.stringify(manifest);
  const manifestUrl = `${base}manifest.${contentHash(manifestText)}.json`;
  files.set(manifestUrl, manifestText);
  return {
    manifest,
    manifestUrl,
    articles: articles.map((a) => ({ url: link(a.url), key: `${a.category}/${a.slug}` })),
    stats: { articles: articles.length, sections, terms: table.size, shardSizes, fragmentFiles: fragmentTexts.length, buildMs: Math.round(performance.now() - started) },
  };
}

/** One term's postings while the index is built: ids ascending, with their pseudo term frequencies. */
interface TermPostings {
  articleIds: number[];
  articleX: number[];
  sectionIds: number[];
  sectionX: number[];
}

function postingsOf(ids: number[], x: number[]): Postings {
  return { ids, levels: x.map(levelOf) };
}

/** The `n` best-weighted postings, back in id order. */
function best(ids: number[], x: number[], n: number): Postings {
  if (ids.length <= n) return postingsOf(ids, x);
  const order = ids.map((_, k) => k).sort((p, q) => x[q]! - x[p]! || ids[p]! - ids[q]!).slice(0, n).sort((p, q) => ids[p]! - ids[q]!);
  return { ids: order.map((k) => ids[k]!), levels: order.map((k) => levelOf(x[k]!)) };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
}

/** The intro always comes first (id ''), so article-level fields have a home even when the text starts with a heading. */
function sectionsOf(article: Article): { id: string; heading: string; text: string }[] {
  const list = article.sections.map((s) => ({ id: s.id, heading: s.heading, text: s.text }));
  if (list[0]?.id !== '') list.unshift({ id: '', heading: '', text: '' });
  if (list.length > maxSectionsPerArticle) {
    const [first, ...more] = list.splice(maxSectionsPerArticle - 1);
    list.push({ ...first!, text: [first!.text, ...more.flatMap((s) => [s.heading, s.text])].join('\n') });
  }
  return list;
}

function groupByKey(lines: Map<string, string>, split: ReadonlySet<string>): Map<string, { terms: string[]; bytes: number }> {
  const groups = new Map<string, { terms: string[]; bytes: number }>();
  for (const [term, line] of lines) {
    const key = shardKey(term, split);
    const g = groups.get(key);
    if (g) {
      g.terms.push(term);
      g.bytes += line.length + 1;
    } else groups.set(key, { terms: [term], bytes: line.length + 1 });
  }
  return groups;
}

/**
 * The start of a section's text, cut at a word boundary where there is one. Width, not length: a CJK character
 * fills about two Latin ones on screen and carries about as much meaning. Line breaks (block boundaries) stay.
 */
export function excerptSource(text: string, width: number): string {
  let used = 0;
  let cut = 0;
  for (const ch of text) {
    used += ch.charCodeAt(0) >= 0x1100 ? 2 : 1;
    if (used > width) break;
    cut += ch.length;
  }
  if (cut >= text.length) return text;
  const space = Math.max(text.lastIndexOf(' ', cut), text.lastIndexOf('\n', cut));
  if (space > cut * 0.75) cut = space;
  return text.slice(0, cut).trimEnd() + '…';
}

/**
 * 30 bits of SHA-256 as six lower-case base-32 characters: short, because the manifest lists one per shard, and
 * lower case, so names never collide on case-insensitive file systems.
 */
function contentHash(text: string): string {
  const n = createHash('sha256').update(text).digest().readUInt32BE(0) >>> 2;
  return n.toString(32).padStart(6, '0');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
