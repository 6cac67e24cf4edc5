// npm run check: validate the whole content folder without building. Exit 1 on errors, 0 with only warnings.
import { enableCompileCache } from '../src/build/compile-cache.ts';

// Before the content model is loaded: it is read back compiled when it did not change (src/build/compile-cache.ts).
enableCompileCache();
const { getKnowledgeBase } = await import('../src/content/knowledge-base.ts');
const { collectDiagnostics, printDiagnostics } = await import('../src/content/report.ts');

try {
  const kb = await getKnowledgeBase();
  const diagnostics = await collectDiagnostics(kb);
  const ok = printDiagnostics(diagnostics, kb, console.log);
  process.exit(ok ? 0 : 1);
} catch (error) {
  // A bug of ours, not a writer's mistake: one line, no stack, and where to report it.
  console.log(`The check itself failed: ${error instanceof Error ? error.message : String(error)}. Please report this with the file you last changed.`);
  process.exit(2);
}
