import type { Root, Element, ElementContent, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Section, FaqItem } from '../content/model.ts';

const sectionHeadings = new Set(['h2', 'h3', 'h4']);
const skipped = new Set(['script', 'style', 'template']);
const blocky = new Set(['p', 'li', 'pre', 'blockquote', 'div', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'figcaption', 'summary', 'tr', 'br']);
const cells = new Set(['td', 'th']);

/**
 * Cut a rendered article into searchable sections (the intro, then one per heading) and collect FAQ items.
 * A section's text keeps its block structure: each paragraph, list item or table row on its own line, and a
 * table row's cells each after a tab (so the line of a row starts with one). Words from adjacent blocks never
 * fuse into one token, and search excerpts can tell a sentence from a row of cells.
 */
export function extractSections(tree: Root): { sections: Section[]; faq: FaqItem[]; text: string } {
  const sections: Section[] = [{ id: '', heading: '', depth: 1, text: '' }];
  const faq: FaqItem[] = [];
  const parts: string[][] = [[]];

  const walk = (node: RootContent | ElementContent) => {
    if (node.type === 'text') {
      parts[parts.length - 1]!.push(node.value.replace(/\t/g, ' '));
      return;
    }
    if (node.type !== 'element' || skipped.has(node.tagName)) return;
    if (isAnchorLink(node)) return;
    if (sectionHeadings.has(node.tagName) && typeof node.properties.id === 'string') {
      sections.push({ id: node.properties.id, heading: headingText(node), depth: Number(node.tagName[1]), text: '' });
      parts.push([]);
      return;
    }
    if (node.tagName === 'details' && hasClass(node, 'faq-item')) collectFaq(node, faq);
    const block = blocky.has(node.tagName);
    const part = parts[parts.length - 1]!;
    if (block) part.push('\n');
    else if (cells.has(node.tagName)) part.push('\t');
    for (const child of node.children) walk(child);
    if (block) parts[parts.length - 1]!.push('\n');
  };
  for (const child of tree.children) walk(child);

  sections.forEach((s, i) => (s.text = blocks(parts[i]!.join(''))));
  const text = squash(sections.map((s) => [s.heading, s.text].filter(Boolean).join(' ')).join(' '));
  return { sections: sections.filter((s) => s.id !== '' || s.text !== ''), faq, text };
}

function collectFaq(details: Element, faq: FaqItem[]) {
  const summary = details.children.find((c): c is Element => c.type === 'element' && c.tagName === 'summary');
  const heading = summary?.children.find((c): c is Element => c.type === 'element' && /^h\d$/.test(c.tagName));
  const answer = details.children.find((c): c is Element => c.type === 'element' && c.tagName === 'div');
  if (!heading || !answer || typeof heading.properties.id !== 'string') return;
  const answerText = squash(
    answer.children
      .filter((c) => !(c.type === 'element' && hasClass(c, 'faq-permalink')))
      .map((c) => toString(c))
      .join(' '),
  );
  faq.push({ id: heading.properties.id, question: headingText(heading), answer: answerText });
}

function headingText(node: Element): string {
  return squash(node.children.filter((c) => !(c.type === 'element' && isAnchorLink(c))).map((c) => toString(c)).join(''));
}

function isAnchorLink(node: Element): boolean {
  return node.tagName === 'a' && hasClass(node, 'heading-anchor');
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Spaces squashed within a line; one line per block; a table row's line starts with a tab before each cell. */
function blocks(s: string): string {
  return s
    .split('\n')
    .map((line) => (line.includes('\t') ? line.split('\t').map(squash).filter(Boolean).map((c) => `\t${c}`).join('') : squash(line)))
    .filter(Boolean)
    .join('\n');
}
