/**
 * "Nothing changed": a build whose inputs are byte for byte those of the last build into the same folder, and
 * whose output is still there as that build left it, has nothing to do. `scripts/build.ts` asks before it loads
 * Astro, so a CI run for a commit that touched no article, or a writer's second `npm run build`, takes a fraction
 * of a second instead of a whole build.
 *
 * The inputs are everything the output depends on: every file in the content folder, kb.config.yml and the files
 * it names (the logo, `customCss` and what those stylesheets `@import` or `url()`), the project's `public/`, the
 * git history the page dates come from, the generator's own files and the installed packages, Node's version and
 * the environment the build reads. The output is checked file by file (the same names, sizes and modification
 * times the build left). Any difference, a corrupt record, or `--no-cache` / `KB_CACHE=0`, and the build runs.
 *
 * Deliberately light: no Astro, no Markdown, no content model, so asking costs almost nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { hash, hasher, type BuildCache } from './build-cache.ts';

export const outputRecordKind = 'output';

const packageRoot = resolve(import.meta.dirname, '../..');
/** The generator's files (here, or in node_modules/kb-site); tests/, docs/ and the example content are not inputs. */
const generatorParts = ['src', 'plugins', 'scripts', 'bin', 'astro.config.mjs', 'package.json', 'package-lock.json'];
/** The environment the build reads, apart from the paths (resolved into the key separately). */
const environment = ['KB_SITE_URL', 'KB_LOCALES'];

export interface BuildPaths {
  contentDir: string;
  configPath: string;
  outDir: string;
}

/** What the last build into a folder left: the key of its inputs, the files it wrote, and what it printed. */
export interface OutputRecord {
  key: string;
  /** Files outside the content folder that the config named, found when that build loaded it. */
  extraInputs: string[];
  /** Path relative to the output folder, size in bytes, modification time in nanoseconds (as a string). */
  files: [string, number, string][];
  /** The diagnostics and summary lines that build printed, shown again when nothing changed. */
  report: string[];
  articles: number;
  languages: number;
}

