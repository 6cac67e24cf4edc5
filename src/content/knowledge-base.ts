import { readdirSync, readFileSync, existsSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, extname, basename, sep } from 'node:path';
import { slug as slugify } from 'github-slugger';
import { parse as parseYaml } from 'yaml';
import { categorySchema, type CategoryMeta, type SiteConfig } from '../schemas/index.ts';
import type { Article, Category, Diagnostic, KnowledgeBase, LocaleInfo } from './model.ts';
import type { Frontmatter } from '../schemas/index.ts';
import { parseArticleSource } from './parse-frontmatter.ts';
import { resolveConfigPath, resolveContentDir } from './project-paths.ts';
import { loadSiteConfig } from './load-site-config.ts';
import { readGitDates } from './git-dates.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { renderArticles } from '../markdown/render-pool.ts';
import { builtLocale } from '../build/locale-parts.ts';
import { defaultArticleLimits, type ArticleLimits } from '../markdown/article-limits.ts';
import { languageName } from '../i18n/ui-strings.ts';
import { setStringOverrides } from '../i18n/string-overrides.ts';
import { localeFolder } from './resolve-links.ts';
import { loadSynonyms } from './load-synonyms.ts';
import { resolveBrand } from './brand.ts';
import { isInside } from './image-assets.ts';

export { resolveArticleLink } from './resolve-links.ts';

export interface LoadOptions {
  /** @default process.env.KB_CONTENT_DIR, else `<cwd>/content` */
  contentDir?: string;
  /** @default process.env.KB_CONFIG, else `<cwd>/kb.config.yml` (optional file) */
  configPath?: string;
  /** Read last-updated dates from git. @default true */
  gitDates?: boolean;
  /** Nesting and time limits per article (tests lower them). @default defaultArticleLimits */
  limits?: Partial<ArticleLimits>;
}

/** Past this a page is unusable for a reader; the build says so instead of shipping a giant page. */
export const maxArticleBytes = 2 * 1024 * 1024;

export { resolveContentDir } from './project-paths.ts';

interface Draft {
  locale: string;
  category: string;
  fileSlug: string;
  absolutePath: string;
  sourcePath: string;
  displayPath: string;
  /** Empty when the file is over the size limit: it is never read. */
  bytes: Buffer;
  size: number;
}

/** Files that start with _ and belong where they are: category metadata, writers' search tests and synonyms. */
const localeFiles = new Set(['_search-tests.yml', '_search-tests.yaml', '_synonyms.yml', '_synonyms.yaml']);
const categoryFiles = new Set(['_category.yml', '_category.yaml']);

/**
 * Folders and files that start with _ are not published (that is how `_assets` stays out of the locales). When
 * one holds Markdown, a writer probably expects it to be published, so say why it is not.
 */
function warnSkipped(abs: string, isDirectory: boolean, display: (abs: string) => string, warn: (file: string, code: string, message: string, hint?: string) => void) {
  const name = basename(abs);
  if (!isDirectory) {
    if (extname(name).toLowerCase() === '.md') warn(display(abs), 'skipped', `"${name}" starts with "_", so it is not published`, 'Remove the leading "_" to publish it; to keep an article unpublished, set draft: true in it instead');
    return;
  }
  const articles = readdirSync(abs, { recursive: true }).filter((f) => String(f).toLowerCase().endsWith('.md')).length;
  if (articles === 0) return;
  warn(
    display(abs),
    'skipped',
    `the folder "${name}" starts with "_", so the ${articles === 1 ? 'Markdown file' : `${articles} Markdown files`} in it ${articles === 1 ? 'is' : 'are'} not published`,
    'Folders starting with "_" hold images and other files; move articles into content/<language>/<category>/, and set draft: true in those that are not ready',
  );
}

