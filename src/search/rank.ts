/**
 * Ranking, given where each query token was found and with what BM25F weight. Pure, so it is unit-tested without
 * an index.
 *
 * Two regimes, chosen by the query:
 * - **Keywords** (one or two required words, as typed into a search box while looking): every word must match in
 *   one section (a CJK word with ALL its bigrams, so a made-up compound whose pieces exist apart matches nothing);
 *   more matched words beat fewer; BM25F orders the rest. When nothing matches every word, the best articles that
 *   match at least half of them are returned, flagged partial.
 * - **Questions** (three or more required words, as written to support): no word is required. An article scores the
 *   BM25F sum over all the question's words, half from the article as a whole and half from its best section, so
 *   an article that answers in one place beats one that mentions the words here and there. It is shown only when
 *   its words cover enough of the question's informative content (IDF mass): a question whose distinctive words
 *   appear nowhere gets "nothing found", not a page that shares its filler words.
 */
import { saturate } from './scoring.ts';
import { isQuestion, type QueryTerm } from './tokenizer.ts';

/** One index term standing for a query token (the word itself, a word form, a completion, a typo correction). */
export interface TokenForm {
  /** Match quality: 1 exact, less for forms, completions and typos. */
  quality: number;
  /** Article number → article-level pseudo term frequency (title, keywords, category, description). */
  article: ReadonlyMap<number, number>;
  /** Section id → section-level pseudo term frequency (heading, FAQ question, body). */
  section: ReadonlyMap<number, number>;
}

/** Everything known about one query token: its IDF (from the typed word's document frequency) and its forms. */
export interface TokenEvidence {
  idf: number;
  forms: readonly TokenForm[];
}

export interface RankedSection {
  /** Section id: `article << shift | index`. */
  id: number;
  /** Position of the section in its article (0 = intro). */
  index: number;
  matched: number;
  score: number;
}

export interface RankedArticle {
  article: number;
  score: number;
  /** Required terms matched (keywords: by the best section; questions: anywhere in the article). */
  matched: number;
  /** Not every required term matched (keywords only; a question is expected to match partly). */
  partial: boolean;
  /** Share of the query's informative content (IDF mass) the article contains, 0–1. */
  coverage: number;
  /** Sections worth showing, best first. */
  sections: RankedSection[];
}

export interface Ranking {
  /** Articles relevant enough to show as results, best first. */
  articles: RankedArticle[];
  /**
   * Questions only, when no article is relevant enough: the closest ones, to show under "nothing found" (the
   * question is probably not answered here, but a reader may still recognise the article they need).
   */
  closest: RankedArticle[];
  /** Number of required terms in the query. */
  required: number;
  /** The query was ranked as a question. */
  question: boolean;
}

/** The model's knobs, in one place. */
export const rankingParams = {
  /** How much an optional term (stopword, particle, question word) counts compared with a required one. */
  optionalShare: 0.3,
  /** Questions: articles whose sections are scored, the best by whole-article score (the rest cannot reach the top). */
  questionShortlist: 30,
  /** Questions: weight of the whole-article score against the best section's. */
  articleShare: 0.5,
  /** Questions: least coverage of the informative content by the best article for the question to count as answered. */
  minCoverage: 0.3,
  /** Questions: results scoring below this share of the best one are not shown. */
  minRelativeScore: 0.1,
  /** Questions with no relevant article: how many of the closest to offer at most, and the least coverage they need. */
  closestCount: 50,
  closestMinCoverage: 0.05,
  /** Questions: how much an article gains when all of the question's word pairs (or CJK words) occur verbatim in it. */
  phraseShare: 0.3,
  /** Keywords: each further matching section adds this much, up to five. */
  extraSectionShare: 0.03,
};

/** One token, tabulated: its score in each section and article, and where it occurs at all. */
interface TokenTable {
  idf: number;
  /** Section id → score, for sections with their own postings (article-level weight included). */
  section: Map<number, number>;
  /** Article → score of the article-level fields alone (sections of the article without own postings). */
  articleOnly: Map<number, number>;
  /** Article → score of the article as a whole (article-level plus every section's weight). */
  whole: Map<number, number>;
  /** The same as two arrays, for the loops that visit every article (a Map's entries allocate as they are read). */
  wholeIds: Int32Array;
  wholeValues: Float64Array;
  /** Largest article number in `whole`, plus one. */
  wholeEnd: number;
  /** The keys of `section` and `articleOnly`, as arrays, for the same reason. */
  sectionIds: Int32Array;
  articleOnlyIds: Int32Array;
  /** Article → best match quality anywhere in it. */
  quality: Map<number, number>;
}

