import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { adjustForContrast, formatRatio, minimumContrast, normalizeHex, worstBackground } from '../content/contrast.ts';

/**
 * The backgrounds links and buttons sit on in each theme (`--bg`, `--bg-soft`, `--bg-raised` in
 * src/styles/global.css; a unit test keeps the two in step). An accent must read on all of them.
 */
export const themeBackgrounds = { light: ['#ffffff', '#f4f6f9'], dark: ['#111418', '#181c22', '#1c2129'] } as const;

const hero = z.union([
  z.string().trim().min(1).transform((heading) => ({ heading, subheading: undefined as string | undefined })),
  z
    .object({
      /** The home page heading. @default "How can we help?" in the locale's language */
      heading: z.string().trim().min(1).optional(),
      /** The line under it. @default "Search the help center or browse by topic." in the locale's language */
      subheading: z.string().trim().min(1).optional(),
    })
    .strict(),
]);

/** An accent colour that must read on one theme's backgrounds: `#rgb` or `#rrggbb`, checked for WCAG AA. */
function accentColor(theme: 'light' | 'dark') {
  const backgrounds = themeBackgrounds[theme];
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      const hex = normalizeHex(value);
      if (!hex) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a hex colour`, params: { hint: 'Write it as #rrggbb, e.g. "#1d5fbf" (quoted: YAML reads an unquoted # as a comment)' } });
        return z.NEVER;
      }
      const worst = worstBackground(hex, backgrounds);
      if (worst.ratio < minimumContrast) {
        const better = adjustForContrast(hex, backgrounds, theme === 'light' ? -1 : 1);
        ctx.addIssue({
          code: 'custom',
          message: `${hex} has a contrast of ${formatRatio(worst.ratio)} on the ${theme} background ${worst.background}; links and buttons need at least ${minimumContrast}:1 (WCAG AA)`,
          params: { hint: `Try a ${theme === 'light' ? 'darker' : 'lighter'} shade of it, such as "${better}"` },
        });
        return z.NEVER;
      }
      return hex;
    });
}

/** `brand` in kb.config.yml: the help center's logo, accent colour and home page words. Every key is optional. */
export function createBrandSchema(configDir: string) {
  return z
    .object({
      /**
       * Logo shown in the header before the site title: an `.svg` or `.png` file, relative to kb.config.yml.
       * It is shown 28 px high. @example logo: brand/logo.svg
       */
      logo: z
        .string()
        .trim()
        .min(1)
        .refine((p) => /\.(svg|png)$/i.test(p), { message: 'must be an .svg or .png file' })
        .refine((p) => !/\.(svg|png)$/i.test(p) || (existsSync(resolve(configDir, p)) && statSync(resolve(configDir, p)).isFile()), {
          error: (issue) => `no file at "${issue.input}"`,
          params: { hint: 'The path is relative to kb.config.yml' },
        })
        .transform((p) => resolve(configDir, p))
        .optional(),
      /**
       * Accent colour of links, buttons and highlights in the light theme. It must have a contrast of 4.5:1 on the
       * light backgrounds; the error suggests a darker shade when it has not. @example accent: "#0b6e4f"
       */
      accent: accentColor('light').optional(),
      /**
       * Accent colour in the dark theme, with 4.5:1 on the dark backgrounds.
       * @default `accent` made lighter until it reads there (or the built-in blue)
       */
      accentDark: accentColor('dark').optional(),
      /** Home page heading and the line under it, per locale: `hero.en: Hi! How can we help?` or `hero.ja: { heading, subheading }`. */
      hero: z.record(z.string(), hero).optional(),
    })
    .strict();
}

export type Brand = z.output<ReturnType<typeof createBrandSchema>>;
