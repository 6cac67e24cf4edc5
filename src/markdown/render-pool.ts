import { availableParallelism } from 'node:os';
import type { RenderInput, RenderedArticle } from './render-article.ts';
import type { ImageAsset } from '../content/image-assets.ts';
import type { RenderSetup } from './render-setup.ts';
import { runWorker } from '../run-worker.ts';
import { renderCached } from './render-cache.ts';

/**
 * Below this many articles, starting workers (each loads the unified pipeline and its results are copied back)
 * costs more than it saves. It depends on the cores: on two, 1,000 articles took 7.5 s in two workers against
 * 5.1 s on the main thread alone, so the threshold is higher the fewer cores there are to share the work.
 */
export function renderWorkerThreshold(cores: number): number {
  if (cores < 2) return Infinity;
  return cores === 2 ? 3000 : cores === 3 ? 1500 : 600;
}

export interface RenderOutput {
  results: RenderedArticle[];
  images: ImageAsset[];
}

/**
 * Render every article, on all cores for large sites. Markdown parsing dominates a 10k-article build,
 * and it is independent per file. Results come back in input order.
 */
export function renderArticles(setup: RenderSetup, inputs: RenderInput[]): Promise<RenderOutput> {
  return renderCached(setup, inputs, (todo) => renderAll(setup, todo));
}

async function renderAll(setup: RenderSetup, inputs: RenderInput[]): Promise<RenderOutput> {
  const workers = Math.min(availableParallelism(), 4);
  if (inputs.length < renderWorkerThreshold(availableParallelism()) || process.env.KB_RENDER_WORKERS === '0') return renderHere(setup, inputs);
  try {
    const chunks = Array.from({ length: workers }, (_, w) => inputs.filter((_, i) => i % workers === w));
    const outputs = await Promise.all(chunks.map((chunk) => renderInWorker(setup, chunk)));
    const results: RenderedArticle[] = new Array(inputs.length);
    outputs.forEach((out, w) => out.results.forEach((r, j) => (results[j * workers + w] = r)));
    const images = new Map(outputs.flatMap((o) => o.images).map((i) => [i.url, i]));
    return { results, images: [...images.values()] };
  } catch {
    // Worker threads unavailable in this host (for example a bundler that cannot load the worker file).
    return renderHere(setup, inputs);
  }
}

/**
 * The Markdown pipeline (unified, micromark, highlight.js and the plugins: about 0.45 s of imports) is loaded when an
 * article has to be rendered, not before: a rebuild or a dev server whose articles all come from the build cache
 * never loads it.
 */
export async function renderHere(setup: RenderSetup, inputs: RenderInput[]): Promise<RenderOutput> {
  const { createSiteRenderer } = await import('./render-setup.ts');
  const renderer = createSiteRenderer(setup);
  return { results: renderer.render(inputs), images: renderer.images() };
}

function renderInWorker(setup: RenderSetup, inputs: RenderInput[]): Promise<RenderOutput> {
  return runWorker(new URL('./render-worker.ts', import.meta.url), { setup, inputs });
}