const none = { ids: new Int32Array(0), values: new Float64Array(0) };
const makeTable = (idf: number): TokenTable => ({ idf, section: new Map(), articleOnly: new Map(), whole: new Map(), wholeIds: none.ids, wholeValues: none.values, wholeEnd: 0, sectionIds: none.ids, articleOnlyIds: none.ids, quality: new Map() });
const empty: TokenTable = makeTable(0);

/** Tables of evidence already seen: a client that asks again with the same evidence (the next keystroke) reuses them. */
const tabulated = new WeakMap<TokenEvidence, TokenTable>();

function tabulate(evidence: TokenEvidence | undefined, shift: number): TokenTable {
  if (!evidence) return empty;
  let table = tabulated.get(evidence);
  if (!table) tabulated.set(evidence, (table = tabulateNow(evidence, shift)));
  return table;
}

function tabulateNow(evidence: TokenEvidence | undefined, shift: number): TokenTable {
  if (!evidence || !evidence.forms.length) return evidence ? makeTable(evidence.idf) : empty;
  const t = makeTable(evidence.idf);
  const best = (map: Map<number, number>, key: number, value: number) => {
    if ((map.get(key) ?? 0) < value) map.set(key, value);
  };
  for (const form of evidence.forms) {
    const q = form.quality;
    const sums = new Map<number, number>();
    for (const [id, x] of form.section) {
      const a = id >> shift;
      sums.set(a, (sums.get(a) ?? 0) + x);
      best(t.section, id, evidence.idf * q * saturate(x + (form.article.get(a) ?? 0)));
      best(t.quality, a, q);
    }
    for (const [a, x] of form.article) {
      best(t.articleOnly, a, evidence.idf * q * saturate(x));
      best(t.quality, a, q);
    }
    for (const a of new Set([...sums.keys(), ...form.article.keys()])) best(t.whole, a, evidence.idf * q * saturate((form.article.get(a) ?? 0) + (sums.get(a) ?? 0)));
  }
  t.wholeIds = Int32Array.from(t.whole.keys());
  t.wholeValues = Float64Array.from(t.whole.values());
  for (const a of t.wholeIds) if (a >= t.wholeEnd) t.wholeEnd = a + 1;
  t.sectionIds = Int32Array.from(t.section.keys());
  t.articleOnlyIds = Int32Array.from(t.articleOnly.keys());
  return t;
}

/**
 * @param evidenceOf what is known of a token of a term (the same token may be looked up differently in two terms)
 * @param shift section ids are `article << shift | index`
 */
