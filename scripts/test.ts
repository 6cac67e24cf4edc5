// npm test: the type check, the unit tests and the browser tests, side by side. The browser tests spend most of their
// time waiting on Chromium, a debounce or a server; the type check and the unit tests fill that time on the other
// core. The browser tests stream as they run; the other two print in one block each when they end.
// With arguments (`npm test -- tests/unit/search`), it is plain `vitest run` with them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { enableCompileCache } from '../src/build/compile-cache.ts';

const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const vitest = bin('vitest', 'vitest.mjs');
// Vitest, the type checker and every build and server the tests start read back compiled code that did not change.
enableCompileCache();
const tsc = bin('typescript', 'bin/tsc');

interface Run {
  name: string;
  args: string[];
  /** Print as it comes (one stream only, so lines never interleave), or in one block at the end. */
  stream: boolean;
}

function run({ name, args, stream }: Run): Promise<{ name: string; code: number; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      if (!stream) process.stdout.write(`\n── ${name} ──\n${output || '(no output)\n'}`);
      done({ name, code: code ?? (signal ? 1 : 0), seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** The arguments of package.json's `typecheck` script (`tsc …`), so the two never differ. */
function typecheckArgs(): string[] {
  const script: string = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')).scripts.typecheck;
  return script.split(/\s+/).slice(1);
}

const extra = process.argv.slice(2);
const runs: Run[] = extra.length
  ? [{ name: 'vitest', args: [vitest, 'run', ...extra], stream: true }]
  : [
      { name: 'browser tests', args: [vitest, 'run', '--project', 'e2e'], stream: true },
      // As `npm run typecheck` runs it (incremental: a second run re-checks only what changed).
      { name: 'type check', args: [tsc, ...typecheckArgs()], stream: false },
      // One worker: the other core belongs to the browser tests and Chromium.
      { name: 'unit tests', args: [vitest, 'run', '--project', 'unit', '--maxWorkers=1'], stream: false },
    ];

const started = performance.now();
const results = await Promise.all(runs.map(run));
if (runs.length > 1) {
  const parts = results.map((r) => `${r.name} ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(0)} s`);
  console.log(`\n${parts.join(' · ')}; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
