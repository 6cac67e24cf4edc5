/**
 * Writers' search tests: `content/<lang>/_search-tests.yml` lists queries readers type and the article each should
 * find. `npm run check` and the build run them against the real index and client, so a renamed title or a lost
 * keyword shows up as a failing line, not as a reader who gives up.
 *
 * ```yaml
 * - query: 返金
 *   expect: billing/request-a-refund   # category/slug, or the article URL
 *   top: 3                             # must rank within the first 3 (default 3)
 * - query: 返金認証
 *   nothing: true                      # must find nothing
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { isSeq, parseDocument } from 'yaml';
import type { Diagnostic, KnowledgeBase } from '../content/model.ts';
import { buildSearchIndex, type SearchIndex } from './build-index.ts';
import { createSearchClient } from './client.ts';
import { createMemoryFetch } from './file-fetch.ts';
import { builtLocale } from '../build/locale-parts.ts';

export const searchTestSchema = z
  .object({
    /** What a reader types. @example query: request refund */
    query: z.string().trim().min(1, 'must not be empty'),
    /** The article the query must find: `category/slug` or its URL. @example expect: billing/request-a-refund */
    expect: z.string().trim().min(1).optional(),
    /** The article must rank within this many results. @default 3 */
    top: z.number().int().min(1).max(50).default(3),
    /** The query must find nothing (a made-up word, a typo too far off). @default false */
    nothing: z.boolean().default(false),
  })
  .strict()
  .refine((t) => Boolean(t.expect) !== t.nothing, { message: 'give either expect: category/slug or nothing: true' });

export const searchTestsSchema = z.array(searchTestSchema);
export type SearchTest = z.output<typeof searchTestSchema>;

export const searchTestsFile = '_search-tests.yml';

/** Read and validate every locale's test file; problems become diagnostics with line numbers. */
export function loadSearchTests(kb: Pick<KnowledgeBase, 'contentDir' | 'locales'>): { locale: string; file: string; tests: (SearchTest & { line?: number })[]; diagnostics: Diagnostic[] }[] {
  const out = [];
  for (const { code: locale } of kb.locales) {
    const path = join(kb.contentDir, locale, searchTestsFile);
    if (!existsSync(path)) continue;
    const file = relative(process.cwd(), path) || path;
    const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lineAt = (offset?: number) => (offset === undefined ? undefined : source.slice(0, offset).split('\n').length);
    const diagnostics: Diagnostic[] = [];
    const tests: (SearchTest & { line?: number })[] = [];
    const doc = parseDocument(source, { prettyErrors: false });
    for (const e of doc.errors) {
      diagnostics.push({ severity: 'error', code: 'search-tests-yaml', file, line: lineAt(e.pos[0]), message: `not valid YAML (${e.message.split('\n')[0]})` });
    }
    if (!doc.errors.length) {
      const items = isSeq(doc.contents) ? doc.contents.items : undefined;
      if (!items) {
        if (doc.contents) diagnostics.push({ severity: 'error', code: 'search-tests', file, line: 1, message: 'expected a list of tests', hint: 'Start each test with "- query: …"' });
      } else {
        items.forEach((item) => {
          const line = lineAt((item as unknown as { range?: [number] }).range?.[0]);
          const parsed = searchTestSchema.safeParse((item as { toJSON(): unknown }).toJSON());
          if (parsed.success) tests.push({ ...parsed.data, line });
          else {
            for (const issue of parsed.error.issues) {
              const key = issue.path.join('.');
              const message = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : key ? `${key}: ${issue.message}` : issue.message;
              diagnostics.push({ severity: 'error', code: 'search-tests', file, line, message, hint: 'A test has query, expect (category/slug) or nothing: true, and optionally top' });
            }
          }
        });
      }
    }
    out.push({ locale, file, tests, diagnostics });
  }
  return out;
}

/**
 * Run the writers' search tests. Pass the index the build already made to avoid building it twice; without it,
 * only the locales that have tests are indexed.
 */
export async function runSearchTests(kb: KnowledgeBase, options: { index?: SearchIndex } = {}): Promise<Diagnostic[]> {
  // A build of some locales (KB_LOCALES) runs their tests; the parts that build the others run theirs.
  const files = loadSearchTests(kb).filter((f) => builtLocale(f.locale));
  if (!files.length) return [];
  const locales = new Set(files.map((f) => f.locale));
  const index = options.index ?? buildSearchIndex({ ...kb, articles: kb.articles.filter((a) => locales.has(a.locale)) });
  const fetch = createMemoryFetch(index);
  const diagnostics: Diagnostic[] = [];
  for (const { locale, file, tests, diagnostics: problems } of files) {
    diagnostics.push(...problems);
    const built = index.locales[locale];
    const keyOf = new Map((built?.articles ?? []).map((a) => [a.url, a.key]));
    const urlOf = (expect: string) => {
      const bare = expect.replace(/^\/+|\/+$/g, '');
      return (built?.articles ?? []).find((a) => a.key === bare || a.url.replace(/^\/+|\/+$/g, '') === bare)?.url;
    };
    const client = built ? createSearchClient({ manifestUrl: built.manifestUrl, fetch }) : undefined;
    for (const test of tests) {
      const fail = (message: string, hint?: string) => diagnostics.push({ severity: 'error', code: 'search-test', file, line: test.line, message, hint });
      const response = client ? await client.search(test.query, { limit: Math.max(test.top, 20) }) : { results: [], total: 0, nothingFound: true };
      const name = (url: string) => keyOf.get(url) ?? url;
      const first = response.results[0] ? ` (first: ${name(response.results[0].url)})` : '';
      if (test.nothing) {
        if (!response.nothingFound) fail(`"${test.query}" should find nothing, but it found ${response.total} article${response.total === 1 ? '' : 's'}${first}`, 'Fix the test, or check which article matched and why');
        continue;
      }
      const url = urlOf(test.expect!);
      if (!url) {
        const some = built?.articles[0]?.key ?? 'billing/request-a-refund';
        fail(`expect: no published ${locale} article "${test.expect}"`, `Write the category folder and slug of an article in ${relative(process.cwd(), join(kb.contentDir, locale)) || locale}/, e.g. ${some}`);
        continue;
      }
      const rank = response.results.findIndex((r) => r.url === url) + 1;
      if (rank >= 1 && rank <= test.top) continue;
      const where = rank ? `it ranked ${ordinal(rank)}` : 'it was not found';
      fail(`"${test.query}" should find ${test.expect} in the top ${test.top}, but ${where}${first}`, 'Add keywords to the article or fix the test');
    }
  }
  return diagnostics;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
