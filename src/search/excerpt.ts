/**
 * Result excerpts: the passage of a section that best shows why it matched, HTML-escaped, with `<mark>` around
 * the matches. Offsets come from the tokenizer, so highlighting is exact in CJK text (no spaces to split on) and
 * for folded forms (ｶﾀｶﾅ, café). Everything from the content or the query is escaped; `<mark>` is the only markup
 * this module ever emits.
 *
 * Section texts keep their blocks on separate lines, and a table row's cells each after a tab (see
 * `extract-sections.ts`). The excerpt is the window with the most different query words in it; a window of table
 * cells is chosen only when no sentence matches as well.
 */
import { findNormalized, normalize, tokenize, type TokenizeOptions } from './tokenizer.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

export interface Range {
  start: number;
  end: number;
}

/** What to highlight. */
export interface Highlight {
  /** Index terms that matched (exact, word forms, completions, typo corrections). */
  terms: ReadonlySet<string>;
  /**
   * Whole CJK words from the query (normalised), marked where they occur verbatim; CJK bigrams are only marked
   * one by one when none of these occurs, so エクスポート does not light up the ポート in レポート.
   */
  phrases?: readonly string[];
}

/** Spans of `text` to mark, merged where they touch (overlapping bigrams become one span). */
export function matchRanges(text: string, highlight: Highlight, options?: TokenizeOptions): Range[] {
  const ranges: Range[] = [];
  for (const phrase of highlight.phrases ?? []) ranges.push(...findNormalized(text, phrase));
  const cjkFound = ranges.length > 0;
  for (const t of tokenize(text, options)) {
    if ((t.script === 'latin' || !cjkFound) && highlight.terms.has(t.text)) ranges.push({ start: t.start, end: t.end });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export interface ExcerptOptions extends TokenizeOptions {
  /** Longest excerpt, in characters, before ellipses. @default 160 */
  maxChars?: number;
}

/** The section text as shown: blocks joined by spaces, a table row's cells by " · ". Offsets map back per char. */
function displayText(text: string): { text: string; row: Uint8Array } {
  let out = '';
  const rowFlags: number[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (!line) continue;
    const isRow = line.startsWith('\t');
    const shown = isRow ? line.slice(1).split('\t').join(' · ') : line;
    if (n > 0 && out) {
      out += ' ';
      rowFlags.push(0);
    }
    out += shown;
    for (let k = 0; k < shown.length; k++) rowFlags.push(isRow ? 1 : 0);
  }
  return { text: out, row: Uint8Array.from(rowFlags) };
}

/** An escaped excerpt of `text` with the matched terms in `<mark>`. */
export function excerptHtml(source: string, highlight: Highlight, options: ExcerptOptions = {}): string {
  const max = options.maxChars ?? 160;
  const { text, row } = displayText(source);
  const ranges = matchRanges(text, highlight, options);
  let from = 0;
  let to = text.length;
  if (text.length > max) {
    // The window with the most different matched words, starting a little before the first of them.
    const lead = Math.min(40, Math.floor(max / 4));
    const words = ranges.map((r) => normalize(text.slice(r.start, r.end)));
    const sentenceMatch = ranges.some((r) => !row[r.start]);
    let best = -1;
    for (const r of ranges.length ? ranges : [{ start: 0, end: 0 }]) {
      const start = Math.max(0, Math.min(r.start - lead, text.length - max));
      const inside = ranges.map((x, k) => [x, k] as const).filter(([x]) => x.start >= start && x.end <= start + max);
      let value = new Set(inside.map(([, k]) => words[k])).size + 0.1 * inside.length;
      // A sentence explains better than a row of cells: a window of table rows only wins when no sentence matched.
      if (sentenceMatch && inside.length && inside.every(([x]) => row[x.start])) value *= 0.4;
      if (value > best) {
        best = value;
        from = start;
      }
    }
    // Start on a word boundary when one is near; never inside a surrogate pair.
    if (from > 0) {
      const space = text.indexOf(' ', from);
      if (space >= 0 && space - from < 16 && space + 1 <= (ranges.find((r) => r.start >= from)?.start ?? Infinity)) from = space + 1;
      if (isLowSurrogate(text.charCodeAt(from))) from++;
    }
    to = Math.min(text.length, from + max);
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  }
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    html += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  html += escapeHtml(text.slice(at, to));
  if (to < text.length) html += '…';
  return html;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
