// npm run bench:relevance: this project's search against BM25 baselines and Pagefind on natural questions.
import { cpus } from 'node:os';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { runRelevance } from './bench/relevance/run.ts';
import { renderRelevance, spliceSection } from './bench/relevance/report.ts';

const argv = process.argv.slice(2);
const usage = `npm run bench:relevance -- [--quick] [--out docs/benchmarks.md] [--dev-misses]
  --quick       no Pagefind (no site build, no browser); writes .tmp/relevance/quick.md
  --dev-misses  list the development questions this project misses (never the held-out ones)`;
if (argv.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
const quick = argv.includes('--quick');
const outIndex = argv.indexOf('--out');
const out = resolve(outIndex >= 0 ? argv[outIndex + 1]! : quick ? '.tmp/relevance/quick.md' : 'docs/benchmarks.md');

try {
  const result = await runRelevance({ pagefind: !quick, log: (line) => console.log(line) });
  const section = renderRelevance(result, {
    command: `npm run bench:relevance${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`,
  });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, spliceSection(existsSync(out) ? await readFile(out, 'utf8') : '', section));
  await writeFile(resolve('.tmp/relevance/results.json'), JSON.stringify(result, null, 1));
  if (argv.includes('--dev-misses')) {
    for (const l of result.locales) {
      const ours = l.engines.find((e) => e.name === 'kb-site')!;
      for (const r of ours.devRankings ?? []) {
        const rank = r.ranking.findIndex((k) => r.answers.includes(k)) + 1;
        if (r.answers.length ? rank >= 1 && rank <= 3 : r.ranking.length === 0) continue;
        const what = !r.answers.length ? 'shown for a question with no answer' : rank ? `answer at rank ${rank}` : 'answer not shown';
        console.log(`${r.id} ${what}: ${r.q}\n    want ${r.answers.join(', ') || 'nothing'}; got ${r.ranking.slice(0, 3).join(', ') || 'nothing'}`);
      }
    }
  }
  console.log(`\n${section}\nWrote ${out}`);
} catch (error) {
  console.error(`Relevance benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
