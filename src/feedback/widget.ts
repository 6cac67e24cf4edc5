/**
 * "Was this helpful?": loaded on the first click of Yes or No. Yes thanks the reader; No opens a short
 * form (reason, optional comment) next to related articles and a contact link that carries the article.
 * The follow-up opens below the buttons after the click, so nothing on the page moves on its own.
 */
import { sendEvent } from './beacon.ts';
import type { FeedbackReason } from './events.ts';

const answered = new WeakSet<HTMLElement>();

export function answer(root: HTMLElement, helpful: boolean): void {
  const locale = root.dataset.locale ?? document.documentElement.lang;
  const url = root.dataset.article ?? location.pathname;
  const followup = root.querySelector<HTMLFormElement>('[data-feedback-followup]')!;
  const thanks = root.querySelector<HTMLElement>('[data-feedback-thanks]')!;
  const thanksText = root.querySelector<HTMLTemplateElement>('template[data-thanks-text]')?.content.textContent ?? '';
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-helpful]')) {
    button.setAttribute('aria-pressed', String((button.dataset.helpful === 'yes') === helpful));
  }
  if (helpful) {
    followup.hidden = true;
    thanks.textContent = thanksText;
    sendEvent({ type: 'feedback', locale, url, helpful: true });
    return;
  }
  thanks.textContent = '';
  followup.hidden = false;
  followup.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  if (answered.has(root)) return;
  answered.add(root);
  // A "No" counts even when the reader leaves without giving a reason: it is sent once, on submit or on leaving.
  let sent = false;
  const sendNo = (reason?: FeedbackReason, comment?: string) => {
    if (sent) return;
    sent = true;
    sendEvent({ type: 'feedback', locale, url, helpful: false, ...(reason ? { reason } : {}), ...(comment ? { comment } : {}) });
  };
  addEventListener('pagehide', () => {
    if (root.querySelector('[data-helpful="no"][aria-pressed="true"]')) sendNo();
  });
  followup.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(followup);
    sendNo((data.get('reason') ?? 'other') as FeedbackReason, String(data.get('comment') ?? '').trim());
    followup.hidden = true;
    thanks.textContent = thanksText;
  });
}

/** A contact link was followed: record where from, with the query or article it carries. */
export function contactClicked(link: HTMLAnchorElement): void {
  const source = (link.dataset.contactSource ?? 'footer') as 'zero-results' | 'not-helpful' | 'footer';
  sendEvent({
    type: 'contact_click',
    locale: document.documentElement.lang,
    source,
    url: location.pathname,
    ...(link.dataset.query ? { query: link.dataset.query } : {}),
    ...(link.dataset.searchId ? { searchId: link.dataset.searchId } : {}),
  });
}
