import type { Diagnostic, KnowledgeBase } from './model.ts';
import { formatDiagnostic, plural, sortDiagnostics } from './diagnostics.ts';
import { checkKnowledgeBase } from './checks.ts';
import { runSearchTests } from '../search/search-tests.ts';
import type { SearchIndex } from '../search/build-index.ts';

/** File-level problems and cross-file checks: known as soon as the content is loaded, before any search index. */
export function contentDiagnostics(kb: KnowledgeBase): Diagnostic[] {
  return [...kb.diagnostics, ...checkKnowledgeBase(kb)];
}

/**
 * Everything `npm run check` and the build report: file-level problems, cross-file checks, writers' search tests
 * (run only when there is no error, against `index` when given). `found` is `contentDiagnostics(kb)` when the
 * caller has it already.
 */
export async function collectDiagnostics(kb: KnowledgeBase, index?: SearchIndex | Promise<SearchIndex>, found: Diagnostic[] = contentDiagnostics(kb)): Promise<Diagnostic[]> {
  const all = [...found];
  if (!all.some((d) => d.severity === 'error')) all.push(...(await runSearchTests(kb, { index: await index })));
  return sortDiagnostics(all);
}

/**
 * Warnings first, errors last: the errors are what stops the build, so they go where a writer's eyes land,
 * right above the summary, instead of between long translation-coverage warnings. Each group keeps file order.
 */
export function orderForReading(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics.filter((d) => d.severity === 'warning'), ...diagnostics.filter((d) => d.severity === 'error')];
}

/** `✗ 2 errors, 1 warning in 3 files (4 articles in 2 languages checked)` */
export function summaryLine(diagnostics: readonly Diagnostic[], kb: Pick<KnowledgeBase, 'allArticles' | 'invalidArticles' | 'locales'>): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const checked = `(${plural(kb.allArticles.length + kb.invalidArticles.length, 'article')} in ${plural(kb.locales.length, 'language')} checked)`;
  if (!diagnostics.length) return `✓ No problems ${checked}`;
  return `${errors ? '✗' : '✓'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} ${checked}`;
}

/** Print the diagnostics (warnings, then errors) and the summary line; returns false when there are errors. */
export function printDiagnostics(diagnostics: Diagnostic[], kb: KnowledgeBase, log: (line: string) => void = console.error): boolean {
  for (const d of orderForReading(diagnostics)) log(formatDiagnostic(d));
  log(summaryLine(diagnostics, kb));
  return !diagnostics.some((d) => d.severity === 'error');
}
