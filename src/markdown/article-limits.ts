import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';

/**
 * What every article is held to, so broken or hostile Markdown fails with a message naming the file instead
 * of crashing the build with a stack overflow or keeping it busy for minutes. The parser and the HTML steps
 * recurse once per nesting level and some Markdown constructs cost time with the square of their length; these
 * limits sit far above what a help article needs. Documented in docs/writing.md#limits.
 */
export interface ArticleLimits {
  /** Lists, quotes, callouts, HTML elements, links and emphasis inside each other. @default 32 */
  maxNesting: number;
  /** Processor time every article gets to render, in milliseconds… @default 5000 */
  renderBaseMs: number;
  /** …plus this much per megabyte of Markdown. @default 10000 */
  renderMsPerMb: number;
}

export const defaultArticleLimits: ArticleLimits = { maxNesting: 32, renderBaseMs: 5_000, renderMsPerMb: 10_000 };

export function renderBudgetMs(limits: ArticleLimits, bytes: number): number {
  return limits.renderBaseMs + (limits.renderMsPerMb * bytes) / (1024 * 1024);
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame']);
/** Opening one of these closes an open element of the same kind (`<li>` after `<li>`), as an HTML parser does. */
const closesSibling: Record<string, readonly string[]> = {
  p: ['p'], li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'],
  option: ['option'], thead: ['tbody', 'tfoot'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'], rt: ['rt', 'rp'], rp: ['rt', 'rp'],
};
/** Block elements end an open paragraph. */
const closesParagraph = new Set(
  'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section summary table ul'.split(' '),
);
const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>/y;
const listMarker = /(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/y;
const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const fenceOpen = /^(`{3,}|~{3,})/;
const inlineMarkup = /[<[\]*_`\\]/;

/**
 * The first line (1-based, in `body`) where Markdown nests deeper than `max` levels, or undefined. One pass
 * over the text with explicit counters, before anything is parsed: the parser itself is slow on deep nesting
 * (5,000 quote markers take seconds), and the steps after it overflow the call stack. Code blocks and code
 * spans are skipped; HTML tags are counted as an HTML parser would nest them (void elements, `<li>` after `<li>`).
 */
export function findDeepNesting(body: string, max: number): number | undefined {
  const html: string[] = [];
  const listColumns: number[] = [];
  const callouts: number[] = [];
  let fence: RegExp | undefined;
  let brackets = 0;
  let inComment = false;
  let previousBlankOrCode = true;
  let lineNumber = 0;

  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const line = body.slice(start, end);
    start = end + 1;
    lineNumber++;

    // Container markers: spaces, `>` and list markers, in any order, at the start of the line.
    let i = 0;
    let column = 0;
    let quotes = 0;
    let indent = 0;
    const skipSpaces = () => {
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
        column += line[i] === '\t' ? 4 - (column % 4) : 1;
        i++;
      }
    };
    skipSpaces();
    while (i < line.length && line[i] === '>') {
      quotes++;
      i++;
      column++;
      skipSpaces();
    }
    indent = column;

    if (fence) {
      if (fence.test(line.slice(i))) fence = undefined;
      continue;
    }
    if (i === line.length) {
      brackets = 0;
      previousBlankOrCode = true;
      continue;
    }
    while (listColumns.length && indent < listColumns.at(-1)!) listColumns.pop();
    if (listColumns.length === 0 && quotes === 0 && indent >= 4 && previousBlankOrCode) continue; // indented code
    previousBlankOrCode = false;
    if (thematicBreak.test(line.slice(i))) continue;

    for (;;) {
      listMarker.lastIndex = i;
      const m = listMarker.exec(line);
      if (!m) break;
      listColumns.push(column + m[0].length);
      column += m[0].length;
      i += m[0].length;
      if (quotes + listColumns.length > max) return lineNumber;
      while (i < line.length && line[i] === '>') {
        quotes++;
        i++;
        column++;
        skipSpaces();
      }
    }

    const rest = line.slice(i);
    const open = fenceOpen.exec(rest);
    if (open && !(open[1]![0] === '`' && rest.slice(open[1]!.length).includes('`'))) {
      // Closed by a run of the same character at least as long, alone on its line.
      fence = new RegExp(`^${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*$`);
      continue;
    }
    const colons = /^(:{3,})[ \t]*(\S?)/.exec(rest);
    if (colons && /[A-Za-z]/.test(colons[2] ?? '')) callouts.push(colons[1]!.length);
    else if (colons && rest.trim() === colons[1] && callouts.length && callouts.at(-1)! <= colons[1]!.length) callouts.pop();

    const containers = quotes + listColumns.length + callouts.length;
    if (containers + html.length + brackets > max) return lineNumber;

    // Inline: code spans, comments, HTML tags and link brackets. Most lines of prose have none of them.
    if (!inComment && !inlineMarkup.test(rest)) continue;
    let unmatchedTicks: Set<number> | undefined;
    for (let j = i; j < line.length; j++) {
      if (inComment) {
        const close = line.indexOf('-->', j);
        if (close === -1) break;
        inComment = false;
        j = close + 2;
        continue;
      }
      const c = line[j];
      if (c === '\\') {
        j++;
      } else if (c === '`') {
        let n = 1;
        while (line[j + n] === '`') n++;
        const closeAt = unmatchedTicks?.has(n) ? -1 : findTickRun(line, j + n, n);
        if (closeAt === -1) (unmatchedTicks ??= new Set()).add(n);
        j = (closeAt === -1 ? j : closeAt) + n - 1;
      } else if (c === '<') {
        if (line.startsWith('<!--', j)) {
          inComment = true;
          j += 3;
          continue;
        }
        tag.lastIndex = j;
        const m = tag.exec(line);
        if (!m) continue;
        j += m[0].length - 1;
        const name = m[2]!.toLowerCase();
        if (m[1]) {
          const at = html.lastIndexOf(name);
          if (at !== -1) html.length = at;
          continue;
        }
        const foreign = html.includes('svg') || html.includes('math');
        if (voidElements.has(name) || (foreign && m[0].endsWith('/>'))) continue;
        const siblings = closesSibling[name];
        while (siblings && siblings.includes(html.at(-1) ?? '')) html.pop();
        if (closesParagraph.has(name) && html.at(-1) === 'p') html.pop();
        html.push(name);
      } else if (c === '*' || c === '_') {
        // A run of n delimiters can open n / 2 strong or n emphasis levels, if it touches a word.
        let n = 1;
        while (line[j + n] === c) n++;
        const touchesText = /\S/.test(line[j - 1] ?? ' ') || /\S/.test(line[j + n] ?? ' ');
        j += n - 1;
        if (!touchesText || containers + html.length + brackets + Math.floor(n / 2) <= max) continue;
        return lineNumber;
      } else if (c === '[') {
        brackets++;
      } else if (c === ']') {
        if (brackets > 0) brackets--;
        continue;
      } else {
        continue;
      }
      if (containers + html.length + brackets > max) return lineNumber;
    }
  }
  return undefined;
}

/** Start of the next run of exactly `n` backticks at or after `from`, or -1. */
function findTickRun(line: string, from: number, n: number): number {
  const ticks = '`'.repeat(n);
  for (let at = line.indexOf(ticks, from); at !== -1; at = line.indexOf(ticks, at + 1)) {
    let run = n;
    while (line[at + run] === '`') run++;
    if (run === n && line[at - 1] !== '`') return at;
    at += run - 1;
  }
  return -1;
}

/** Nodes that do not add a level a writer would count (a paragraph is not "inside" its list item). */
const flat = new Set(['root', 'paragraph', 'heading', 'list', 'table', 'tableRow']);

/**
 * The first node (its 1-based line) nested deeper than `max` levels in the parsed Markdown, or undefined.
 * The text scan cannot see emphasis nesting (`**` 3,000 times); this walk, with an explicit stack, can.
 */
export function findDeepTree(tree: MdastRoot, max: number): number | undefined {
  const stack: [MdastNodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    const level = flat.has(node.type) ? depth : depth + 1;
    if (level > max) return node.position?.start.line ?? 1;
    for (const child of node.children) stack.push([child as MdastNodes, level]);
  }
  return undefined;
}
