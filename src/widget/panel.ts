/**
 * The widget's panel, loaded on the first press of the Help button: search, an article read in place, "Was this
 * helpful?", and the contact flow that suggests articles before it offers the channel. Everything lives in the
 * loader's shadow root; everything inserted is built with textContent, the search client's escaped excerpts, or the
 * help center's own sanitized article HTML, cleaned once more here because it lands in someone else's page.
 */
import { createSearchClient, type ArticleResult, type SearchClient, type SearchResponse } from '../search/client.ts';
import { toEvent, feedbackReasons, type FeedbackReason, type SiteEventFields } from '../feedback/events.ts';
import { newSearchId, trackingAllowed } from '../feedback/beacon.ts';
import { contactHref, suggestionQuery } from '../contact/channel.ts';
import { articlesForContext } from '../contact/context-match.ts';
import { contactAttemptEvents } from '../contact/attempt.ts';
import type { ContactDraft } from '../contact/draft.ts';
import { panelCss } from './panel-styles.ts';
import type { ArticleLink, MountOptions, OpenOptions, Panel, WidgetArticle, WidgetLocaleConfig } from './protocol.ts';

const closeIcon = 'M6 6l12 12M18 6L6 18';
const backIcon = 'M15 18l-6-6 6-6';

export function mount(o: MountOptions): Panel {
  const { root, button } = o;
  const siteRoot = new URL('..', o.base);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(panelCss);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  const panel = el('div', 'kbw-panel');
  panel.id = 'kbw-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'kbw-title');
  panel.lang = o.locale;
  const head = el('div', 'kbw-head');
  const title = el('h2', '', '');
  title.id = 'kbw-title';
  const back = iconButton(backIcon);
  back.hidden = true;
  const close = iconButton(closeIcon);
  head.append(back, title, close);
  const body = el('div', 'kbw-body');
  body.tabIndex = -1;
  panel.append(head, body);
  root.append(panel);
  button.setAttribute('aria-controls', panel.id);

  let config: WidgetLocaleConfig | undefined;
  let s: Record<string, string> = {};
  const t = (key: string, values: Record<string, string | number> = {}) => (s[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  const abs = (path: string) => new URL(path, siteRoot).href;

  // --- events: the site's wire format, sent to the help center's endpoint; `page` is the widget, never the host page.
  const eventPage = new URL(o.base).pathname;
  const send = (fields: SiteEventFields) => {
    if (!config?.analytics || !trackingAllowed() || typeof navigator.sendBeacon !== 'function') return false;
    const payload = toEvent(fields, { ts: Date.now(), page: eventPage });
    return navigator.sendBeacon(abs(config.analytics), new Blob([JSON.stringify(payload)], { type: 'text/plain;charset=UTF-8' }));
  };

  let client: SearchClient | undefined;
  const search = (query: string, limit: number): Promise<SearchResponse> => {
    if (!config?.manifest) return Promise.reject(new Error('no search index for this language'));
    client ??= createSearchClient({ manifestUrl: abs(config.manifest) });
    return client.search(query, { limit });
  };

  // --- views. Home and contact are built once, so a query or a draft survives reading an article and coming back.
  type View = 'home' | 'contact' | 'article';
  let view: View = 'home';
  const trail: (() => void)[] = [];
  let leaveArticle: (() => void) | undefined;
  const show = (next: View, nodes: Node[], focus: HTMLElement, heading: string, leave?: () => void) => {
    leaveArticle?.();
    leaveArticle = leave;
    view = next;
    title.textContent = heading;
    back.hidden = trail.length === 0;
    body.replaceChildren(...nodes);
    body.scrollTop = 0;
    focus.focus();
  };
  const goBack = () => trail.pop()?.();

  // Home: search, then articles for this screen and popular ones.
  const input = document.createElement('input');
  const status = el('p', 'kbw-status');
  const results = el('div', '');
  const suggested = el('div', '');
  const contactStart = el('button', 'kbw-btn', '');
  let homeNodes: Node[] = [];
  let sequence = 0;
  let current: { query: string; searchId: string; response: SearchResponse } | undefined;
  let reported: string | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let typing: ReturnType<typeof setTimeout> | undefined;
  // One `search` event per query the customer settled on, as on the site.
  const report = () => {
    clearTimeout(settle);
    if (!current || reported === current.searchId) return;
    reported = current.searchId;
    const { query, searchId, response } = current;
    send({ type: 'search', query, locale: o.locale, resultCount: response.total, searchId });
    if (response.nothingFound) send({ type: 'zero_results', query, locale: o.locale, searchId });
  };
  const runSearch = async () => {
    const mine = ++sequence;
    const query = input.value.trim();
    if (!query) {
      current = undefined;
      status.textContent = '';
      results.replaceChildren();
      delete results.dataset.query;
      suggested.hidden = false;
      return;
    }
    status.textContent = t('search.loading');
    let response: SearchResponse;
    try {
      response = await search(query, config!.maxResults);
    } catch {
      if (mine === sequence) status.textContent = t('widget.error');
      return;
    }
    if (mine !== sequence) return;
    current = { query, searchId: current?.query === query ? current.searchId : newSearchId(), response };
    const count = response.results.length;
    status.textContent = response.nothingFound
      ? count ? t('search.noExact', { query }) : t('search.noResults', { query })
      : count === 1 ? t('search.resultCountOne') : t('search.resultCount', { count });
    suggested.hidden = true;
    const list = resultList(response.results, (article, rank) => {
      report();
      send({ type: 'result_click', query, locale: o.locale, rank, url: article.url, searchId: current?.searchId });
    });
    results.replaceChildren(...(response.nothingFound && count ? [el('h3', '', t('search.closest'))] : []), list);
    // Which query the list answers (typing runs ahead of it), as the site's search panel says in data-query.
    results.dataset.query = query;
    clearTimeout(settle);
    settle = setTimeout(report, 1000);
  };
  const buildHome = () => {
    const form = el('form', '');
    form.setAttribute('role', 'search');
    const label = el('label', 'kbw-visually-hidden', t('search.label'));
    label.setAttribute('for', 'kbw-q');
    input.id = 'kbw-q';
    input.type = 'search';
    input.placeholder = t('search.placeholder');
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.enterKeyHint = 'search';
    input.setAttribute('aria-describedby', 'kbw-status');
    status.id = 'kbw-status';
    status.setAttribute('role', 'status');
    const field = el('div', 'kbw-field');
    field.append(label, input);
    form.append(field);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typing);
      void runSearch();
    });
    input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => void runSearch(), current ? 80 : 0);
    });
    input.addEventListener('keydown', (event) => {
      // Down from the box moves into the results, as in a list of links.
      if (event.key !== 'ArrowDown') return;
      const first = results.querySelector<HTMLElement>('a') ?? suggested.querySelector<HTMLElement>('a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    });
    contactStart.textContent = t('widget.contact');
    contactStart.setAttribute('type', 'button');
    contactStart.addEventListener('click', () => openContact(true));
    const foot = el('div', 'kbw-foot');
    foot.append(contactStart);
    homeNodes = [form, status, results, suggested, foot];
  };
  const renderSuggested = () => {
    const context = articlesForContext(config!.context, o.context(), 5);
    const popular = config!.popular.filter((p) => !context.some((c) => c.u === p.u)).slice(0, 5);
    const sections: Node[] = [];
    if (context.length) sections.push(el('h3', '', t('widget.forThisPage')), linkList(context));
    if (popular.length) sections.push(el('h3', '', t('widget.popular')), linkList(popular));
    suggested.replaceChildren(...sections);
    suggested.dataset.context = o.context();
  };
  const openHome = () => {
    trail.length = 0;
    if (suggested.dataset.context !== o.context()) renderSuggested();
    show('home', homeNodes, input, config!.title);
  };

  // Lists of articles: real links (a new tab with a modifier key), read inside the panel otherwise.
  const articleLink = (url: string, heading: string, text: string, html: boolean, onOpen?: () => void) => {
    const a = el('a', 'kbw-link') as HTMLAnchorElement;
    a.href = abs(url);
    a.append(el('b', '', heading));
    if (text) {
      const span = el('span', '');
      // Search excerpts arrive escaped from the client with only <mark> added (see highlight() in client.ts).
      if (html) span.innerHTML = text;
      else span.textContent = text;
      a.append(span);
    }
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onOpen?.();
      void openArticle(url);
    });
    return a;
  };
  const listOf = (links: HTMLElement[]) => {
    const ul = el('ul', 'kbw-list');
    for (const link of links) {
      const li = el('li', '');
      li.append(link);
      ul.append(li);
    }
    return ul;
  };
  const linkList = (links: readonly ArticleLink[]) => listOf(links.map((l) => articleLink(l.u, l.t, l.d, false)));
  const resultList = (list: readonly ArticleResult[], onOpen: (a: ArticleResult, rank: number) => void) =>
    listOf(list.map((a, i) => articleLink(a.url, a.title, a.excerptHtml, true, () => onOpen(a, i + 1))));

  // Contact: the draft lives in memory (never in the host page's storage), so it lasts while the page does.
  const draft: ContactDraft = { v: 1, id: newSearchId(), subject: '', message: '', from: '', seed: '', started: false };
  const attempt = contactAttemptEvents('widget', o.locale, send);
  const subject = document.createElement('input');
  const message = document.createElement('textarea');
  const contactStatus = el('p', 'kbw-status');
  const contactList = el('div', '');
  const channel = el('div', 'kbw-foot');
  const sendLink = el('a', 'kbw-btn kbw-primary', '') as HTMLAnchorElement;
  let contactNodes: Node[] = [];
  let contactQuery = '';
  let contactSequence = 0;
  let shown = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const hostPage = () => location.origin + location.pathname;
  const channelHref = () => {
    const c = config!;
    if (!c.formAction) return contactHref(c.contactUrl, { subject: draft.subject, message: draft.message, page: hostPage(), locale: o.locale });
    // A help center that posts a form: its contact page, filled in, where the customer adds their address.
    const url = new URL(abs(c.contactPage));
    url.searchParams.set('q', draft.subject);
    if (draft.message) url.searchParams.set('message', draft.message);
    url.searchParams.set('from', hostPage());
    return url.href;
  };
  const suggest = async () => {
    clearTimeout(pause);
    const mine = ++contactSequence;
    const query = suggestionQuery(draft.subject, draft.message);
    if (!query) {
      contactQuery = '';
      shown = 0;
      contactList.replaceChildren();
      contactStatus.textContent = '';
      return;
    }
    if (query === contactQuery) return;
    contactStatus.textContent = t('contact.searching');
    let found: ArticleResult[];
    try {
      const response = await search(query, 5);
      found = response.nothingFound ? [] : response.results;
    } catch {
      if (mine === contactSequence) {
        contactStatus.textContent = t('contact.searchError');
        channel.hidden = false;
      }
      return;
    }
    if (mine !== contactSequence) return;
    contactQuery = query;
    shown = found.length;
    contactStatus.textContent = shown === 0 ? t('contact.noSuggestions') : shown === 1 ? t('contact.suggestionsCountOne') : t('contact.suggestionsCount', { count: shown });
    contactList.replaceChildren(...(shown ? [el('h3', '', t('contact.suggestions')), resultList(found, (a, rank) => attempt.suggestionClicked(draft, rank, a.url))] : []));
    // The channel comes after the suggestions.
    channel.hidden = false;
  };
  const buildContact = () => {
    const intro = el('p', 'kbw-muted', t('widget.contactIntro'));
    const field = (id: string, labelText: string, control: HTMLInputElement | HTMLTextAreaElement) => {
      const wrap = el('div', 'kbw-field');
      const label = el('label', '', labelText);
      label.setAttribute('for', id);
      control.id = id;
      wrap.append(label, control);
      return wrap;
    };
    subject.type = 'text';
    subject.maxLength = 200;
    subject.autocomplete = 'off';
    message.rows = 4;
    message.maxLength = 5000;
    message.setAttribute('aria-describedby', 'kbw-message-hint');
    const hint = el('p', 'kbw-muted', t('contact.messageHint'));
    hint.id = 'kbw-message-hint';
    contactStatus.setAttribute('role', 'status');
    const onInput = () => {
      draft.subject = subject.value;
      draft.message = message.value;
      sendLink.href = channelHref();
      if (draft.subject.trim() || draft.message.trim()) attempt.start(draft);
      clearTimeout(pause);
      pause = setTimeout(() => void suggest(), 250);
    };
    subject.addEventListener('input', onInput);
    message.addEventListener('input', onInput);
    channel.hidden = true;
    channel.append(el('h3', '', t('contact.channel')), el('p', 'kbw-muted', t('contact.channelIntro')), sendLink);
    sendLink.textContent = t('contact.send');
    sendLink.target = '_blank';
    sendLink.rel = 'noopener';
    sendLink.href = channelHref();
    sendLink.addEventListener('click', () => {
      sendLink.href = channelHref();
      attempt.submitted(draft, shown);
      // What comes after is a new attempt.
      draft.id = newSearchId();
      draft.started = false;
    });
    contactNodes = [intro, field('kbw-subject', t('contact.subject'), subject), field('kbw-message', t('contact.message'), message), hint, contactStatus, contactList, channel];
  };
  const openContact = (fromHome: boolean) => {
    if (!contactNodes.length) buildContact();
    if (fromHome) trail.push(openHome);
    else trail.length = 0;
    show('contact', contactNodes, subject, t('widget.contact'));
  };

  // Article: fetched from the help center's widget files, cleaned, read in place.
  const articleFile = (url: string) => {
    const path = new URL(url, siteRoot).pathname.slice(siteRoot.pathname.length).replace(/\/$/, '');
    return new URL(`_widget/a/${path}.json`, siteRoot).href;
  };
  const openArticle = async (url: string) => {
    const from = view;
    const returnTo = from === 'contact' ? () => openContact(false) : from === 'home' ? openHome : undefined;
    const hash = new URL(url, siteRoot).hash.slice(1);
    status.textContent = view === 'home' ? t('widget.loading') : status.textContent;
    let article: WidgetArticle;
    try {
      const response = await fetch(articleFile(url));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      article = (await response.json()) as WidgetArticle;
    } catch {
      (view === 'contact' ? contactStatus : status).textContent = t('widget.error');
      return;
    }
    if (view === 'home' && status.textContent === t('widget.loading')) status.textContent = '';
    if (returnTo) trail.push(returnTo);
    const wrap = el('article', 'kbw-article');
    const heading = el('h3', 'kbw-article-title', article.t);
    heading.id = 'kbw-article-title';
    heading.tabIndex = -1;
    wrap.setAttribute('aria-labelledby', heading.id);
    const prose = el('div', 'kbw-prose');
    prose.append(cleanArticle(article.h, siteRoot, (next) => void openArticle(next)));
    const open = el('a', '', t('widget.open')) as HTMLAnchorElement;
    open.href = abs(article.u);
    open.target = '_blank';
    open.rel = 'noopener';
    const openRow = el('p', '');
    openRow.append(open);
    const vote = feedback(article.u);
    wrap.append(el('p', 'kbw-crumb', article.c), heading, prose, openRow, vote.box);
    const still = el('div', 'kbw-foot');
    const contact = el('button', 'kbw-btn', t('widget.contact'));
    contact.setAttribute('type', 'button');
    contact.addEventListener('click', () => {
      trail.push(() => void openArticle(url));
      if (!contactNodes.length) buildContact();
      show('contact', contactNodes, subject, t('widget.contact'));
    });
    still.append(el('p', 'kbw-muted', t('contact.channel')), contact);
    show('article', [wrap, still], heading, config!.title, vote.leave);
    if (hash) root.getElementById(hash)?.scrollIntoView();
  };

  // "Was this helpful?": the site's events and reasons. A No counts even when the reader moves on without a reason.
  const feedback = (url: string) => {
    const box = el('section', 'kbw-feedback');
    const question = el('h3', '', t('feedback.question'));
    question.id = 'kbw-feedback-q';
    box.setAttribute('aria-labelledby', question.id);
    const yes = el('button', 'kbw-btn', t('feedback.yes'));
    const no = el('button', 'kbw-btn', t('feedback.no'));
    for (const b of [yes, no]) {
      b.setAttribute('type', 'button');
      b.setAttribute('aria-pressed', 'false');
    }
    const row = el('div', 'kbw-row');
    row.append(yes, no);
    const thanks = el('p', 'kbw-status');
    thanks.setAttribute('role', 'status');
    const form = el('form', '') as HTMLFormElement;
    form.hidden = true;
    const fieldset = el('fieldset', '');
    fieldset.append(el('legend', 'kbw-legend', t('feedback.reasonPrompt')));
    for (const reason of feedbackReasons) {
      const label = el('label', '');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'reason';
      radio.value = reason;
      label.append(radio, document.createTextNode(t(`feedback.reason.${reason}`)));
      fieldset.append(label);
    }
    const comment = document.createElement('textarea');
    comment.name = 'comment';
    comment.rows = 3;
    comment.maxLength = 500;
    const commentField = el('div', 'kbw-field');
    const commentLabel = el('label', '', t('feedback.comment'));
    commentLabel.setAttribute('for', 'kbw-comment');
    comment.id = 'kbw-comment';
    commentField.append(commentLabel, comment);
    const submit = el('button', 'kbw-btn kbw-primary', t('feedback.send'));
    form.append(fieldset, commentField, submit);
    box.append(question, row, thanks, form);

    let pendingNo = false;
    const sendNo = (reason?: FeedbackReason, text?: string) => {
      if (!pendingNo) return;
      pendingNo = false;
      send({ type: 'feedback', locale: o.locale, url, helpful: false, ...(reason ? { reason } : {}), ...(text ? { comment: text } : {}) });
    };
    const onHide = () => sendNo();
    addEventListener('pagehide', onHide);
    const leave = () => {
      sendNo();
      removeEventListener('pagehide', onHide);
    };
    const answer = (helpful: boolean) => {
      yes.setAttribute('aria-pressed', String(helpful));
      no.setAttribute('aria-pressed', String(!helpful));
      if (helpful) {
        pendingNo = false;
        form.hidden = true;
        thanks.textContent = t('feedback.thanks');
        send({ type: 'feedback', locale: o.locale, url, helpful: true });
        return;
      }
      thanks.textContent = '';
      pendingNo = true;
      form.hidden = false;
      form.querySelector('input')?.focus();
    };
    yes.addEventListener('click', () => answer(true));
    no.addEventListener('click', () => answer(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = (form.querySelector<HTMLInputElement>('input[name=reason]:checked')?.value ?? 'other') as FeedbackReason;
      sendNo(reason, comment.value.trim());
      form.hidden = true;
      thanks.textContent = t('feedback.thanks');
    });
    return { box, leave };
  };

  // --- opening and closing
  const closePanel = () => {
    if (panel.hidden) return;
    leaveArticle?.();
    leaveArticle = undefined;
    report();
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  close.addEventListener('click', closePanel);
  back.addEventListener('click', goBack);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closePanel();
    }
  });
  let ready: Promise<void> | undefined;
  const prepare = () =>
    (ready ??= o.config().then(
      (c) => {
        config = c;
        s = c.strings;
        panel.dir = c.dir;
        back.setAttribute('aria-label', t('widget.back'));
        close.setAttribute('aria-label', t('widget.close'));
        buildHome();
        renderSuggested();
        // The manifest downloads while the customer reads the suggestions: the first search needs one round trip less.
        if (c.manifest) {
          client ??= createSearchClient({ manifestUrl: abs(c.manifest) });
          void client.preload().catch(() => undefined);
        }
      },
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    ));

  const openPanel = async (options: OpenOptions = {}) => {
    try {
      await prepare();
    } catch {
      // The help center is unreachable: say so in the panel rather than fail silently.
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      title.textContent = '';
      body.replaceChildren(el('p', 'kbw-status', 'Help is unavailable right now.'));
      close.setAttribute('aria-label', 'Close');
      close.focus();
      return;
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    if (options.contact) return openContact(false);
    if (options.query !== undefined || view !== 'article') {
      if (options.query !== undefined) input.value = options.query;
      openHome();
      if (options.query !== undefined) await runSearch();
      return;
    }
    (body.querySelector<HTMLElement>('#kbw-article-title') ?? body).focus();
  };

  return {
    open: (options) => void openPanel(options),
    close: closePanel,
    isOpen: () => !panel.hidden,
    refresh: () => {
      if (!config) return;
      renderSuggested();
    },
  };
}