/** The record of the last build into `outDir`, or undefined (none, another folder's, unreadable or corrupt). */
export function readOutputRecord(cache: BuildCache, outDir: string): OutputRecord | undefined {
  const bytes = cache.read(outputRecordKind, recordName(outDir));
  if (!bytes) return undefined;
  try {
    const record = JSON.parse(bytes.toString('utf8')) as OutputRecord;
    return typeof record.key === 'string' && Array.isArray(record.files) && Array.isArray(record.extraInputs) && Array.isArray(record.report) ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writeOutputRecord(cache: BuildCache, outDir: string, record: OutputRecord): void {
  cache.write(outputRecordKind, recordName(outDir), JSON.stringify(record));
}

const recordName = (outDir: string) => hash('output', resolve(outDir));

/**
 * The key of this build's inputs, and the newest modification time among their files (a build that sees an input
 * newer than its own start does not record: the file may have changed after the build read it).
 * `extraInputs` are the config's files (the last build's record has them: they follow from the config's bytes,
 * which are part of the key, and from the stylesheets' bytes, which are too). `git` is the history as the build
 * read it (see `gitState`), by default as it is now.
 */
export function inputsKey(paths: BuildPaths, extraInputs: readonly string[], git = gitState(paths.contentDir)): { key: string; newestMs: number } {
  // Fed as it goes: at 100k articles a list of every file's bytes would hold them all, and `hash(...list)`
  // overflowed the stack.
  const h = hasher();
  const parts = { push: (...more: (string | Uint8Array)[]) => more.forEach(h.add) };
  parts.push('kb-up-to-date-1', process.versions.node, process.platform, process.cwd(), ...Object.values(paths).map((p) => resolve(p)));
  for (const name of environment) parts.push(name, process.env[name] ?? '');
  const seen = { newestMs: 0 };
  const tree = (path: string) => hashTree(path, parts, seen);
  for (const part of generatorParts) tree(join(packageRoot, part));
  // The installed tree: npm's own record of node_modules, in this repository's or in the one kb-site is installed in.
  const installed = [join(packageRoot, 'node_modules', '.package-lock.json'), join(dirname(packageRoot), '.package-lock.json'), join(process.cwd(), 'node_modules', '.package-lock.json')];
  for (const file of new Set(installed)) if (existsSync(file)) tree(file);
  if (process.cwd() !== packageRoot) tree(join(process.cwd(), 'package-lock.json'));
  // The public folder the site is built with: the project's, else the package's (astro.config.mjs).
  tree(existsSync(join(process.cwd(), 'public')) ? join(process.cwd(), 'public') : join(packageRoot, 'public'));
  tree(resolve(paths.configPath));
  tree(resolve(paths.contentDir));
  for (const file of extraInputs) tree(file);
  parts.push('git', git);
  return { key: h.digest(), newestMs: seen.newestMs };
}

/** Every file under `path` (or the file itself), by name and bytes, in a stable order; a missing path counts as such. */
function hashTree(path: string, parts: { push(...more: (string | Uint8Array)[]): void }, seen: { newestMs: number }): void {
  const statOf = (file: string) => {
    try {
      return statSync(file, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  const add = (file: string, stat: { mtimeMs: number }) => {
    parts.push(file, readFileSync(file));
    seen.newestMs = Math.max(seen.newestMs, stat.mtimeMs);
  };
  const top = statOf(path);
  if (!top) return void parts.push(path, 'missing');
  if (!top.isDirectory()) return add(path, top);
  for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = join(path, name);
    const entry = statOf(file);
    if (!entry) parts.push(file, 'dangling');
    else if (entry.isFile()) add(file, entry);
  }
}

/** The page dates come from git: the last commit that touched the content, and a shallow clone's boundary. */
export function gitState(contentDir: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const top = git('rev-parse', '--show-toplevel');
    const shallow = join(top, '.git', 'shallow');
    return `${git('log', '-1', '--format=%H', '--', '.')} ${existsSync(shallow) ? readFileSync(shallow, 'utf8') : ''}`;
  } catch {
    return 'no git';
  }
}

/**
 * The files outside the content folder that a build reads because the config names them: the logo and the
 * `customCss` stylesheets, with the local files those stylesheets `@import` or point at with `url()`.
 */
export function configInputs(config: { brand: { logo?: string }; customCss: readonly string[] }): string[] {
  const found = new Set<string>();
  if (config.brand.logo) found.add(resolve(config.brand.logo));
  const stylesheets = [...config.customCss.map((f) => resolve(f))];
  while (stylesheets.length) {
    const sheet = stylesheets.pop()!;
    if (found.has(sheet)) continue;
    found.add(sheet);
    let css: string;
    try {
      css = readFileSync(sheet, 'utf8');
    } catch {
      continue;
    }
    for (const { url, isImport } of cssReferences(css)) {
      const file = resolve(dirname(sheet), url.split(/[?#]/)[0]!);
      if (isImport || /\.css$/i.test(file)) stylesheets.push(file);
      else found.add(file);
    }
  }
  return [...found].sort();
}

/** Local references in a stylesheet: `@import "x.css"`, `@import url(x.css)`, `url(font.woff2)`. */
export function cssReferences(css: string): { url: string; isImport: boolean }[] {
  const out: { url: string; isImport: boolean }[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of text.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/gi)) out.push({ url: m[2]!, isImport: true });
  for (const m of text.matchAll(/(?<!@import\s+)url\(\s*(["']?)([^"')]+?)\1\s*\)/gi)) out.push({ url: m[2]!, isImport: false });
  return out.filter(({ url }) => !/^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(url) && !isAbsolute(url));
}

/** The output folder's files as a build leaves them, for the record (sorted, relative names). */
export function listOutput(outDir: string): OutputRecord['files'] {
  const files: OutputRecord['files'] = [];
  for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const stat = lstatSync(join(outDir, name), { bigint: true });
    if (stat.isFile()) files.push([name, Number(stat.size), String(stat.mtimeNs)]);
    else if (!stat.isDirectory()) files.push([name, -1, 'not a file']);
  }
  return files;
}

/** Whether the output folder still holds exactly the files of the record, untouched since that build. */
export function outputUnchanged(outDir: string, files: OutputRecord['files']): boolean {
  let now: OutputRecord['files'];
  try {
    now = listOutput(outDir);
  } catch {
    return false;
  }
  return now.length === files.length && now.every(([name, size, time], i) => name === files[i]![0] && size === files[i]![1] && time === files[i]![2]);
}

/** Relative to the working folder where that is shorter, as the build's own messages name folders. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
