import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { KnowledgeBase } from '../content/model.ts';
import { basePath, withBase } from '../content/site-url.ts';
import { searchManifestUrl } from './search-index.ts';
import { translate, type UiKey } from '../i18n/ui-strings.ts';
import { contactDictionaries, translateContact, type ContactUiKey } from '../i18n/contact-strings.ts';
import { feedbackReasons } from '../feedback/events.ts';
import type { ContextEntry } from '../contact/context-match.ts';
import type { LoaderData, WidgetArticle, WidgetLocaleConfig } from '../widget/protocol.ts';
import { demoPageFiles } from '../widget/demo-page.ts';
import { themeBackgrounds } from '../schemas/brand.ts';
import { adjustForContrast } from '../content/contrast.ts';
import { builtLocale } from './locale-parts.ts';

const widgetSource = fileURLToPath(new URL('../widget/', import.meta.url));

/** Site strings the panel shows, next to every key of contact-strings.ts. */
const siteKeys: UiKey[] = [
  'search.label',
  'search.placeholder',
  'search.loading',
  'search.resultCount',
  'search.resultCountOne',
  'search.noResults',
  'search.noExact',
  'search.closest',
  'feedback.question',
  'feedback.yes',
  'feedback.no',
  'feedback.thanks',
  'feedback.reasonPrompt',
  ...feedbackReasons.map((r) => `feedback.reason.${r}` as UiKey),
  'feedback.comment',
  'feedback.send',
];

/**
 * The embeddable widget under `/_widget/`: `v1.js` (the loader: fixed name, short cache), `h/` (the panel module and
 * one config per language, content-hashed) and `a/<lang>/<category>/<slug>.json` (each article's body, to read in the
 * panel). Plus `/widget-demo/` when the config asks for it. The headers that let a product on another origin read
 * them are in `_headers` (see finish-build.ts).
 */
export async function writeWidgetFiles(kb: KnowledgeBase, outDir: string): Promise<void> {
  const files = await widgetFiles(kb);
  for (const dir of new Set(files.map((f) => dirname(join(outDir, f.path))))) await mkdir(dir, { recursive: true });
  // A few hundred at a time: one file per article, all at once, ran out of file descriptors on a large site (EMFILE
  // at 25,000 articles in one language with a limit of 20,000 open files).
  for (let i = 0; i < files.length; i += 256) await Promise.all(files.slice(i, i + 256).map((f) => writeFile(join(outDir, f.path), f.content)));
}

/**
 * The widget's files, as site paths (`/_widget/v1.js`, `/widget-demo/index.html`…) without the site's base, with
 * their content: what the build writes, and what the dev server serves from memory.
 */
export async function widgetFiles(kb: KnowledgeBase): Promise<{ path: string; content: string }[]> {
  if (!kb.config.widget.enabled || kb.locales.length === 0) return [];
  const base = basePath(kb.config.url);
  const link = (path: string) => withBase(base, path);
  const files: { path: string; content: string }[] = [];
  const write = (path: string, content: string) => void files.push({ path, content });
  const hashed = (name: string, ext: string, content: string) => `h/${name}.${createHash('sha256').update(content).digest('base64url').slice(0, 10)}.${ext}`;

  const panel = await bundle('panel.ts', 'esm');
  const panelName = hashed('panel', 'js', panel);
  write(`/_widget/${panelName}`, panel);

  const configs: Record<string, string> = {};
  for (const locale of kb.locales) {
    const config = await localeConfig(kb, locale.code, link);
    const json = JSON.stringify(config);
    configs[locale.code] = hashed(`config-${locale.code}`, 'json', json);
    write(`/_widget/${configs[locale.code]}`, json);
  }

  const categoryTitle = new Map(kb.categories.map((c) => [`${c.locale}/${c.slug}`, c.title]));
  // A build of some locales (KB_LOCALES) writes their articles; the configs and the loader are the same in every part.
  for (const a of kb.articles) {
    if (!builtLocale(a.locale)) continue;
    const article: WidgetArticle = { u: link(a.url), t: a.title, c: categoryTitle.get(`${a.locale}/${a.category}`) ?? '', h: a.html };
    write(widgetArticlePath(a.url), JSON.stringify(article));
  }

  const data: LoaderData = {
    labels: Object.fromEntries(kb.locales.map((l) => [l.code, translateContact(l.code, 'widget.button')])),
    defaultLocale: kb.locales.some((l) => l.code === kb.defaultLocale) ? kb.defaultLocale : kb.locales[0]!.code,
    rtl: kb.locales.filter((l) => l.dir === 'rtl').map((l) => l.code),
    panel: panelName,
    configs,
    css: brandCss(kb),
  };
  write('/_widget/v1.js', await bundle('loader.ts', 'iife', { __KB_WIDGET__: JSON.stringify(data) }));

  if (kb.config.widget.demo) files.push(...demoPageFiles(kb, link));
  return files;
}

