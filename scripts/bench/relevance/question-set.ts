/**
 * The natural-question sets: `tests/fixtures/relevance/questions/<lang>.yml`, written the way customers write to
 * support, with the articles that answer each question. A fixed share of each set, chosen by a hash of the
 * question's id (not by anyone reading the questions), is held out: nothing is tuned on it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, LineCounter } from 'yaml';

export const questionSchema = z
  .object({
    /** Stable id, e.g. `ja-0042`; it decides the split. */
    id: z.string().regex(/^[a-z]{2}-\d{3,4}$/),
    /** The question as a customer typed it. */
    q: z.string().trim().min(1),
    /** Articles (`category/slug`) that answer it (grade 2). Empty: the help center has no answer. */
    answers: z.array(z.string()).default([]),
    /** Articles that help but do not fully answer it (grade 1). */
    helps: z.array(z.string()).default([]),
    /** What the question exercises: long, polite, paraphrase, variant, typo, short, unanswerable, … */
    tags: z.array(z.string()).default([]),
  })
  .strict();

export type Question = z.output<typeof questionSchema> & { lang: string; split: 'dev' | 'test'; line: number };

/** Share of each set held out, in percent. */
export const heldOutPercent = 40;

export function splitOf(id: string): 'dev' | 'test' {
  return createHash('sha256').update(id).digest().readUInt16BE(0) % 100 < heldOutPercent ? 'test' : 'dev';
}

/** Load one language's questions; every mistake is reported as `file:line: message`. */
export function loadQuestions(file: string, lang: string, articleKeys: ReadonlySet<string>): Question[] {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
  if (doc.errors.length) throw new Error(`${file}:${lines.linePos(doc.errors[0]!.pos[0]).line}: ${doc.errors[0]!.message}`);
  const items = doc.contents && 'items' in doc.contents ? (doc.contents.items as { range?: [number, number, number] }[]) : [];
  const raw = doc.toJS() as unknown[];
  if (!Array.isArray(raw)) throw new Error(`${file}:1: expected a list of questions`);
  const seen = new Set<string>();
  return raw.map((entry, i) => {
    const line = lines.linePos(items[i]?.range?.[0] ?? 0).line;
    const parsed = questionSchema.safeParse(entry);
    if (!parsed.success) throw new Error(`${file}:${line}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'question'}: ${x.message}`).join('; ')}`);
    const q = parsed.data;
    if (!q.id.startsWith(`${lang}-`)) throw new Error(`${file}:${line}: id ${q.id} should start with ${lang}-`);
    if (seen.has(q.id)) throw new Error(`${file}:${line}: id ${q.id} is used twice`);
    seen.add(q.id);
    for (const key of [...q.answers, ...q.helps]) {
      if (!articleKeys.has(key)) throw new Error(`${file}:${line}: ${q.id} names ${key}, which is no ${lang} article`);
    }
    return { ...q, lang, split: splitOf(q.id), line };
  });
}

export function relevanceOf(q: Question): Map<string, number> {
  const grades = new Map<string, number>();
  for (const key of q.helps) grades.set(key, 1);
  for (const key of q.answers) grades.set(key, 2);
  return grades;
}
