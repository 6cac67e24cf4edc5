/**
 * What the widget's pieces tell each other: the build → the loader (constants baked into v1.js), the loader → the
 * panel (mount options), the build → the panel (the per-locale config file). Types only.
 */
import type { ContextEntry } from '../contact/context-match.ts';

/** Baked into `/_widget/v1.js` at build time. */
export interface LoaderData {
  /** Locale → the button's label. */
  labels: Record<string, string>;
  defaultLocale: string;
  /** Locale → text direction, for locales written right to left. */
  rtl: string[];
  /** The panel module, relative to `/_widget/`. */
  panel: string;
  /** Locale → its config file, relative to `/_widget/`. */
  configs: Record<string, string>;
  /** Extra rules for the shadow root's stylesheet: the help center's brand accent, or ''. */
  css: string;
}

export interface OpenOptions {
  /** Search for this at once. */
  query?: string;
  /** The product screen, as a path; replaces the page's own path for contextual suggestions. */
  context?: string;
  /** Open on the contact form instead of the search. */
  contact?: boolean;
}

export interface MountOptions {
  root: ShadowRoot;
  /** The URL of `/_widget/`, from the script's own src. */
  base: string;
  locale: string;
  /** The locale's config file, fetched by the loader next to this module; a failed fetch is tried again. */
  config: () => Promise<WidgetLocaleConfig>;
  button: HTMLButtonElement;
  /** The screen to suggest articles for: data-context, the last KBWidget call, or the page's path. */
  context: () => string;
}

export interface Panel {
  open(options?: OpenOptions): void;
  close(): void;
  isOpen(): boolean;
  /** The context changed while the panel is open (KBWidget.setContext). */
  refresh(): void;
}

/** One article for a list: short keys, this ships in the config file. */
export interface ArticleLink {
  u: string;
  t: string;
  d: string;
}

/** `/_widget/h/config-<locale>.<hash>.json`: everything the panel needs for one language. */
export interface WidgetLocaleConfig {
  v: 1;
  locale: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Site path of the locale's home page. */
  home: string;
  /** Site path of the search manifest, or '' when the locale has no articles. */
  manifest: string;
  maxResults: number;
  contactUrl: string;
  /** Site path of the contact page (used instead of contactUrl when the help center posts a form). */
  contactPage: string;
  formAction: boolean;
  /** The analytics endpoint as configured ('' sends nothing). */
  analytics: string;
  strings: Record<string, string>;
  context: ContextEntry[];
  popular: ArticleLink[];
}

/** `/_widget/a/<locale>/<category>/<slug>.json`: an article to read inside the panel. */
export interface WidgetArticle {
  u: string;
  t: string;
  /** Category title. */
  c: string;
  /** Sanitized body HTML, as on the article page. */
  h: string;
}
