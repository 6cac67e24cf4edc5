// `kb-site <command>`: the generator run against the project in the current folder (bin/kb-site.js starts it).
// Each command runs its script from scripts/ in a Node process of its own, exactly as `npm run <command>` does in
// this repository, with the TypeScript hooks that let Node run the package from node_modules.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCli, usage } from './args.ts';
import { runInit } from './init.ts';

const packageDir = new URL('../../', import.meta.url);
const hooks = new URL('bin/typescript-hooks.js', packageDir).href;

export async function runKbSite(argv: readonly string[]): Promise<number> {
  const parsed = parseCli(argv);
  if (!parsed.ok) {
    console.error(`kb-site: ${parsed.message}\nRun "kb-site --help" for the commands and flags.`);
    return 2;
  }
  if (parsed.kind === 'help') {
    console.log(usage);
    return 0;
  }
  if (parsed.kind === 'version') {
    console.log((JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as { version: string }).version);
    return 0;
  }
  if (parsed.command === 'init') return runInit(parsed.args);
  const script = fileURLToPath(new URL(`scripts/${parsed.script}`, packageDir));
  const child = spawn(process.execPath, ['--import', hooks, script, ...parsed.args], { stdio: 'inherit', env: { ...process.env, ...parsed.env } });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
}
