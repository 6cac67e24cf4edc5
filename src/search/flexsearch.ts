/**
 * FlexSearch on both sides of the index.
 *
 * - Build (Node): the full package's `Document`, one index per field, fed by our tokenizer, then exported.
 * - Browser: the "light" build (~4 KB compressed instead of ~17 KB for the default bundle): one `Index` per field,
 *   loaded from our shard files through its public `append`, and asked for every term lookup. The package's
 *   `exports` map only exposes the full bundle, so the light file is imported by path.
 *
 * FlexSearch stores the postings and does the term lookups; tokenizing, sharding, ranking and excerpts are ours.
 * Its own encoders are not used: the default normaliser is NFKD (splits kana voicing), its CJK charset splits
 * English into letters, and its highlighter splits on spaces.
 */
// @ts-expect-error: the light build ships without type declarations; the small interface below is all we use.
import FlexSearchLight from '../../node_modules/flexsearch/dist/flexsearch.light.module.min.js';

/** The part of FlexSearch's `Index` the browser uses. */
export interface FlexIndex {
  /** Add terms to a document without replacing the ones it already has (shards arrive one by one). */
  append(id: number, terms: string[]): unknown;
  search(term: string, options: { limit: number }): number[];
}

/** Terms reach FlexSearch already tokenized by our tokenizer; its encoder must pass them through untouched. */
const passThrough = { encode: (content: string | string[]) => (Array.isArray(content) ? content : [content]) };

/** An empty light `Index` for one field. */
export function createFieldIndex(): FlexIndex {
  const { Index } = FlexSearchLight as { Index: new (options: unknown) => FlexIndex };
  // One score slot per term: ranking (field, IDF, coverage) is ours, not FlexSearch's word positions.
  return new Index({ encoder: passThrough, resolution: 1 });
}
