import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inDevServer } from '../build/dev-mode.ts';

/**
 * Last commit date of every file under `dir`, from ONE `git log` call for the whole tree.
 * In a shallow clone the oldest fetched commit looks like it touched every file, so dates that only
 * that boundary commit supplies are dropped: a page shows no date rather than a wrong one.
 */
export function readGitDates(dir: string): Map<string, Date> {
  // A save does not commit: the dev server asks git once per content folder.
  const memo = inDevServer() ? ((globalThis as typeof globalThis & { [memoKey]?: Map<string, Map<string, Date>> })[memoKey] ??= new Map()) : undefined;
  const known = memo?.get(dir);
  if (known) return known;
  const dates = readDates(dir);
  memo?.set(dir, dates);
  return dates;
}

const memoKey = Symbol.for('kb-site.git-dates');

function readDates(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let top: string;
  let log: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    log = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=@%H %ct', '--name-only', '--no-renames', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates; // not a git checkout, or git is missing: frontmatter dates only
  }
  const boundary = shallowBoundary(top);
  let current: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) {
      const [hash, seconds] = line.slice(1).split(' ');
      current = boundary.has(hash!) ? undefined : new Date(Number(seconds) * 1000);
      continue;
    }
    if (!line || !current) continue;
    const file = resolve(top, line);
    if (!dates.has(file)) dates.set(file, current); // newest first
  }
  return dates;
}

function shallowBoundary(top: string): Set<string> {
  const shallowFile = join(top, '.git', 'shallow');
  if (!existsSync(shallowFile)) return new Set();
  return new Set(readFileSync(shallowFile, 'utf8').split('\n').filter(Boolean));
}
