import type { ResolvedBrand } from './brand.ts';
import type { Frontmatter, ArticleType, SiteConfig, SynonymRule } from '../schemas/index.ts';

/** A problem a writer can fix. `file` is relative to the working directory; `line` is 1-based. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `frontmatter-type`, `broken-link`. */
  code: string;
  file: string;
  line?: number;
  /** What is wrong, e.g. `tags: expected a list of strings, got "a,b"`. */
  message: string;
  /** How to fix it, e.g. `Write tags: [a, b]`. */
  hint?: string;
}

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** A piece of an article that search can link to: the intro (id '') or a heading and the text under it. */
export interface Section {
  /** Heading anchor, '' for the text before the first heading. */
  id: string;
  /** Heading text, '' for the intro. */
  heading: string;
  depth: number;
  /** Plain text of the section, without the heading. */
  text: string;
}

export interface FaqItem {
  id: string;
  question: string;
  /** Plain-text answer, for JSON-LD. */
  answer: string;
}

export interface Article {
  locale: string;
  /** Category folder name. */
  category: string;
  /** Last URL segment: frontmatter `slug` or the slugified file name. */
  slug: string;
  /** `category/file-name` without extension: the same across translations. */
  translationKey: string;
  /** Site-relative URL, e.g. `/en/billing/refund/`. */
  url: string;
  /** Path relative to the content folder, e.g. `en/billing/refund.md`. */
  sourcePath: string;
  /** Path as shown to writers (relative to cwd), e.g. `content/en/billing/refund.md`. */
  displayPath: string;
  title: string;
  description: string;
  type: ArticleType;
  tags: string[];
  keywords: string[];
  order: number;
  draft: boolean;
  featured: boolean;
  related: string[];
  /** From frontmatter, else git history, else undefined. */
  updated?: Date;
  frontmatter: Frontmatter;
  /** Sanitized HTML of the body. */
  html: string;
  headings: Heading[];
  /** Every id in the body (headings, footnotes, ids written by hand): what `#anchor` links may point at. */
  anchors: string[];
  sections: Section[];
  faq: FaqItem[];
  /** Body as plain text (for similarity and feeds). */
  text: string;
  /** Links found in the body (href as written, with the 1-based line), for the link checker. */
  links: { href: string; resolved?: string; line?: number }[];
  /**
   * Images found in the body (src as written, with the 1-based line); `found` is false when the file is missing,
   * `problem` says why an existing file is not published (outside the content folder, a type that is not published, an unsafe SVG).
   */
  images: { src: string; line?: number; found: boolean; problem?: { message: string; hint?: string } }[];
}

export interface Category {
  locale: string;
  slug: string;
  title: string;
  description: string;
  order: number;
  url: string;
  /** Published articles, in display order. */
  articles: Article[];
}

export interface LocaleInfo {
  code: string;
  label: string;
  title: string;
  dir: 'ltr' | 'rtl';
}

export interface KnowledgeBase {
  config: SiteConfig;
  contentDir: string;
  defaultLocale: string;
  locales: LocaleInfo[];
  /** Every parsed article, drafts included. */
  allArticles: Article[];
  /**
   * Articles whose frontmatter has errors: never published, but rendered with their invalid fields at the
   * defaults so that `npm run check` reports their body's broken links, anchors and images in the same run.
   */
  invalidArticles: Article[];
  /** Published articles (no drafts), in locale, category and display order. */
  articles: Article[];
  categories: Category[];
  /** Files referenced by articles: the content-hashed public URL and the file to copy there, or the text to write there (a sanitized SVG). */
  images: { url: string; source: string; body?: string }[];
  /** Writers' synonyms per locale, from `<lang>/_synonyms.yml`. */
  synonyms: Record<string, SynonymRule[]>;
  /** Logo, accent stylesheet and home words from `brand` in the config. */
  brand: ResolvedBrand;
  diagnostics: Diagnostic[];
}
