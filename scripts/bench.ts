// npm run bench: generate synthetic help centers, build them with this project (and Starlight, for comparison),
// measure build, size, page weight and search, and write docs/benchmarks.md. Flags: see `usage` below.
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { runSize, BenchBreakage, type SizeResult } from './bench/run-size.ts';
import { renderReport, type Machine } from './bench/report.ts';
import { keepRelevanceSection } from './bench/relevance/report.ts';
import { keepHandMeasured } from './bench/hand-measured.ts';

const usage = `npm run bench -- [--quick] [--sizes 1000,10000 | --size 100000] [--runs 3] [--compare | --no-compare] [--out docs/benchmarks.md] [--seed kb-bench]
  --quick       ~200 articles, one build, no Starlight (unless --compare); writes .tmp/bench/quick.md
  --sizes       article counts to generate and build (--size: the same, for one)
  --runs        builds per size (sizes above 2,000 articles are built once)
  --no-compare  skip the Starlight + Pagefind comparison`;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i === -1) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice(name.length + 3) : argv[i + 1];
};
if (flag('help')) {
  console.log(usage);
  process.exit(0);
}

const quick = flag('quick');
const sizes = (option('sizes') ?? option('size') ?? (quick ? '200' : '1000,10000')).split(',').map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isInteger(s) || s < 30)) {
  console.error(`--sizes wants article counts of at least 30, e.g. --sizes 1000,10000\n\n${usage}`);
  process.exit(2);
}
const runs = Number(option('runs') ?? (quick ? 1 : 3));
const compare = flag('compare') || (!quick && !flag('no-compare'));
const out = resolve(option('out') ?? (quick ? '.tmp/bench/quick.md' : 'docs/benchmarks.md'));
const seed = option('seed') ?? 'kb-bench';
const latencyRounds = quick ? 3 : 10;
const log = (line: string) => console.log(line);

const loadAtStart = loadavg()[0]!;
const results: SizeResult[] = [];
try {
  for (const articles of sizes) {
    results.push(await runSize({ articles, seed, runs: articles > 2000 ? 1 : runs, compare: compare && articles <= 2000, skipReason: !compare ? 'not requested (--no-compare)' : 'built only up to 2,000 articles: its sidebar lists every page of a language on every page, so its build grows with the square of the site', latencyRounds, queriesPerLocale: quick ? 2 : 5, log }));
  }
} catch (error) {
  console.error(`\nBenchmark failed: ${error instanceof BenchBreakage ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}

const machine: Machine = {
  date: new Date().toISOString().slice(0, 10),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
  memoryBytes: totalmem(),
  load: [loadAtStart, loadavg()[0]!],
  node: process.version,
  os: `${osType()} ${release()}`,
  chromium: await chromium
    .launch({ executablePath: process.env.KB_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
    .then(async (b) => [b.version(), await b.close()][0] as string)
    .catch(() => undefined),
};
const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
const report = renderReport({ machine, seed, runs, latencyRounds, sizes: results, quick, command });
await mkdir(dirname(out), { recursive: true });
// The relevance section (npm run bench:relevance) is measured separately: keep it.
const previous = existsSync(out) ? await readFile(out, 'utf8') : '';
await writeFile(out, keepHandMeasured(previous, keepRelevanceSection(previous, report)));
await writeFile(resolve('.tmp/bench/results.json'), JSON.stringify({ machine, results }, null, 2));
console.log(`\n${report}\nWrote ${out}`);
