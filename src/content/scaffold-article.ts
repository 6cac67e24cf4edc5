import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { slug as slugify } from 'github-slugger';
import { articleTypes } from '../schemas/index.ts';
import { resolveContentDir } from './knowledge-base.ts';
import { localeFolder } from './resolve-links.ts';

export interface ScaffoldOptions {
  title: string;
  locale?: string;
  category?: string;
  type?: string;
  slug?: string;
  contentDir?: string;
  today?: Date;
}

const usage = 'Usage: npm run new -- --lang ja --category billing [--type faq] [--slug refunds] "Title"';

/** Create `content/<lang>/<category>/<slug>.md` with valid frontmatter; refuse to overwrite anything. */
export function scaffoldArticle(options: ScaffoldOptions): { ok: boolean; message: string; path?: string } {
  const title = options.title.trim();
  if (!title || !options.locale || !options.category) return { ok: false, message: usage };
  if (!localeFolder.test(options.locale)) return { ok: false, message: `"${options.locale}" is not a language tag. Use for example en, ja, ko or pt-BR` };
  if (!(articleTypes as readonly string[]).includes(options.type ?? 'guide')) return { ok: false, message: `--type must be one of ${articleTypes.join(', ')}` };
  const category = slugify(options.category);
  // Titles in Japanese or Korean slugify to themselves; that is a valid URL, but writers may prefer --slug.
  const slug = slugify(options.slug ?? title);
  if (!category || !slug) return { ok: false, message: `Cannot build a file name from "${options.slug ?? title}". Pass --slug my-article` };
  const contentDir = resolveContentDir(options.contentDir);
  const path = join(contentDir, options.locale, category, `${slug}.md`);
  const shown = relative(process.cwd(), path) || path;
  if (existsSync(path)) return { ok: false, message: `${shown} already exists; nothing was changed. Pick another title or --slug` };
  mkdirSync(join(contentDir, options.locale, category), { recursive: true });
  const date = (options.today ?? new Date()).toISOString().slice(0, 10);
  const type = options.type ?? 'guide';
  const body =
    type === 'faq'
      ? '## First question?\n\nThe answer.\n\n## Second question?\n\nThe answer.\n'
      : 'One or two sentences: what this article helps the reader do.\n\n## Steps\n\n1. First step.\n2. Second step.\n';
  const frontmatter = ['---', `title: ${JSON.stringify(title)}`, 'description: ""', `type: ${type}`, `updated: ${date}`, 'keywords: []', '---', ''];
  writeFileSync(path, `${frontmatter.join('\n')}\n${body}`, { flag: 'wx' });
  return { ok: true, message: `Created ${shown}. Fill in the description and keywords, then run npm run check.`, path };
}
