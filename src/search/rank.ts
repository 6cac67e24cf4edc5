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
  questionShortlist: 60,
  /** Questions: weight of the whole-article score against the best section's. */
  articleShare: 0.5,
  /** Questions: least coverage of the informative content by the best article for the question to count as answered. */
  minCoverage: 0.3,
  /** Questions: results scoring below this share of the best one are not shown. */
  minRelativeScore: 0.1,
  /** Questions with no relevant article: how many of the closest to offer, and the least coverage they need. */
  closestCount: 5,
  closestMinCoverage: 0.15,
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
  /** Article → best match quality anywhere in it. */
  quality: Map<number, number>;
}

const empty: TokenTable = { idf: 0, section: new Map(), articleOnly: new Map(), whole: new Map(), quality: new Map() };

/** Tables of evidence already seen: a client that asks again with the same evidence (the next keystroke) reuses them. */
const tabulated = new WeakMap<TokenEvidence, TokenTable>();

function tabulate(evidence: TokenEvidence | undefined, shift: number): TokenTable {
  if (!evidence) return empty;
  let table = tabulated.get(evidence);
  if (!table) tabulated.set(evidence, (table = tabulateNow(evidence, shift)));
  return table;
}

function tabulateNow(evidence: TokenEvidence | undefined, shift: number): TokenTable {
  if (!evidence || !evidence.forms.length) return evidence ? { ...empty, idf: evidence.idf, section: new Map(), articleOnly: new Map(), whole: new Map(), quality: new Map() } : empty;
  const t: TokenTable = { idf: evidence.idf, section: new Map(), articleOnly: new Map(), whole: new Map(), quality: new Map() };
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
  const shortlist = wholeScores ? new Set([...wholeScores].sort((x, y) => y[1][0] - x[1][0] || x[0] - y[0]).slice(0, p.questionShortlist).map(([a]) => a)) : undefined;
  const sections = new Set<number>();
  for (const alts of tables) {
    for (const alt of alts) {
      for (const t of alt) {
        for (const id of t.section.keys()) if (!shortlist || shortlist.has(id >> shift)) sections.add(id);
        for (const a of t.articleOnly.keys()) if (!shortlist || shortlist.has(a)) sections.add(a << shift);
      }
    }
  }

  /** Score of term i in section id, and whether one alternative matched with all its tokens. */
  const inSection = (i: number, id: number): { score: number; full: boolean; own: boolean } => {
    const a = id >> shift;
    let score = 0;
    let full = false;
    let own = false;
    tables[i]!.forEach((alt, k) => {
      let sum = 0;
      let all = true;
      for (const t of alt) {
        const mine = t.section.get(id);
        const v = mine ?? t.articleOnly.get(a) ?? 0;
        if (mine) own = true;
        if (!v) all = false;
        sum += v;
      }
      const value = (terms[i]!.weights[k] ?? 1) * (sum / alt.length);
      if (all && alt.length) full = true;
      if (value > score) score = value;
    });
    return { score, full, own };
  };

  const byArticle = new Map<number, RankedSection[]>();
  for (const id of sections) {
    let matched = 0;
    let score = 0;
    let own = false;
    terms.forEach((term, i) => {
      const r = inSection(i, id);
      if (r.own) own = true;
      if (question) {
        score += weightOf(term) * r.score;
        if (!term.optional && r.score > 0) matched++;
      } else if (r.full) {
        score += weightOf(term) * r.score;
        if (!term.optional) matched++;
      }
    });
    if (!score || (!question && !matched && required)) continue;
    const index = id & mask;
    // A section is listed when its own text matched, or when it is the intro of an article matched by its title etc.
    if (!own && index !== 0) continue;
    const a = id >> shift;
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
  for (const a of shortlist ?? byArticle.keys()) {
    const list = byArticle.get(a) ?? [];
    list.sort(question ? (x, y) => y.score - x.score || x.index - y.index : (x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : x.index - y.index));
    const best = list[0];
    if (wholeScores) {
      const [whole, matched] = wholeScores.get(a) ?? [0, 0];
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

/** Article → [whole-article score, required terms matched], accumulated over the postings of each term. */
function wholeArticleScores(terms: readonly QueryTerm[], tables: TokenTable[][][], weightOf: (t: QueryTerm) => number): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  tables.forEach((alts, i) => {
    const term = terms[i]!;
    const best = new Map<number, number>();
    alts.forEach((alt, k) => {
      const factor = (term.weights[k] ?? 1) / alt.length;
      const sum = new Map<number, number>();
      for (const t of alt) for (const [a, v] of t.whole) sum.set(a, (sum.get(a) ?? 0) + v);
      for (const [a, v] of sum) if ((best.get(a) ?? 0) < v * factor) best.set(a, v * factor);
    });
    const w = weightOf(term);
    for (const [a, v] of best) {
      const entry = out.get(a);
      if (entry) {
        entry[0] += w * v;
        if (!term.optional) entry[1]++;
      } else out.set(a, [w * v, term.optional ? 0 : 1]);
    }
  });
  return out;
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
