/**
 * Build-time FlexSearch (Node only): a `Document` with one index per field, encoding content with our tokenizer,
 * whose export is read back as term → section ids per field. See `flexsearch.ts` for the browser side.
 */
import FlexSearch from 'flexsearch';

interface FlexDocument {
  add(document: Record<string, string | number>): unknown;
  /** Calls back with keys like `t.1.map` and JSON strings of `[term, [ids per score slot]][]`. */
  export(callback: (key: string, data: string) => void): unknown;
}

export interface FieldPostings {
  add(document: Record<string, string | number>): void;
  /** term → ascending section ids, per field index. */
  postings(): Map<string, (number[] | undefined)[]>;
}

export function createFieldPostings(fields: readonly string[], encode: (content: string) => string[]): FieldPostings {
  const { Document } = FlexSearch as unknown as { Document: new (options: unknown) => FlexDocument };
  // One score slot: the client ranks by field, IDF and coverage, not by FlexSearch's word positions.
  const doc = new Document({ document: { id: 'id', index: [...fields] }, encoder: { encode }, resolution: 1 });
  return {
    add: (document) => void doc.add(document),
    postings() {
      const table = new Map<string, (number[] | undefined)[]>();
      doc.export((key, data) => {
        const [field, , kind] = key.split('.');
        const f = fields.indexOf(field!);
        if (kind !== 'map' || f < 0) return;
        for (const [term, slots] of JSON.parse(data) as [string, (number[] | null)[]][]) {
          let postings = table.get(term);
          if (!postings) table.set(term, (postings = []));
          postings[f] = slots.flatMap((slot) => slot ?? []).sort((x, y) => x - y);
        }
      });
      return table;
    },
  };
}
