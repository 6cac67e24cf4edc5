import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';
import { createSiteConfigSchema, siteConfigSchema, type SiteConfig } from '../schemas/index.ts';
import type { Diagnostic } from './model.ts';
import { didYouMean } from './diagnostics.ts';

/** Read and validate `kb.config.yml`. A missing file means all defaults; every problem is reported with its line. */
export function loadSiteConfig(path: string): { config: SiteConfig; diagnostics: Diagnostic[] } {
  const file = relative(process.cwd(), path) || path;
  const diagnostics: Diagnostic[] = [];
  // KB_SITE_URL overrides `url`, so CI can publish one build to wherever it is served (the GitHub Pages
  // workflow passes the address Pages reports, with its /<repository> path).
  const override = process.env.KB_SITE_URL ? { url: process.env.KB_SITE_URL } : {};
  const defaults = siteConfigSchema.parse({});
  if (!existsSync(path)) {
    const fromEnv = siteConfigSchema.safeParse(override);
    if (fromEnv.success) return { config: fromEnv.data, diagnostics };
    diagnostics.push({ severity: 'error', code: 'config', file: 'KB_SITE_URL', message: `url: ${fromEnv.error.issues[0]!.message}`, hint: 'Set it to the address the site is served at, e.g. https://example.github.io/help-center' });
    return { config: defaults, diagnostics };
  }

  const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const doc = parseDocument(source, { prettyErrors: false });
  const lineAt = (offset?: number) => (offset === undefined ? undefined : source.slice(0, offset).split('\n').length);
  for (const e of doc.errors) {
    diagnostics.push({ severity: 'error', code: 'config-yaml', file, line: lineAt(e.pos[0]), message: `the config is not valid YAML (${e.message.split('\n')[0]})` });
  }
  if (diagnostics.length) return { config: defaults, diagnostics };

  let raw: unknown;
  try {
    raw = doc.toJS() ?? {};
  } catch (e) {
    // The yaml library refuses aliases that expand without bound ("billion laughs").
    diagnostics.push({ severity: 'error', code: 'config-yaml', file, line: 1, message: `the config is not valid YAML (${String((e as Error).message).split('\n')[0]})`, hint: 'Write the values out instead of using YAML aliases (*name)' });
    return { config: defaults, diagnostics };
  }
  const result = createSiteConfigSchema(dirname(resolve(path))).safeParse(raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...raw, ...override } : raw);
  if (result.success) return { config: result.data, diagnostics };
  const known = Object.keys(siteConfigSchema.shape);
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    let message = `${path.join('.') || 'config'}: ${issue.message}`;
    // A rule can carry its own fix (brand colours suggest one that passes).
    let hint = issue.code === 'custom' && typeof issue.params?.hint === 'string' ? issue.params.hint : undefined;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const where = path.length ? `${path.join('.')}.` : '';
      message = `unknown config key "${where}${key}"`;
      const suggestion = path.length === 0 ? didYouMean(key, known) : undefined;
      hint = suggestion ? `Did you mean "${suggestion}"?` : path.length === 0 ? `Known keys: ${known.join(', ')}` : undefined;
      path.push(key);
    }
    diagnostics.push({ severity: 'error', code: 'config', file, line: lineAt(nodeOffset(doc, path)), message, hint });
  }
  return { config: defaults, diagnostics };
}

function nodeOffset(doc: Document, path: string[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    // A list item (footer.links[0]): its own line.
    if (isSeq(node) && /^\d+$/.test(key)) {
      const item = node.items[Number(key)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) break;
    offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
    node = pair.value;
  }
  return offset;
}
