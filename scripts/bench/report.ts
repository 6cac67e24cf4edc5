// Turn the measurements into docs/benchmarks.md: one results table with targets, the comparison, and the method.
import type { QueryMeasurement } from './measure-browser.ts';
import { searchRttMs, summariseTransfers } from './measure-browser.ts';
import type { SiteResult, SizeResult } from './run-size.ts';
import { kb, mb, median, millis, seconds } from './stats.ts';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  load: [number, number];
  node: string;
  os: string;
  chromium?: string;
}

export interface ReportInput {
  machine: Machine;
  seed: string;
  runs: number;
  latencyRounds: number;
  sizes: SizeResult[];
  quick: boolean;
  command: string;
}

const pass = (ok: boolean) => (ok ? ' ✅' : ' ❌');
const n = (x: number) => x.toLocaleString('en');
const cell = (text: string | undefined) => text ?? '–';

function queriesOf(site: SiteResult): QueryMeasurement[] | undefined {
  return site.queries.ok ? Object.values(site.queries.value).flat() : undefined;
}

function pageJs(site: SiteResult): number {
  return median(Object.values(site.pages).map((p) => p.jsBytes));
}

function pageCss(site: SiteResult): number {
  return median(Object.values(site.pages).map((p) => p.cssBytes));
}

