// npm run check: validate the whole content folder without building. Exit 1 on errors, 0 with only warnings.
import { getKnowledgeBase } from '../src/content/knowledge-base.ts';
import { collectDiagnostics, printDiagnostics } from '../src/content/report.ts';

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
