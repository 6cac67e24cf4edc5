import { z } from 'zod';
import { dictionaries } from '../i18n/ui-strings.ts';
import { contactDictionaries } from '../i18n/contact-strings.ts';
import { didYouMean } from '../content/diagnostics.ts';

/** Every interface string a project may replace, with its English text (the reference for placeholders). */
export const replaceableStrings: Record<string, string> = { ...dictionaries.en, ...contactDictionaries.en };

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

/**
 * `strings` in kb.config.yml: interface text replaced per locale, keyed by language tag then by string name
 * (src/i18n/ui-strings.ts and contact-strings.ts list them). A replacement may use the `{placeholders}` of the
 * original and no others. @default {} @example strings: { en: { search.placeholder: Search our guides… } }
 */
export const uiStringsSchema = z
  .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, ja or pt-BR'), z.record(z.string(), z.string().trim().min(1)))
  .superRefine((byLocale, ctx) => {
    for (const [locale, strings] of Object.entries(byLocale)) {
      for (const [name, text] of Object.entries(strings)) {
        const original = replaceableStrings[name];
        if (original === undefined) {
          const guess = didYouMean(name, Object.keys(replaceableStrings));
          ctx.addIssue({ code: 'custom', path: [locale, name], message: `there is no interface string "${name}"`, params: { hint: guess ? `Did you mean "${guess}"?` : 'The names are listed in docs/customizing.md' } });
          continue;
        }
        const allowed = placeholders(original);
        const unknown = [...placeholders(text)].filter((p) => !allowed.has(p));
        if (unknown.length) {
          ctx.addIssue({
            code: 'custom',
            path: [locale, name],
            message: `{${unknown[0]}} is not filled in for "${name}"`,
            params: { hint: allowed.size ? `It can use ${[...allowed].map((p) => `{${p}}`).join(', ')}` : 'This string takes no placeholders' },
          });
        }
      }
    }
  })
  .default({});
