import { z } from 'zod';

/** The embeddable help widget: `<script src="https://help.example.com/_widget/v1.js" async>` in any product. */
export const widgetSchema = z
  .object({
    /** Build the widget's files under `/_widget/`. @default true */
    enabled: z.boolean().default(true),
    /**
     * Who may load the widget's files and the search index from another site: the value of
     * `Access-Control-Allow-Origin` on `/_widget/*` and `/_search/*`. `*`, or the one origin of your product.
     * @default '*' @example allowOrigin: https://app.tallybird.example
     */
    allowOrigin: z
      .string()
      .trim()
      .default('*')
      .refine((t) => t === '*' || /^https?:\/\/[^/\s?#]+$/.test(t.replace(/\/$/, '')), 'must be * or an origin such as https://app.example.com (no path)')
      .transform((t) => t.replace(/\/$/, '')),
    /** Also build `/widget-demo/`: a made-up product page with the widget on it, to try it out. @default false */
    demo: z.boolean().default(false),
  })
  .strict();

export type WidgetConfig = z.output<typeof widgetSchema>;
