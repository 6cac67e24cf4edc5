import { z } from 'zod';

/** The contact page (`/<lang>/contact/`): how a question that no article answered reaches support. */
export const contactSchema = z
  .object({
    /**
     * POST the contact page's form (subject, message, email, page, locale; `application/x-www-form-urlencoded`) to
     * this endpoint instead of opening `contactUrl`. Empty: the page offers `contactUrl`, filled with the draft.
     * @default '' @example formAction: https://tallybird.example/api/support-requests
     */
    formAction: z
      .string()
      .trim()
      .default('')
      .refine((t) => t === '' || /^(https?:\/\/[^/\s]|\/(?![/\\]))/.test(t), 'must start with https://, http:// or a single /'),
  })
  .strict();

export type ContactConfig = z.output<typeof contactSchema>;