/**
 * The help center's brand accent (kb.config.yml `brand`, contrast-checked there) for the button, links and focus
 * rings, so the widget looks like the help center it opens. The dark one is derived as the site derives it.
 */
function brandCss(kb: KnowledgeBase): string {
  const { accent, accentDark } = kb.config.brand;
  if (!accent && !accentDark) return '';
  const light = accent ?? '#1d5fbf';
  const dark = accentDark ?? (accent ? adjustForContrast(accent, themeBackgrounds.dark, 1) : '#7fb0ff');
  return `:host{--kbw-accent:${light}}@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){--kbw-accent:${dark}}}:host([data-theme=dark]){--kbw-accent:${dark}}`;
}

/** Where an article's widget copy is: `/en/billing/refund/` → `/_widget/a/en/billing/refund.json`. */
export function widgetArticlePath(url: string): string {
  return `/_widget/a${url.replace(/\/$/, '')}.json`;
}

async function localeConfig(kb: KnowledgeBase, locale: string, link: (path: string) => string): Promise<WidgetLocaleConfig> {
  const info = kb.locales.find((l) => l.code === locale)!;
  const articles = kb.articles.filter((a) => a.locale === locale);
  const manifest = await searchManifestUrl(locale);
  const contactKeys = Object.keys(contactDictionaries.en!) as ContactUiKey[];
  return {
    v: 1,
    locale,
    dir: info.dir,
    title: info.title,
    home: link(`/${locale}/`),
    manifest: manifest ? link(manifest) : '',
    maxResults: kb.config.search.maxResults,
    contactUrl: kb.config.contactUrl,
    contactPage: link(`/${locale}/contact/`),
    formAction: kb.config.contact.formAction !== '',
    analytics: kb.config.analyticsEndpoint,
    strings: Object.fromEntries([...siteKeys.map((k) => [k, translate(locale, k)]), ...contactKeys.map((k) => [k, translateContact(locale, k)])]),
    context: articles
      .filter((a) => a.frontmatter.context.length > 0)
      .map((a): ContextEntry => ({ p: a.frontmatter.context, u: link(a.url), t: a.title, d: a.description })),
    popular: articles.filter((a) => a.featured).slice(0, 5).map((a) => ({ u: link(a.url), t: a.title, d: a.description })),
  };
}

// The search client shares a manifest prefetched by the site's page script through a global; in someone else's page
// the widget defines no global but KBWidget, so it gets a stand-in that never has one.
const noPrefetch: Plugin = {
  name: 'kb-widget-no-prefetch',
  setup(b) {
    b.onResolve({ filter: /[\\/]prefetch\.ts$/ }, () => ({ path: 'no-prefetch', namespace: 'kb-widget' }));
    b.onLoad({ filter: /^no-prefetch$/, namespace: 'kb-widget' }, () => ({ contents: 'export const takePrefetchedManifest = () => undefined; export const prefetchSearchManifest = () => {};', loader: 'js' }));
  },
};

async function bundle(entry: string, format: 'esm' | 'iife', define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [join(widgetSource, entry)],
    bundle: true,
    format,
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    charset: 'utf8',
    define,
    plugins: [noPrefetch],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
