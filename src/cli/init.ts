// `kb-site init [folder]` and `create-kb-site [folder]`: write a minimal content repository. Flags answer every
// question, so tests and CI never wait on a prompt; on a terminal, what the flags leave out is asked.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { didYouMean } from '../content/diagnostics.ts';
import { localeFolder } from '../content/resolve-links.ts';
import { starterFiles, type StarterOptions } from './starter-files.ts';

export const initUsage = `Usage: kb-site init <folder> [--title "Acme Help"] [--locales en,ja] [--url https://help.example.com] [--from <kb-site>] [--no-install]
  (or: create-kb-site <folder> …)
  --title     the site title (default: Help Center)
  --locales   content languages, comma-separated; the first is the default (default: en)
  --url       where the site will be served (default: http://localhost:4321)
  --from      where the project installs kb-site from: a git URL (github:acme/kb-site), a tarball
              (./kb-site-0.1.0.tgz) or a folder (default: where this kb-site was installed from, when known)
  --no-install  write the files only; run npm install yourself`;

const flags = { title: 'string', locales: 'string', url: 'string', from: 'string', install: 'boolean', 'no-install': 'boolean', yes: 'boolean' } as const;

export interface InitAnswers {
  folder: string;
  title: string;
  locales: string[];
  url: string;
  dependency: string;
  install: boolean;
}

type Ask = (question: string, fallback: string) => Promise<string>;

/** Turn flags (and, on a terminal, answers) into the starter's options; every mistake is one sentence. */
export async function resolveInitAnswers(argv: readonly string[], cwd: string, ask?: Ask): Promise<{ ok: true; answers: InitAnswers } | { ok: false; message: string }> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: Object.fromEntries(Object.entries(flags).map(([k, type]) => [k, { type }])) });
  } catch (error) {
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? '';
    const guess = didYouMean(option.replace(/^-+/, ''), Object.keys(flags));
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    return { ok: false, message: `${unknown ? `unknown option ${option}` : `${option} needs a value`}${unknown && guess ? `. Did you mean --${guess}?` : ''}` };
  }
  const { values, positionals } = parsed as { values: Partial<Record<keyof typeof flags, string | boolean>>; positionals: string[] };
  if (positionals.length > 1) return { ok: false, message: `one folder at a time: got ${positionals.map((p) => `"${p}"`).join(' and ')} (quote a title with spaces: --title "Acme Help")` };
  const interactive = ask && !values.yes;
  const folder = positionals[0] ?? (interactive ? await ask('Folder for the new help center', 'my-help-center') : undefined);
  if (!folder) return { ok: false, message: 'name the folder to create, e.g. kb-site init my-help-center' };
  const title = String(values.title ?? (interactive ? await ask('Site title', 'Help Center') : 'Help Center')).trim();
  if (!title) return { ok: false, message: '--title must not be empty' };
  const localeList = String(values.locales ?? (interactive ? await ask('Languages, comma-separated (the first is the default)', 'en') : 'en'));
  const locales = [...new Set(localeList.split(',').map((l) => l.trim()).filter(Boolean))];
  const badLocale = locales.find((l) => !localeFolder.test(l));
  if (!locales.length || badLocale !== undefined) return { ok: false, message: `--locales: "${badLocale ?? localeList}" is not a language tag. Write tags such as en, ja, ko or pt-BR, comma-separated` };
  const url = String(values.url ?? (interactive ? await ask('Where it will be served', 'http://localhost:4321') : 'http://localhost:4321')).trim();
  if (!/^https?:\/\/[^\s/]+/.test(url) || !URL.canParse(url)) return { ok: false, message: `--url: "${url}" is not an http(s) address, e.g. https://help.example.com or https://acme.github.io/help` };
  const target = resolve(cwd, folder);
  const from = typeof values.from === 'string' ? values.from : (installedFrom() ?? (interactive ? await ask('Install kb-site from (a git URL, a tarball or a folder)', '') : ''));
  if (!from.trim()) return { ok: false, message: 'say where the new project installs kb-site from: --from github:your-org/kb-site, --from ./kb-site-0.1.0.tgz or --from ../kb-site' };
  const dependency = dependencySpec(from.trim(), cwd, target);
  if (!dependency.ok) return dependency;
  return { ok: true, answers: { folder: target, title, locales, url: url.replace(/\/+$/, ''), dependency: dependency.spec, install: values['no-install'] !== true && values.install !== false } };
}

