/**
 * Retrieval metrics over one question set. Pure, so they are unit-tested on hand-made rankings.
 *
 * A question has graded relevance: 2 for an article that answers it, 1 for one that helps. A question no article
 * answers is unanswerable: the right outcome is "nothing found" (no result shown).
 */

export interface Judged {
  /** Article keys (`category/slug`) in the order the engine showed them. */
  ranking: readonly string[];
  /** The reader was told nothing was found (the closest articles may still be listed in `ranking`). */
  nothingFound: boolean;
  /** Article key → grade (2 answers, 1 helps). Empty for an unanswerable question. */
  relevant: ReadonlyMap<string, number>;
}

export interface Metrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Mean share of the answering (grade 2) articles found in the top k, over answerable questions. */
  recallAt10: number;
  /** nDCG@10 with gains 2^grade − 1, over answerable questions. */
  ndcgAt10: number;
  /** Mean reciprocal rank of the first relevant (any grade) article, over answerable questions. */
  mrr: number;
  /** Share of answerable questions with the first answering article at rank 1. */
  successAt1: number;
  /** Share of answerable questions that showed no article at all. */
  zeroResultShare: number;
  /** Share of answerable questions told "nothing found" (whether or not closest articles were listed). */
  falseNothingShare: number;
  /** Share of unanswerable questions told "nothing found"; NaN when there are none. */
  nothingFoundShare: number;
}

export function recallAt(judged: Judged, k: number): number {
  const answers = [...judged.relevant].filter(([, g]) => g >= 2).map(([key]) => key);
  const wanted = answers.length ? answers : [...judged.relevant.keys()];
  if (!wanted.length) return 0;
  const top = new Set(judged.ranking.slice(0, k));
  return wanted.filter((key) => top.has(key)).length / wanted.length;
}

export function ndcgAt(judged: Judged, k: number): number {
  const gain = (grade: number) => 2 ** grade - 1;
  let dcg = 0;
  judged.ranking.slice(0, k).forEach((key, i) => {
    const g = judged.relevant.get(key) ?? 0;
    if (g) dcg += gain(g) / Math.log2(i + 2);
  });
  const ideal = [...judged.relevant.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return idcg ? dcg / idcg : 0;
}

export function reciprocalRank(judged: Judged): number {
  const i = judged.ranking.findIndex((key) => (judged.relevant.get(key) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function summarise(judged: readonly Judged[]): Metrics {
  // A question is answerable when some article answers it; one with only "helps" articles counts as unanswerable.
  const answers = (j: Judged) => [...j.relevant.values()].some((g) => g >= 2);
  const answerable = judged.filter(answers);
  const unanswerable = judged.filter((j) => !answers(j));
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
  return {
    questions: judged.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt10: mean(answerable.map((j) => recallAt(j, 10))),
    ndcgAt10: mean(answerable.map((j) => ndcgAt(j, 10))),
    mrr: mean(answerable.map(reciprocalRank)),
    successAt1: mean(answerable.map((j) => (judged.length && (j.relevant.get(j.ranking[0] ?? '') ?? 0) >= 2 ? 1 : 0))),
    zeroResultShare: mean(answerable.map((j) => (j.ranking.length === 0 ? 1 : 0))),
    falseNothingShare: mean(answerable.map((j) => (j.nothingFound ? 1 : 0))),
    nothingFoundShare: mean(unanswerable.map((j) => (j.nothingFound ? 1 : 0))),
  };
}
