import { z } from 'zod';

const word = z.string().trim().min(1, 'must not be empty');

/**
 * `content/<lang>/_synonyms.yml`: words search should treat alike, one entry per group.
 *
 * ```yaml
 * - [解約, 退会, 契約解除]      # two-way: any of these finds articles that use the others
 * - typed: [スマホ, ケータイ]    # one-way: what readers type…
 *   finds: [携帯電話]           # …finds articles that use these words, not the other way round
 * ```
 *
 * A word may be several words (`close my account`). Matching ignores case, width and accents, like search itself.
 */
export const synonymGroupSchema = z.array(word).min(2, 'a group needs at least two words');

export const synonymMappingSchema = z
  .object({
    /** What readers type. @example typed: [スマホ, ケータイ] */
    typed: z.array(word).min(1, 'list at least one word'),
    /** The words the articles use, which `typed` should find. @example finds: [携帯電話] */
    finds: z.array(word).min(1, 'list at least one word'),
  })
  .strict();

/** One resolved rule: an article that uses any word of `finds` is also found by the words of `typed`. */
export interface SynonymRule {
  typed: string[];
  finds: string[];
  /** 1-based line in the file, for messages. */
  line?: number;
}

export type SynonymGroupInput = z.input<typeof synonymGroupSchema> | z.input<typeof synonymMappingSchema>;
