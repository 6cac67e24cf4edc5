/**
 * A hash of everything that decides how Markdown becomes HTML, apart from the article and the site's links:
 * the plugins' and the renderer's source, the UI strings they print (callout and code labels), and the installed
 * versions of the Markdown packages. A cached article is reused only under the same fingerprint, so editing a
 * plugin, upgrading remark or changing a label renders every article again.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { hash } from '../build/build-cache.ts';

const root = resolve(import.meta.dirname, '../..');

/** Folders whose files the rendered HTML depends on. */
export const pipelineSources = ['plugins', 'src/markdown', 'src/content', 'src/i18n', 'src/security', 'src/schemas'].map((d) => join(root, d));

/** Packages the pipeline runs; their installed versions are part of the fingerprint. */
export const pipelinePackages = [
  'unified', 'remark-parse', 'remark-gfm', 'remark-directive', 'remark-rehype', 'rehype-raw', 'rehype-sanitize', 'rehype-highlight',
  'rehype-stringify', 'lowlight', 'highlight.js', 'hast-util-to-string', 'mdast-util-directive', 'github-slugger', 'unist-util-visit',
  'mdast-util-from-markdown', 'micromark', 'hast-util-raw', 'hast-util-to-html', 'hast-util-sanitize', 'mdast-util-to-hast', 'parse5',
];

let memo: string | undefined;

export function pipelineFingerprint(sources: readonly string[] = pipelineSources, packages: readonly string[] = pipelinePackages): string {
  if (memo && sources === pipelineSources && packages === pipelinePackages) return memo;
  const parts: string[] = [process.versions.node];
  for (const dir of sources) {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        parts.push(name, readFileSync(join(dir, name), 'utf8'));
      } catch {
        // a folder
      }
    }
  }
  const require = createRequire(join(root, 'package.json'));
  for (const name of packages) {
    let version = 'absent';
    try {
      version = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {
      // Not resolvable this way (exports without package.json): its dependents' versions still count.
    }
    parts.push(name, version);
  }
  const result = hash(...parts);
  if (sources === pipelineSources && packages === pipelinePackages) memo = result;
  return result;
}
