/**
 * The search client: runs in the browser (bundled by Vite) and in Node (CLI, writers' tests, benchmark), with
 * `fetch` injected. A query costs at most three sequential round trips, each a set of parallel requests:
 * 1. the manifest (prefetched while this code loads), 2. the shards of the query's terms, 3. the fragment
 * groups of the results shown. Everything fetched is cached for the next keystroke.
 */
import { gramsText, isQuestion, normalize, splitQuestionWords, tokenizeQuery, stem, withinOneEdit, type QueryTerm } from './tokenizer.ts';
import { bucketOf, decodeShard, fragmentUrl, shardKey, shardUrl, type FragmentArticle, type SearchManifest, type ShardTerm } from './index-format.ts';
import { idf, xOfLevel } from './scoring.ts';
import { rankArticles, compareArticles, rankingParams, type RankedArticle, type TokenEvidence, type TokenForm } from './rank.ts';
import { excerptHtml } from './excerpt.ts';
import { takePrefetchedManifest } from './prefetch.ts';

/** The subset of `fetch` the client needs; Node passes a function that reads files. */
export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface SearchClientOptions {
  /** Hashed manifest URL of the locale, as embedded in the page. Shards and fragments are resolved next to it. */
  manifestUrl: string;
  /** @default globalThis.fetch */
  fetch?: FetchLike;
}

export interface SearchOptions {
  /** Articles to return. @default 8 */
  limit?: number;
  /** Relevant articles to skip first, for a later page of results: `offset: 10, limit: 10` is page 2. @default 0 */
  offset?: number;
  /** Attach an explanation of each result's score (`npm run search -- --explain`). @default false */
  explain?: boolean;
}

export interface SectionResult {
  /** Article URL with `#heading-id`. */
  url: string;
  heading: string;
  /** Escaped text with `<mark>` around matches: safe to assign to innerHTML. */
  excerptHtml: string;
}

/** Why a result scored what it did: per query word, what matched and what it was worth. */
export interface Explanation {
  score: number;
  /** Share of the query's informative content the article contains. */
  coverage: number;
  /** Per query word: its IDF, whether the help center has it at all, and the index terms that matched it here. */
  terms: { term: string; optional: boolean; idf: number; known: boolean; matched: string[] }[];
}

export interface ArticleResult {
  url: string;
  title: string;
  category: string;
  score: number;
  /** Not every word of the query matched (keyword queries only, shown when nothing matched them all). */
  partial: boolean;
  /** The article's excerpt: its intro or description around the matches. */
  excerptHtml: string;
  /** Matching sections under headings, best first, each with its own excerpt (never the article's again). */
  sections: SectionResult[];
  explain?: Explanation;
}

export interface SearchResponse {
  query: string;
  /** What to show, best first: the relevant articles, or when there are none the closest ones (see nothingFound). */
  results: ArticleResult[];
  /** Relevant articles in all (results holds `limit` of them from `offset`); 0 when only closest ones are offered. */
  total: number;
  /**
   * Nothing is relevant enough: show the "nothing found" help (suggestions, contact with the query). `results`
   * may then hold up to three closest articles of a question, to offer under it.
   */
  nothingFound: boolean;
}

export interface SearchClient {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** Fetch the manifest now (e.g. on focus), so the first query starts with its shards. */
  preload(): Promise<void>;
}

/** Match quality factors. */
const quality = { exact: 1, form: 0.9, compose: 0.8, prefix: 0.8, cjkPrefix: 0.7, typo: 0.6, prefixTypo: 0.5, syllable: 0.4 };
/** Most expansions tried for one typed token. */
const maxExpansions = 12;
/** Distinct tokens a keyword query may look up (each may need its own shard). */
const maxQueryTokens = 24;
/** Distinct tokens a question may look up: a long question in Japanese has many bigrams. */
const maxQuestionTokens = 56;
/** Sections listed under one article. */
const maxSections = 4;

