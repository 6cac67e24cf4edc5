import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { articleTypes } from '../schemas/index.ts';
import { asciiSlug } from './ascii-slug.ts';
import { didYouMean } from './diagnostics.ts';
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

/**
 * The body a new article starts with, in the article's language: a writer replaces it, and a reader of the
 * draft sees at a glance which parts are still placeholders. Other languages start from the English text.
 */
const templates: Record<string, Record<'faq' | 'guide', string>> = {
  en: {
    guide: 'One or two sentences: what this article helps the reader do.\n\n## Steps\n\n1. First step.\n2. Second step.\n',
    faq: '## First question?\n\nThe answer.\n\n## Second question?\n\nThe answer.\n',
  },
  ja: {
    guide: 'この記事で何ができるかを 1〜2 文で書きます。\n\n## 手順\n\n1. 最初の手順を書きます。\n2. 次の手順を書きます。\n',
    faq: '## 〇〇するにはどうすればいいですか？\n\n回答を書きます。\n\n## 〇〇はできますか？\n\n回答を書きます。\n',
  },
  ko: {
    guide: '이 글에서 무엇을 할 수 있는지 한두 문장으로 적습니다.\n\n## 방법\n\n1. 첫 번째 단계를 적습니다.\n2. 다음 단계를 적습니다.\n',
    faq: '## ○○하려면 어떻게 하나요?\n\n답변을 적습니다.\n\n## ○○할 수 있나요?\n\n답변을 적습니다.\n',
  },
};

const scaffoldFlags = ['lang', 'category', 'type', 'slug'] as const;

/**
 * `--lang ja --category billing --slug refunds "返金"` as typed after `npm run new --`. A mistyped option is
 * answered with a did-you-mean and the usage line, never a stack trace.
 */
export function parseScaffoldArgs(argv: string[]): { ok: true; options: ScaffoldOptions } | { ok: false; message: string } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(scaffoldFlags.map((f) => [f, { type: 'string' as const }])),
    });
    const { lang, category, type, slug } = values as Partial<Record<(typeof scaffoldFlags)[number], string>>;
    return { ok: true, options: { title: positionals.join(' '), locale: lang, category, type, slug } };
  } catch (error) {
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? '';
    const guess = didYouMean(option.replace(/^-+/, ''), scaffoldFlags);
    const what = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}` : `${option} needs a value`;
    return { ok: false, message: `${what}${guess && what.startsWith('unknown') ? `. Did you mean --${guess}?` : ''}\n${usage}` };
  }
}

/** Create `content/<lang>/<category>/<slug>.md` with valid frontmatter; refuse to overwrite anything. */
export function scaffoldArticle(options: ScaffoldOptions): { ok: boolean; message: string; path?: string } {
  const title = options.title.trim();
  if (!title || !options.locale || !options.category) return { ok: false, message: usage };
  const locale = options.locale;
  if (!localeFolder.test(locale)) return { ok: false, message: `"${locale}" is not a language tag. Use for example en, ja, ko or pt-BR` };
  const type = options.type ?? 'guide';
  if (!(articleTypes as readonly string[]).includes(type)) return { ok: false, message: `--type must be one of ${articleTypes.join(', ')}` };
  const contentDir = resolveContentDir(options.contentDir);

  const category = asciiSlug(options.category);
  if (!category) {
    const existing = categoriesIn(contentDir);
    return {
      ok: false,
      message: `--category "${options.category}" cannot be a folder name: use ASCII letters, digits and hyphens, e.g. --category ${existing[0] ?? 'billing'}. The title shown to readers goes in _category.yml` +
        (existing.length ? `\nCategories so far: ${existing.join(', ')}` : ''),
    };
  }
  let slug: string | undefined;
  if (options.slug !== undefined) {
    slug = asciiSlug(options.slug);
    if (!slug) return { ok: false, message: `--slug "${options.slug}" cannot be a URL: use ASCII letters, digits and hyphens, e.g. --slug request-a-refund` };
  } else {
    slug = asciiSlug(title);
    if (!slug) return { ok: false, message: slugNeeded({ title, locale, category, type, contentDir }) };
  }

  const path = join(contentDir, locale, category, `${slug}.md`);
  const shown = relative(process.cwd(), path) || path;
  if (existsSync(path)) return { ok: false, message: `${shown} already exists; nothing was changed. Pick another title or --slug` };
  mkdirSync(join(contentDir, locale, category), { recursive: true });
  const date = (options.today ?? new Date()).toISOString().slice(0, 10);
  const language = locale.split('-')[0]!.toLowerCase();
  const body = (templates[language] ?? templates.en!)[type === 'faq' ? 'faq' : 'guide'];
  const frontmatter = ['---', `title: ${JSON.stringify(title)}`, 'description: ""', `type: ${type}`, `updated: ${date}`, 'keywords: []', '---', ''];
  writeFileSync(path, `${frontmatter.join('\n')}\n${body}`, { flag: 'wx' });
  const english = templates[language] ? '' : ` The placeholder text is in English (there is none in ${locale} yet).`;
  return { ok: true, message: `Created ${shown}. Fill in the description and keywords, then run npm run check.${english}`, path };
}

/**
 * A title in Japanese or Korean slugifies to itself, and its URL is percent-encoded wherever it is shared.
 * Ask for an ASCII name instead, with the command to type, and the names of the articles this one may translate.
 */
function slugNeeded(o: { title: string; locale: string; category: string; type: string; contentDir: string }): string {
  const command = `npm run new -- --lang ${o.locale} --category ${o.category}${o.type === 'guide' ? '' : ` --type ${o.type}`} --slug my-article ${JSON.stringify(o.title)}`;
  const lines = [`Cannot build a readable URL from the title "${o.title}". Name the file with --slug, in ASCII letters, digits and hyphens:`, `  ${command}`];
  const untranslated = untranslatedIn(o.contentDir, o.locale, o.category);
  if (untranslated.length) {
    const list = untranslated.slice(0, 6).join(', ') + (untranslated.length > 6 ? `, and ${untranslated.length - 6} more` : '');
    lines.push(`Translating an article? Use its file name, so the language switcher pairs them. In ${o.category}, these have no ${o.locale} version yet: ${list}`);
  }
  return lines.join('\n');
}

/** File names (without .md) in `<category>` of the other languages that `<locale>/<category>` lacks. */
function untranslatedIn(contentDir: string, locale: string, category: string): string[] {
  const names = (lang: string) => {
    try {
      return readdirSync(join(contentDir, lang, category)).filter((f) => f.endsWith('.md') && !f.startsWith('_')).map((f) => f.slice(0, -3));
    } catch {
      return [];
    }
  };
  const have = new Set(names(locale));
  const others = languagesIn(contentDir).filter((l) => l !== locale).flatMap(names);
  return [...new Set(others)].filter((n) => !have.has(n)).sort();
}

function languagesIn(contentDir: string): string[] {
  try {
    return readdirSync(contentDir, { withFileTypes: true }).filter((e) => e.isDirectory() && localeFolder.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

function categoriesIn(contentDir: string): string[] {
  const all = languagesIn(contentDir).flatMap((lang) => {
    try {
      return readdirSync(join(contentDir, lang), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.')).map((e) => e.name);
    } catch {
      return [];
    }
  });
  return [...new Set(all)].sort();
}
