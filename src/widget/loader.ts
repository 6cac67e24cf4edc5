/**
 * `/_widget/v1.js`: the one tag a product adds. It draws the Help button in a Shadow DOM and defines
 * `window.KBWidget`, nothing else. The panel (search, articles, contact) is a separate module fetched on the first
 * press, so a page where nobody asks for help pays only for this file. It never reads cookies or the host page's
 * content; the page's path is read for contextual suggestions, and only compared in the browser.
 */
import type { LoaderData, MountOptions, OpenOptions, Panel, WidgetLocaleConfig } from './protocol.ts';
import { buttonCss } from './button-styles.ts';

declare const __KB_WIDGET__: LoaderData;

type Api = {
  readonly version: 1;
  open(options?: OpenOptions): Promise<void>;
  close(): void;
  toggle(): Promise<void>;
  setContext(context: string | undefined): void;
};

(() => {
  const w = window as Window & { KBWidget?: Api };
  if (w.KBWidget) return;
  const data = __KB_WIDGET__;
  const script = (document.currentScript ?? document.querySelector('script[src*="/_widget/v1.js"]')) as HTMLScriptElement | null;
  const base = new URL('.', script?.src ?? location.href).href;
  const option = (name: string) => script?.getAttribute(`data-${name}`) ?? undefined;
  const pick = (tag: string | undefined) => {
    if (!tag) return undefined;
    const lower = tag.toLowerCase();
    return Object.keys(data.labels).find((l) => l.toLowerCase() === lower) ?? Object.keys(data.labels).find((l) => l.toLowerCase() === lower.split('-')[0]);
  };
  const locale = pick(option('locale')) ?? navigator.languages.map(pick).find(Boolean) ?? data.defaultLocale;
  let context = option('context');

  const host = document.createElement('div');
  host.setAttribute('data-kb-widget', '');
  const theme = option('theme');
  if (theme === 'light' || theme === 'dark') host.dataset.theme = theme;
  if (option('position') === 'left') host.dataset.position = 'left';
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(buttonCss + data.css);
  root.adoptedStyleSheets = [sheet];

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'kbw-button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('lang', locale);
  if (data.rtl.includes(locale)) button.dir = 'rtl';
  // Built node by node, not with innerHTML: a host page that enforces Trusted Types would refuse the string.
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('viewBox', '0 0 24 24');
  const path = document.createElementNS(svg.namespaceURI, 'path');
  path.setAttribute('d', 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 2.5-3 4.5M12 17.5v.01');
  svg.append(path);
  button.append(svg);
  const label = document.createElement('span');
  label.textContent = data.labels[locale] ?? 'Help';
  button.append(label);
  root.append(button);

  let panel: Promise<Panel> | undefined;
  const configUrl = new URL(data.configs[locale]!, base);
  const fetchConfig = () => fetch(configUrl).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${configUrl}: HTTP ${r.status}`))));
  const load = () => {
    if (!panel) {
      // The panel's code and its language's config download side by side.
      let config: Promise<WidgetLocaleConfig> | undefined = fetchConfig();
      config.catch(() => undefined);
      const getConfig = () =>
        (config ??= fetchConfig()).catch((error: unknown) => {
          config = undefined; // tried again on the next open
          throw error;
        });
      panel = (import(/* @vite-ignore */ new URL(data.panel, base).href) as Promise<{ mount(o: MountOptions): Panel }>).then(
        (m) => m.mount({ root, base, locale, config: getConfig, button, context: () => context ?? location.pathname }),
        (error: unknown) => {
          panel = undefined; // a failed download is tried again on the next press
          throw error;
        },
      );
    }
    return panel;
  };

  const api: Api = Object.freeze({
    version: 1 as const,
    open: (options: OpenOptions = {}) => {
      if (options.context !== undefined) context = options.context;
      return load().then((p) => p.open(options));
    },
    close: () => void panel?.then((p) => p.close()),
    toggle: () => load().then((p) => (p.isOpen() ? p.close() : p.open())),
    setContext: (next: string | undefined) => {
      context = next;
      void panel?.then((p) => p.refresh());
    },
  });
  // A failed download (offline, a blocked origin) leaves the button as it was: the next press tries again.
  button.addEventListener('click', () => void api.toggle().catch(() => undefined));

  Object.defineProperty(w, 'KBWidget', { value: api, configurable: true });
  const attach = () => {
    document.body.append(host);
    dispatchEvent(new Event('kbwidget:ready'));
  };
  if (document.body) attach();
  else addEventListener('DOMContentLoaded', attach, { once: true });
})();
