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
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SynonymRule } from '../schemas/synonyms.ts';
import { buildCache, cacheFolder, hash, type BuildCache } from '../build/build-cache.ts';
import { indexTokens } from './tokenizer.ts';
import { tokenizerFingerprint } from './token-cache.ts';
import { withKnownTokens } from './synonyms.ts';

interface SudachiItem {
  expandControl: 0 | 1 | 2;
  vocabularyNumber?: number;
  midashi: string;
}

export type DictionaryMode = 'off' | 'variants' | 'synonyms';

const memo = new Map<DictionaryMode, SynonymRule[]>();

/** Short Latin spellings (SP, bill) are abbreviations the Japanese text uses for other things. */
const usable = (word: string) => [...word].length >= 2 && !/^[\x20-\x7e]{1,4}$/.test(word);

/** Build-cache kind of the compiled dictionary: its rules with their words' tokens. */
export const dictionaryCacheKind = 'dictionary';

/** A rule as the cache keeps it: its words, then the tokens of each word of `finds`. */
type CompiledRule = [typed: string[], finds: string[], findTokens: string[][]];

/**
 * The rules of a mode, with the tokens of every word made once: reading the dictionary (22,000 groups) and
 * tokenizing its words took 0.9 s of every build with Japanese articles and of every dev server's first search. With
 * the build cache, the compiled rules are kept under a key of the dictionary's bytes, this file and the tokenizer,
 * so the next build reads them back instead; a damaged entry reads as a miss.
 */
export function japaneseDictionaryRules(mode: DictionaryMode, cache: BuildCache | undefined = buildCache()): SynonymRule[] {
  if (mode === 'off') return [];
  let rules = memo.get(mode);
  if (!rules) memo.set(mode, (rules = loadDictionaryRules(mode, cache)));
  return rules;
}

// The package exports only an async loader; the JSON file beside it is read directly.
const dictionaryFile = () => join(dirname(createRequire(import.meta.url).resolve('sudachi-synonyms-dictionary')), 'sudachi-synonyms-dictionary.json');
const keys = new Map<DictionaryMode, string>();

/**
 * What the rules of a mode are made from, as a cache key: the dictionary's bytes, this file and the tokenizer. Named
 * by mode first, so each mode keeps its own entry (see dropOtherEntries). '' for 'off'.
 */
export function japaneseDictionaryKey(mode: DictionaryMode): string {
  if (mode === 'off') return '';
  let key = keys.get(mode);
  if (!key) keys.set(mode, (key = `${mode}-${hash('ja-dictionary', mode, readFileSync(dictionaryFile()), readFileSync(new URL(import.meta.url)), tokenizerFingerprint())}`));
  return key;
}

/** The rules of a mode, from the build cache when it has them (not kept in memory; tests call it directly). */
export function loadDictionaryRules(mode: Exclude<DictionaryMode, 'off'>, cache: BuildCache | undefined): SynonymRule[] {
  // The key is usually known already (the search index's own key names it); the 14 MB file is read for it only once.
  const key = cache && japaneseDictionaryKey(mode);
  let rules = key ? readCompiled(cache!.read(dictionaryCacheKind, key)) : undefined;
  if (!rules) {
    rules = compile(JSON.parse(readFileSync(dictionaryFile(), 'utf8')) as { items: SudachiItem[] }[], mode);
    if (key) {
      const compiled = rules.map((r): CompiledRule => [r.typed, r.finds, r.finds.map((w) => indexTokens(w))]);
      rules = compiled.map(([typed, finds, findTokens]) => withKnownTokens({ typed, finds }, findTokens));
      cache!.write(dictionaryCacheKind, key, JSON.stringify(compiled));
      dropOtherEntries(cache!, mode, key);
    }
  }
  return rules;
}

function compile(groups: { items: SudachiItem[] }[], mode: DictionaryMode): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const group of groups) {
    const items = group.items.filter((i) => i.expandControl !== 2 && usable(i.midashi));
    const sets = mode === 'synonyms' ? [items] : [...Map.groupBy(items, (i) => i.vocabularyNumber ?? 0).values()];
    for (const set of sets) {
      const typed = [...new Set(set.map((i) => i.midashi))];
      const finds = [...new Set(set.filter((i) => i.expandControl === 0).map((i) => i.midashi))];
      if (typed.length >= 2 && finds.length) rules.push({ typed, finds });
    }
  }
  return rules;
}

function readCompiled(bytes: Buffer | undefined): SynonymRule[] | undefined {
  if (!bytes) return undefined;
  try {
    const compiled = JSON.parse(bytes.toString('utf8')) as CompiledRule[];
    const lists = (v: unknown): v is string[][] => Array.isArray(v) && v.every((l) => Array.isArray(l));
    if (!Array.isArray(compiled) || !compiled.every((r) => Array.isArray(r) && r.length === 3 && Array.isArray(r[0]) && lists(r[2]) && r[2].length === r[1]?.length)) return undefined;
    return compiled.map(([typed, finds, findTokens]) => withKnownTokens({ typed, finds }, findTokens));
  } catch {
    return undefined;
  }
}

/**
 * One compiled dictionary per mode is all a project needs: those of the mode made by an older tokenizer or
 * dictionary go when a new one is written (a build prunes only the kinds it tracks, and this entry may be written
 * in a worker thread, whose reads the build does not see).
 */
function dropOtherEntries(cache: BuildCache, mode: DictionaryMode, keep: string) {
  try {
    for (const e of readdirSync(cacheFolder(cache, dictionaryCacheKind), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.startsWith(`${mode}-`) && e.name !== keep && !e.name.endsWith('.tmp')) rmSync(join(e.parentPath, e.name), { force: true });
    }
  } catch {
    // Nothing to drop.
  }
}
