import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TrackedPage } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, one line each. evaluate() runs through DevTools, so the CSP stays on. */
export async function axeViolations(t: TrackedPage, label: string): Promise<string[]> {
  await t.page.evaluate(axeSource);
  const result = await t.page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v: any) => `${label} ${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
