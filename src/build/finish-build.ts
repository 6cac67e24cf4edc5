import { copyFile, mkdir, readdir, writeFile, stat } from 'node:fs/promises';
import { join, dirname, extname } from 'node:path';
import type { KnowledgeBase } from '../content/model.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { compressFiles } from './compress-files.ts';
import { basePath } from '../content/site-url.ts';
import { writeWidgetFiles } from './widget-files.ts';

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt', '.webmanifest']);

/** After Astro wrote the pages: publish article images and downloads, and write host headers. `scripts/build.ts` precompresses last. */
export async function finishBuild(kb: KnowledgeBase, outDir: string, writeExtra?: (outDir: string) => Promise<void>): Promise<void> {
  await copyImages(kb, outDir);
  await writeHostHeaders(kb, outDir);
  if (writeExtra) await writeExtra(outDir);
  // After the search index: the widget's config files point at its manifests.
  await writeWidgetFiles(kb, outDir);
}

async function copyImages(kb: KnowledgeBase, outDir: string) {
  for (const image of kb.images) {
    const target = join(outDir, image.url);
    await mkdir(dirname(target), { recursive: true });
    // A sanitized SVG is written from its checked text, never copied from the writer's file.
    if (image.body !== undefined) await writeFile(target, image.body);
    else await copyFile(image.source, target);
  }
}

/**
 * `_headers` (Netlify, Cloudflare Pages and others read it): the same CSP as the meta tag plus the
 * header-only directives, and cache rules: content-hashed files forever, HTML and the search manifests' fixed
 * copies always revalidated. A later rule overrides an earlier one for the same header.
 */
async function writeHostHeaders(kb: KnowledgeBase, outDir: string) {
  const base = basePath(kb.config.url);
  const lines = [
    `${base}/*`,
    `  Content-Security-Policy: ${contentSecurityPolicy(kb.config, { forHeader: true })}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '  Cache-Control: public, max-age=0, must-revalidate',
    `${base}/_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}/_assets/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}/_search/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    // The one search file with a fixed name (the manifest copy pages point at): revalidated like a page.
    `${base}/_search/*/manifest.json`,
    '  Cache-Control: public, max-age=0, must-revalidate',
    ...widgetHeaders(kb, base),
    '',
  ];
  await writeFile(join(outDir, '_headers'), lines.join('\n'));
}

/**
 * The widget runs in products on other origins: its files and the search index it reads are the only ones that
 * answer CORS. Its loader has a fixed name, so it is cached briefly; its panel and configs are content-hashed.
 */
function widgetHeaders(kb: KnowledgeBase, base: string): string[] {
  if (!kb.config.widget.enabled) return [];
  // One fixed value (`*` or the product's origin), so nothing varies by request and no Vary header is needed.
  const cors = [`  Access-Control-Allow-Origin: ${kb.config.widget.allowOrigin}`];
  return [
    `${base}/_search/*`,
    ...cors,
    `${base}/_widget/*`,
    ...cors,
    `${base}/_widget/v1.js`,
    '  Cache-Control: public, max-age=300',
    `${base}/_widget/h/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
  ];
}

/** `.br` and `.gz` beside each text file, so any static host or CDN can serve them without compressing on the fly. */
export async function precompress(outDir: string): Promise<void> {
  const files = await listFiles(outDir);
  // The search index is written with its own .br/.gz by writeSearchFiles.
  const jobs = files
    .filter((f) => compressible.has(extname(f)) && !/[\\/]_search[\\/]/.test(f))
    .map((file) => ({ file, hashed: /[\\/]_(astro|assets|widget[\\/]h)[\\/]/.test(file) }));
  await compressFiles(jobs);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
