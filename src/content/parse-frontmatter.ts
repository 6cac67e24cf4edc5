import matter from 'gray-matter';
import { basename } from 'node:path';
import { parseDocument, isMap, isPair, isScalar, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { frontmatterSchema, knownFrontmatterKeys, type Frontmatter } from '../schemas/index.ts';
import type { Diagnostic } from './model.ts';
import { didYouMean } from './diagnostics.ts';

export interface ParsedSource {
  frontmatter?: Frontmatter;
  body: string;
  /** Lines before the body: add to a body line to get the file line. */
  bodyLineOffset: number;
  /**
   * When the frontmatter has errors but the body can be told apart: the frontmatter with every invalid field at
   * its default (and the file name as title), so the body's links, anchors and images are checked in the same run.
   */
  recovered?: Frontmatter;
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
    fail('missing frontmatter', 'Start the file with three dashes, a line "title: Your title", and three dashes', 1);
    return { body: text, bodyLineOffset: 0, recovered: recoverFrontmatter({}, file), diagnostics };
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
      const unclosed = unclosedOpener(doc, yamlText, e);
      if (unclosed) {
        const line = lineOf(unclosed.offset);
        // An unclosed quote inside an unclosed list is one mistake: report its line once.
        if (!diagnostics.some((d) => d.line === line)) diagnostics.push({ severity: 'error', code: 'frontmatter-yaml', file, line, message: unclosed.message, hint: unclosed.hint });
        continue;
      }
      diagnostics.push({
        severity: 'error',
        code: 'frontmatter-yaml',
        file,
        line: lineOf(e.pos[0]),
        message: `the frontmatter is not valid YAML (${firstSentence(e.message)})`,
        hint: yamlHint(e.code),
      });
    }
    return { body, bodyLineOffset, recovered: recoverFrontmatter(partialValues(doc), file), diagnostics };
  }
  let raw: unknown;
  try {
    raw = doc.toJS() ?? {};
  } catch (e) {
    // The yaml library refuses aliases that expand without bound ("billion laughs").
    return fail(`the frontmatter is not valid YAML (${firstSentence(String((e as Error).message))})`, 'Write the values out instead of using YAML aliases (*name)', 1);
  }
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) {
    fail('the frontmatter must be a list of "key: value" lines', 'Write for example: title: Your title', 2);
    return { body, bodyLineOffset, recovered: recoverFrontmatter({}, file), diagnostics };
  }

  const result = frontmatterSchema.safeParse(raw);
  const present = new Set(Object.keys(raw));
  // A misspelt key and the missing field it was meant to be are one mistake: say "did you mean" once,
  // at the misspelt line, as an error, and not "title: expected text" as if the writer had left it empty.
  const misspelt = new Map<string, string>();
  for (const key of present) {
    if (knownFrontmatterKeys.includes(key)) continue;
    const suggestion = didYouMean(key, knownFrontmatterKeys);
    const required = suggestion !== undefined && !present.has(suggestion) && !result.success && result.error.issues.some((i) => i.path[0] === suggestion);
    if (required) misspelt.set(suggestion, key);
    diagnostics.push({
      severity: required ? 'error' : 'warning',
      code: 'frontmatter-unknown-key',
      file,
      line: lineOf(keyOffset(doc, key)),
      message: required ? `unknown frontmatter key "${key}", and ${suggestion} is missing` : `unknown frontmatter key "${key}" is ignored`,
      hint: required
        ? `Did you mean "${suggestion}"? Rename ${key} to ${suggestion}`
        : suggestion
          ? `Did you mean "${suggestion}"?`
          : `Known keys: ${knownFrontmatterKeys.join(', ')}`,
    });
  }

  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (misspelt.has(key)) continue;
      const value = (raw as Record<string, unknown>)[key];
      const { message, hint } = present.has(key) || !key ? describeIssue(key, issue, value) : describeMissing(key);
      diagnostics.push({ severity: 'error', code: 'frontmatter-field', file, line: lineOf(keyOffset(doc, key)) ?? 2, message, hint });
    }
    return { body, bodyLineOffset, recovered: recoverFrontmatter(raw as Record<string, unknown>, file), diagnostics };
  }
  return { frontmatter: result.data, body, bodyLineOffset, diagnostics };
}

/** Keep the fields that are valid, default the rest: enough to render the body and check its links. */
function recoverFrontmatter(raw: Record<string, unknown>, file: string): Frontmatter | undefined {
  const first = frontmatterSchema.safeParse(raw);
  if (first.success) return first.data;
  const invalid = new Set(first.error.issues.map((i) => String(i.path[0] ?? '')));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !invalid.has(key)));
  const again = frontmatterSchema.safeParse({ ...kept, title: kept.title ?? basename(file, '.md') });
  return again.success ? again.data : undefined;
}

/** What YAML could still read of broken frontmatter, e.g. `type: faq` above an unclosed quote. */
function partialValues(doc: Document): Record<string, unknown> {
  try {
    const values: unknown = doc.toJS();
    return typeof values === 'object' && values !== null && !Array.isArray(values) ? (values as Record<string, unknown>) : {};
  } catch {
    return {};
  }
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

/**
 * YAML reads an unclosed quote or bracket on to the end of the frontmatter and reports the error where it gave up,
 * lines below the mistake. Point at the line where the quote or bracket opens instead, and show that line closed.
 */
function unclosedOpener(doc: Document, yamlText: string, error: { code: string; message: string; pos: [number, number] }) {
  const kind = error.code === 'MISSING_CHAR' && /closing ["']?quote/.test(error.message) ? 'quote' : /end with an? [\]}]/.test(error.message) ? 'flow' : undefined;
  if (!kind) return undefined;
  let found: { offset: number; opener: string; closer: string; key?: string } | undefined;
  const consider = (node: { range?: [number, number, number] | null }, opener: string, closer: string, path: readonly unknown[]) => {
    const [start, end] = node.range ?? [];
    if (start === undefined || end === undefined || start > error.pos[0] || end < error.pos[0] || (found && found.offset > start)) return;
    const parent = path.at(-1);
    const key = isPair(parent) && parent.value === node && isScalar(parent.key) ? String(parent.key.value) : undefined;
    found = { offset: start, opener, closer, key };
  };
  visit(doc, {
    Scalar(_, node, path) {
      if (kind !== 'quote' || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      const mark = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      consider(node, mark, mark, path);
    },
    Seq(_, node, path) {
      if (kind === 'flow' && node.flow) consider(node, '[', ']', path);
    },
    Map(_, node, path) {
      if (kind === 'flow' && node.flow) consider(node, '{', '}', path);
    },
  });
  if (!found) return undefined;
  const lineStart = yamlText.lastIndexOf('\n', found.offset - 1) + 1;
  const lineEnd = yamlText.indexOf('\n', found.offset);
  const line = yamlText.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trimEnd();
  const fixable = found.key !== undefined && line.startsWith(`${found.key}:`);
  return {
    offset: found.offset,
    message: `the frontmatter is not valid YAML (${found.key ? `the ${found.opener} that opens ${found.key} is never closed` : `a ${found.opener} on this line is never closed`})`,
    hint: fixable ? `Close it on the same line: ${line}${found.closer}` : `Add the closing ${found.closer} where the value ends`,
  };
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

/** Only `title` is required; a field that is simply not there needs adding, not quoting. */
function describeMissing(key: string): { message: string; hint: string } {
  return { message: `${key}: missing; every article needs one`, hint: `Add a line ${key}: Your ${key} after the first ---` };
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
      if (typeof value === 'string' || value === null) return { message: `${key}: must not be empty`, hint: `Write ${key}: Your ${key}` };
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
