/**
 * Synonyms at index time: where an article uses a word of a rule's `finds`, the index also credits it with the
 * tokens of the rule's `typed` words (at `synonymShare` of a real occurrence). A reader who types either word
 * then finds the article, and the browser downloads nothing extra: no synonym table, no more round trips.
 * Pure; the build calls it per field of every section.
 */
import type { SynonymRule } from '../schemas/synonyms.ts';
import { indexTokens } from './tokenizer.ts';

/** Tokens of a text → extra tokens (with counts) that its synonyms add. */
export type SynonymExpander = (tokens: readonly string[]) => Map<string, number>;

interface CompiledRule {
  /** Token sequences of the words that trigger the rule. */
  finds: string[][];
  /** Tokens added for each trigger, de-duplicated. */
  adds: { tokens: string[]; from: number }[];
}

/**
 * The tokens of a rule's words, made when first asked for and kept with the rule: the built-in dictionaries' rules
 * are the same objects for every index a process builds (a dev server after each save, the tests), and the words a
 * text cannot trigger are never asked for their `typed` tokens at all.
 */
const ruleTokens = new WeakMap<SynonymRule, { finds: () => string[][]; typed: () => string[][] }>();

/** The tokens of some words, made when first asked for. */
function lazyTokens(words: readonly string[]): () => string[][] {
  let tokens: string[][] | undefined;
  return () => (tokens ??= words.map((w) => indexTokens(w)).filter((t) => t.length > 0));
}

function tokenized(rule: SynonymRule) {
  let hit = ruleTokens.get(rule);
  if (!hit) ruleTokens.set(rule, (hit = { finds: lazyTokens(rule.finds), typed: lazyTokens(rule.typed) }));
  return hit;
}

/**
 * Hand over the tokens of a rule's `finds` made earlier (a compiled dictionary read back from the build cache), so
 * the expander does not tokenize them again: it checks every rule's `finds` against the text's vocabulary, and
 * tokenizes `typed` only for the few rules that can apply. They must be `indexTokens` of each word of
 * `rule.finds`, in order, empty lists included.
 */
export function withKnownTokens(rule: SynonymRule, finds: string[][]): SynonymRule {
  const known = finds.filter((tokens) => tokens.length > 0);
  ruleTokens.set(rule, { finds: () => known, typed: lazyTokens(rule.typed) });
  return rule;
}

/** The tokens of a several-token word must follow each other (stopwords, which are not tokens, may sit between). */
const slack = 1;

/**
 * @param vocabulary when given, rules none of whose `finds` words can occur in the text (a token not in the
 *   vocabulary) are dropped up front: a dictionary of tens of thousands of groups shrinks to the few that matter.
 */
export function createSynonymExpander(rules: readonly SynonymRule[], vocabulary?: ReadonlySet<string>): SynonymExpander {
  const compiled: CompiledRule[] = [];
  const byFirst = new Map<string, { rule: number; word: number }[]>();
  for (const rule of rules) {
    const words = tokenized(rule);
    const finds = words.finds().filter((t) => !vocabulary || t.every((token) => vocabulary.has(token)));
    if (!finds.length) continue;
    const typed = words.typed();
    if (!typed.length) continue;
    const index = compiled.length;
    compiled.push({ finds, adds: typed.map((tokens, from) => ({ tokens: [...new Set(tokens)], from })) });
    finds.forEach((seq, word) => {
      const list = byFirst.get(seq[0]!);
      if (list) list.push({ rule: index, word });
      else byFirst.set(seq[0]!, [{ rule: index, word }]);
    });
  }
  if (!compiled.length) return () => new Map();

  return (tokens) => {
    const extra = new Map<string, number>();
    let own: Set<string> | undefined;
    tokens.forEach((token, at) => {
      const candidates = byFirst.get(token);
      if (!candidates) return;
      for (const { rule, word } of candidates) {
        const { finds, adds } = compiled[rule]!;
        if (!occursAt(tokens, at, finds[word]!)) continue;
        own ??= new Set(tokens);
        const trigger = finds[word]!.join(' ');
        for (const add of adds) {
          // The word that triggered the rule is already counted; so is any token the text has itself.
          if (add.tokens.join(' ') === trigger) continue;
          for (const t of add.tokens) if (!own.has(t)) extra.set(t, (extra.get(t) ?? 0) + 1);
        }
      }
    });
    return extra;
  };
}

function occursAt(tokens: readonly string[], at: number, sequence: readonly string[]): boolean {
  let pos = at;
  for (let k = 1; k < sequence.length; k++) {
    let found = -1;
    for (let j = pos + 1; j <= pos + slack && j < tokens.length; j++) {
      if (tokens[j] === sequence[k]) {
        found = j;
        break;
      }
    }
    if (found < 0) return false;
    pos = found;
  }
  return true;
}
