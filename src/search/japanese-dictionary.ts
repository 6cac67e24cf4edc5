/**
 * Japanese spelling variants and synonyms from Sudachi's synonym dictionary (npm `sudachi-synonyms-dictionary`,
 * Apache-2.0, maintained by Works Applications), as synonym rules for the index. Build time only: the rules are
 * applied to the articles' text, so the browser downloads nothing for them.
 *
 * - `variants`: the spellings of one word (申し込み・申込み・申込, 問い合わせ・問合せ, スマートフォン・スマホ).
 * - `synonyms`: also the other words of the group (解約・契約解除, 領収書・レシート), which reach further and are
 *   less precise.
 *
 * Entries Sudachi marks "never expand" are left out, and those it marks "not a trigger" only ever get added.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SynonymRule } from '../schemas/synonyms.ts';

interface SudachiItem {
  expandControl: 0 | 1 | 2;
  vocabularyNumber?: number;
  midashi: string;
}

export type DictionaryMode = 'off' | 'variants' | 'synonyms';

const memo = new Map<DictionaryMode, SynonymRule[]>();

/** Short Latin spellings (SP, bill) are abbreviations the Japanese text uses for other things. */
const usable = (word: string) => [...word].length >= 2 && !/^[\x20-\x7e]{1,4}$/.test(word);

export function japaneseDictionaryRules(mode: DictionaryMode): SynonymRule[] {
  if (mode === 'off') return [];
  let rules = memo.get(mode);
  if (rules) return rules;
  // The package exports only an async loader; the JSON file beside it is read directly, once.
  const dir = dirname(createRequire(import.meta.url).resolve('sudachi-synonyms-dictionary'));
  const groups = JSON.parse(readFileSync(join(dir, 'sudachi-synonyms-dictionary.json'), 'utf8')) as { items: SudachiItem[] }[];
  rules = [];
  for (const group of groups) {
    const items = group.items.filter((i) => i.expandControl !== 2 && usable(i.midashi));
    const sets = mode === 'synonyms' ? [items] : [...Map.groupBy(items, (i) => i.vocabularyNumber ?? 0).values()];
    for (const set of sets) {
      const typed = [...new Set(set.map((i) => i.midashi))];
      const finds = [...new Set(set.filter((i) => i.expandControl === 0).map((i) => i.midashi))];
      if (typed.length >= 2 && finds.length) rules.push({ typed, finds });
    }
  }
  memo.set(mode, rules);
  return rules;
}
