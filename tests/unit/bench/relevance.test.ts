import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt, reciprocalRank, summarise } from '../../../scripts/bench/relevance/metrics.ts';
import { createBm25Index } from '../../../scripts/bench/relevance/bm25.ts';
import { cjkBigrams, english, koreanWhitespace } from '../../../scripts/bench/relevance/analyzers.ts';
import { loadQuestions, splitOf } from '../../../scripts/bench/relevance/question-set.ts';
import { keepRelevanceSection, sectionEnd, sectionStart, spliceSection } from '../../../scripts/bench/relevance/report.ts';

const judged = (ranking: string[], relevant: [string, number][], nothingFound = ranking.length === 0) => ({ ranking, relevant: new Map(relevant), nothingFound });

describe('relevance metrics', () => {
  it('recall@k counts the answering articles in the first k', () => {
    expect(recallAt(judged(['a', 'b', 'c'], [['b', 2], ['z', 2]]), 10)).toBe(0.5);
    expect(recallAt(judged(['a', 'b'], [['b', 2]]), 1)).toBe(0);
  });

  it('nDCG@k is 1 for the ideal order and lower when the answer comes later', () => {
    expect(ndcgAt(judged(['a', 'b'], [['a', 2], ['b', 1]]), 10)).toBeCloseTo(1);
    expect(ndcgAt(judged(['b', 'a'], [['a', 2], ['b', 1]]), 10)).toBeLessThan(1);
    expect(ndcgAt(judged(['x', 'a'], [['a', 2]]), 10)).toBeCloseTo(1 / Math.log2(3));
  });

  it('MRR takes the first relevant article of any grade', () => {
    expect(reciprocalRank(judged(['x', 'y', 'h'], [['h', 1]]))).toBeCloseTo(1 / 3);
  });

  it('treats a question with only helping articles as one the help center does not answer', () => {
    const m = summarise([judged(['a'], [['a', 2]]), judged([], [['h', 1]], true), judged(['x'], [], false), judged(['a'], [['a', 2]], true)]);
    expect(m).toMatchObject({ answerable: 2, unanswerable: 2, nothingFoundShare: 0.5, falseNothingShare: 0.5, zeroResultShare: 0 });
  });
});

describe('baselines', () => {
  it('rank by Okapi BM25: a rarer word outweighs a common one', () => {
    const index = createBm25Index([
      { key: 'plans', tokens: english('Plans and prices for every plan') },
      { key: 'roaming', tokens: english('Roaming prices in Mexico and Canada') },
      { key: 'bills', tokens: english('Your bill and its prices') },
    ]);
    expect(index.search(english('prices in Mexico'), 10)[0]).toBe('roaming');
    expect(index.search(english('zzqxv'), 10)).toEqual([]);
  });

  it('analyze like the standard engines: Porter stems, bigrams, whitespace words', () => {
    expect(english("The customer's charges were refunded")).toEqual(['custom', 'charg', 'were', 'refund']);
    expect(cjkBigrams('国民年金の免除')).toEqual(['国民', '民年', '年金', '金の', 'の免', '免除']);
    expect(koreanWhitespace('비밀번호를 바꾸려면')).toEqual(['비밀번호를', '바꾸려면']);
  });
});

describe('question sets', () => {
  it('holds out a fixed share by a hash of the id, the same on every run', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `en-${String(i).padStart(3, '0')}`);
    const held = ids.filter((id) => splitOf(id) === 'test').length;
    expect(held / ids.length).toBeGreaterThan(0.35);
    expect(held / ids.length).toBeLessThan(0.45);
    expect(splitOf('en-001')).toBe(splitOf('en-001'));
  });

  it('names the file and line of a bad question', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-questions-'));
    const file = join(dir, 'en.yml');
    writeFileSync(file, '- id: en-001\n  q: refund\n  answers: [billing/refund]\n- id: en-002\n  q: where is it\n  answers: [billing/nope]\n');
    expect(() => loadQuestions(file, 'en', new Set(['billing/refund']))).toThrow(`${file}:4: en-002 names billing/nope, which is no en article`);
  });
});

describe('benchmarks document', () => {
  const section = (text: string) => `${sectionStart}\n${text}\n${sectionEnd}`;

  it('replaces the relevance section in place, or appends it', () => {
    expect(spliceSection(`# B\n\n${section('old')}\n\nafter`, section('new'))).toBe(`# B\n\n${section('new')}\n\nafter`);
    expect(spliceSection('# B\n', section('new'))).toBe(`# B\n\n${section('new')}\n`);
  });

  it('keeps the relevance section when the main benchmark rewrites the document', () => {
    expect(keepRelevanceSection(`# Old\n\n${section('measured')}\n`, '# New\n')).toBe(`# New\n\n${section('measured')}\n`);
    expect(keepRelevanceSection('# Old\n', '# New\n')).toBe('# New\n');
  });
});
