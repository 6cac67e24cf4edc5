import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { didYouMean } from '../content/diagnostics.ts';

/**
 * `kb-site <command> [flags]`: what a command runs and which of its own flags it accepts. `pass` commands hand every
 * other argument to their script, which validates it (search, new, insights and collector have their own options).
 */
export const commands = {
  dev: { script: 'astro.ts', args: ['dev'], summary: 'live preview at http://localhost:4321, reloaded on every save', flags: { host: 'string', port: 'string', open: 'boolean', 'ignore-lock': 'boolean' } },
  build: { script: 'build.ts', args: [], summary: 'check the content, then build the site into dist/ (or --out); --no-cache builds cold; --locales ja builds one part', flags: { 'no-cache': 'boolean', locales: 'string' }, out: true },
  merge: { script: 'merge.ts', args: [], summary: 'one site from parts built with --locales: kb-site merge part-en part-ja --out dist', pass: true, out: true },
  preview: { script: 'astro.ts', args: ['preview'], summary: 'serve the built site (dist/, or --out) on 127.0.0.1:4321', flags: { host: 'string', port: 'string', open: 'boolean' }, out: true },
  check: { script: 'check.ts', args: [], summary: 'validate the content and config without building; exit 1 on errors', flags: {} },
  search: { script: 'search.ts', args: [], summary: 'query the built index: kb-site search "refund" --lang en [--json] [--explain]', pass: true, out: true },
  new: { script: 'new-article.ts', args: [], summary: 'scaffold an article: kb-site new --lang en --category billing "Request a refund"', pass: true },
  insights: { script: 'insights.ts', args: [], summary: 'the content-gap report: kb-site insights --db events.sqlite', pass: true },
  collector: { script: 'collector.ts', args: [], summary: 'run the reference event collector', pass: true },
  init: { script: '', args: [], summary: 'start a new help center: kb-site init my-help-center --title "Acme Help"', pass: true },
} as const satisfies Record<string, { script: string; args: readonly string[]; summary: string; flags?: Record<string, 'string' | 'boolean'>; pass?: boolean; out?: boolean }>;

export type CommandName = keyof typeof commands;

export const usage = [
  'Usage: kb-site <command> [--content <folder>] [--config <file>] [--out <folder>]',
  '',
  'Commands:',
  ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
  '',
  'Flags (every command reads the project in the current folder):',
  '  --content <folder>  the content folder (default: content/)',
  '  --config <file>     the site config (default: kb.config.yml, optional)',
  '  --out <folder>      the built site, for build, preview and search (default: dist/)',
  '  --help, --version',
].join('\n');

export type ParsedCli =
  | { ok: true; kind: 'help' }
  | { ok: true; kind: 'version' }
  | { ok: true; kind: 'run'; command: CommandName; script: string; args: string[]; env: Record<string, string> }
  | { ok: false; message: string };

const globalFlags = ['content', 'config', 'out'] as const;

/** Read the command line as typed after `kb-site`. Every mistake is one sentence, never a stack trace. */
export function parseCli(argv: readonly string[], cwd = process.cwd()): ParsedCli {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return { ok: true, kind: 'help' };
  if (name === '--version' || name === '-v') return { ok: true, kind: 'version' };
  if (!(name in commands)) {
    const guess = didYouMean(name.replace(/^-+/, ''), Object.keys(commands));
    return { ok: false, message: `unknown command "${name}"${guess ? `. Did you mean "kb-site ${guess}"?` : ''}` };
  }
  const command = name as CommandName;
  const spec: { script: string; args: readonly string[]; flags?: Record<string, 'string' | 'boolean'>; pass?: boolean; out?: boolean } = commands[command];
  const env: Record<string, string> = {};
  const args: string[] = [...spec.args];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      if (spec.pass) {
        args.push(arg);
        continue;
      }
      return { ok: false, message: `kb-site ${command} takes no argument "${arg}"` };
    }
    const [, flag, inline] = match as unknown as [string, string, string | undefined];
    if (flag === 'help') return { ok: true, kind: 'help' };
    const isGlobal = (globalFlags as readonly string[]).includes(flag);
    const own = spec.flags?.[flag];
    if (!isGlobal && !own) {
      if (spec.pass) {
        args.push(arg);
        continue;
      }
      const known = [...globalFlags.filter((g) => g !== 'out' || spec.out), ...Object.keys(spec.flags ?? {})];
      const guess = didYouMean(flag, known);
      return { ok: false, message: `kb-site ${command} has no flag --${flag}${guess ? `. Did you mean --${guess}?` : ''}` };
    }
    if (own === 'boolean') {
      args.push(`--${flag}`);
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) return { ok: false, message: `--${flag} needs a value, e.g. --${flag} ${flag === 'content' ? 'content' : flag === 'config' ? 'kb.config.yml' : flag === 'out' ? 'dist' : flag === 'port' ? '4321' : '127.0.0.1'}` };
    if (own) {
      args.push(`--${flag}`, value);
      continue;
    }
    const path = resolve(cwd, value);
    if (flag === 'content') {
      if (!existsSync(path) || !statSync(path).isDirectory()) return { ok: false, message: `--content: there is no folder at "${value}"` };
      env.KB_CONTENT_DIR = path;
    } else if (flag === 'config') {
      if (!existsSync(path) || !statSync(path).isFile()) return { ok: false, message: `--config: there is no file at "${value}"` };
      env.KB_CONFIG = path;
    } else {
      if (!spec.out) return { ok: false, message: `--out applies to build, preview and search, not to ${command}` };
      env.KB_OUT_DIR = path;
      // search reads the built site from --dist: the same folder.
      if (command === 'search') args.push('--dist', path);
    }
  }
  // As `npm run preview` here: the built site is served on this machine only, unless --host says otherwise.
  if (command === 'preview' && !args.includes('--host')) args.push('--host', '127.0.0.1');
  return { ok: true, kind: 'run', command, script: spec.script, args, env };
}
