import { availableParallelism } from 'node:os';
import type { RenderInput, RenderedArticle } from './render-article.ts';
import type { ImageAsset } from '../content/image-assets.ts';
import { createSiteRenderer, type RenderSetup } from './render-setup.ts';
import { runWorker } from '../run-worker.ts';
import { renderCached } from './render-cache.ts';

/** Below this, starting workers (each loads the unified pipeline) costs more than it saves. */
const minimumForWorkers = 400;

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
  if (inputs.length < minimumForWorkers || workers < 2 || process.env.KB_RENDER_WORKERS === '0') return renderHere(setup, inputs);
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

export function renderHere(setup: RenderSetup, inputs: RenderInput[]): RenderOutput {
  const renderer = createSiteRenderer(setup);
  return { results: renderer.render(inputs), images: renderer.images() };
}

function renderInWorker(setup: RenderSetup, inputs: RenderInput[]): Promise<RenderOutput> {
  return runWorker(new URL('./render-worker.ts', import.meta.url), { setup, inputs });
}
