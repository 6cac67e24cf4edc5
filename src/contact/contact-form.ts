/**
 * The contact page: articles are suggested while the customer writes (the site's search client, which ranks a
 * whole question by its informative words), and the support channel is offered once the suggestions are shown.
 * The draft lives in sessionStorage, so opening a suggestion and coming back keeps it.
 */
import type { SearchClient } from '../search/client.ts';
import { prefetchSearchManifest } from '../search/prefetch.ts';
import { newSearchId, sendEvent } from '../feedback/beacon.ts';
import { contactHref, originPage, suggestionQuery } from './channel.ts';
import { clearDraft, loadDraft, resumeDraft, saveDraft } from './draft.ts';
import { contactAttemptEvents } from './attempt.ts';

type Strings = Record<'searching' | 'count' | 'countOne' | 'none' | 'restored' | 'error', string>;

/** Suggestions shown: enough to find the answer, few enough to read before writing to support. */
const maxSuggestions = 5;
/** A pause in typing before searching: the customer writes sentences, not keywords. */
const pauseMs = 250;

export function attachContactForm(form: HTMLFormElement): void {
  const locale = form.dataset.locale ?? document.documentElement.lang;
  const strings = JSON.parse(form.dataset.strings ?? '{}') as Strings;
  const template = form.dataset.contactUrl ?? '';
  const manifestUrl = form.dataset.manifest;
  const subject = form.querySelector<HTMLInputElement>('[name="subject"]')!;
  const message = form.querySelector<HTMLTextAreaElement>('[name="message"]')!;
  const status = form.querySelector<HTMLElement>('[data-contact-status]')!;
  const section = form.querySelector<HTMLElement>('[data-contact-suggestions]')!;
  const list = form.querySelector<HTMLElement>('[data-contact-suggestion-list]')!;
  const channel = form.querySelector<HTMLElement>('[data-contact-channel]')!;
  const link = form.querySelector<HTMLAnchorElement>('a[data-contact-send]');
  const pageField = form.querySelector<HTMLInputElement>('[data-contact-page]');
  const storage = sessionStore();

  const params = new URLSearchParams(location.search);
  const resumed = resumeDraft(loadDraft(storage, locale), { q: params.get('q') ?? '', message: params.get('message') ?? '', from: originPage(params.get('from'), location.href) }, newSearchId);
  const { draft } = resumed;
  // A field that already holds text keeps it: the customer typed before this script ran (a slow connection), or the
  // browser put it back on a return to the page (it does for the message, not for the autocomplete="off" subject).
  // An empty field gets the draft's text. "We kept what you wrote" is said when some of the shown text is the draft's.
  let fromDraft = false;
  for (const [field, key] of [[subject, 'subject'], [message, 'message']] as const) {
    if (field.value.trim()) {
      fromDraft ||= field.value === draft[key];
      draft[key] = field.value;
    } else {
      fromDraft ||= Boolean(draft[key].trim());
      field.value = draft[key];
    }
  }
  const restored = resumed.restored && fromDraft;
  const events = contactAttemptEvents('contact-page', locale, sendEvent);
  // With scripting on, the stylesheet hides the channel until the suggestions are shown (see contact.css); without
  // it, the channel is there from the start.

  let client: Promise<SearchClient> | undefined;
  const loadClient = () => {
    if (!manifestUrl) return Promise.reject(new Error('no search index for this language'));
    prefetchSearchManifest(manifestUrl);
    return (client ??= import('../search/client.ts').then((m) => m.createSearchClient({ manifestUrl })));
  };

  let sequence = 0;
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let query = '';

  const fields = () => ({ subject: subject.value, message: message.value, page: draft.from, locale });
  const sync = () => {
    draft.subject = subject.value;
    draft.message = message.value;
    if (link) link.href = contactHref(template, fields());
    if (pageField) pageField.value = draft.from;
    saveDraft(storage, locale, draft);
  };

  const offerChannel = () => channel.classList.remove('contact-waiting');
  const channelOffered = () => !channel.classList.contains('contact-waiting');

  const suggest = async () => {
    clearTimeout(timer);
    const mine = ++sequence;
    const q = suggestionQuery(subject.value, message.value);
    if (!q) {
      query = '';
      shown = 0;
      list.replaceChildren();
      section.hidden = true;
      status.textContent = '';
      return;
    }
    if (q === query) return;
    status.textContent = strings.searching;
    let results;
    try {
      const response = await (await loadClient()).search(q, { limit: maxSuggestions + 1 });
      // The article the customer came from did not help (or they would not be here): it is not suggested again.
      const from = draft.from && new URL(draft.from).pathname;
      results = (response.nothingFound ? [] : response.results).filter((r) => new URL(r.url, location.href).pathname !== from).slice(0, maxSuggestions);
    } catch {
      if (mine !== sequence) return;
      status.textContent = strings.error;
      offerChannel();
      return;
    }
    // An answer to text the customer has already changed must not replace a newer one.
    if (mine !== sequence) return;
    query = q;
    shown = results.length;
    list.replaceChildren(
      ...results.map((article, i) => {
        const item = document.createElement('li');
        const a = document.createElement('a');
        a.className = 'contact-suggestion';
        a.href = article.url;
        const title = document.createElement('span');
        title.className = 'contact-suggestion-title';
        title.textContent = article.title;
        a.append(title);
        if (article.category) {
          const category = document.createElement('span');
          category.className = 'contact-suggestion-category';
          category.textContent = article.category;
          a.prepend(category);
        }
        if (article.excerptHtml) {
          const excerpt = document.createElement('span');
          excerpt.className = 'contact-suggestion-excerpt';
          // Escaped by the search client, with only <mark> added (see highlight() in client.ts).
          excerpt.innerHTML = article.excerptHtml;
          a.append(excerpt);
        }
        a.addEventListener('click', () => {
          sync();
          events.suggestionClicked(draft, i + 1, article.url);
          saveDraft(storage, locale, draft);
        });
        item.append(a);
        return item;
      }),
    );
    section.hidden = shown === 0;
    status.textContent = shown === 0 ? strings.none : shown === 1 ? strings.countOne : strings.count.replace('{count}', String(shown));
    offerChannel();
  };

  const onInput = () => {
    sync();
    if (subject.value.trim() || message.value.trim()) {
      events.start(draft);
      saveDraft(storage, locale, draft);
    }
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), pauseMs);
  };
  subject.addEventListener('input', onInput);
  message.addEventListener('input', onInput);
  subject.addEventListener('focus', () => void loadClient().catch(() => {}), { once: true });

  const submitted = () => {
    sync();
    events.submitted(draft, shown);
    clearDraft(storage, locale);
  };
  link?.addEventListener('click', submitted);
  form.addEventListener('submit', (event) => {
    // Enter in a field asks for suggestions first; the channel is offered once they are shown.
    if (!channelOffered() || !form.getAttribute('action')) {
      event.preventDefault();
      void suggest();
      return;
    }
    submitted();
  });

  sync();
  form.dataset.contactReady = '';
  if (restored) status.textContent = strings.restored;
  if (subject.value.trim() || message.value.trim()) {
    events.start(draft);
    saveDraft(storage, locale, draft);
    void suggest().then(() => {
      if (restored && status.textContent !== strings.error) status.textContent = `${strings.restored} ${status.textContent}`;
    });
  }
}

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
