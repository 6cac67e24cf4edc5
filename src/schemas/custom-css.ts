import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * `customCss` in kb.config.yml: stylesheets of the project's own, relative to kb.config.yml, bundled after the
 * built-in styles (so they win at equal specificity) into the same hashed, same-origin file.
 * @default [] @example customCss: [styles/custom.css]
 */
export function createCustomCssSchema(configDir: string) {
  return z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .refine((p) => p.toLowerCase().endsWith('.css'), { message: 'must be a .css file' })
        .refine((p) => !p.toLowerCase().endsWith('.css') || (existsSync(resolve(configDir, p)) && statSync(resolve(configDir, p)).isFile()), {
          error: (issue) => `no file at "${issue.input}"`,
          params: { hint: 'The path is relative to kb.config.yml' },
        })
        .transform((p) => resolve(configDir, p)),
    )
    .default([]);
}
