import type { Root, RootContent, Heading } from 'mdast';
import type { VFile } from 'vfile';

export interface Options {
  /** Whether a file is an FAQ. @default frontmatter `type: faq` (from `file.data.articleType`) */
  isFaq?: (file: VFile) => boolean;
}

declare module 'vfile' {
  interface DataMap {
    articleType: string;
  }
}

/**
 * In an FAQ article every `##` question and the content under it (up to the next `##`) becomes
 * `<details class="faq-item"><summary><h2>question</h2></summary><div class="faq-answer">…</div></details>`.
 * `<details>` works without JavaScript, and browsers open it when a link targets the heading inside.
 */
export default function remarkFaq(options: Options = {}) {
  const isFaq = options.isFaq ?? ((file: VFile) => file.data.articleType === 'faq');
  return (tree: Root, file: VFile) => {
    if (!isFaq(file)) return;
    const out: RootContent[] = [];
    let answer: RootContent[] | undefined;
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth <= 2) {
        answer = node.depth === 2 ? startItem(out, node) : undefined;
        if (node.depth < 2) out.push(node);
        continue;
      }
      (answer ?? out).push(node);
    }
    tree.children = out;
  };
}

function startItem(out: RootContent[], question: Heading): RootContent[] {
  const answer: RootContent[] = [];
  // mdast has no details node; `data.hName` tells remark-rehype which element to emit.
  out.push({
    type: 'blockquote',
    data: { hName: 'details', hProperties: { className: ['faq-item'] } },
    children: [
      { type: 'blockquote', data: { hName: 'summary' }, children: [question] },
      { type: 'blockquote', data: { hName: 'div', hProperties: { className: ['faq-answer'] } }, children: answer as never },
    ],
    position: question.position,
  } as RootContent);
  return answer;
}