/**
 * npm reads a dependency as a version range, a git URL or a path. A tarball or folder on this machine is written as
 * `file:` relative to the new project, so the two can move together.
 */
export function dependencySpec(from: string, cwd: string, target: string): { ok: true; spec: string } | { ok: false; message: string } {
  const gitHubShorthand = /^[a-z0-9][\w-]*\/[\w.-]+(#.*)?$/i.test(from) && !/\.tgz$/.test(from) && !existsSync(resolve(cwd, from));
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|https?:\/\/)/.test(from) || gitHubShorthand) return { ok: true, spec: from };
  if (/^[\^~<>=\d]/.test(from) && !existsSync(resolve(cwd, from))) return { ok: true, spec: from };
  const path = resolve(cwd, from.replace(/^file:/, ''));
  if (!existsSync(path)) return { ok: false, message: `--from: there is no tarball or folder at "${from}"` };
  const rel = relative(target, path);
  return { ok: true, spec: `file:${isAbsolute(rel) ? path : rel.startsWith('.') ? rel : `./${rel}`}` };
}

/**
 * Where `npx -p node@24 -p <spec> create-kb-site` fetched this package from: npm passes every `-p` to the command
 * in npm_config_package, one a line.
 */
export function installedFrom(packages = process.env.npm_config_package): string | undefined {
  return packages
    ?.split(/[\n,]+/)
    .map((spec) => spec.trim())
    .find((spec) => spec && !/^node(@|$)/.test(spec) && /kb-site|\.tgz$|^(git\+|git:|github:|gitlab:|bitbucket:|file:)/.test(spec));
}

export async function runInit(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(initUsage);
    return 0;
  }
  const terminal = process.stdin.isTTY && process.stdout.isTTY;
  const rl = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask: Ask | undefined = rl && (async (question, fallback) => (await rl.question(`${question}${fallback ? ` (${fallback})` : ''}: `)).trim() || fallback);
  const result = await resolveInitAnswers(argv, process.cwd(), ask).finally(() => rl?.close());
  if (!result.ok) {
    console.error(`kb-site init: ${result.message}\n\n${initUsage}`);
    return 2;
  }
  const { answers } = result;
  const written = writeStarter(answers);
  if (!written.ok) {
    console.error(`kb-site init: ${written.message}`);
    return 1;
  }
  const shown = relative(process.cwd(), answers.folder) || '.';
  console.log(`Created ${answers.title} in ${shown}/:\n${written.files.map((f) => `  ${f}`).join('\n')}`);
  if (answers.install) {
    console.log('\nInstalling kb-site (npm install)…');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: answers.folder, stdio: 'inherit' });
    if (npm.status !== 0) {
      console.error(`npm install failed in ${shown}/. Fix what npm reported, then run npm install there again.`);
      return 1;
    }
  }
  console.log(`\nNext:\n  cd ${shown}${answers.install ? '' : '\n  npm install'}\n  npm run dev      # http://localhost:4321`);
  return 0;
}

/** Write the files; refuse to overwrite any of them. */
export function writeStarter(answers: InitAnswers): { ok: true; files: string[] } | { ok: false; message: string } {
  const packageName = basename(answers.folder).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'help-center';
  const files = starterFiles({ title: answers.title, locales: answers.locales, url: answers.url, dependency: answers.dependency, packageName, nodeRange: ownNodeRange() });
  const taken = Object.keys(files).filter((f) => existsSync(join(answers.folder, f)));
  if (taken.length) return { ok: false, message: `${relative(process.cwd(), answers.folder) || '.'}/ already has ${taken.join(', ')}; nothing was written. Choose an empty or new folder` };
  if (existsSync(answers.folder) && readdirSync(answers.folder).some((f) => f === 'content')) return { ok: false, message: `${relative(process.cwd(), answers.folder) || '.'}/ already has a content/ folder; nothing was written. Choose an empty or new folder` };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(answers.folder, file)), { recursive: true });
    writeFileSync(join(answers.folder, file), text, { flag: 'wx' });
  }
  return { ok: true, files: Object.keys(files) };
}

/** The Node this package itself pins (its `node` devDependency), so a new project runs on the same one. */
function ownNodeRange(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies?: Record<string, string> };
  return pkg.devDependencies?.node ?? '^24';
}