export function rankArticles(terms: readonly QueryTerm[], evidenceOf: (term: number, token: string) => TokenEvidence | undefined, shift: number): Ranking {
  const p = rankingParams;
  const required = terms.filter((t) => !t.optional).length;
  const question = isQuestion(terms);
  const mask = (1 << shift) - 1;
  const tables = terms.map((term, i) => term.alternatives.map((alt) => alt.map((token) => tabulate(evidenceOf(i, token), shift))));
  const weightOf = (term: QueryTerm) => (term.optional ? p.optionalShare : (term.weight ?? 1));

  // Questions: every article's whole-article score first, from the postings alone; only the best of them have
  // their sections scored. Keywords: every section that has any of the words.
  const wholeScores = question ? wholeArticleScores(terms, tables, weightOf) : undefined;
  const shortlisted = wholeScores?.shortlist(p.questionShortlist);
  const shortlist = shortlisted ? new Set(shortlisted) : undefined;
  // Candidate sections, once each, in an array: the loops below index it rather than iterate a Set.
  const seen = new Set<number>();
  const sections: number[] = [];
  const candidate = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    sections.push(id);
  };
  for (let i = 0; i < tables.length; i++) {
    const alts = tables[i]!;
    for (let k = 0; k < alts.length; k++) {
      const alt = alts[k]!;
      for (let m = 0; m < alt.length; m++) {
        const t = alt[m]!;
        const ids = t.sectionIds;
        for (let j = 0; j < ids.length; j++) if (!shortlist || shortlist.has(ids[j]! >> shift)) candidate(ids[j]!);
        const own = t.articleOnlyIds;
        for (let j = 0; j < own.length; j++) if (!shortlist || shortlist.has(own[j]!)) candidate(own[j]! << shift);
      }
    }
  }

  // The hot loop: every candidate section against every term. Plain loops, no allocation per section.
  const termWeights = terms.map(weightOf);
  const altWeights = terms.map((t) => t.alternatives.map((_, k) => t.weights[k] ?? 1));
  const byArticle = new Map<number, RankedSection[]>();
  for (let c = 0; c < sections.length; c++) {
    const id = sections[c]!;
    const a = id >> shift;
    let matched = 0;
    let score = 0;
    let own = false;
    for (let i = 0; i < tables.length; i++) {
      const alts = tables[i]!;
      let best = 0;
      let full = false;
      for (let k = 0; k < alts.length; k++) {
        const alt = alts[k]!;
        let sum = 0;
        let all = alt.length > 0;
        for (let j = 0; j < alt.length; j++) {
          const t = alt[j]!;
          const mine = t.section.get(id);
          let v = mine ?? 0;
          if (mine) own = true;
          else v = t.articleOnly.get(a) ?? 0;
          if (!v) all = false;
          sum += v;
        }
        const value = alt.length ? (altWeights[i]![k]! * sum) / alt.length : 0;
        if (all) full = true;
        if (value > best) best = value;
      }
      if (question) {
        score += termWeights[i]! * best;
        if (!terms[i]!.optional && best > 0) matched++;
      } else if (full) {
        score += termWeights[i]! * best;
        if (!terms[i]!.optional) matched++;
      }
    }
    if (!score || (!question && !matched && required)) continue;
    const index = id & mask;
    // A section is listed when its own text matched, or when it is the intro of an article matched by its title etc.
    if (!own && index !== 0) continue;
    const list = byArticle.get(a);
    const section = { id, index, matched, score };
    if (list) list.push(section);
    else byArticle.set(a, [section]);
  }

  // Informative content of the query: the IDF of each term's literal form.
  // Optional words (particles, question frames, "yesterday") say nothing about whether an article answers: they
  // rank, but do not count towards coverage.
  // A word in no article at all (bitcoin, or husband) counts at its full IDF: the help center cannot cover it.
  const mass = tables.map((alts, i) => (terms[i]!.optional ? 0 : weightOf(terms[i]!) * mean(alts[0]!.map((t) => t.idf))));
  const totalMass = mass.reduce((s, m) => s + m, 0) || 1;
  const coverageOf = (a: number) => {
    let covered = 0;
    tables.forEach((alts, i) => {
      let best = 0;
      alts.forEach((alt) => {
        const idfs = alt.reduce((s, t) => s + t.idf, 0) || 1;
        best = Math.max(best, alt.reduce((s, t) => s + t.idf * (t.quality.get(a) ?? 0), 0) / idfs);
      });
      covered += mass[i]! * best;
    });
    return Math.min(1, covered / totalMass);
  };

  let ranked: RankedArticle[] = [];
  for (const a of shortlisted ?? [...byArticle.keys()]) {
    const list = byArticle.get(a) ?? [];
    list.sort(question ? (x, y) => y.score - x.score || x.index - y.index : (x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : x.index - y.index));
    const best = list[0];
    if (wholeScores) {
      const whole = wholeScores.score(a);
      const matched = wholeScores.matched(a);
      const score = p.articleShare * whole + (1 - p.articleShare) * (best?.score ?? 0);
      ranked.push({ article: a, score, matched, partial: false, coverage: coverageOf(a), sections: list });
    } else {
      if (!best) continue;
      const extra = Math.min(5, list.length - 1);
      ranked.push({ article: a, score: best.score * (1 + p.extraSectionShare * extra), matched: best.matched, partial: best.matched < required, coverage: coverageOf(a), sections: list });
    }
  }

  let closest: RankedArticle[] = [];
  if (question) {
    ranked.sort(compareArticles);
    const top = ranked[0]?.score ?? 0;
    // Whether the help center answers the question is decided on the best article; the rest follow by score.
    const answered = (ranked[0]?.coverage ?? 0) >= p.minCoverage;
    if (!answered) closest = ranked.filter((r) => r.coverage >= p.closestMinCoverage).slice(0, p.closestCount);
    ranked = answered ? ranked.filter((r) => r.score >= p.minRelativeScore * top) : [];
  } else {
    const full = ranked.filter((r) => !r.partial);
    // Full matches only, when there are any; otherwise the best partial ones (at least half the words).
    ranked = full.length ? full : ranked.filter((r) => r.matched >= Math.max(1, Math.ceil(required / 2)));
    ranked.sort(compareArticles);
  }
  return { articles: ranked, closest, required, question };
}

/**
 * Whole-article scores of every article a question's words reach, accumulated over the postings of each term in
 * scratch arrays indexed by article: a warm question allocates almost nothing, so the browser rarely collects.
 */
interface WholeScores {
  score(article: number): number;
  matched(article: number): number;
  /** The `n` articles with the best whole-article score. */
  shortlist(n: number): number[];
}

