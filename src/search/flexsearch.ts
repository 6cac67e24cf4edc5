/**
 * FlexSearch, the "compact" build: Index and Document with export/import, without workers, persistence or
 * charsets (~9 KB compressed instead of ~17 KB for the default bundle). The package's `exports` map only
 * exposes the full bundle, so the file is imported by path.
 *
 * FlexSearch stores the postings and does every term lookup; tokenizing, sharding, ranking and excerpts are ours.
 * Its own encoders are not used: the default normaliser is NFKD (splits kana voicing), its CJK charset splits
 * English into letters, and its highlighter splits on spaces.
 */
// @ts-expect-error: the compact build ships without type declarations; the small interface below is all we use.
import FlexSearch from '../../node_modules/flexsearch/dist/flexsearch.compact.module.min.js';

/** The part of FlexSearch's Document API the index uses. */
export interface FlexDocument {
  add(document: Record<string, string | number>): unknown;
  /** Calls back with keys like `t.1.map` and JSON strings of `[term, [ids]][]`. */
  export(callback: (key: string, data: string) => void): unknown;
  /** Accepts the same keys with parsed data; entries are merged into what is already loaded. */
  import(key: string, data: unknown): unknown;
  search(query: string, options: { limit: number }): { field: string; result: number[] }[];
}

/** A FlexSearch Document over our fields, encoding content with our tokenizer. */
export function createFlexDocument(fieldNames: readonly string[], encode: (content: string) => string[]): FlexDocument {
  const { Document } = FlexSearch as { Document: new (options: unknown) => FlexDocument };
  return new Document({
    document: { id: 'id', index: [...fieldNames] },
    encoder: { encode },
    // One score slot per term: ranking (field, IDF, coverage) is done by the client, not by FlexSearch's positions.
    resolution: 1,
  });
}
