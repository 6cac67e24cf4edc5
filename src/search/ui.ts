/**
 * The search interface: an ARIA 1.2 combobox with a listbox popup (header and home page), or a results
 * region (the search page). Loaded on first focus; every string it shows comes from data attributes,
 * and everything it inserts is built with textContent or escaped excerpts, never raw content.
 */
import { createSearchClient, type SearchClient, type SearchResponse } from './client.ts';
import { fillUrlTemplate } from '../content/contact-url.ts';
import { sendEvent, newSearchId } from '../feedback/beacon.ts';

type Strings = Record<'results' | 'loading' | 'resultCount' | 'resultCountOne' | 'partial' | 'noResults' | 'noExact' | 'closest' | 'noResultsHint' | 'suggestions' | 'topics' | 'contact' | 'error', string>;

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
  const limit = Number(input.dataset.maxResults ?? 8) * (onSearchPage ? 3 : 1);
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
  const panel = document.createElement('div');
  panel.className = onSearchPage ? 'search-panel search-panel-page' : 'search-panel';
  panel.hidden = true;
  panel.append(status, list, extra);
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

  const run = async (query: string) => {
    const mine = ++sequence;
    const trimmed = query.trim();
    if (onSearchPage) syncUrl(trimmed);
    if (!trimmed) {
      render(undefined);
      return;
    }
    if (!current || current.query !== trimmed) status.textContent = strings.loading;
    let response: SearchResponse;
    try {
      response = await client.search(trimmed, { limit });
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
    extra.replaceChildren();
    panel.querySelector('.search-closest-label')?.remove();
    if (!response) {
      delete panel.dataset.query;
      status.textContent = '';
      setExpanded(false);
      return;
    }
    const count = response.results.length;
    panel.dataset.query = response.query;
    // A question nothing answers closely: say so, offer the closest articles, then the usual help and contact.
    const closest = response.nothingFound && count > 0;
    panel.classList.toggle('search-nothing-found', response.nothingFound);
    status.textContent = closest
      ? format(strings.noExact, { query: response.query })
      : count === 0 ? format(strings.noResults, { query: response.query }) : count === 1 ? strings.resultCountOne : format(strings.resultCount, { count });
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
    if (response.nothingFound) renderNoResults(response.query);
    setExpanded(true);
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
  }

  if (onSearchPage) {
    const q = new URLSearchParams(location.search).get('q');
    if (q && !input.value) input.value = q;
  }
  if (input.value.trim()) void run(input.value);
}

function syncUrl(query: string) {
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(history.state, '', url);
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
