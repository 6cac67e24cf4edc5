/**
 * Copy buttons for code blocks (the `.code-block` wrappers from plugins/rehype-code-blocks.ts). Loaded only on
 * pages that have code. The button and its strings come from the page's `#kb-code-copy` template, so they are
 * in the page's language; each block gets its own polite status, which shows and announces "Copied".
 */
export function addCopyButtons(root: ParentNode = document): void {
  const template = document.getElementById('kb-code-copy') as HTMLTemplateElement | null;
  if (!template) return;
  for (const block of root.querySelectorAll<HTMLElement>('.code-block')) {
    const pre = block.querySelector('pre');
    if (!pre || block.querySelector('.code-copy')) continue;
    const group = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    const button = group.querySelector<HTMLButtonElement>('.code-copy')!;
    const status = group.querySelector<HTMLElement>('[role="status"]')!;
    const name = pre.getAttribute('aria-label');
    if (name) button.setAttribute('aria-label', `${button.textContent!.trim()}: ${name}`);
    let clear: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const ok = await copyText((pre.textContent ?? '').replace(/\n$/, ''));
      // Emptied first, so copying the same block twice is announced twice.
      status.textContent = '';
      requestAnimationFrame(() => (status.textContent = ok ? button.dataset.copied! : button.dataset.failed!));
      clearTimeout(clear);
      clear = setTimeout(() => (status.textContent = ''), 4000);
    });
    block.prepend(group);
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No async clipboard (a plain-http host, an old browser, a denied permission): the selection way.
    const focused = document.activeElement as HTMLElement | null;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    focused?.focus();
    return ok;
  }
}
