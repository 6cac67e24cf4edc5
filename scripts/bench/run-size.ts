// One benchmark size end to end: generate, build (ours, then Starlight), measure sizes, search and page weight.
import { appendFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateHelpCenter, type GeneratedArticle } from '../../src/bench/generate-content.ts';
import { writeHelpCenter } from '../../src/bench/write-content.ts';
import { benchQueries, benchQuestions } from '../../src/bench/queries.ts';
import { benchLocales, type BenchLocale } from '../../src/bench/vocabulary.ts';
import { precompress } from '../../src/build/finish-build.ts';
import { distStats, searchIndexStats, type DistStats, type IndexStats } from './dist-stats.ts';
import { runMeasured, type MeasuredRun } from './run-measured.ts';
import { median } from './stats.ts';
import {
  measurePageWeight, measureQuery, measureWarmLatencyInBrowser, openBrowserSession, ourSearch, pagefindSearch, summariseTransfers,
  summariseLatency, type BrowserSession, type LatencyResult, type PageWeight, type QueryMeasurement, type SearchDriver,
} from './measure-browser.ts';
import { bundleClientForBrowser, manifestUrlFor, measureWarmLatencyInNode, searchClientAvailable } from './search-client.ts';
import { buildStarlight, ensureStarlightApp, writeStarlightSite } from './starlight.ts';

const root = resolve(import.meta.dirname, '../..');