interface Shard {
  terms: Map<string, ShardTerm>;
  sorted: string[];
  stems?: Map<string, string[]>;
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const doFetch: FetchLike = options.fetch ?? ((url) => globalThis.fetch(url));
  const manifestUrl = options.manifestUrl;
  const base = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
  const cache = new Map<string, Promise<unknown>>();
  const shards = new Map<number, Shard>();
  /** Every term loaded so far, whichever shard it came in. */
  const lexicon = new Map<string, ShardTerm>();
  /** Decoded posting maps per term, built on first use. */
  const postingMaps = new Map<string, { article: Map<number, number>; section: Map<number, number> }>();
  const evidenceCache = new Map<string, TokenEvidence>();
  /** Expansions of a token with the same flags, until a shard arrives; each keeps its evidence. */
  const expandCache = new Map<string, Map<string, number>>();
  const evidenceOfExpansion = new WeakMap<Map<string, number>, TokenEvidence>();
  const fragments = new Map<number, FragmentArticle>();
  // Keystrokes in a row show mostly the same results: their excerpts and phrase texts are kept.
  const excerpts = new Map<string, string>();
  const flatTexts = new Map<string, string>();
  let manifest: Promise<SearchManifest> | undefined;
  let split: Set<string> = new Set();

  /** Fetch once per URL; a failure is forgotten so the next keystroke retries. */
  function load<T>(url: string, parse: (text: string) => T, prefetched?: Promise<string>): Promise<T> {
    let pending = cache.get(url) as Promise<T> | undefined;
    if (!pending) {
      const text = prefetched ?? doFetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`Search index file ${url} answered HTTP ${r.status}`))));
      pending = text.then(parse);
      pending.catch(() => cache.delete(url));
      cache.set(url, pending);
    }
    return pending;
  }

  function loadManifest(): Promise<SearchManifest> {
    manifest ??= load(manifestUrl, (text) => {
      const m = JSON.parse(text) as SearchManifest;
      if (m.v !== 2) throw new Error(`Search index ${manifestUrl} has format ${m.v}; this page expects 2. Rebuild the site.`);
      split = new Set(m.split);
      return m;
    }, takePrefetchedManifest(manifestUrl));
    manifest.catch(() => (manifest = undefined));
    return manifest;
  }

  function loadShard(m: SearchManifest, bucket: number): Promise<unknown> {
    return load(shardUrl(base, m, bucket), (text) => {
      const terms = decodeShard(text, m.shift);
      for (const [term, t] of terms) lexicon.set(term, t);
      shards.set(bucket, { terms, sorted: [...terms.keys()].sort() });
      // What a token expands to depends on the shards loaded: cached expansions are from an older lexicon now.
      expandCache.clear();
    });
  }

  function loadFragments(m: SearchManifest, article: number): Promise<unknown> {
    return load(fragmentUrl(base, m, article), (text) => {
      for (const record of JSON.parse(text) as FragmentArticle[]) fragments.set(record[0], record);
    });
  }

  function shardOf(m: SearchManifest, token: string): Shard | undefined {
    return shards.get(bucketOf(shardKey(token, split), m.shards.count));
  }

  /**
   * Shards where a typo in the first letters would have put the word: swapping the first two letters, or the second
   * and third (which also covers a letter inserted second), changes the shard key.
   */
  function typoBuckets(m: SearchManifest, token: string): number[] {
    if (token.length < 3) return [];
    const variants = [token[1]! + token[0]! + token.slice(2), token[0]! + token[2]! + token[1]! + token.slice(3)];
    return variants.map((v) => bucketOf(shardKey(v, split), m.shards.count));
  }

  const df = (v: string) => lexicon.get(v)?.df ?? 0;

  /** Index terms that may stand for a typed token, with a quality factor. */
  function expand(m: SearchManifest, token: string, term: QueryTerm, last: boolean, question: boolean): Map<string, number> {
    const out = new Map<string, number>();
    const shard = shardOf(m, token);
    if (!shard) return out;
    const add = (candidates: string[], weight: (v: string) => number) => {
      candidates.sort((a, b) => df(b) - df(a) || a.length - b.length);
      for (const v of candidates.slice(0, maxExpansions)) if ((out.get(v) ?? 0) < weight(v)) out.set(v, weight(v));
    };
    if (shard.terms.has(token)) out.set(token, quality.exact);
    const single = [...token].length === 1;
    // In a question, only the last word may be unfinished, and only once it says enough to complete.
    const prefix = term.prefix && last && (!question || token.length >= 4);
    if (term.script === 'latin') {
      if (token.length >= 3 && !/\d/.test(token)) add(stemGroup(shard, stem(token)).filter((v) => v !== token), () => quality.form);
      // Completions while typing; once the word typed is itself a word of the help center (fee), its completions
      // (feeds) are other words and count for little.
      const whole = df(token) >= 3 ? 0.4 : 1;
      if (prefix) add(withPrefix(shard, token).filter((v) => v !== token), (v) => whole * (quality.prefix - 0.3 * (1 - token.length / v.length)));
      // A word the index knows only from a rare misspelling still gets the common word it resembles.
      const rare = out.size > 0 && [...out.keys()].every((v) => df(v) <= 2);
      if (term.fuzzy && (!out.size || rare)) {
        const floor = rare ? Math.max(5, 10 * Math.max(...[...out.keys()].map(df))) : 0;
        // Its own shard, plus the first-letter typo shards when an earlier search already loaded them.
        const near = [shard, ...typoBuckets(m, token).map((b) => shards.get(b)).filter((x): x is Shard => x !== undefined && x !== shard)];
        const typo = near.flatMap((sh) =>
          sh.sorted.filter((v) => Math.abs(v.length - token.length) <= 1 && v !== token && df(v) >= floor && withinOneEdit(token, v)).flatMap((v) => stemGroup(sh, stem(v))),
        );
        // The corrected word brings its other forms: invocie → invoice → invoices.
        add([...new Set(typo)], () => quality.typo);
        if (!out.size && !rare && prefix) {
          const n = token.length;
          add(shard.sorted.filter((v) => v.length > n && [n - 1, n, n + 1].some((k) => withinOneEdit(token, v.slice(0, k)))), () => quality.prefixTypo);
        }
      }
    } else if (!question) {
      // One CJK character (a Korean noun before its particle, a kanji typed alone) also finds the bigrams it starts.
      if (single) add(withPrefix(shard, token).filter((v) => v !== token), () => quality.cjkPrefix);
      // Korean typed syllable by syllable: 비밀버 is on its way to 비밀번.
      if (term.prefix && last && term.script === 'hangul' && !single) {
        const code = token.charCodeAt(token.length - 1) - 0xac00;
        if (code >= 0 && code < 11172 && code % 28 === 0) {
          const head = token.slice(0, -1);
          add(withPrefix(shard, head).filter((v) => v !== token && v.length === token.length && Math.floor((v.charCodeAt(v.length - 1) - 0xac00) / 28) === code / 28), () => quality.compose);
        }
      }
    }
    return out;
  }

  function postingsOf(term: string) {
    let maps = postingMaps.get(term);
    if (!maps) {
      const t = lexicon.get(term)!;
      maps = { article: new Map(), section: new Map() };
      t.article.ids.forEach((id, k) => maps!.article.set(id, xOfLevel(t.article.levels[k]!)));
      t.section.ids.forEach((id, k) => maps!.section.set(id, xOfLevel(t.section.levels[k]!)));
      if (postingMaps.size > 5000) postingMaps.clear();
      postingMaps.set(term, maps);
    }
    return maps;
  }

  /**
   * What a typed token found. One IDF per typed word, from its commonest form: a word and its forms, completions
   * and corrections count as one word, as a stemmer would make them (telling → tell), so a rare form of a common
   * word is not mistaken for a rare word.
   */
  function evidenceFor(m: SearchManifest, token: string, candidates: Map<string, number>, used: Set<string>): TokenEvidence {
    for (const term of candidates.keys()) used.add(term);
    const known = evidenceOfExpansion.get(candidates);
    if (known) return known;
    // The same token with the same candidates (the next keystroke, the same question again) reuses its evidence,
    // and with it the ranking's tables.
    const key = `${token}\u0000${[...candidates].map(([t, q]) => `${t}:${q}`).join(' ')}`;
    let e = evidenceCache.get(key);
    if (e) evidenceOfExpansion.set(candidates, e);
    if (!e) {
      const frequency = Math.max(df(token), ...[...candidates.keys()].map(df));
      const forms: TokenForm[] = [...candidates].map(([term, q]) => ({ quality: q, ...postingsOf(term) }));
      if (evidenceCache.size > 2000) evidenceCache.clear();
      evidenceCache.set(key, (e = { idf: idf(m.articles, frequency), forms }));
      evidenceOfExpansion.set(candidates, e);
    }
    return e;
  }

  async function search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
    const limit = opts.limit ?? 8;
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    const m = await loadManifest();
    let terms = tokenizeQuery(query, m.tokenizer);
    const question = isQuestion(terms);
    if (question) terms = splitQuestionWords(terms);
    terms = firstTerms(terms, question ? maxQuestionTokens : maxQueryTokens);
    if (!terms.length) return { query, results: [], total: 0, nothingFound: true };

    // Round trip 2: every shard the query's tokens live in. A question's optional words (particles, question
    // words) only count where their shards came anyway: they are many, and they say little.
    const tokens = new Set(terms.filter((t) => !question || !t.optional).flatMap((t) => t.alternatives.flat()));
    const buckets = new Set([...tokens].map((t) => bucketOf(shardKey(t, split), m.shards.count)));
    await Promise.all([...buckets].map((b) => loadShard(m, b)));

    const expansions = new Map<string, Map<string, number>>();
    const expandAll = () =>
      terms.forEach((term, i) => {
        term.alternatives.forEach((alt, a) => {
          if (a === term.fallback) return;
          alt.forEach((token, k) => {
            const key = `${i}\u0000${token}`;
            if (expansions.get(key)?.size) return;
            const last = k === alt.length - 1;
            const memo = `${token}\u0000${term.script}\u0000${term.prefix && last ? 1 : 0}${term.fuzzy ? 1 : 0}${question ? 1 : 0}`;
            let candidates = expandCache.get(memo);
            if (!candidates) expandCache.set(memo, (candidates = expand(m, token, term, last, question)));
            expansions.set(key, candidates);
          });
        });
        // Keyword queries keep a Korean word whole (환불인증 is a made-up compound, not 환… + 인증).
        if (term.fallback === undefined || !question) return;
        // The last resort: no form of the word is in the index, so its first syllable finds the words it starts.
        // Only when no spelling of the word is in the index whole (some bigram of each is unknown).
        const found = term.alternatives.some((alt, a) => a !== term.fallback && alt.every((token) => expansions.get(`${i}\u0000${token}`)?.size));
        const token = term.alternatives[term.fallback]![0]!;
        const shard = shardOf(m, token);
        expansions.set(`${i}\u0000${token}`, new Map(found || !shard ? [] : withPrefix(shard, token).sort((a, b) => df(b) - df(a)).slice(0, maxExpansions).map((v) => [v, quality.syllable])));
      });
    expandAll();
    // Only for a keyword that found nothing at all: its typo may be in the first letters, which live in other
    // shards. This costs one more round trip, for this word only. A question has words enough without it.
    if (!question) {
      const lost = terms.flatMap((t, i) => (t.fuzzy ? t.alternatives[0]!.filter((token) => !expansions.get(`${i}\u0000${token}`)?.size) : []));
      const extra = new Set(lost.flatMap((token) => typoBuckets(m, token)).filter((b) => !shards.has(b)));
      if (extra.size) {
        await Promise.all([...extra].map((b) => loadShard(m, b)));
        expandAll();
      }
    }

    const used = new Set<string>();
    const evidence = new Map<string, TokenEvidence>();
    for (const [key, candidates] of expansions) {
      const token = key.slice(key.indexOf('\u0000') + 1);
      // A word whose shard was not fetched (a question's optional words) is neither evidence nor missing content.
      if (shardOf(m, token)) evidence.set(key, evidenceFor(m, token, candidates, used));
    }
    const phrases = terms.flatMap((t) => (t.script === 'latin' ? [] : t.alternatives.filter((alt, a) => a !== t.fallback && [...gramsText(alt)].length > 1).map(gramsText)));
    const ranking = rankArticles(terms, (i, token) => evidence.get(`${i}\u0000${token}`), m.shift);
    // A later page is a later slice of the same ranking: no article shows on two pages, none is skipped.
    const top = ranking.articles.length ? ranking.articles.slice(offset, offset + limit) : offset ? [] : ranking.closest.slice(0, limit);

    // Round trip 3: display data for the results shown.
    await Promise.all(top.map((r) => loadFragments(m, r.article)));
    rerankByPhrase(top, terms, question, fragments, flatTexts);
    const signature = [...used].sort().join(' ') + '\u0000' + phrases.join(' ');
    if (excerpts.size > 4000) excerpts.clear();
    const excerpt = (key: string, text: string) => {
      const k = `${key}\u0000${signature}`;
      let html = excerpts.get(k);
      if (html === undefined) excerpts.set(k, (html = excerptHtml(text, { terms: used, phrases })));
      return html;
    };

    const results = top.map((r): ArticleResult => {
      const [, url, title, category, description, sections] = fragments.get(r.article)!;
      const intro = sections[0]?.[1] === '' ? sections[0] : undefined;
      const introText = intro?.[3] ?? '';
      // The intro says what the article is about; the description stands in when the intro has no match.
      const introMatched = r.sections.some((s) => s.index === 0);
      const articleText = introMatched && introText ? introText : description || introText;
      const headed = r.sections.filter((s) => s.index !== 0 && sections[s.index]).slice(0, maxSections);
      return {
        url,
        title,
        category,
        score: Math.round(r.score * 1000) / 1000,
        partial: r.partial,
        excerptHtml: excerpt(`a${r.article}`, articleText),
        sections: headed.map((s) => {
          const [, id, heading, text] = sections[s.index]!;
          return { url: `${url}#${id}`, heading, excerptHtml: excerpt(String(s.id), text) };
        }),
        explain: opts.explain ? explain(r, terms, evidence, expansions, m) : undefined,
      };
    });
    return { query, results, total: ranking.articles.length, nothingFound: ranking.articles.length === 0 };
  }

  /** Per query word: its IDF and the index terms that matched it in this article. */
  function explain(r: RankedArticle, terms: readonly QueryTerm[], evidence: Map<string, TokenEvidence>, expanded: Map<string, Map<string, number>>, m: SearchManifest): Explanation {
    const inArticle = (term: string) => {
      const p = postingsOf(term);
      return p.article.has(r.article) || [...p.section.keys()].some((id) => id >> m.shift === r.article);
    };
    return {
      score: Math.round(r.score * 1000) / 1000,
      coverage: Math.round(r.coverage * 1000) / 1000,
      terms: terms.map((t, i) => {
        const tokens = t.alternatives.flat();
        const idfs = tokens.map((token) => evidence.get(`${i}\u0000${token}`)?.idf ?? 0);
        const matched = [...new Set(tokens.flatMap((token) => [...(expanded.get(`${i}\u0000${token}`)?.keys() ?? [])].filter(inArticle)))];
        const known = tokens.some((token) => (evidence.get(`${i}\u0000${token}`)?.forms.length ?? 0) > 0);
        return { term: t.source, optional: t.optional, idf: Math.round((idfs.reduce((a, b) => a + b, 0) / Math.max(1, idfs.length)) * 100) / 100, known, matched };
      }),
    };
  }

  return {
    search,
    preload: () => loadManifest().then(() => undefined),
  };
}

