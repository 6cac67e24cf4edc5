import { z } from 'zod';

/** `_category.yml` in a category folder. Optional; without it the folder name is humanised. */
export const categorySchema = z
  .object({
    /** Category title. @default the folder name, humanised ("getting-started" → "Getting started") */
    title: z.string().trim().min(1).optional(),
    /** One sentence shown on the home page and the category page. @default '' */
    description: z.string().trim().default(''),
    /** Position on the home page; lower comes first. @default 100 */
    order: z.number().int().default(100),
  })
  .strict();

export type CategoryMeta = z.output<typeof categorySchema>;