/** Read the whole content folder into a KnowledgeBase. Never throws for writer mistakes: they become diagnostics. */
export async function loadKnowledgeBase(options: LoadOptions = {}): Promise<KnowledgeBase> {
  const contentDir = resolveContentDir(options.contentDir);
  const configPath = resolveConfigPath(options.configPath);
  const { config, diagnostics } = loadSiteConfig(configPath);
  setStringOverrides(config.strings);
  const display = (abs: string) => relative(process.cwd(), abs) || abs;
  const error = (file: string, code: string, message: string, hint?: string, line?: number) =>
    diagnostics.push({ severity: 'error', code, file, line, message, hint });
  const warn = (file: string, code: string, message: string, hint?: string, line?: number) =>
    diagnostics.push({ severity: 'warning', code, file, line, message, hint });

  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    error(display(contentDir), 'content-missing', 'the content folder does not exist', 'Create it, or point KB_CONTENT_DIR at your content folder');
    return emptyKnowledgeBase(config, contentDir, diagnostics);
  }

  // 1. Walk the tree: <lang>/<category>/<slug>.md. Anything else is explained, not ignored silently.
  const drafts: Draft[] = [];
  const categoryFolders: { locale: string; category: string; dir: string }[] = [];
  const localeCodes: string[] = [];
  const realContentDir = realpathSync(contentDir);
  const skipped = (abs: string, isDirectory: boolean) => warnSkipped(abs, isDirectory, display, warn);
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    const abs = join(contentDir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('_')) {
      skipped(abs, entry.isDirectory());
      continue;
    }
    if (!entry.isDirectory()) {
      if (entry.name.endsWith('.md')) error(display(abs), 'wrong-depth', 'articles must be inside a language and a category folder', `Move it to ${display(join(contentDir, 'en', 'general', entry.name))}`);
      continue;
    }
    if (!localeFolder.test(entry.name)) {
      error(display(abs), 'unknown-locale', `"${entry.name}" is not a language folder`, 'Top-level folders must be language tags such as en, ja, ko or pt-BR; prefix other folders with _ (e.g. _assets)');
      continue;
    }
    localeCodes.push(entry.name);
    for (const cat of readdirSync(abs, { withFileTypes: true })) {
      const catAbs = join(abs, cat.name);
      if (cat.name.startsWith('.')) continue;
      if (cat.name.startsWith('_')) {
        if (!localeFiles.has(cat.name)) skipped(catAbs, cat.isDirectory());
        continue;
      }
      if (!cat.isDirectory()) {
        if (cat.name.endsWith('.md')) error(display(catAbs), 'wrong-depth', 'articles must be inside a category folder', `Move it to ${display(join(abs, 'general', cat.name))}`);
        continue;
      }
      const category = slugify(cat.name);
      if (category !== cat.name) warn(display(catAbs), 'folder-name', `the folder name "${cat.name}" is published as "${category}"`, `Rename the folder to ${category} so URLs match`);
      categoryFolders.push({ locale: entry.name, category, dir: catAbs });
      collectArticles(catAbs, entry.name, category, drafts, display, error, warn, realContentDir);
    }
  }
  localeCodes.sort();
  const { synonyms, diagnostics: synonymProblems } = loadSynonyms(contentDir, localeCodes, display);
  diagnostics.push(...synonymProblems);

  const defaultLocale = localeCodes.includes(config.defaultLocale) ? config.defaultLocale : localeCodes.includes('en') ? 'en' : (localeCodes[0] ?? config.defaultLocale);
  const locales: LocaleInfo[] = [defaultLocale, ...localeCodes.filter((l) => l !== defaultLocale)]
    .filter((l) => localeCodes.includes(l))
    .map((code) => ({
      code,
      label: config.locales[code]?.label ?? languageName(code),
      title: config.locales[code]?.title ?? config.title,
      dir: config.locales[code]?.dir ?? 'ltr',
    }));

  // 2. Frontmatter first, for every file, so links can resolve to any article before rendering.
  const parsed = drafts.map((d) => {
    if (d.size > maxArticleBytes) {
      error(d.displayPath, 'too-large', `the article is ${(d.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxArticleBytes / 1024 / 1024} MB`, 'Split it into several articles');
      return { d, p: undefined, broken: undefined };
    }
    const p = parseArticleSource(d.bytes, d.displayPath);
    diagnostics.push(...p.diagnostics);
    return { d, p: p.frontmatter ? p : undefined, broken: p.recovered ? p : undefined };
  });

  const byPath = new Map<string, { url: string; article?: Article }>();
  const byUrl = new Map<string, string>();
  for (const { d, p } of parsed) {
    if (!p?.frontmatter) continue;
    const slug = p.frontmatter.slug ?? d.fileSlug;
    const url = `/${d.locale}/${d.category}/${slug}/`;
    const clash = byUrl.get(url);
    if (clash) {
      error(d.displayPath, 'duplicate-url', `this article and ${clash} are both published at ${url}`, 'Rename one file or give one of them a different slug in its frontmatter');
    } else byUrl.set(url, d.displayPath);
    byPath.set(d.absolutePath, { url });
  }
  // Articles whose frontmatter has errors still get a URL (unless a valid article has it), so links to them
  // are not reported as broken on top of their own errors, and their bodies can be checked.
  const brokenUrls = new Map<string, string>();
  for (const { d, broken } of parsed) {
    if (!broken?.recovered) continue;
    const url = `/${d.locale}/${d.category}/${broken.recovered.slug ?? d.fileSlug}/`;
    if (byUrl.has(url) || brokenUrls.has(url)) continue;
    brokenUrls.set(url, d.displayPath);
    byPath.set(d.absolutePath, { url });
  }
  const categoryDirs = new Map(categoryFolders.map((c) => [c.dir, `/${c.locale}/${c.category}/`]));

  // 3. Render every article once (on all cores for large sites).
  const gitDates = options.gitDates === false ? new Map<string, Date>() : readGitDates(contentDir);
  const valid = parsed.flatMap(({ d, p }) => (p?.frontmatter && byUrl.get(byPath.get(d.absolutePath)?.url ?? '') === d.displayPath ? [{ d, p, fm: p.frontmatter }] : []));
  const unpublishable = parsed.flatMap(({ d, broken }) => (broken?.recovered && brokenUrls.get(byPath.get(d.absolutePath)?.url ?? '') === d.displayPath ? [{ d, p: broken, fm: broken.recovered }] : []));
  const toRender = [...valid, ...unpublishable];
  const setup = {
    siteOrigin: config.url,
    contentDir,
    articleUrls: [...byPath].map(([path, { url }]) => [path, url] as [string, string]),
    categoryUrls: [...categoryDirs],
    limits: { ...defaultArticleLimits, ...options.limits },
    strings: config.strings,
  };
  const input = ({ d, p, fm }: (typeof toRender)[number]) => ({ body: p.body, path: d.absolutePath, locale: d.locale, articleType: fm.type, lineOffset: p.bodyLineOffset });
  // A build of some locales (KB_LOCALES, src/build/locale-parts.ts) renders theirs, and then the articles of other
  // locales that theirs link to with an anchor, so that anchor is checked here; the other parts render the rest.
  const first = toRender.filter(({ d }) => builtLocale(d.locale));
  const firstOut = await renderArticles(setup, first.map(input));
  const rendered = new Map(first.map((entry, i) => [entry, firstOut.results[i]!]));
  const published = new Map(firstOut.images.map((i) => [i.url, i]));
  if (first.length < toRender.length) {
    const byEntryUrl = new Map(toRender.map((entry) => [byPath.get(entry.d.absolutePath)!.url, entry]));
    const targets = new Set<(typeof toRender)[number]>();
    for (const result of firstOut.results) {
      for (const link of result.links) {
        const [path, hash] = (link.resolved ?? link.href).split('#', 2);
        const target = hash && path?.startsWith('/') ? byEntryUrl.get(path.split('?')[0]!.replace(/\/?$/, '/')) : undefined;
        if (target && !rendered.has(target)) targets.add(target);
      }
    }
    const linked = [...targets];
    const linkedOut = await renderArticles(setup, linked.map(input));
    linked.forEach((entry, i) => rendered.set(entry, linkedOut.results[i]!));
    for (const image of linkedOut.images) published.set(image.url, image);
  }
  const notRendered: (typeof firstOut.results)[number] = { html: '', headings: [], anchors: [], sections: [], faq: [], text: '', links: [], images: [], messages: [] };
  const results = toRender.map((entry) => rendered.get(entry) ?? notRendered);
  const images = [...published.values()];

  const toArticle = ({ d, fm }: { d: Draft; fm: Frontmatter }, rendered: (typeof results)[number]): Article => {
    for (const m of rendered.messages) warn(d.displayPath, 'markdown', m.message, undefined, m.line);
    if (rendered.failure) error(d.displayPath, 'render', rendered.failure.message, rendered.failure.hint, rendered.failure.line);
    return {
      locale: d.locale,
      category: d.category,
      slug: fm.slug ?? d.fileSlug,
      translationKey: `${d.category}/${d.fileSlug}`,
      url: byPath.get(d.absolutePath)!.url,
      sourcePath: d.sourcePath,
      displayPath: d.displayPath,
      title: fm.title,
      description: fm.description,
      type: fm.type,
      tags: fm.tags,
      keywords: fm.keywords,
      order: fm.order,
      draft: fm.draft,
      featured: fm.featured,
      related: fm.related,
      updated: fm.updated ?? gitDates.get(d.absolutePath),
      frontmatter: fm,
      html: rendered.html,
      headings: rendered.headings,
      anchors: rendered.anchors,
      sections: rendered.sections,
      faq: rendered.faq,
      text: rendered.text,
      links: rendered.links.map((l) => ({ href: l.href, resolved: l.resolved, line: l.line })),
      images: rendered.images.map((img) => ({ src: img.src, line: img.line, found: img.found, ...(img.problem ? { problem: img.problem } : {}) })),
    };
  };
  const allArticles = valid.map((entry, i) => toArticle(entry, results[i]!));
  const invalidArticles = unpublishable.map((entry, i) => toArticle(entry, results[valid.length + i]!));

  // 4. Categories, with their display order and humanised titles.
  const categories: Category[] = [];
  for (const folder of categoryFolders) {
    const meta = readCategoryMeta(folder.dir, display, diagnostics);
    const articles = allArticles
      .filter((a) => !a.draft && a.locale === folder.locale && a.category === folder.category)
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, a.locale));
    // A folder whose articles all failed to parse already has errors: "empty" would only add noise.
    const failed = parsed.some(({ d, p }) => !p && d.locale === folder.locale && d.category === folder.category);
    if (articles.length === 0 && !failed) {
      warn(display(folder.dir), 'empty-category', 'the category has no published articles, so it is not shown', 'Add an article, publish a draft, or remove the folder');
      continue;
    }
    if (articles.length === 0) continue;
    categories.push({
      locale: folder.locale,
      slug: folder.category,
      title: meta.title ?? humanise(folder.category),
      description: meta.description,
      order: meta.order,
      url: `/${folder.locale}/${folder.category}/`,
      articles,
    });
  }
  categories.sort((a, b) => a.locale.localeCompare(b.locale) || a.order - b.order || a.title.localeCompare(b.title, a.locale));
  const articles = categories.flatMap((c) => c.articles);
  const brand = resolveBrand(config);

  return {
    config,
    contentDir,
    defaultLocale,
    locales,
    allArticles,
    invalidArticles,
    articles,
    categories,
    // The logo is published like an article image: content-hashed, copied by finishBuild.
    images: [...images.map((i) => ({ url: i.url, source: i.source, ...(i.body === undefined ? {} : { body: i.body }) })), ...(brand.logo ? [{ url: brand.logo.url, source: brand.logo.source }] : [])],
    synonyms,
    brand,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

function collectArticles(
  dir: string,
  locale: string,
  category: string,
  drafts: Draft[],
  display: (abs: string) => string,
  error: (file: string, code: string, message: string, hint?: string) => void,
  warn: (file: string, code: string, message: string, hint?: string) => void,
  realContentDir: string,
) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('_')) {
      if (!categoryFiles.has(entry.name)) warnSkipped(abs, entry.isDirectory(), display, warn);
      continue;
    }
    if (entry.isDirectory()) {
      const nested = readdirSync(abs, { recursive: true }).some((f) => String(f).endsWith('.md'));
      if (nested) error(display(abs), 'wrong-depth', 'categories cannot contain sub-folders of articles', `Move the articles up into ${display(dir)} or into a category of their own`);
      continue;
    }
    if (extname(entry.name).toLowerCase() !== '.md') continue;
    let size: number;
    if (entry.isSymbolicLink()) {
      // A link may point anywhere; publishing what it points to would publish files from outside the content folder.
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        error(display(abs), 'symlink', 'the file is a symbolic link to a file that does not exist', 'Remove the link, or copy the article into the content folder');
        continue;
      }
      if (!isInside(realContentDir, real)) {
        error(display(abs), 'symlink', `the file is a symbolic link to ${real}, outside the content folder`, 'Copy the article into the content folder instead of linking to it');
        continue;
      }
    }
    try {
      const stat = statSync(abs);
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      continue;
    }
    const base = basename(entry.name, extname(entry.name));
    const fileSlug = slugify(base);
    if (!fileSlug) {
      error(display(abs), 'file-name', `the file name "${entry.name}" has no letters or digits to build a URL from`, 'Rename it, e.g. request-a-refund.md');
      continue;
    }
    if (fileSlug !== base) {
      warn(display(abs), 'file-name', `the file name "${entry.name}" is published as "${fileSlug}"`, `Rename it to ${fileSlug}.md, or set slug: in its frontmatter`);
    }
    drafts.push({
      locale,
      category,
      fileSlug,
      absolutePath: abs,
      sourcePath: relative(resolveRoot(dir, 2), abs).split(sep).join('/'),
      displayPath: display(abs),
      bytes: size > maxArticleBytes ? Buffer.alloc(0) : readFileSync(abs),
      size,
    });
  }
}

