/**
 * The relevance benchmark end to end: load the test help center and its question sets, run this project's
 * search and the baselines on every question, and measure what long questions cost a reader.
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import type { KnowledgeBase } from '../../../src/content/model.ts';
import { createMemoryFetch } from '../../../src/search/file-fetch.ts';
import { brotliSizeInMemory, measureLibraryBytes, measureQuery } from '../../../src/search/measure.ts';
import { createSearchClient } from '../../../src/search/client.ts';
import { baselines, buildOurIndex, keyOf, ours, type Engine } from './engines.ts';
import { loadQuestions, relevanceOf, type Question } from './question-set.ts';
import { summarise, type Judged, type Metrics } from './metrics.ts';
import { openPagefind } from './pagefind-engine.ts';
import { median, percentile } from '../stats.ts';

const root = resolve(import.meta.dirname, '../../..');
export const defaultContentDir = join(root, 'tests/fixtures/relevance/content');
export const defaultQuestionsDir = join(root, 'tests/fixtures/relevance/questions');

export interface RelevanceOptions {
  contentDir?: string;
  questionsDir?: string;
  /** Where the built site and Pagefind's index go. */
  workDir?: string;
  /** Build the site and run Pagefind on it (about a minute). */
  pagefind: boolean;
  log: (line: string) => void;
}

export interface EngineResult {
  name: string;
  about: string;
  dev: Metrics;
  test: Metrics;
  /** Per question, dev split only: what was shown (for tuning; the held-out split is never listed). */
  devRankings?: { id: string; q: string; ranking: string[]; nothingFound: boolean; answers: string[] }[];
}

export interface CostResult {
  /** Compressed bytes of a reader's first query (library, manifest, shards, fragments), per question. */
  firstBytes: { all: number[]; long: number[] };
  roundTrips: number;
  /** Warm latency in Node per question, ms. */
  warmMs: number[];
}

export interface LocaleResult {
  locale: string;
  articles: number;
  questions: { dev: number; test: number; unanswerable: number };
  engines: EngineResult[];
  cost: CostResult;
}

export interface RelevanceResult {
  articles: number;
  locales: LocaleResult[];
  indexBuildMs: number;
  pagefind?: { indexMs: number } | { skipped: string };
}

export const isLong = (q: string) => [...q].length >= 40;

export async function runRelevance(options: RelevanceOptions): Promise<RelevanceResult> {
  const contentDir = options.contentDir ?? defaultContentDir;
  const questionsDir = options.questionsDir ?? defaultQuestionsDir;
  const workDir = options.workDir ?? join(root, '.tmp/relevance');
  const { log } = options;

  const kb = await loadKnowledgeBase({ contentDir, gitDates: false, configPath: join(workDir, 'no-config.yml') });
  const errors = kb.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the test help center has ${errors.length} content errors, e.g. ${errors[0]!.file}:${errors[0]!.line ?? ''} ${errors[0]!.message}`);
  const locales = kb.locales.map((l) => l.code).filter((l) => existsSync(join(questionsDir, `${l}.yml`)));
  log(`Test help center: ${kb.articles.length} articles (${kb.locales.map((l) => `${l.code} ${kb.articles.filter((a) => a.locale === l.code).length}`).join(', ')})`);

  let t = performance.now();
  const index = buildOurIndex(kb);
  const indexBuildMs = performance.now() - t;

  let pagefind: Awaited<ReturnType<typeof openPagefind>> | undefined;
  let pagefindInfo: RelevanceResult['pagefind'] = { skipped: 'not requested' };
  if (options.pagefind) {
    const distDir = join(workDir, 'dist');
    log('Building the test help center for Pagefind…');
    await buildSite(contentDir, distDir, workDir);
    pagefind = await openPagefind(distDir, workDir, kb.articles);
    pagefindInfo = { indexMs: pagefind.indexMs };
  }

  const library = (await measureLibraryBytes()).bytes;
  const out: LocaleResult[] = [];
  try {
    for (const locale of locales) {
      const articles = kb.articles.filter((a) => a.locale === locale);
      const keys = new Set(articles.map(keyOf));
      const questions = loadQuestions(join(questionsDir, `${locale}.yml`), locale, keys);
      const engines: Engine[] = [ours(index, locale), ...(await baselines(locale, articles))];
      if (pagefind) engines.push(await pagefind.engines(locale));
      const results: EngineResult[] = [];
      for (const engine of engines) {
        t = performance.now();
        const judged = await judge(engine, questions);
        const pick = (split: 'dev' | 'test') => judged.filter((j) => j.q.split === split);
        results.push({
          name: engine.name,
          about: engine.about,
          dev: summarise(pick('dev')),
          test: summarise(pick('test')),
          devRankings: pick('dev').map((j) => ({ id: j.q.id, q: j.q.q, ranking: [...j.ranking], nothingFound: j.nothingFound, answers: j.q.answers })),
        });
        log(`  ${locale} ${engine.name}: ${questions.length} questions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      out.push({
        locale,
        articles: articles.length,
        questions: { dev: questions.filter((q) => q.split === 'dev').length, test: questions.filter((q) => q.split === 'test').length, unanswerable: questions.filter((q) => !q.answers.length).length },
        engines: results,
        cost: await measureCost(kb, index, locale, questions, library),
      });
    }
  } finally {
    await pagefind?.close();
  }
  return { articles: kb.articles.length, locales: out, indexBuildMs, pagefind: pagefindInfo };
}

async function judge(engine: Engine, questions: readonly Question[]): Promise<(Judged & { q: Question })[]> {
  const out: (Judged & { q: Question })[] = [];
  for (const q of questions) {
    const answer = await engine.search(q.q);
    out.push({ q, ranking: answer.ranking.slice(0, 10), nothingFound: answer.nothingFound, relevant: relevanceOf(q) });
  }
  return out;
}

async function measureCost(_kb: KnowledgeBase, index: ReturnType<typeof buildOurIndex>, locale: string, questions: readonly Question[], libraryBytes: number): Promise<CostResult> {
  const fetch = createMemoryFetch(index);
  const sizeOf = brotliSizeInMemory();
  const manifestUrl = index.manifestUrls[locale]!;
  const all: number[] = [];
  const long: number[] = [];
  let roundTrips = 0;
  for (const q of questions) {
    const cost = await measureQuery(q.q, { manifestUrl, fetch, sizeOf, libraryBytes, limit: 10 });
    all.push(cost.bytes);
    if (isLong(q.q)) long.push(cost.bytes);
    roundTrips = Math.max(roundTrips, cost.roundTrips);
  }
  const client = createSearchClient({ manifestUrl, fetch });
  for (const q of questions) await client.search(q.q, { limit: 10 });
  const warmMs: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of questions) {
      const started = performance.now();
      await client.search(q.q, { limit: 10 });
      warmMs.push(performance.now() - started);
    }
  }
  return { firstBytes: { all, long }, roundTrips, warmMs };
}

/** The project's own build of the test help center, as a writer would run it. */
async function buildSite(contentDir: string, distDir: string, workDir: string): Promise<void> {
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'scripts/build.ts'), `--out=${distDir}`], {
      cwd: root,
      env: { ...process.env, KB_CONTENT_DIR: contentDir, KB_CONFIG: join(workDir, 'no-config.yml'), KB_QUIET: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', fail);
    child.once('exit', (c) => done(c ?? 1));
  });
  if (code !== 0) throw new Error(`building the test help center failed (exit ${code})`);
}

export const summary = { median, percentile };
