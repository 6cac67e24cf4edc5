/**
 * The search interface: an ARIA 1.2 combobox with a listbox popup (header and home page), or a results
 * region (the search page). Loaded on first focus; every string it shows comes from data attributes,
 * and everything it inserts is built with textContent or escaped excerpts, never raw content.
 */
import { createSearchClient, type SearchClient, type SearchResponse } from './client.ts';
import { fillUrlTemplate } from '../content/contact-url.ts';
import { sendEvent, newSearchId } from '../feedback/beacon.ts';
import { pageFromSearch, pageNumbers, resultsPerPage } from './result-pages.ts';

type Strings = Record<
  | 'results' | 'loading' | 'resultCount' | 'resultCountOne' | 'resultPage' | 'partial' | 'noResults' | 'noExact' | 'closest' | 'noResultsHint'
  | 'suggestions' | 'topics' | 'contact' | 'error' | 'pages' | 'page' | 'previous' | 'next' | 'allResults',
  string
>;

const clients = new Map<string, SearchClient>();
const attached = new WeakSet<HTMLInputElement>();
let uid = 0;

function clientFor(manifestUrl: string): SearchClient {
  let client = clients.get(manifestUrl);
  if (!client) clients.set(manifestUrl, (client = createSearchClient({ manifestUrl, fetch: (url) => fetch(url) })));
  return client;
}

