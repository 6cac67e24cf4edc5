import type { Element, ElementContent, Root } from 'hast';
import { SKIP as visitSkip, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SKIP, visitElements } from '../../../plugins/visit-elements.ts';

const el = (tagName: string, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** A tree with text between elements, nesting, a <template> (whose content neither walk enters) and a <pre>. */
function sample(): Root {
  const template = el('template');
  template.content = { type: 'root', children: [el('p')] };
  return {
    type: 'root',
    children: [
      el('h2', [text('Refunds')]),
      text('\n'),
      el('div', [el('p', [text('a '), el('code', [text('x')]), el('em', [el('strong')])]), el('pre', [el('code', [text('y')])])]),
      template,
      el('ul', [el('li', [el('a')]), el('li')]),
    ],
  };
}

/** What each walk saw, and the tree it left, when both run the same visitor. */
function both(visitor: (node: Element, index: number, parent: Root | Element, skip: unknown) => unknown) {
  const theirs = sample();
  const ours = sample();
  const seen = { theirs: [] as string[], ours: [] as string[] };
  visit(theirs, 'element', (node: Element, index, parent) => {
    seen.theirs.push(`${node.tagName}@${index}`);
    return visitor(node, index!, parent as Root | Element, visitSkip) as never;
  });
  visitElements(ours, (node, index, parent) => {
    seen.ours.push(`${node.tagName}@${index}`);
    return visitor(node, index, parent, SKIP) as never;
  });
  return { seen, theirs, ours };
}

describe('visitElements', () => {
  it('walks the elements in the order unist-util-visit does, with the same index and parent', () => {
    const parents: string[][] = [[], []];
    const { seen } = both(() => undefined);
    expect(seen.ours).toEqual(seen.theirs);
    expect(seen.ours).toEqual(['h2@0', 'div@2', 'p@0', 'code@1', 'em@2', 'strong@0', 'pre@1', 'code@0', 'template@3', 'ul@4', 'li@0', 'a@0', 'li@1']);
    visitElements(sample(), (_n, _i, parent) => void parents[0]!.push(parent.type === 'root' ? 'root' : parent.tagName));
    visit(sample(), 'element', (_n: Element, _i, parent) => void parents[1]!.push(parent!.type === 'root' ? 'root' : (parent as Element).tagName));
    expect(parents[0]).toEqual(parents[1]);
  });

  it('does not go into an element whose visitor returns SKIP', () => {
    const { seen } = both((node, _i, _p, skip) => (node.tagName === 'pre' || node.tagName === 'p' ? skip : undefined));
    expect(seen.ours).toEqual(seen.theirs);
    expect(seen.ours).not.toContain('strong@0');
  });

  it('goes into the element it gave the visitor when the visitor replaced it, and sees new children and siblings', () => {
    const { seen, theirs, ours } = both((node, index, parent) => {
      if (node.tagName === 'pre') parent.children[index] = el('figure', [node]);
      if (node.tagName === 'h2') node.children.push(el('a', [text('#')]));
      if (node.tagName === 'ul') parent.children.push(el('footer'));
      return undefined;
    });
    expect(seen.ours).toEqual(seen.theirs);
    expect(seen.ours).toContain('footer@5');
    expect(seen.ours).not.toContain('figure@1');
    expect(ours).toEqual(theirs);
  });
});
