/**
 * The only script every page loads. It stays tiny: the theme toggle, the table of contents, search
 * shortcuts, and FAQ deep links. The search UI, the feedback widget, the contact form and the code copy buttons
 * are separate chunks, imported on first use or only on pages that need them.
 */
import { prefetchSearchManifest } from '../search/prefetch.ts';

const root = document.documentElement;

// Theme: system default, or the reader's remembered choice (applied before paint by the inline head script).
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (toggle) {
  const dark = () => root.dataset.theme === 'dark' || (!root.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
  const sync = () => toggle.setAttribute('aria-pressed', String(dark()));
  toggle.hidden = false;
  sync();
  toggle.addEventListener('click', () => {
    root.dataset.theme = dark() ? 'light' : 'dark';
    try {
      localStorage.setItem('kb-theme', root.dataset.theme);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    sync();
  });
}

// Table of contents: a sidebar that stays open on wide screens, a collapsed box above the text on narrow ones.
const toc = document.querySelector<HTMLDetailsElement>('[data-toc]');
if (toc) {
  const wide = matchMedia('(min-width: 62rem)');
  const fit = () => (toc.open = wide.matches);
  fit();
  wide.addEventListener('change', fit);
}

// Search: nothing is fetched until a reader focuses or types in a search box. Then the manifest and the
// search code download side by side, so the first query costs one round trip less.
let searchUi: Promise<typeof import('../search/ui.ts')> | undefined;
const loadSearch = () => (searchUi ??= import('../search/ui.ts'));
const inputs = () => [...document.querySelectorAll<HTMLInputElement>('[data-kb-search] input[type="search"]')];
for (const input of inputs()) {
  const start = () => {
    if (input.dataset.manifest) prefetchSearchManifest(input.dataset.manifest);
    return loadSearch().then((ui) => ui.attachSearch(input));
  };
  input.addEventListener('focus', () => void start(), { once: true });
  // The search page runs a shared ?q= query at once.
  const sharedQuery = input.form?.classList.contains('search-page') && new URLSearchParams(location.search).has('q');
  if (document.activeElement === input || input.value || sharedQuery) void start();
}
addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const shortcut = (event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey));
  if (!shortcut || event.altKey) return;
  const input = inputs().find((i) => i.offsetParent !== null);
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

// Copy buttons, on pages with code blocks only.
if (document.querySelector('.code-block')) void import('./code-copy.ts').then((m) => m.addCopyButtons());

// FAQ deep links: open the <details> that holds the target, also when the hash changes later.
const openTarget = () => {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  const details = target && target.closest('details');
  if (details && !details.open) {
    details.open = true;
    target.scrollIntoView();
  }
};
openTarget();
addEventListener('hashchange', openTarget);

// The contact page's form, which suggests articles before it offers the channel: a chunk of its own, loaded there only.
const contactForm = document.querySelector<HTMLFormElement>('[data-contact-form]');
if (contactForm) void import('../contact/contact-form.ts').then((m) => m.attachContactForm(contactForm));

// Feedback widget and contact links: wired on the first interaction only.
const feedback = document.querySelector<HTMLElement>('[data-feedback]');
const loadFeedback = () => import('../feedback/widget.ts');
feedback?.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-helpful]');
  if (button) loadFeedback().then((w) => w.answer(feedback, button.dataset.helpful === 'yes'));
});
addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('[data-contact-link]');
  if (!link) return;
  const sameTab = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !link.target;
  const report = loadFeedback().then((w) => w.contactClicked(link));
  if (!sameTab) return;
  // Hold the navigation until the event is queued; sendBeacon then survives the page unload.
  event.preventDefault();
  report.finally(() => location.assign(link.href));
});
