import type { Root, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';

export const calloutTypes = ['note', 'tip', 'warning', 'danger'] as const;
export type CalloutType = (typeof calloutTypes)[number];

export interface Options {
  /** Default title of a callout without `[title]`, per type, e.g. for translated labels. @default English names */
  label?: (type: CalloutType, file: VFile) => string;
}

const englishLabels: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' };
const aliases: Record<string, CalloutType> = { caution: 'warning', important: 'warning', info: 'note' };

/**
 * `:::tip[Optional title]` … `:::` becomes `<aside class="callout callout-tip">`.
 * Directives this plugin does not own are turned back into the text the writer typed, so prose
 * like `Ratio 16:9` or `see:docs` is never swallowed by remark-directive.
 */
export default function remarkCallouts(options: Options = {}) {
  const label = options.label ?? ((type: CalloutType) => englishLabels[type]);
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      const type = (calloutTypes as readonly string[]).includes(node.name) ? (node.name as CalloutType) : aliases[node.name];
      if (node.type === 'containerDirective' && type) {
        toCallout(node, type, label(type, file));
        return;
      }
      if (node.type === 'containerDirective') {
        file.message(`unknown callout ":::${node.name}"; use one of ${calloutTypes.map((t) => `:::${t}`).join(', ')}`, node);
        toCallout(node, 'note', label('note', file));
        return;
      }
      if (parent && index !== undefined) {
        parent.children.splice(index, 1, ...restoreText(node));
        return [SKIP, index];
      }
    });
  };
}

function toCallout(node: ContainerDirective, type: CalloutType, defaultTitle: string) {
  const first = node.children[0];
  let titleChildren: PhrasingContent[] = [{ type: 'text', value: defaultTitle }];
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    titleChildren = first.children;
    node.children.shift();
  }
  const title: Paragraph = { type: 'paragraph', data: { hProperties: { className: ['callout-title'] } }, children: titleChildren };
  node.children.unshift(title);
  node.data = { hName: 'aside', hProperties: { className: ['callout', `callout-${type}`] } };
}

/** Rebuild what the writer typed for a directive that is not ours (`:name[label]` or `::name`). */
function restoreText(node: TextDirective | LeafDirective): PhrasingContent[] | Paragraph[] {
  const colons = node.type === 'textDirective' ? ':' : '::';
  const children = node.children as PhrasingContent[];
  const inline: PhrasingContent[] = [{ type: 'text', value: colons + node.name }];
  if (children.length > 0) inline.push({ type: 'text', value: '[' }, ...children, { type: 'text', value: ']' });
  return node.type === 'leafDirective' ? [{ type: 'paragraph', children: inline }] : inline;
}