/** A pasted paragraph would fetch dozens of shards: the first words up to a token budget are plenty. */
function firstTerms(terms: QueryTerm[], budget: number): QueryTerm[] {
  let tokens = 0;
  return terms.filter((t) => (tokens += new Set(t.alternatives.flat()).size) <= budget || t === terms[0]);
}

function withPrefix(shard: Shard, prefix: string): string[] {
  const out: string[] = [];
  const list = shard.sorted;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i]!.startsWith(prefix); i++) out.push(list[i]!);
  return out;
}

function stemGroup(shard: Shard, s: string): string[] {
  if (!shard.stems) {
    shard.stems = new Map();
    for (const term of shard.sorted) {
      const k = stem(term);
      const list = shard.stems.get(k);
      if (list) list.push(term);
      else shard.stems.set(k, [term]);
    }
  }
  return [...(shard.stems.get(s) ?? [])];
}

/**
 * Words next to each other beat scattered words: once the shown results' text is here, a result containing the
 * query's words side by side (or a CJK word verbatim) moves up. Keyword queries: among results that matched as many
 * words. Questions: by the share of the question's word pairs found.
 */
function rerankByPhrase(top: RankedArticle[], terms: readonly QueryTerm[], question: boolean, fragments: Map<number, FragmentArticle>, flatTexts: Map<string, string>) {
  const phrases: string[] = [];
  const words = terms.filter((t) => !t.optional);
  // A Korean word in a question is compared by its stem (결제됐는데 → 결제됐), as it was looked up.
  const text = (t: QueryTerm) => (question && t.script === 'hangul' ? gramsText(t.alternatives[0]!) : flatten(t.source));
  for (const t of words) if (t.script !== 'latin' && t.alternatives[0]!.length > 1) phrases.push(text(t));
  const spaced = words.filter((t) => t.script === 'latin').map(text);
  if (question) for (let k = 0; k + 1 < spaced.length; k++) phrases.push(`${spaced[k]} ${spaced[k + 1]}`);
  else if (spaced.length > 1) phrases.push(spaced.join(' '));
  if (!phrases.length) return;
  for (const r of top) {
    const record = fragments.get(r.article);
    if (!record) continue;
    const texts = [record[2], record[4], ...r.sections.slice(0, 6).map((s) => `${record[5][s.index]?.[2] ?? ''} ${record[5][s.index]?.[3] ?? ''}`)];
    const flat = texts.map((t, i) => {
      const key = i === 0 ? `t${r.article}` : i === 1 ? `d${r.article}` : `${r.sections[i - 2]!.id}`;
      let f = flatTexts.get(key);
      if (f === undefined) flatTexts.set(key, (f = flatten(t)));
      return f;
    });
    const found = phrases.filter((p) => flat.some((f) => f.includes(p))).length;
    r.score *= question ? 1 + (rankingParams.phraseShare * found) / phrases.length : 1 + 0.1 * found;
    // The writer listed the reader's very words as a keyword of this article: the strongest sign there is.
    if (!question && words.length > 1) {
      const typed = flatten(words.map((t) => t.source).join(' '));
      let keywords = flatTexts.get(`k${r.article}`);
      if (keywords === undefined) flatTexts.set(`k${r.article}`, (keywords = record[6] ? `\n${record[6].split('\n').map(flatten).join('\n')}\n` : ''));
      if (keywords.includes(`\n${typed}\n`)) r.score *= 1.3;
    }
  }
  top.sort(compareArticles);
}

/** Folded like the index (width, case, accents), punctuation as single spaces: enough to compare phrases. */
function flatten(text: string): string {
  return normalize(text).replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

/**
 * Wrap a search function so an answer to an older call is dropped (resolves to undefined) once a newer call
 * has been made: typing fast never shows results for letters already typed past.
 */
export function latestOnly<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  let sequence = 0;
  return async (...args: A) => {
    const mine = ++sequence;
    const result = await fn(...args);
    return mine === sequence ? result : undefined;
  };
}
