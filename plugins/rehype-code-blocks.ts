import type { Root, Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { visitElements, SKIP } from './visit-elements.ts';

export interface Options {
  /**
   * Accessible name of a code block, from the display name of its language (`undefined` when the writer gave none
   * or wrote plain text). @default `Code (JSON)`, or `Code`
   */
  label?: (language: string | undefined, file: VFile) => string;
}

/** Display names of the languages help articles use; any other fence language is shown as written. */
const languageNames: Record<string, string> = {
  bash: 'Shell', sh: 'Shell', shell: 'Shell', zsh: 'Shell', console: 'Console',
  c: 'C', cpp: 'C++', cs: 'C#', csharp: 'C#', css: 'CSS', csv: 'CSV', diff: 'Diff', dockerfile: 'Dockerfile',
  go: 'Go', graphql: 'GraphQL', html: 'HTML', http: 'HTTP', ini: 'INI', java: 'Java', javascript: 'JavaScript', js: 'JavaScript',
  json: 'JSON', kotlin: 'Kotlin', markdown: 'Markdown', md: 'Markdown', nginx: 'nginx', php: 'PHP', powershell: 'PowerShell',
  ps1: 'PowerShell', py: 'Python', python: 'Python', rb: 'Ruby', ruby: 'Ruby', rs: 'Rust', rust: 'Rust', sql: 'SQL',
  swift: 'Swift', toml: 'TOML', ts: 'TypeScript', typescript: 'TypeScript', xml: 'XML', yaml: 'YAML', yml: 'YAML',
};
/** Fence languages that mean "no language": no label. */
const plainText = new Set(['text', 'txt', 'plain', 'plaintext']);

/**
 * Make code blocks readable and operable: each `<pre>` is wrapped in `<div class="code-block">` that names its
 * language (`data-language`, shown by the stylesheet, so it is never indexed or copied), and the `<pre>` becomes
 * a focusable, named group, so a block that scrolls sideways can be scrolled with the keyboard. A group, not a
 * region: an article may hold many blocks, and landmarks are for finding one's way around the page. The copy
 * button is added in the browser (src/scripts/code-copy.ts): without JavaScript it could not work.
 */
export default function rehypeCodeBlocks(options: Options = {}) {
  const label = options.label ?? ((language?: string) => (language ? `Code (${language})` : 'Code'));
  return (tree: Root, file: VFile) => {
    visitElements(tree, (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      if (parent.type === 'element' && hasClass(parent, 'code-block')) return SKIP;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const language = code && displayName(code);
      node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: label(language, file) };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: language ? { className: ['code-block'], dataLanguage: language } : { className: ['code-block'] },
        children: [node],
      };
      parent.children[index] = wrapper as ElementContent;
      return SKIP;
    });
  };
}

function displayName(code: Element): string | undefined {
  const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
  const id = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length);
  if (!id || plainText.has(id.toLowerCase())) return undefined;
  return languageNames[id.toLowerCase()] ?? id;
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}
