import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHere, renderWorkerThreshold } from '../../../src/markdown/render-pool.ts';
import type { RenderInput } from '../../../src/markdown/render-article.ts';
import { runWorker } from '../../../src/run-worker.ts';

describe('render worker threshold', () => {
  it('renders on the main thread until a site is large enough for the cores to pay for their workers', () => {
    expect(renderWorkerThreshold(1)).toBe(Infinity);
    // Two cores: 1,000 articles render faster on the main thread than in two workers (measured 5.1 s against 7.5 s).
    expect(renderWorkerThreshold(2)).toBeGreaterThan(1000);
    expect(renderWorkerThreshold(4)).toBeLessThan(renderWorkerThreshold(2));
  });
});

describe('render worker', () => {
  it('renders a batch in a worker thread exactly as on the main thread (the pipeline loads in the thread)', async () => {
    const contentDir = join(import.meta.dirname, '../../fixtures/content/basic');
    const setup = { siteOrigin: 'https://help.example', contentDir, articleUrls: [] as [string, string][], categoryUrls: [] as [string, string][] };
    const inputs: RenderInput[] = [
      { body: '## Refunds\n\nA refund takes **five** days.\n\n```js\nconst a = 1;\n```\n', path: join(contentDir, 'en/billing/a.md'), locale: 'en', articleType: 'guide', lineOffset: 4 },
      { body: '## 返金\n\n:::tip\n返金は五日です。\n:::\n', path: join(contentDir, 'ja/billing/a.md'), locale: 'ja', articleType: 'faq', lineOffset: 4 },
    ];
    const here = await renderHere(setup, inputs);
    expect(here.results.map((r) => r.html).join('')).toMatch(/<strong>five<\/strong>.*hljs.*返金は五日です/s);
    const there = await runWorker(new URL('../../../src/markdown/render-worker.ts', import.meta.url), { setup, inputs });
    expect(there).toEqual(here);
  });
});