function resolveRoot(categoryDir: string, up: number): string {
  let d = categoryDir;
  for (let i = 0; i < up; i++) d = dirname(d);
  return d;
}

function readCategoryMeta(dir: string, display: (abs: string) => string, diagnostics: Diagnostic[]): CategoryMeta {
  const defaults = categorySchema.parse({});
  const file = ['_category.yml', '_category.yaml'].map((n) => join(dir, n)).find((f) => existsSync(f));
  if (!file) return defaults;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) ?? {};
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    diagnostics.push({ severity: 'error', code: 'category-yaml', file: display(file), line, message: `not valid YAML (${String((e as Error).message).split('\n')[0]})` });
    return defaults;
  }
  const result = categorySchema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
    diagnostics.push({
      severity: 'error',
      code: 'category-field',
      file: display(file),
      message: issue.code === 'unrecognized_keys' ? `unknown key "${key}"` : `${key}: ${issue.message}`,
      hint: 'A _category.yml may hold title, description and order',
    });
  }
  return defaults;
}

/** `getting-started` → `Getting started`. */
export function humanise(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function emptyKnowledgeBase(config: SiteConfig, contentDir: string, diagnostics: Diagnostic[]): KnowledgeBase {
  return { config, contentDir, defaultLocale: config.defaultLocale, locales: [], allArticles: [], invalidArticles: [], articles: [], categories: [], images: [], synonyms: {}, brand: resolveBrand(config), diagnostics };
}

const cacheKey = Symbol.for('kb-site.knowledge-base');
type Cache = { key: string; promise: Promise<KnowledgeBase> };

/**
 * The knowledge base for this process. Astro bundles page code separately from the integration, so the
 * cache lives on globalThis: Markdown is rendered once per build however many module copies ask.
 */
export function getKnowledgeBase(options: LoadOptions = {}): Promise<KnowledgeBase> {
  const g = globalThis as typeof globalThis & { [cacheKey]?: Cache };
  const key = `${resolveContentDir(options.contentDir)}|${options.configPath ?? process.env.KB_CONFIG ?? ''}`;
  if (!g[cacheKey] || g[cacheKey].key !== key) g[cacheKey] = { key, promise: loadKnowledgeBase(options) };
  return g[cacheKey].promise;
}

/** Forget the cached knowledge base (the dev server calls this when content changes). */
export function invalidateKnowledgeBase(): void {
  delete (globalThis as typeof globalThis & { [cacheKey]?: Cache })[cacheKey];
}
