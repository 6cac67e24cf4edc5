import { mkdtemp, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { markDevServer } from '../../../src/build/dev-mode.ts';
import { renderCached } from '../../../src/markdown/render-cache.ts';
import type { RenderInput } from '../../../src/markdown/render-article.ts';
import { openBuildCache } from '../../../src/build/build-cache.ts';

// What `npm run dev` does after a save: read the whole content folder again, render only what changed.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-render-cache-'));
  await mkdir(join(dir, 'en/billing'), { recursive: true });
  await mkdir(join(dir, '_assets'));
  await cp(join(import.meta.dirname, '../../../content/_assets/a-dashboard.svg'), join(dir, '_assets/plan.svg'));
  const article = (title: string, extra = '') => `---\ntitle: ${title}\ndescription: About ${title}.\n---\n\nText about ${title}.${extra}\n`;
  await writeFile(join(dir, 'en/billing/refunds.md'), article('Refunds', '\n\n![Plan picker](../../_assets/plan.svg)'));
  await writeFile(join(dir, 'en/billing/plans.md'), article('Plans', '\n\n![Plan picker](../../_assets/plan.svg)'));
  await writeFile(join(dir, 'en/billing/invoices.md'), article('Invoices'));
  markDevServer();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const load = () => loadKnowledgeBase({ contentDir: dir, configPath: join(dir, 'none.yml'), gitDates: false });

/** A render setup for the test folder and a renderer that records the bodies it is handed. */
function fakeRenderer() {
  const setup = { siteOrigin: 'https://help.example', contentDir: dir, articleUrls: [] as [string, string][], categoryUrls: [] as [string, string][] };
  const input = (name: string, body: string): RenderInput => ({ body, path: join(dir, `en/billing/${name}.md`), locale: 'en', articleType: 'guide', lineOffset: 4 });
  const asked: string[][] = [];
  const render = async (inputs: RenderInput[]) => {
    asked.push(inputs.map((i) => i.body));
    return { results: inputs.map((i) => ({ html: `<p>${i.body}</p>`, headings: [], anchors: [], sections: [], faq: [], text: i.body, links: [], images: [], messages: [] })), images: [] };
  };
  return { setup, input, asked, render };
}

describe('dev render cache', () => {
  it('renders only the edited article again, and still publishes the images of the cached ones', async () => {
    const first = await load();
    expect(first.images).toHaveLength(1);
    await writeFile(join(dir, 'en/billing/refunds.md'), `---\ntitle: Refunds\ndescription: About refunds.\n---\n\nRefunds take five days.\n`);
    const second = await load();
    expect(second.articles.find((a) => a.slug === 'refunds')!.html).toContain('five days');
    // The image is still published: "plans" still shows it, from the cache.
    expect(second.images.map((i) => i.url)).toEqual(first.images.map((i) => i.url));
    expect(second.articles.find((a) => a.slug === 'plans')!.html).toContain(first.images[0]!.url);
  });

  it('hands only changed inputs to the renderer, and everything again when an image changes', async () => {
    const { setup, input, asked, render } = fakeRenderer();
    const a = input('a', 'one');
    const b = input('b', 'two');
    await renderCached(setup, [a, b], render);
    await renderCached(setup, [a, { ...b, body: 'two, edited' }], render);
    expect(asked.slice(-2)).toEqual([['one', 'two'], ['two, edited']]);
    // A category's or the synonyms' file is not read by the renderer: a new one counts (a link may point at any
    // file), but saving it again renders nothing.
    await writeFile(join(dir, 'en/billing/_category.yml'), 'title: Billing\n');
    await renderCached(setup, [a, { ...b, body: 'two, edited' }], render);
    const before = asked.length;
    await writeFile(join(dir, 'en/billing/_category.yml'), 'title: Billing and refunds\n');
    await renderCached(setup, [a, { ...b, body: 'two, edited' }], render);
    expect(asked).toHaveLength(before);
    await writeFile(join(dir, '_assets/plan.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>');
    await renderCached(setup, [a, { ...b, body: 'two, edited' }], render);
    expect(asked.at(-1)).toEqual(['one', 'two, edited']);
  });

  it('starts from what the build cache holds: a restarted dev server renders only what changed since', async () => {
    const { setup, input, asked, render } = fakeRenderer();
    const restart = () => delete (globalThis as Record<symbol, unknown>)[Symbol.for('kb-site.render-cache')];
    // Outside the content folder, as .kb-cache/ is: every file in that folder is part of the key.
    const cacheDir = await mkdtemp(join(tmpdir(), 'kb-render-cache-build-'));
    const cache = openBuildCache(cacheDir);
    const [a, b, c] = [input('a', 'alpha'), input('b', 'beta'), input('c', 'gamma')];
    restart();
    await renderCached(setup, [a, b], render, cache);
    // The next `npm run dev`: nothing in memory, both articles in the build cache, one new article.
    restart();
    const again = await renderCached(setup, [a, b, c], render, cache);
    expect(asked).toEqual([['alpha', 'beta'], ['gamma']]);
    expect(again.results.map((r) => r.html)).toEqual(['<p>alpha</p>', '<p>beta</p>', '<p>gamma</p>']);
    // A save after that: only the edited article, from neither memory nor the build cache.
    await renderCached(setup, [a, { ...b, body: 'beta, edited' }, c], render, cache);
    expect(asked.at(-1)).toEqual(['beta, edited']);
    // Without a build cache (KB_CACHE=0), a restart renders everything again.
    restart();
    await renderCached(setup, [a, b, c], render, undefined);
    expect(asked.at(-1)).toEqual(['alpha', 'beta', 'gamma']);
    await rm(cacheDir, { recursive: true, force: true });
  });
});