export interface SizeOptions {
  articles: number;
  seed: string;
  runs: number;
  compare: boolean;
  /** Why Starlight is not built, when `compare` is false. */
  skipReason?: string;
  /** Timed passes over the warm-latency queries. */
  latencyRounds: number;
  /** How many of the fixed queries to type per locale (all five unless a quick run). */
  queriesPerLocale: number;
  log: (line: string) => void;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface SiteResult {
  builds: MeasuredRun[];
  buildMs: number;
  peakRssBytes: number;
  dist: DistStats;
  /** An article page per locale, loaded with an empty cache, before any search. */
  pages: Record<string, PageWeight>;
  /** The benchmark queries typed into each locale's article page. */
  queries: Outcome<Record<string, QueryMeasurement[]>>;
  /** Whole questions pasted into each locale's article page (absent in results recorded before they were measured). */
  questions?: Outcome<Record<string, QueryMeasurement[]>>;
}

export interface SizeResult {
  articles: number;
  perLocale: Record<BenchLocale, number>;
  medianUnits: number;
  generateMs: number;
  ours: SiteResult & {
    /** With the build cache the cold builds left. */
    rebuildMs: number;
    /** Absent in results recorded before the build cache. */
    unchangedRebuildMs?: number;
    /** No change, but no output folder either (CI with the cache restored); absent in older results. */
    freshOutputRebuildMs?: number;
    index: Record<string, IndexStats>;
    warmBrowser: Outcome<LatencyResult>;
    /** Warm latency of the whole questions alone, in Chromium. */
    warmBrowserQuestions?: Outcome<LatencyResult>;
    warmNode: Outcome<LatencyResult>;
  };
  starlight: Outcome<SiteResult>;
}

/** Errors that mean the project is broken (the bench exits non-zero), as opposed to a skipped extra. */
export class BenchBreakage extends Error {}

export async function runSize(options: SizeOptions): Promise<SizeResult> {
  const { articles: count, log } = options;
  const dir = join(root, '.tmp/bench', String(count));
  const contentDir = join(dir, 'content');
  const distDir = join(dir, 'dist');

  log(`\n## ${count.toLocaleString('en')} articles`);
  let t = performance.now();
  const generated = generateHelpCenter({ articles: count, seed: options.seed });
  await writeHelpCenter(contentDir, generated.files);
  const generateMs = performance.now() - t;
  const perLocale = Object.fromEntries(benchLocales.map((l) => [l, generated.articles.filter((a) => a.locale === l).length])) as Record<BenchLocale, number>;
  log(`Generated ${generated.articles.length} articles (${benchLocales.map((l) => `${l} ${perLocale[l]}`).join(', ')}) in ${(generateMs / 1000).toFixed(1)} s`);

  // Cold builds start from an empty build cache (as a first CI run does), the rebuilds from what the one before left.
  const cacheDir = join(dir, 'kb-cache');
  const builds: MeasuredRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    await rm(cacheDir, { recursive: true, force: true });
    builds.push(await buildOurs(contentDir, distDir, cacheDir));
    log(`Build ${i + 1}/${options.runs}: ${(builds.at(-1)!.wallMs / 1000).toFixed(1)} s, peak ${(builds.at(-1)!.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
  }

  // Nothing changed (a CI run for a commit that touched no article), then the writer's loop: change one article.
  const unchanged = await buildOurs(contentDir, distDir, cacheDir);
  log(`Rebuild with no change: ${(unchanged.wallMs / 1000).toFixed(1)} s, peak ${(unchanged.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
  // A CI job restores the cache but not the output: nothing changed, yet dist/ has to be written again.
  await rm(distDir, { recursive: true, force: true });
  const freshOutput = await buildOurs(contentDir, distDir, cacheDir);
  log(`Rebuild with no change into an empty output folder: ${(freshOutput.wallMs / 1000).toFixed(1)} s`);
  const edited = generated.articles.find((a) => a.locale === 'en')!;
  await appendFile(join(contentDir, edited.path), '\nOne more sentence, added to time a rebuild after a single edit.\n');
  const rebuild = await buildOurs(contentDir, distDir, cacheDir);
  log(`Rebuild after editing ${edited.path}: ${(rebuild.wallMs / 1000).toFixed(1)} s`);

  const pages = generated.articles.map(pageFolder);
  const dist = await distStats(distDir, pages);
  if (dist.html.pages !== pages.length) throw new BenchBreakage(`only ${dist.html.pages} of ${pages.length} article pages were found in ${distDir}`);
  const index = await searchIndexStats(distDir);

  const clientReady = searchClientAvailable();
  const missing = 'search client not available (src/search/client.ts is missing)';
  const session = await openBrowserSession(distDir);
  let ours: SizeResult['ours'];
  try {
    const search = await measureSearch(session, ourSearch, generated.articles, options, clientReady);
    if (search.queries.ok === false) throw new BenchBreakage(search.queries.reason);
    ours = {
      builds,
      buildMs: median(builds.map((b) => b.wallMs)),
      peakRssBytes: Math.max(...builds.map((b) => b.peakRssBytes)),
      rebuildMs: rebuild.wallMs,
      unchangedRebuildMs: unchanged.wallMs,
      freshOutputRebuildMs: freshOutput.wallMs,
      dist,
      index,
      pages: search.pages,
      queries: clientReady ? search.queries : { ok: false, reason: missing },
      questions: clientReady ? search.questions : { ok: false, reason: missing },
      warmBrowser: { ok: false, reason: missing },
      warmBrowserQuestions: { ok: false, reason: missing },
      warmNode: { ok: false, reason: missing },
    };
    if (clientReady) {
      const limit = 8;
      const bundle = await bundleClientForBrowser();
      const browserSamples: number[] = [];
      const questionSamples: number[] = [];
      const nodeSamples: number[] = [];
      for (const locale of benchLocales) {
        browserSamples.push(...(await measureWarmLatencyInBrowser(session, `/${locale}/`, bundle, benchQueries[locale], { rounds: options.latencyRounds, limit })));
        const pasted = benchQuestions[locale].map((typed) => ({ typed, more: '' }));
        questionSamples.push(...(await measureWarmLatencyInBrowser(session, `/${locale}/`, bundle, pasted, { rounds: options.latencyRounds * 4, limit })));
        const manifest = await manifestUrlFor(distDir, locale);
        if (!manifest) throw new BenchBreakage(`no data-manifest in ${distDir}/${locale}/index.html`);
        nodeSamples.push(...(await measureWarmLatencyInNode(distDir, manifest, benchQueries[locale], { rounds: options.latencyRounds, limit })));
      }
      ours.warmBrowser = { ok: true, value: summariseLatency(browserSamples) };
      ours.warmBrowserQuestions = { ok: true, value: summariseLatency(questionSamples) };
      ours.warmNode = { ok: true, value: summariseLatency(nodeSamples) };
      log(`Warm query latency: Chromium p50 ${ours.warmBrowser.value.p50.toFixed(2)} ms, p95 ${ours.warmBrowser.value.p95.toFixed(2)} ms; Node p50 ${ours.warmNode.value.p50.toFixed(2)} ms, p95 ${ours.warmNode.value.p95.toFixed(2)} ms; whole questions in Chromium p95 ${ours.warmBrowserQuestions.value.p95.toFixed(2)} ms`);
    } else log(`Search not measured: ${missing}`);
  } finally {
    await session.close();
  }

  let starlight: SizeResult['starlight'] = { ok: false, reason: options.skipReason ?? 'not requested (--no-compare)' };
  if (options.compare) {
    try {
      starlight = { ok: true, value: await runStarlight(generated, options) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`Starlight comparison skipped: ${reason}`);
      starlight = { ok: false, reason };
    }
  }

  return { articles: count, perLocale, medianUnits: median(generated.articles.map((a) => a.units)), generateMs, ours, starlight };
}

/** The head (where Node puts the error) and the tail (where the build prints its own) of a long output. */
function excerpt(output: string): string {
  const lines = output.trim().split('\n');
  return lines.length <= 16 ? lines.join('\n') : [...lines.slice(0, 8), '…', ...lines.slice(-8)].join('\n');
}

const pageFolder = (a: GeneratedArticle) => `${a.locale}/${a.category}/${a.slug}`;

async function buildOurs(contentDir: string, outDir: string, cacheDir: string): Promise<MeasuredRun> {
  const run = await runMeasured(process.execPath, ['scripts/build.ts', `--out=${outDir}`], {
    cwd: root,
    env: { ...process.env, KB_CONTENT_DIR: contentDir, KB_CACHE_DIR: cacheDir, KB_QUIET: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.exitCode !== 0) throw new BenchBreakage(`the build failed (exit ${run.exitCode}):\n${excerpt(run.output)}`);
  return run;
}

/**
 * Page weight and first-query transfer per locale, on an article page. Without a search client only
 * the page weight is meaningful; the query part is skipped.
 */
async function measureSearch(
  session: BrowserSession,
  driver: SearchDriver,
  articles: readonly GeneratedArticle[],
  options: SizeOptions,
  withQueries = true,
): Promise<Pick<SiteResult, 'pages' | 'queries' | 'questions'>> {
  const pages: SiteResult['pages'] = {};
  const queries: Record<string, QueryMeasurement[]> = {};
  const questions: Record<string, QueryMeasurement[]> = {};
  for (const locale of benchLocales) {
    const article = articles.find((a) => a.locale === locale);
    if (!article) continue;
    const path = `/${pageFolder(article)}/`;
    pages[locale] = await measurePageWeight(session, path);
    if (!withQueries) continue;
    queries[locale] = [];
    for (const query of benchQueries[locale].slice(0, options.queriesPerLocale)) {
      try {
        queries[locale].push(await measureQuery(session, driver, path, query));
      } catch (error) {
        const reason = `${driver.name}: search on ${path} for "${query.typed}": ${error instanceof Error ? error.message : String(error)}`;
        return { pages, queries: { ok: false, reason }, questions: { ok: false, reason } };
      }
    }
    questions[locale] = [];
    for (const typed of benchQuestions[locale].slice(0, options.queriesPerLocale)) {
      try {
        questions[locale].push(await measureQuery(session, driver, path, { typed, more: '' }));
      } catch (error) {
        return { pages, queries: { ok: true, value: queries }, questions: { ok: false, reason: `${driver.name}: question on ${path}: ${error instanceof Error ? error.message : String(error)}` } };
      }
    }
    const s = summariseTransfers(queries[locale]);
    const asked = summariseTransfers(questions[locale]);
    options.log(`${driver.name} ${locale}: page JS ${(pages[locale].jsBytes / 1024).toFixed(1)} KB; first query ${(s.firstBytes / 1024).toFixed(1)} KB in ${s.firstRequests} requests, ${s.firstRoundTrips} round trips; later keystrokes ${(s.keystrokeBytes / 1024).toFixed(1)} KB; a whole question ${(asked.firstBytesMax / 1024).toFixed(1)} KB in ${asked.firstRoundTrips} round trips`);
  }
  return { pages, queries: { ok: true, value: queries }, questions: { ok: true, value: questions } };
}

async function runStarlight(generated: ReturnType<typeof generateHelpCenter>, options: SizeOptions): Promise<SiteResult> {
  const { log } = options;
  await ensureStarlightApp(log);
  await writeStarlightSite(generated.files, generated.articles);
  const builds: MeasuredRun[] = [];
  let distDir = '';
  for (let i = 0; i < options.runs; i++) {
    const run = await buildStarlight();
    distDir = run.distDir;
    builds.push(run);
    log(`Starlight build ${i + 1}/${options.runs}: ${(run.wallMs / 1000).toFixed(1)} s, peak ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
  }
  const dist = await distStats(distDir, generated.articles.map(pageFolder));
  if (dist.html.pages !== generated.articles.length) log(`Note: only ${dist.html.pages} of ${generated.articles.length} article pages were found in Starlight's dist/`);
  // Hosts compress on the fly; precompressing here lets the same static server send Starlight compressed
  // too. Pagefind's own index files are already gzipped and are served as they are.
  await precompress(distDir);
  const session = await openBrowserSession(distDir);
  let search: Pick<SiteResult, 'pages' | 'queries' | 'questions'>;
  try {
    search = await measureSearch(session, pagefindSearch, generated.articles, options);
    if (search.queries.ok === false) log(`Pagefind search not measured: ${search.queries.reason}`);
  } finally {
    await session.close();
  }
  return { builds, buildMs: median(builds.map((b) => b.wallMs)), peakRssBytes: Math.max(...builds.map((b) => b.peakRssBytes)), dist, ...search };
}
