import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../scripts/bench/report.ts';
import { roundTrips } from '../../../scripts/bench/measure-browser.ts';
import { percentile } from '../../../scripts/bench/stats.ts';
import type { SiteResult, SizeResult } from '../../../scripts/bench/run-size.ts';

const KB = 1024;
const site = (over: Partial<SiteResult> = {}): SiteResult => ({
  builds: [{ wallMs: 30_000, peakRssBytes: 900 * 2 ** 20, exitCode: 0, output: '' }],
  buildMs: 30_000,
  peakRssBytes: 900 * 2 ** 20,
  dist: { rawBytes: 50 * 2 ** 20, files: 1200, onDiskBytes: 80 * 2 ** 20, html: { pages: 1000, medianBytes: 14 * KB, maxBytes: 29 * KB, medianBrotliBytes: 4 * KB } },
  pages: { en: { path: '/en/a/b/', htmlBytes: 4 * KB, jsBytes: 3 * KB, cssBytes: 6 * KB, jsFiles: 1, cssFiles: 1 } },
  queries: {
    ok: true,
    value: { en: [{ query: 'invoice template', first: { bytes: 40 * KB, requests: 5, roundTrips: 3, ms: 80, paths: [] }, keystrokeBytes: [0, 2 * KB, 20 * KB] }] },
  },
  ...over,
});

function size(articles: number, over: Partial<SizeResult['ours']> = {}, starlight?: SiteResult): SizeResult {
  return {
    articles,
    perLocale: { en: articles / 2, ja: articles / 4, ko: articles / 4 },
    medianUnits: 600,
    generateMs: 100,
    ours: { ...site(), rebuildMs: 20_000, index: { en: { files: 10, raw: 300 * KB, gzip: 100 * KB, brotli: 80 * KB } }, warmBrowser: { ok: true, value: { samples: 10, p50: 1, p95: 6 } }, warmNode: { ok: false, reason: 'search client not available' }, ...over },
    starlight: starlight ? { ok: true, value: starlight } : { ok: false, reason: 'not requested (--no-compare)' },
  };
}

const machine = { date: '2026-11-23', cpus: 2, cpuModel: 'Test CPU', memoryBytes: 8 * 2 ** 30, load: [0.5, 1.5] as [number, number], node: 'v24.0.0', os: 'Linux' };
const render = (sizes: SizeResult[]) => renderReport({ machine, seed: 'kb-bench', runs: 3, latencyRounds: 10, sizes, quick: false, command: 'npm run bench' });
const rowOf = (md: string, label: string) => md.split('\n').find((l) => l.startsWith(`| ${label}`)) ?? '';

describe('benchmark report', () => {
  it('marks each target as met or missed next to its figure', () => {
    const md = render([size(1000, {}, site({ buildMs: 100_000 })), size(10_000, { buildMs: 130_000, peakRssBytes: 3 * 2 ** 30 })]);
    expect(rowOf(md, 'Build time (wall)')).toContain('0.30× Starlight ✅');
    expect(rowOf(md, 'Build time (wall)')).toContain('130.0 s (1 build) ❌');
    expect(rowOf(md, 'Peak memory')).toMatch(/3072 MB ✅/);
    expect(rowOf(md, 'HTML per article page, median')).toContain('14 KB ✅ (max 29 KB ✅)');
    expect(rowOf(md, 'First query: bytes')).toContain('40 KB ✅ (max 40 KB ✅)');
    expect(rowOf(md, 'First query: requests')).toContain('5, 3 ✅');
    expect(rowOf(md, 'Later keystrokes')).toContain('2.0 KB ✅');
    // Warm p95 is only judged at 10k.
    expect(rowOf(md, 'Warm query in Chromium')).toMatch(/6\.00 ms \|.*6\.00 ms ❌/);
    expect(rowOf(md, 'Warm query in Node')).toContain('not measured: search client not available');
    expect(md).toContain('| 1,000 | Build time (1 build) | 30.0 s | 100.0 s | 0.30 |');
    expect(md).toContain('10,000 articles: Starlight not measured (not requested (--no-compare)).');
  });

  it('shows the rebuilds as a share of the cold build, against their targets', () => {
    const md = render([size(1000, { buildMs: 20_000, rebuildMs: 2_000, unchangedRebuildMs: 2_400 })]);
    expect(rowOf(md, 'Rebuild after editing one article')).toContain('2.00 s, 10 % of cold ✅');
    expect(rowOf(md, 'Rebuild with no change')).toContain('2.40 s, 12 % of cold ❌');
  });

  it('says so instead of inventing numbers when search could not be measured', () => {
    const md = render([size(200, { queries: { ok: false, reason: 'search client not available (src/search/client.ts is missing)' } })]);
    expect(rowOf(md, 'First query: bytes')).toContain('not measured: search client not available');
    expect(md).not.toContain('### First query per language');
  });
});

describe('benchmark statistics', () => {
  it('counts sequential round trips, not parallel requests', () => {
    expect(roundTrips([])).toBe(0);
    // ui.js → manifest → two shards in parallel → fragment
    const chain = [
      { url: 'ui.js', start: 0, end: 10 },
      { url: 'manifest', start: 11, end: 20 },
      { url: 'shard-a', start: 21, end: 30 },
      { url: 'shard-b', start: 22, end: 31 },
      { url: 'fragment', start: 32, end: 40 },
    ];
    expect(roundTrips(chain)).toBe(4);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([], 95)).toBe(0);
  });
});