/**
 * Scratch space indexed by article number, reused from call to call: a warm question allocates almost nothing, so
 * the browser seldom stops to collect garbage. Work lists are typed arrays with counts (a plain array emptied by
 * `length = 0` gives its memory back and has to grow again).
 */
let scratch = {
  total: new Float64Array(0),
  matched: new Uint16Array(0),
  best: new Float64Array(0),
  sum: new Float64Array(0),
  touched: new Int32Array(0),
  summed: new Int32Array(0),
  reached: [new Int32Array(0), new Int32Array(0)],
  sorted: new Float64Array(0),
};
/** The articles the previous call left scores for (cleared when the next call starts). */
let previous = { list: 0, count: 0 };

function grow(size: number) {
  if (scratch.total.length >= size) return;
  const n = Math.max(size, scratch.total.length * 2, 1024);
  scratch = {
    total: new Float64Array(n),
    matched: new Uint16Array(n),
    best: new Float64Array(n),
    sum: new Float64Array(n),
    touched: new Int32Array(n),
    summed: new Int32Array(n),
    reached: [new Int32Array(n), new Int32Array(n)],
    sorted: new Float64Array(n),
  };
  previous = { list: 0, count: 0 };
}

function wholeArticleScores(terms: readonly QueryTerm[], tables: TokenTable[][][], weightOf: (t: QueryTerm) => number): WholeScores {
  const old = scratch.reached[previous.list]!;
  for (let j = 0; j < previous.count; j++) {
    scratch.total[old[j]!] = 0;
    scratch.matched[old[j]!] = 0;
  }
  let size = 0;
  for (const alts of tables) for (const alt of alts) for (const t of alt) if (t.wholeEnd > size) size = t.wholeEnd;
  grow(size);
  const { total, matched, best, sum, touched, summed } = scratch;
  const list = previous.list ^ 1;
  const reached = scratch.reached[list]!;
  let reachedCount = 0;
  for (let i = 0; i < tables.length; i++) {
    const alts = tables[i]!;
    const term = terms[i]!;
    let touchedCount = 0;
    for (let k = 0; k < alts.length; k++) {
      const alt = alts[k]!;
      const factor = (term.weights[k] ?? 1) / alt.length;
      let summedCount = 0;
      for (let m = 0; m < alt.length; m++) {
        const t = alt[m]!;
        const ids = t.wholeIds;
        const values = t.wholeValues;
        for (let j = 0; j < ids.length; j++) {
          const a = ids[j]!;
          if (!sum[a]) summed[summedCount++] = a;
          sum[a] += values[j]!;
        }
      }
      for (let j = 0; j < summedCount; j++) {
        const a = summed[j]!;
        const value = sum[a]! * factor;
        sum[a] = 0;
        if (!best[a]) touched[touchedCount++] = a;
        if (value > best[a]!) best[a] = value;
      }
    }
    const w = weightOf(term);
    for (let j = 0; j < touchedCount; j++) {
      const a = touched[j]!;
      if (!total[a] && !matched[a]) reached[reachedCount++] = a;
      total[a] += w * best[a]!;
      if (!term.optional) matched[a]++;
      best[a] = 0;
    }
  }
  previous = { list, count: reachedCount };
  return {
    score: (a) => (a < total.length ? total[a]! : 0),
    matched: (a) => (a < matched.length ? matched[a]! : 0),
    shortlist(n) {
      const out: number[] = [];
      if (reachedCount <= n) {
        for (let j = 0; j < reachedCount; j++) out.push(reached[j]!);
        return out;
      }
      // The n-th best score, from a native numeric sort of the scores alone, then the articles at or above it.
      const values = scratch.sorted.subarray(0, reachedCount);
      for (let j = 0; j < reachedCount; j++) values[j] = total[reached[j]!]!;
      values.sort();
      const floor = values[reachedCount - n]!;
      for (let j = 0; j < reachedCount; j++) if (total[reached[j]!]! > floor) out.push(reached[j]!);
      for (let j = 0; j < reachedCount && out.length < n; j++) if (total[reached[j]!] === floor) out.push(reached[j]!);
      return out;
    },
  };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function better(a: RankedSection, b: RankedSection): boolean {
  return a.matched !== b.matched ? a.matched > b.matched : a.score > b.score;
}

/** Keywords: more matched words first. Questions: `matched` counts are not compared, only scores. */
export function compareArticles(a: RankedArticle, b: RankedArticle): number {
  return (a.partial || b.partial ? b.matched - a.matched : 0) || b.score - a.score || a.article - b.article;
}