export function attachSearch(input: HTMLInputElement): void {
  if (attached.has(input) || !input.dataset.manifest) return;
  attached.add(input);
  const form = input.form!;
  const pageResults = document.querySelector<HTMLElement>('[data-search-page-results]');
  const onSearchPage = form.classList.contains('search-page') && pageResults !== null;
  const strings = JSON.parse(input.dataset.strings ?? '{}') as Strings;
  const locale = input.dataset.locale ?? document.documentElement.lang;
  // The search page shows the results a page at a time (?page= in the URL); a dropdown shows the best few.
  const limit = onSearchPage ? resultsPerPage : Number(input.dataset.maxResults ?? 8);
  let page = onSearchPage ? pageFromSearch(location.search) : 1;
  const client = clientFor(input.dataset.manifest);
  const id = `kb-search-${++uid}`;

  const list = document.createElement('div');
  list.id = `${id}-listbox`;
  list.className = onSearchPage ? 'search-results search-results-page' : 'search-results search-popup';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', strings.results);
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  const extra = document.createElement('div');
  extra.className = 'search-extra';
  const more = document.createElement(onSearchPage ? 'nav' : 'div');
  more.className = onSearchPage ? 'search-pager' : 'search-more';
  if (onSearchPage) {
    more.setAttribute('aria-label', strings.pages);
    // Where reading resumes after moving to another page of results.
    status.tabIndex = -1;
  }
  const panel = document.createElement('div');
  panel.className = onSearchPage ? 'search-panel search-panel-page' : 'search-panel';
  panel.hidden = true;
  panel.append(status, list, more, extra);
  // The search page lists the topics itself; the "nothing found" help brings them along, so they show once.
  const pageTopics = onSearchPage ? document.querySelector<HTMLElement>('[data-search-page-topics]') : null;
  (onSearchPage ? pageResults : form).append(panel);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');

  let sequence = 0;
  let active = -1;
  let options: HTMLAnchorElement[] = [];
  let current: { query: string; searchId: string; response?: SearchResponse } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setExpanded = (open: boolean) => {
    panel.hidden = !open;
    input.setAttribute('aria-expanded', String(open && options.length > 0));
    if (open && !onSearchPage) fitToViewport();
  };
  // A dropdown ends above the bottom of the screen (or of the on-screen keyboard), so its last line, the
  // contact link when nothing is found, is never cut off; it scrolls inside instead.
  const fitToViewport = () => {
    const bottom = window.visualViewport ? window.visualViewport.offsetTop + window.visualViewport.height : innerHeight;
    const room = bottom - panel.getBoundingClientRect().top - 8;
    panel.style.setProperty('--search-panel-room', `${Math.max(192, Math.floor(room))}px`);
  };
  const setActive = (index: number) => {
    options[active]?.removeAttribute('aria-selected');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  /** `wanted`: the page of results to show; without it a new query starts on the first page. */
  const run = async (query: string, wanted?: number, history: 'replace' | 'push' = 'replace') => {
    const mine = ++sequence;
    const trimmed = query.trim();
    if (wanted) page = wanted;
    else if (trimmed !== current?.query) page = 1;
    if (onSearchPage) syncUrl(trimmed, page, history);
    if (!trimmed) {
      render(undefined);
      return;
    }
    if (!current || current.query !== trimmed) status.textContent = strings.loading;
    let response: SearchResponse;
    try {
      response = await client.search(trimmed, { limit, offset: (page - 1) * limit });
    } catch {
      if (mine !== sequence) return;
      options = [];
      list.replaceChildren();
      status.textContent = strings.error;
      setExpanded(true);
      return;
    }
    // A slower answer to an earlier keystroke must never overwrite a newer one.
    if (mine !== sequence) return;
    // A shared link to a page that no longer exists (fewer results now): the last page instead.
    const pages = Math.ceil(response.total / limit);
    if (response.total > 0 && page > pages) return run(query, pages);
    current = { query: trimmed, searchId: current?.query === trimmed ? current.searchId : newSearchId(), response };
    render(response);
    clearTimeout(settle);
    settle = setTimeout(report, 1000);
  };

  // One `search` event per query the reader settled on (a pause, a click, Enter, leaving the box or
  // the page), not one per keystroke: the insights report counts searches, not typing.
  let settle: ReturnType<typeof setTimeout> | undefined;
  let reported: string | undefined;
  const report = () => {
    clearTimeout(settle);
    if (!current?.response || reported === current.searchId) return;
    reported = current.searchId;
    const { query, searchId, response } = current;
    sendEvent({ type: 'search', query, locale, resultCount: response.total, searchId });
    if (response.nothingFound) sendEvent({ type: 'zero_results', query, locale, searchId });
  };
  addEventListener('pagehide', report);

  const render = (response: SearchResponse | undefined) => {
    options = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren();
    more.replaceChildren();
    extra.replaceChildren();
    panel.querySelector('.search-closest-label')?.remove();
    if (pageTopics) pageTopics.hidden = Boolean(response?.nothingFound);
    if (!response) {
      delete panel.dataset.query;
      status.textContent = '';
      setExpanded(false);
      return;
    }
    const count = response.results.length;
    const total = response.nothingFound ? 0 : response.total;
    const pages = Math.ceil(total / limit);
    panel.dataset.query = response.query;
    // A question nothing answers closely: say so, offer the closest articles, then the usual help and contact.
    const closest = response.nothingFound && count > 0;
    panel.classList.toggle('search-nothing-found', response.nothingFound);
    status.textContent = closest
      ? format(strings.noExact, { query: response.query })
      : total === 0 ? format(strings.noResults, { query: response.query })
      : pages > 1 && onSearchPage ? format(strings.resultPage, { count: total, page, pages })
      : total === 1 ? strings.resultCountOne : format(strings.resultCount, { count: total });
    if (closest) {
      const label = el('p', 'search-closest-label', strings.closest);
      label.id = `${id}-closest`;
      list.setAttribute('aria-labelledby', label.id);
      list.before(label);
    } else {
      list.removeAttribute('aria-labelledby');
      panel.querySelector('.search-closest-label')?.remove();
    }
    response.results.forEach((article, rank) => {
      const group = document.createElement('div');
      group.className = 'search-group';
      group.setAttribute('role', 'presentation');
      const main = option(article.url, article.title, article.excerptHtml, rank, 'search-option');
      if (article.category) main.prepend(el('span', 'search-category', article.category));
      if (article.partial) main.append(el('span', 'search-partial', strings.partial));
      group.append(main);
      for (const section of article.sections.slice(0, 3)) group.append(option(section.url, section.heading, section.excerptHtml, rank, 'search-option search-suboption'));
      list.append(group);
    });
    if (onSearchPage && pages > 1) renderPager(response.query, pages);
    else if (!onSearchPage && total > count) {
      const all = el('a', 'search-all', format(strings.allResults, { count: total })) as HTMLAnchorElement;
      all.href = pageUrl(new URL(form.action, location.href), response.query, 1);
      more.append(all);
    }
    if (response.nothingFound) renderNoResults(response.query);
    setExpanded(true);
  };

  // Real links (they open in a new tab too); a plain click stays on the page, and Back returns to the last page.
  const renderPager = (query: string, pages: number) => {
    const link = (n: number, text: string, className: string) => {
      const a = el('a', className, text) as HTMLAnchorElement;
      a.href = pageUrl(new URL(location.href), query, n);
      a.addEventListener('click', (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void run(input.value, n, 'push').then(() => {
          status.focus({ preventScroll: true });
          panel.scrollIntoView({ block: 'start' });
        });
      });
      return a;
    };
    if (page > 1) more.append(link(page - 1, strings.previous, 'search-pager-step search-pager-previous'));
    const numbers = document.createElement('ol');
    for (const n of pageNumbers(page, pages)) {
      const item = document.createElement('li');
      if (n === 'gap') item.append(el('span', 'search-pager-gap', '…'));
      else {
        const a = link(n, String(n), 'search-pager-number');
        a.setAttribute('aria-label', format(strings.page, { page: n }));
        if (n === page) a.setAttribute('aria-current', 'page');
        item.append(a);
      }
      numbers.append(item);
    }
    more.append(numbers);
    if (page < pages) more.append(link(page + 1, strings.next, 'search-pager-step search-pager-next'));
  };

  const option = (href: string, title: string, excerptHtml: string, rank: number, className: string) => {
    const a = document.createElement('a');
    a.id = `${id}-option-${options.length}`;
    a.className = className;
    a.href = href;
    a.setAttribute('role', 'option');
    a.tabIndex = -1;
    a.append(el('span', 'search-option-title', title));
    if (excerptHtml) {
      const excerpt = el('span', 'search-excerpt', '');
      // Excerpts arrive escaped from the client with only <mark> added; see highlight() in client.ts.
      excerpt.innerHTML = excerptHtml;
      a.append(excerpt);
    }
    a.addEventListener('click', () => {
      report();
      sendEvent({ type: 'result_click', query: current?.query ?? '', locale, rank: rank + 1, url: href, searchId: current?.searchId });
    });
    options.push(a);
    return a;
  };

  const renderNoResults = (query: string) => {
    extra.append(el('p', 'search-hint', strings.noResultsHint));
    const template = document.getElementById('kb-suggestions') as HTMLTemplateElement | null;
    if (template) extra.append(template.content.cloneNode(true));
    const template2 = input.dataset.contact;
    if (template2) {
      const link = el('a', 'button search-contact', format(strings.contact, { query })) as HTMLAnchorElement;
      link.href = new URL(fillUrlTemplate(template2, { query, url: location.href, locale }), location.href).href;
      link.dataset.contactLink = '';
      link.addEventListener('click', report);
      link.dataset.contactSource = 'zero-results';
      link.dataset.query = query;
      if (current) link.dataset.searchId = current.searchId;
      extra.append(link);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    // Type-ahead: the first keystroke runs at once, later ones are coalesced briefly.
    timer = setTimeout(() => void run(input.value), current ? 60 : 0);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      setExpanded(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active === -1 ? (step === 1 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      const option = options[active];
      if (option && !panel.hidden) {
        event.preventDefault();
        option.click();
      }
    } else if (event.key === 'Escape') {
      if (!panel.hidden && !onSearchPage) {
        event.preventDefault();
        setExpanded(false);
        setActive(-1);
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
        void run('');
      }
    }
  });
  if (!onSearchPage) {
    form.addEventListener('focusout', (event) => {
      if (form.contains(event.relatedTarget as Node | null)) return;
      setExpanded(false);
      report();
    });
    input.addEventListener('focus', () => {
      if (current?.response && input.value.trim()) setExpanded(true);
    });
  } else {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(input.value);
    });
    // Back and Forward between pages of results.
    addEventListener('popstate', () => {
      input.value = new URLSearchParams(location.search).get('q') ?? '';
      void run(input.value, pageFromSearch(location.search));
    });
  }

  if (onSearchPage) {
    const q = new URLSearchParams(location.search).get('q');
    if (q && !input.value) input.value = q;
  }
  if (input.value.trim()) void run(input.value, page);
}

function pageUrl(url: URL, query: string, page: number): string {
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  if (page > 1) url.searchParams.set('page', String(page));
  else url.searchParams.delete('page');
  return url.href;
}

function syncUrl(query: string, page: number, mode: 'replace' | 'push') {
  const url = pageUrl(new URL(location.href), query, page);
  if (url === location.href) return;
  if (mode === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}

function el(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
