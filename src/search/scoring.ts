/**
 * The ranking model: BM25F, in one small pure module shared by the indexer and the client.
 *
 * Each field's term frequency is length-normalised and weighted, then the fields are summed into one pseudo term
 * frequency `x` before saturation (Robertson & Zaragoza's BM25F), so a word in the title and the text does not
 * count twice as much as a word in the title alone:
 *
 *     x(t, s) = Σ_f  w_f · tf_f(t, s) / (1 − b_f + b_f · len_f(s) / avglen_f)
 *     score(t, s) = idf(t) · x · (k1 + 1) / (x + k1)
 *     idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))       N articles, df articles containing t
 *
 * The index stores `x` per posting, quantised to one base-32 digit (a 26 % step on a log scale), split in two:
 * the article-level part (title, keywords and tags, category, description: credited to every section of the
 * article) and the section-level part (heading, FAQ question, body). The client adds them and saturates.
 */

/** Indexed fields. Article-level ones are counted once per article; section-level ones per section. */
export const fieldNames = ['title', 'keywords', 'category', 'description', 'heading', 'question', 'body'] as const;
export type FieldName = (typeof fieldNames)[number];

export const articleFields: readonly FieldName[] = ['title', 'keywords', 'category', 'description'];
export const sectionFields: readonly FieldName[] = ['heading', 'question', 'body'];

export interface FieldParams {
  /** Weight of one occurrence relative to one in the body. */
  weight: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
}

/**
 * Field weights and length normalisation. Headings and FAQ questions are short and say what the text under them
 * answers, so they weigh more than the text itself; keywords are the writer's own "customers say it like this".
 */
export const fieldParams: Record<FieldName, FieldParams> = {
  title: { weight: 4, b: 0.3 },
  keywords: { weight: 3, b: 0.2 },
  category: { weight: 0.8, b: 0 },
  description: { weight: 1.5, b: 0.5 },
  heading: { weight: 2.5, b: 0.3 },
  question: { weight: 3, b: 0.3 },
  body: { weight: 1, b: 0.75 },
};

/** Term-frequency saturation (k1). Kept in an object so the benchmark can explore it. */
export const saturation = { k1: 2 };

/** A word found only through a synonym or spelling variant counts this much of the word itself. */
export const synonymShare = 0.8;

/** Lucene's BM25 IDF: never negative, and an unknown word (df 0) is the most informative of all. */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** BM25's saturation of a pseudo term frequency, from 0 towards k1 + 1. */
export function saturate(x: number): number {
  const { k1 } = saturation;
  return x <= 0 ? 0 : (x * (k1 + 1)) / (x + k1);
}

/** Length normalisation of one field occurrence count. */
export function fieldTf(field: FieldName, tf: number, length: number, averageLength: number): number {
  const { weight, b } = fieldParams[field];
  return (weight * tf) / (1 - b + (b * length) / Math.max(averageLength, 1e-9));
}

// --- quantisation ----------------------------------------------------------------------------------

/** Levels 0..31 cover x from 0.04 to ~52 in equal ratios. */
const levelBase = 0.04;
const levelStep = 1.26;
export const maxLevel = 31;

export function levelOf(x: number): number {
  if (x <= levelBase) return 0;
  return Math.min(maxLevel, Math.round(Math.log(x / levelBase) / Math.log(levelStep)));
}

const levelTable = Array.from({ length: maxLevel + 1 }, (_, q) => levelBase * levelStep ** q);

export function xOfLevel(level: number): number {
  return levelTable[level] ?? levelTable[maxLevel]!;
}
