/**
 * Writers' synonyms: `content/<lang>/_synonyms.yml` (schema in `src/schemas/synonyms.ts`). Read once with the
 * content; every mistake becomes a diagnostic with the file and line, never an exception.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { synonymGroupSchema, synonymMappingSchema, type SynonymRule } from '../schemas/synonyms.ts';
import { indexTokens } from '../search/tokenizer.ts';
import type { Diagnostic } from './model.ts';

export const synonymsFile = '_synonyms.yml';

const example = 'Write each group as a list, e.g. - [cancel, terminate], or as typed: [words readers use] with finds: [words the articles use]';

export function loadSynonyms(contentDir: string, locales: readonly string[], display: (abs: string) => string): { synonyms: Record<string, SynonymRule[]>; diagnostics: Diagnostic[] } {
  const synonyms: Record<string, SynonymRule[]> = {};
  const diagnostics: Diagnostic[] = [];
  for (const locale of locales) {
    const path = join(contentDir, locale, synonymsFile);
    if (!existsSync(path)) continue;
    const file = display(path);
    const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lineAt = (offset?: number) => (offset === undefined ? undefined : source.slice(0, offset).split('\n').length);
    const problem = (severity: Diagnostic['severity'], line: number | undefined, message: string, hint?: string) =>
      diagnostics.push({ severity, code: 'synonyms', file, line, message, hint });
    const doc = parseDocument(source, { prettyErrors: false });
    if (doc.errors.length) {
      for (const e of doc.errors) problem('error', lineAt(e.pos[0]), `not valid YAML (${e.message.split('\n')[0]})`, 'Check the brackets and quotes on this line and the one before; quote words that contain ":" or "#"');
      continue;
    }
    if (!doc.contents) continue;
    if (!isSeq(doc.contents)) {
      problem('error', 1, 'expected a list of synonym groups', example);
      continue;
    }
    const rules: SynonymRule[] = [];
    for (const item of doc.contents.items) {
      const line = lineAt((item as unknown as { range?: [number] }).range?.[0]);
      const value = (item as { toJSON(): unknown }).toJSON();
      const parsed = isSeq(item) ? synonymGroupSchema.safeParse(value) : isMap(item) ? synonymMappingSchema.safeParse(value) : undefined;
      if (!parsed) {
        problem('error', line, `expected a group of words, got ${JSON.stringify(value)}`, example);
        continue;
      }
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
          const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
          const message =
            issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"`
            : missing ? `${where}missing`
            : issue.code === 'invalid_type' ? `${where}expected ${issue.expected === 'array' ? 'a list of words' : 'text'}`
            : `${where}${issue.message}`;
          problem('error', line, message, example);
        }
        continue;
      }
      const rule: SynonymRule = Array.isArray(parsed.data) ? { typed: parsed.data, finds: parsed.data, line } : { ...parsed.data, line };
      const empty = [...new Set([...rule.typed, ...rule.finds])].filter((w) => indexTokens(w).length === 0);
      if (empty.length) {
        problem('error', line, `"${empty[0]}" has nothing search can match (only common words or punctuation)`, 'Use the words that carry the meaning, e.g. "close account" rather than "the"');
        continue;
      }
      const seen = new Set<string>();
      for (const w of rule.typed) {
        const key = w.normalize('NFKC').toLowerCase();
        if (seen.has(key)) problem('warning', line, `"${w}" is listed twice in the same group`, 'Remove one of them');
        seen.add(key);
      }
      rules.push(rule);
    }
    synonyms[locale] = rules;
  }
  return { synonyms, diagnostics };
}
