// `npm run dev` and `npm run preview`: the Astro CLI with its telemetry off. Nothing this project runs calls
// another host; a writer who wants Astro's telemetry sets ASTRO_TELEMETRY_DISABLED= (empty) themselves.
// The project is the folder this runs in, the Astro config the generator's own (it may be installed in node_modules).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCompileCache } from '../src/build/compile-cache.ts';

// Astro and the generator are read back compiled when they did not change (NODE_COMPILE_CACHE, for the child below).
enableCompileCache();

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const args = process.argv.slice(2);
// Astro reads --config relative to the root.
const project = ['--root', process.cwd(), '--config', relative(process.cwd(), fileURLToPath(new URL('../astro.config.mjs', import.meta.url)))];
// `kb-site preview --out site` serves that folder.
const outDir = args[0] === 'preview' && process.env.KB_OUT_DIR ? ['--outDir', process.env.KB_OUT_DIR] : [];
const child = spawn(process.execPath, [...process.execArgv, astroBin, ...args, ...project, ...outDir], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1' },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
