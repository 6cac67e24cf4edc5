import type { Diagnostic, KnowledgeBase } from './model.ts';
import { formatDiagnostic, plural, sortDiagnostics } from './diagnostics.ts';
import { checkKnowledgeBase } from './checks.ts';
import { runSearchTests } from '../search/search-tests.ts';
import type { SearchIndex } from '../search/build-index.ts';

/** Everything `npm run check` and the build report: file-level problems, cross-file checks, writers' search tests. */
export async function collectDiagnostics(kb: KnowledgeBase, index?: SearchIndex): Promise<Diagnostic[]> {
  const all = [...kb.diagnostics, ...checkKnowledgeBase(kb)];
  if (!all.some((d) => d.severity === 'error')) all.push(...(await runSearchTests(kb, { index })));
  return sortDiagnostics(all);
}

/** Print diagnostics and a summary line; returns false when there are errors. */
export function printDiagnostics(diagnostics: Diagnostic[], kb: KnowledgeBase, log: (line: string) => void = console.error): boolean {
  for (const d of diagnostics) log(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) log(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(kb.allArticles.length, 'article')}`);
  return errors === 0;
}