/**
 * The article's body, ready for the panel: parsed inert in a <template>, then anything active dropped (the build
 * sanitized it already; this is a second line of defence on a page that is not ours), links and images made
 * absolute to the help center, links between articles opened in the panel and the others in a new tab.
 */
function cleanArticle(html: string, siteRoot: URL, openInPanel: (url: string) => void): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = template.content;
  fragment.querySelectorAll('script,style,link,meta,base,iframe,frame,object,embed,form,input:not([type=checkbox]),button,textarea,select').forEach((n) => n.remove());
  const articlePath = new RegExp(`^${siteRoot.pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^/_][^/]*/[^/]+/[^/]+/$`);
  for (const node of fragment.querySelectorAll('*')) {
    for (const attr of [...node.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'formaction') node.removeAttribute(attr.name);
    }
    for (const name of ['href', 'src']) {
      const value = node.getAttribute(name);
      if (value === null || (name === 'href' && value.startsWith('#'))) continue;
      let url: URL;
      try {
        url = new URL(value, siteRoot);
      } catch {
        node.removeAttribute(name);
        continue;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') {
        node.removeAttribute(name);
        continue;
      }
      node.setAttribute(name, url.href);
    }
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
      const href = node.getAttribute('href')!;
      if (href.startsWith('#')) continue;
      const url = new URL(href);
      if (url.origin === siteRoot.origin && articlePath.test(url.pathname)) {
        node.addEventListener('click', (event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          openInPanel(url.pathname + url.hash);
        });
      } else {
        node.target = '_blank';
        node.rel = 'noopener noreferrer';
      }
    }
  }
  // Appended as it is (not cloned), so the nodes keep their listeners; images load only once they are in the page.
  return fragment;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function iconButton(d: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'kbw-icon';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svg.namespaceURI, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  b.append(svg);
  return b;
}