export function renderReport(input: ReportInput): string {
  const { machine, sizes } = input;
  const header = `| | ${sizes.map((s) => `${n(s.articles)} articles`).join(' | ')} | Target |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|---|`;
  const rows: string[] = [];
  const row = (label: string, values: (s: SizeResult) => string | undefined, target = '') => rows.push(`| ${label} | ${sizes.map((s) => cell(values(s))).join(' | ')} | ${target} |`);

  row('Articles (en / ja / ko)', (s) => `${n(s.perLocale.en)} / ${n(s.perLocale.ja)} / ${n(s.perLocale.ko)}`);
  row('Median article length (words or CJK equivalent)', (s) => n(s.medianUnits));
  row('Build time (wall)', (s) => {
    const runs = s.ours.builds.length;
    let text = `${seconds(s.ours.buildMs)} (${runs === 1 ? '1 build' : `median of ${runs}`})`;
    if (s.articles >= 10_000) text += pass(s.ours.buildMs <= 60_000);
    if (s.starlight.ok) text += `, ${(s.ours.buildMs / s.starlight.value.buildMs).toFixed(2)}× Starlight${s.articles >= 1000 ? pass(s.ours.buildMs * 2 <= s.starlight.value.buildMs) : ''}`;
    return text;
  }, 'empty build cache; 10k ≤ 60 s; 1k ≤ 0.5× Starlight');
  row('Build time per article', (s) => millis(s.ours.buildMs / s.articles));
  row('Peak memory (process tree)', (s) => `${mb(s.ours.peakRssBytes)}${s.articles >= 10_000 ? pass(s.ours.peakRssBytes <= 4 * 2 ** 30) : ''}`, '10k ≤ 4 GB');
  const ofCold = (ms: number, s: SizeResult, share: number) => `${seconds(ms)}, ${Math.round((100 * ms) / s.ours.buildMs)} % of cold${pass(ms <= share * s.ours.buildMs)}`;
  row('Rebuild after editing one article (build cache)', (s) => ofCold(s.ours.rebuildMs, s, 0.15), '≤ 15 % of cold');
  row('Rebuild with no change (build cache, dist/ as the last build left it)', (s) => (s.ours.unchangedRebuildMs === undefined ? undefined : ofCold(s.ours.unchangedRebuildMs, s, 0.1)), '≤ 10 % of cold');
  row('Rebuild with no change into an empty dist/ (CI with the cache restored)', (s) => (s.ours.freshOutputRebuildMs === undefined ? undefined : `${seconds(s.ours.freshOutputRebuildMs)}, ${Math.round((100 * s.ours.freshOutputRebuildMs) / s.ours.buildMs)} % of cold`));
  row('dist/ size, raw (files)', (s) => `${mb(s.ours.dist.rawBytes)} (${n(s.ours.dist.files)})`);
  row('dist/ size with .br and .gz copies', (s) => mb(s.ours.dist.onDiskBytes));
  row('HTML per article page, median (max)', (s) => `${kb(s.ours.dist.html.medianBytes)}${pass(s.ours.dist.html.medianBytes <= 30 * 1024)} (max ${kb(s.ours.dist.html.maxBytes)}${pass(s.ours.dist.html.maxBytes <= 30 * 1024)})`, '≤ 30 KB');
  row('HTML per article page without its own content (header, navigation, footer, widgets), median (max)', (s) =>
    s.ours.dist.html.chromeMaxBytes === undefined ? undefined : `${kb(s.ours.dist.html.chromeMedianBytes!)} (max ${kb(s.ours.dist.html.chromeMaxBytes)})${pass(s.ours.dist.html.chromeMaxBytes <= 30 * 1024)}`, 'no giant navigation');
  row('HTML per article page, brotli, median', (s) => (s.ours.dist.html.medianBrotliBytes === undefined ? undefined : kb(s.ours.dist.html.medianBrotliBytes)));
  row('Page JS before search (compressed)', (s) => `${kb(pageJs(s.ours))}${pass(pageJs(s.ours) <= 5 * 1024)}`, '≤ 5 KB');
  row('Page CSS (compressed)', (s) => kb(pageCss(s.ours)));
  for (const locale of ['en', 'ja', 'ko']) {
    row(`Search index, ${locale}: raw / gzip / brotli (files)`, (s) => {
      const i = s.ours.index[locale];
      return i ? `${kb(i.raw)} / ${kb(i.gzip)} / ${kb(i.brotli)} (${n(i.files)})` : undefined;
    });
  }
  const transfer = (s: SizeResult) => {
    const q = queriesOf(s.ours);
    return q && q.length ? summariseTransfers(q) : undefined;
  };
  const unavailable = (s: SizeResult) => (s.ours.queries.ok ? undefined : `not measured: ${s.ours.queries.reason}`);
  row('First query: bytes over the wire, median (max)', (s) => {
    const t = transfer(s);
    return t ? `${kb(t.firstBytes)}${pass(t.firstBytes <= 50 * 1024)} (max ${kb(t.firstBytesMax)}${pass(t.firstBytesMax <= 50 * 1024)})` : unavailable(s);
  }, '≤ 50 KB compressed');
  row('First query: requests (median), sequential round trips (max)', (s) => {
    const t = transfer(s);
    return t ? `${t.firstRequests}, ${t.firstRoundTrips}${pass(t.firstRoundTrips <= 3)}` : unavailable(s);
  }, '≤ 3 round trips');
  row(`First query: time to answer at ${searchRttMs} ms round-trip time (median)`, (s) => {
    const t = transfer(s);
    return t ? millis(t.firstMs) : unavailable(s);
  });
  row('Later keystrokes: bytes per keystroke (median)', (s) => {
    const t = transfer(s);
    return t ? `${kb(t.keystrokeBytes)}${pass(t.keystrokeBytes <= 15 * 1024)} (mean ${kb(t.keystrokeMean)}, max ${kb(t.keystrokeMax)})` : unavailable(s);
  }, '≤ 15 KB');
  row('Warm query in Chromium: p50 / p95', (s) => (s.ours.warmBrowser.ok
    ? `${millis(s.ours.warmBrowser.value.p50)} / ${millis(s.ours.warmBrowser.value.p95)}${s.articles >= 10_000 ? pass(s.ours.warmBrowser.value.p95 <= 5) : ''}`
    : `not measured: ${s.ours.warmBrowser.reason}`), '10k: p95 ≤ 5 ms');
  const asked = (s: SizeResult) => (s.ours.questions?.ok ? summariseTransfers(Object.values(s.ours.questions.value).flat()) : undefined);
  row('A whole question (40–70 characters) pasted: bytes (max), round trips (max)', (s) => {
    const t = asked(s);
    return t ? `${kb(t.firstBytesMax)}${pass(t.firstBytesMax <= 100 * 1024)}, ${t.firstRoundTrips}${pass(t.firstRoundTrips <= 3)}` : s.ours.questions ? `not measured: ${s.ours.questions.ok ? '' : s.ours.questions.reason}` : undefined;
  }, '≤ 100 KB, ≤ 3 round trips');
  row('Warm whole question in Chromium: p50 / p95', (s) => (s.ours.warmBrowserQuestions?.ok
    ? `${millis(s.ours.warmBrowserQuestions.value.p50)} / ${millis(s.ours.warmBrowserQuestions.value.p95)}${s.articles >= 10_000 ? pass(s.ours.warmBrowserQuestions.value.p95 <= 10) : ''}`
    : s.ours.warmBrowserQuestions ? `not measured: ${s.ours.warmBrowserQuestions.reason}` : undefined), '10k: p95 ≤ 10 ms');
  row('Warm query in Node: p50 / p95', (s) => (s.ours.warmNode.ok ? `${millis(s.ours.warmNode.value.p50)} / ${millis(s.ours.warmNode.value.p95)}` : `not measured: ${s.ours.warmNode.reason}`));

  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(`Measured by \`${input.command}\` on ${machine.date}.`);
  out.push(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GB RAM, ${machine.os}, Node ${machine.node}${machine.chromium ? `, Chromium ${machine.chromium}` : ''}; load average ${machine.load[0].toFixed(1)} at the start and ${machine.load[1].toFixed(1)} at the end of the run.`);
  if (input.quick) out.push('', '> A quick run (`--quick`): one small size, one build, a few queries. Figures are indicative only.');
  out.push('', '## Results', '', header, rule, ...rows, '');

  const perLocale = sizes.filter((s) => s.ours.queries.ok);
  if (perLocale.length) {
    out.push('### First query per language', '', '| Size | Language | Bytes, median (max) | Requests | Round trips (max) | Later keystrokes, median |', '|---|---|---:|---:|---:|---:|');
    for (const s of perLocale) {
      if (!s.ours.queries.ok) continue;
      for (const [locale, list] of Object.entries(s.ours.queries.value)) {
        if (!list.length) continue;
        const t = summariseTransfers(list);
        out.push(`| ${n(s.articles)} | ${locale} | ${kb(t.firstBytes)} (${kb(t.firstBytesMax)}) | ${t.firstRequests} | ${t.firstRoundTrips} | ${kb(t.keystrokeBytes)} |`);
      }
    }
    out.push('');
  }

  out.push('## Compared with Starlight and Pagefind', '');
  const compared = sizes.filter((s) => s.starlight.ok);
  for (const s of sizes) if (!s.starlight.ok) out.push(`- ${n(s.articles)} articles: Starlight not measured (${s.starlight.reason}).`);
  if (compared.length) {
    if (compared.length !== sizes.length) out.push('');
    out.push('The same generated content, built with Starlight (default settings, three locales) in the same run. Ratios are ours / Starlight; lower is better.', '');
    out.push('| Size | Metric | This project | Starlight + Pagefind | Ratio |', '|---|---|---:|---:|---:|');
    for (const s of compared) {
      if (!s.starlight.ok) continue;
      const sl = s.starlight.value;
      const line = (metric: string, ours: number, theirs: number, format: (x: number) => string) =>
        out.push(`| ${n(s.articles)} | ${metric} | ${format(ours)} | ${format(theirs)} | ${theirs ? (ours / theirs).toFixed(2) : '–'} |`);
      line(`Build time (${sl.builds.length === 1 ? '1 build' : `median of ${sl.builds.length}`})`, s.ours.buildMs, sl.buildMs, seconds);
      line('Peak memory', s.ours.peakRssBytes, sl.peakRssBytes, mb);
      line('dist/ size, raw', s.ours.dist.rawBytes, sl.dist.rawBytes, mb);
      line('HTML per article, median', s.ours.dist.html.medianBytes, sl.dist.html.medianBytes, kb);
      line('HTML per article, max', s.ours.dist.html.maxBytes, sl.dist.html.maxBytes, kb);
      if (s.ours.dist.html.chromeMaxBytes !== undefined && sl.dist.html.chromeMaxBytes !== undefined) {
        line('HTML per article without its content, max', s.ours.dist.html.chromeMaxBytes, sl.dist.html.chromeMaxBytes, kb);
      }
      line('Page JS before search (compressed)', pageJs(s.ours), pageJs(sl), kb);
      const ours = transfer(s);
      const theirs = queriesOf(sl);
      if (ours && theirs?.length) {
        const t = summariseTransfers(theirs);
        line('First query: bytes, median', ours.firstBytes, t.firstBytes, kb);
        line('First query: requests, median', ours.firstRequests, t.firstRequests, String);
        line('First query: round trips, max', ours.firstRoundTrips, t.firstRoundTrips, String);
        line(`First query: time to answer at ${searchRttMs} ms RTT`, ours.firstMs, t.firstMs, millis);
        line('Later keystrokes: bytes, median', ours.keystrokeBytes, t.keystrokeBytes, kb);
      } else if (!sl.queries.ok) out.push(`| ${n(s.articles)} | First query | | not measured: ${sl.queries.reason} | |`);
    }
  }
  out.push('', methodology(input), '');
  return out.join('\n');
}

function methodology(input: ReportInput): string {
  return `## Method

- **Content.** \`src/bench/generate-content.ts\` writes a deterministic help center (seed \`${input.seed}\`, sfc32 PRNG; the same seed gives the same bytes) into \`.tmp/bench/<size>/content\`: 50 % English, 25 % Japanese, 25 % Korean, in the 12 categories of a fictional invoicing product, each with \`_category.yml\`. Articles are guides, FAQs (\`type: faq\`, \`##\` questions), troubleshooting and reference pages of 200–1,500 words (Japanese counted as 2.5 characters and Korean as 2 syllables per word), skewed short, with \`##\`/\`###\` headings, \`:::tip\`-style callouts, tables, code blocks and one to four links to other articles (\`../<category>/<slug>.md\`, all valid). Japanese and Korean sentences are composed from real words with verb conjugation and particles, so the tokenizers see realistic text.
- **Build.** \`node scripts/build.ts\` as a child process with \`KB_CONTENT_DIR\` and \`KB_QUIET=1\`, the same entry as \`npm run build\` (content checks, Astro, search index, precompression). Wall time is the median of ${input.runs} build${input.runs === 1 ? '' : 's'} at sizes up to 2,000 articles and a single build above that. Peak memory is the largest sum of VmRSS over the build's process tree, sampled from /proc every 100 ms (or a process's own VmHWM if larger). Cold builds start with an empty build cache (\`KB_CACHE_DIR\` in \`.tmp/bench/<size>/kb-cache\`); then the site is built again with no change (the build finds nothing changed and stops), again with no change after the output folder is deleted (as in a CI job that restores only the cache), and again after a sentence is appended to one article, each with the cache the builds before left.
- **Sizes.** \`dist/\` without the precompressed copies; article pages are the generated articles' \`index.html\`. The search index is \`dist/_search/<locale>/**\`, with each file's \`.gz\`/\`.br\` copy for the compressed sizes.
- **Browser.** Chromium (playwright-core, \`/usr/bin/chromium\`, headless) against the built \`dist/\` served on 127.0.0.1 by \`tests/e2e/static-server.ts\`, which sends the precompressed \`.br\` files; byte counts are response bodies as sent, so compressed. Every measurement starts in a fresh browser context (empty cache) on an article page. *Page JS* is the JavaScript that page loads before anyone searches. *First query*: with the network slowed to a ${searchRttMs} ms round-trip time (Chrome DevTools emulation, no bandwidth limit), focus the header search box, enter the first word(s) of a fixed query at once, wait until the answer shows and the network is quiet; everything fetched from the focus on counts (search UI chunk, client, manifest, shards, excerpts). *Round trips* is the longest chain of requests in which each started only after the previous one finished (browser timestamps); the emulated latency keeps parallel requests from looking sequential, which on 127.0.0.1 they can. *Later keystrokes*: the rest of the query typed one character at a time, waiting for each answer. Queries (\`src/bench/queries.ts\`) include Japanese and Korean ones with particles attached. Targets are judged on the median over queries and languages, and separately on the worst case (max); round trips on the worst case.
- **Warm latency.** \`src/search/client.ts\`, bundled with esbuild and loaded into the page, runs every prefix of the fixed queries once to load the data, then ${input.latencyRounds} timed passes; p50/p95 over all samples and languages. The same in Node, with a \`fetch\` that reads \`dist/\`.
- **Starlight.** \`astro\` and \`@astrojs/starlight\` installed in \`.tmp/bench/starlight-app\` (cached), the same articles under \`src/content/docs/<lang>/\` with title and description, links rewritten to page URLs, default settings (so the sidebar lists every page of a language, and Pagefind indexes the site after the build). Its \`dist/\` is precompressed with this project's own precompression before the browser runs, so both sites are served compressed. Starlight is built at sizes up to 2,000 articles: above that its all-pages sidebar makes each page grow with the site.
- **Caveats.** Timings depend on the machine and on what else runs on it (see the load average above). The static server speaks HTTP/1.1, so Chromium opens at most six connections and a seventh parallel request waits for a free one; on an HTTP/2 host it would not. The content is synthetic: it has the shape and the scripts of a real help center, not its meaning.`;
}
