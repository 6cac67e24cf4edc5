/**
 * `npm run search -- "<query>" [--lang ja] [--json] [--dist dist] [--limit 10]`: query the built site's index from
 * the terminal, through the same client code the browser runs (files are read from disk instead of fetched).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createSearchClient, type ArticleResult } from './client.ts';
import { createFileFetch } from './file-fetch.ts';

export const usage = 'Usage: npm run search -- "<query>" [--lang en|ja|ko] [--json] [--explain] [--dist dist] [--limit 10]';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runSearchCli(argv: readonly string[], io: CliIo = { out: console.log, err: console.error }): Promise<number> {
  const args = [...argv];
  const take = (name: string) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const flag = (name: string) => (args.includes(`--${name}`) ? (args.splice(args.indexOf(`--${name}`), 1), true) : false);
  const json = flag('json');
  const explain = flag('explain');
  const dist = resolve(take('dist') ?? 'dist');
  const lang = take('lang');
  const limit = Number(take('limit') ?? 10);
  const query = args.filter((a) => !a.startsWith('--')).join(' ').trim();
  if (!query || !Number.isInteger(limit) || limit < 1 || args.some((a) => a.startsWith('--'))) {
    io.err(usage);
    return 2;
  }

  const root = join(dist, '_search');
  const locales = await readdir(root).catch(() => [] as string[]);
  const rel = relative(process.cwd(), dist);
  const shown = rel && !rel.startsWith('..') ? rel : dist;
  if (!locales.length) {
    io.err(`No search index in ${shown}/_search/. Run npm run build first (or pass --dist <folder>).`);
    return 1;
  }
  const locale = lang ?? guessLocale(query, locales);
  if (!locales.includes(locale)) {
    io.err(`No ${locale} search index in ${shown}/_search/. Built languages: ${locales.join(', ')}.`);
    return 1;
  }
  const manifest = (await readdir(join(root, locale))).find((f) => /^manifest\.[0-9a-z]+\.json$/.test(f));
  if (!manifest) {
    io.err(`${shown}/_search/${locale}/ has no manifest. Run npm run build first.`);
    return 1;
  }
  const client = createSearchClient({ manifestUrl: `/_search/${locale}/${manifest}`, fetch: createFileFetch(dist) });
  const response = await client.search(query, { limit, explain });
  if (json) {
    io.out(JSON.stringify(response.results.map((r, i) => ({ rank: i + 1, ...r, closest: response.nothingFound || undefined, excerptHtml: undefined, excerpt: plainText(r.excerptHtml), sections: r.sections.map((s) => ({ url: s.url, heading: s.heading, excerpt: plainText(s.excerptHtml) })) })), null, 2));
    return 0;
  }
  if (!response.results.length) {
    io.out(`No ${locale} results for "${query}".`);
    return 0;
  }
  if (response.nothingFound) io.out(`No ${locale} article answers "${query}" closely. The closest:`);
  else io.out(`${response.total} ${locale} result${response.total === 1 ? '' : 's'} for "${query}"${response.total > limit ? `, showing ${limit}` : ''}:`);
  response.results.forEach((r, i) => io.out(formatResult(r, i + 1)));
  return 0;
}

function formatResult(r: ArticleResult, rank: number): string {
  const lines = [`\n${rank}. ${r.title}${r.partial ? '  (partial match)' : ''}  [${r.category}]  ${r.url}`];
  const intro = plainText(r.excerptHtml);
  if (intro) lines.push(`     ${intro}`);
  for (const s of r.sections) {
    const excerpt = plainText(s.excerptHtml);
    lines.push(`   § ${s.heading}  ${s.url}`);
    if (excerpt) lines.push(`     ${excerpt}`);
  }
  if (r.explain) {
    lines.push(`   score ${r.explain.score}, covers ${Math.round(r.explain.coverage * 100)}% of the query's informative words`);
    for (const t of r.explain.terms) lines.push(`     ${t.matched.length ? '✓' : '✗'} ${t.term}${t.optional ? ' (optional)' : ''}  idf ${t.idf}${t.matched.length ? `  ← ${t.matched.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

/** Excerpt HTML as text: marks become «», entities are decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<mark>/g, '«')
    .replace(/<\/mark>/g, '»')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

/** Korean for Hangul, Japanese for kana or kanji, else English (or the first built language). */
function guessLocale(query: string, locales: readonly string[]): string {
  const want = /\p{Script=Hangul}/u.test(query) ? 'ko' : /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(query) ? 'ja' : 'en';
  return locales.includes(want) ? want : locales.includes('en') ? 'en' : locales[0]!;
}
