import matter from 'gray-matter';
import { parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { frontmatterSchema, knownFrontmatterKeys, type Frontmatter } from '../schemas/index.ts';
import type { Diagnostic } from './model.ts';
import { didYouMean } from './diagnostics.ts';

export interface ParsedSource {
  frontmatter?: Frontmatter;
  body: string;
  /** Lines before the body: add to a body line to get the file line. */
  bodyLineOffset: number;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8, dropping a BOM and normalising CRLF/CR, so writers' editors never matter. */
export function decodeSource(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

/**
 * Split and validate an article's frontmatter. Every problem is reported at once, each with the
 * line of the offending key, so a writer fixes a file in one pass.
 */
export function parseArticleSource(bytes: Uint8Array, file: string): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, hint?: string, line?: number): ParsedSource => {
    diagnostics.push({ severity: 'error', code: 'frontmatter', file, line, message, hint });
    return { body: '', bodyLineOffset: 0, diagnostics };
  };

  const text = decodeSource(bytes);
  if (text === undefined) return fail('the file is not valid UTF-8', 'Save it as UTF-8 in your editor');
  if (text.trim() === '') return fail('the file is empty', 'Start it with frontmatter:\n---\ntitle: Your title\n---');
  if (!text.startsWith('---')) {
    return fail('missing frontmatter', 'Start the file with three dashes, a line "title: Your title", and three dashes', 1);
  }
  if (!/^---[ \t]*\n[\s\S]*?\n---[ \t]*(\n|$)/.test(text) && !/^---[ \t]*\n---[ \t]*(\n|$)/.test(text)) {
    return fail('the frontmatter has no closing ---', 'Add a line with three dashes after the last frontmatter field', 1);
  }

  let yamlText = '';
  const split = matter(text, { engines: { yaml: (s: string) => ((yamlText = s), {}) } });
  const body = split.content;
  const bodyLineOffset = countLines(text.slice(0, text.length - body.length));

  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  // yamlText starts right after the opening '---' (with its newline), so YAML line 1 is file line 1.
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : countLines(yamlText.slice(0, offset)) + 1);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      diagnostics.push({
        severity: 'error',
        code: 'frontmatter-yaml',
        file,
        line: lineOf(e.pos[0]),
        message: `the frontmatter is not valid YAML (${firstSentence(e.message)})`,
        hint: yamlHint(e.code),
      });
    }
    return { body, bodyLineOffset, diagnostics };
  }
  let raw: unknown;
  try {
    raw = doc.toJS() ?? {};
  } catch (e) {
    // The yaml library refuses aliases that expand without bound ("billion laughs").
    return fail(`the frontmatter is not valid YAML (${firstSentence(String((e as Error).message))})`, 'Write the values out instead of using YAML aliases (*name)', 1);
  }
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) {
    return fail('the frontmatter must be a list of "key: value" lines', 'Write for example: title: Your title', 2);
  }

  for (const key of Object.keys(raw)) {
    if (knownFrontmatterKeys.includes(key)) continue;
    const suggestion = didYouMean(key, knownFrontmatterKeys);
    diagnostics.push({
      severity: 'warning',
      code: 'frontmatter-unknown-key',
      file,
      line: lineOf(keyOffset(doc, key)),
      message: `unknown frontmatter key "${key}" is ignored`,
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys: ${knownFrontmatterKeys.join(', ')}`,
    });
  }

  const result = frontmatterSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const value = (raw as Record<string, unknown>)[key];
      const { message, hint } = describeIssue(key, issue, value);
      diagnostics.push({ severity: 'error', code: 'frontmatter-field', file, line: lineOf(keyOffset(doc, key)) ?? 2, message, hint });
    }
    return { body, bodyLineOffset, diagnostics };
  }
  return { frontmatter: result.data, body, bodyLineOffset, diagnostics };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function keyOffset(doc: Document, key: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

function firstSentence(message: string): string {
  return message.split(/\n|(?<=\.) /)[0]!.replace(/\.$/, '').replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'Remove one of the duplicated keys';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'Check the indentation and that each field is written as key: value';
  return 'Put values that contain ":" or "#" in quotes, e.g. title: "Refunds: how they work"';
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a nested object';
  return String(value);
}

function describeIssue(key: string, issue: z.core.$ZodIssue, value: unknown): { message: string; hint?: string } {
  const got = show(value);
  const isList = key === 'tags' || key === 'keywords' || key === 'related';
  if (isList) {
    const items = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : ['first', 'second'];
    return {
      message: `${key}: expected a list of strings, got ${Array.isArray(value) ? 'a list with an empty or non-text item' : got}`,
      hint: `Write ${key}: [${items.join(', ')}]`,
    };
  }
  switch (key) {
    case 'title':
    case 'description':
      if (typeof value === 'string') return { message: `${key}: must not be empty`, hint: `Write ${key}: Your ${key}` };
      return { message: `${key}: expected text, got ${got}`, hint: `Put it in quotes: ${key}: "${value ?? ''}"` };
    case 'type':
      return {
        message: `type: expected one of faq, guide, troubleshooting, reference, got ${got}`,
        hint: 'Write type: faq for question-and-answer pages, or leave it out for a guide',
      };
    case 'updated':
      return { message: `updated: expected a date like 2026-03-14, got ${got}`, hint: 'Write the date as YYYY-MM-DD, or leave it out to use the git history' };
    case 'order':
      return { message: `order: expected a whole number, got ${got}`, hint: 'Write for example order: 10' };
    case 'draft':
    case 'featured':
      return { message: `${key}: expected true or false, got ${got}`, hint: `Write ${key}: true` };
    case 'slug':
      return { message: `slug: ${got} is not a valid URL segment`, hint: 'Use lowercase letters, digits and hyphens, e.g. slug: request-a-refund' };
    default:
      return { message: `${key || 'frontmatter'}: ${issue.message}` };
  }
}
