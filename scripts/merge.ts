// npm run merge -- part-en part-ja part-ko --out dist: one site from the parts that `npm run build -- --locales …`
// built, for example in the jobs of a CI matrix. Each part holds its locales' pages and search files plus the files
// every part writes the same (the home redirect, 404, scripts, styles, images, the sitemap, headers): a file found
// in several parts must have the same bytes in each, or the parts were built from different content or settings and
// nothing is merged. The result goes into a staging folder and replaces the output only when complete. Files are
// hard-linked from the parts where they share a file system: no build writes into a file in place (it stages and
// swaps), so the parts and the output never change each other.
import { cp, link, lstat, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const argv = process.argv.slice(2);
const outAt = argv.findIndex((a) => a === '--out' || a.startsWith('--out='));
const outArg = outAt === -1 ? undefined : argv[outAt]!.includes('=') ? argv[outAt]!.slice(6) : argv[outAt + 1];
const parts = argv.filter((a, i) => !a.startsWith('--') && (outAt === -1 || i !== outAt + 1)).map((p) => resolve(p));
const outDir = resolve(outArg ?? process.env.KB_OUT_DIR ?? 'dist');
const usage = 'Usage: npm run merge -- <part folder> <part folder> … [--out dist]';

if (argv.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
if (parts.length < 2) fail(`merge needs two or more parts built with --locales. ${usage}`, 2);
for (const part of parts) {
  if (!(await stat(part).then((s) => s.isDirectory(), () => false))) fail(`there is no folder at ${shown(part)}`, 2);
  if (part === outDir) fail(`the output ${shown(outDir)} is also a part: merge into another folder`, 2);
}

/** Every file under `dir`, as paths relative to it. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

const owner = new Map<string, string>();
const differ: string[] = [];
let shared = 0;
for (const part of parts) {
  for (const file of await files(part)) {
    const first = owner.get(file);
    if (!first) {
      owner.set(file, part);
      continue;
    }
    shared++;
    const [a, b] = await Promise.all([readFile(join(first, file)), readFile(join(part, file))]);
    if (!a.equals(b)) differ.push(`${file} (${shown(first)} and ${shown(part)})`);
  }
}
if (differ.length) {
  const list = differ.slice(0, 10).map((d) => `  ${d}`).join('\n');
  fail(`${differ.length} file${differ.length === 1 ? ' differs' : 's differ'} between the parts:\n${list}${differ.length > 10 ? '\n  …' : ''}\nBuild every part from the same commit and settings, each with its own --locales.`, 1);
}
if (shared === 0) fail('the parts share no file: they are not parts of one site built with --locales', 1);

const staging = `${outDir}.merging-${process.pid}`;
try {
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // Each file once, from the part that had it first: a hard link where the parts are on the same file system as the
  // output (no bytes copied, and the parts stay as they were), a copy where not.
  const byFile = [...owner];
  await Promise.all([...new Set(byFile.map(([file]) => dirname(join(staging, file))))].map((d) => mkdir(d, { recursive: true })));
  let next = 0;
  const worker = async () => {
    while (next < byFile.length) {
      const [file, part] = byFile[next++]!;
      await link(join(part, file), join(staging, file)).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
        await cp(join(part, file), join(staging, file), { verbatimSymlinks: true });
      });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const old = `${outDir}.old-${process.pid}`;
  const had = await lstat(outDir).then(() => true, () => false);
  if (had) await rename(outDir, old);
  await rename(staging, outDir);
  if (had) await rm(old, { recursive: true, force: true });
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  fail(`merge failed: ${error instanceof Error ? error.message : String(error)}`, 1);
}
console.log(`Merged ${parts.length} parts (${owner.size.toLocaleString('en')} files, ${shared.toLocaleString('en')} the same in several) into ${outDir}.`);

function shown(path: string): string {
  return relative(process.cwd(), path) || '.';
}

function fail(message: string, code: number): never {
  console.error(`Merge stopped: ${message}`);
  process.exit(code);
}
