import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configLoader } from './load-config.ts';
import { forLocale } from '../../../src/schemas/footer.ts';
import { translate } from '../../../src/i18n/ui-strings.ts';
import { translateContact } from '../../../src/i18n/contact-strings.ts';
import { setStringOverrides } from '../../../src/i18n/string-overrides.ts';

const load = configLoader('kb-overrides-');
afterEach(() => setStringOverrides({}));

describe('footer links in kb.config.yml', () => {
  it('takes a label per locale or one for all, and a URL or a path on the site', () => {
    const { config, lines } = load('footer:\n  links:\n    - { label: { en: Status, ja: ステータス }, href: "https://status.example.com" }\n    - { label: Pricing, href: /en/billing/ }\n');
    expect(lines).toEqual([]);
    const [status, pricing] = config.footer.links;
    expect([forLocale(status!.label, 'ja'), forLocale(status!.label, 'ko'), forLocale(status!.label, 'ja-JP')]).toEqual(['ステータス', 'Status', 'ステータス']);
    expect(forLocale(pricing!.href, 'ja')).toBe('/en/billing/');
  });

  it('says which link has an address a reader cannot open', () => {
    expect(load('footer:\n  links:\n    - { label: Status, href: "https://status.example.com" }\n    - { label: Files, href: "ftp://files.example.com" }\n').lines).toEqual([
      'kb.config.yml:4: footer.links.1.href: must be an https://, http:// or mailto: URL, or a path on this site starting with /',
    ]);
    expect(load('footer:\n  links:\n    - { text: Status, href: "https://status.example.com" }\n').lines).toEqual([
      'kb.config.yml:3: footer.links.0.label: is missing: every link needs the text it shows',
      'kb.config.yml:3: unknown config key "footer.links.0.text"',
    ]);
  });
});

describe('strings in kb.config.yml', () => {
  it('replace interface text per locale, the contact page and widget included, and leave the rest', () => {
    const { config, lines } = load('strings:\n  en:\n    search.placeholder: Search our guides…\n    contact.title: Talk to us\n  ja:\n    home.articleCount: "{count} 件のガイド"\n');
    expect(lines).toEqual([]);
    setStringOverrides(config.strings);
    expect(translate('en', 'search.placeholder')).toBe('Search our guides…');
    expect(translate('en-GB', 'search.placeholder')).toBe('Search our guides…');
    expect(translateContact('en', 'contact.title')).toBe('Talk to us');
    expect(translate('ja', 'home.articleCount', { count: 3 })).toBe('3 件のガイド');
    expect(translate('ja', 'search.placeholder')).toBe('キーワードや質問を入力…');
    expect(translate('ko', 'search.placeholder')).toBe('질문이나 키워드를 입력하세요…');
    expect(translate('en', 'home.featured')).toBe('Popular articles');
  });

  it('name a mistyped string and a placeholder the original does not fill', () => {
    expect(load('strings:\n  en:\n    search.placeholdr: Search…\n    home.articleCount: "{n} guides"\n    site.home: "{site}"\n').lines).toEqual([
      'kb.config.yml:3: strings.en.search.placeholdr: there is no interface string "search.placeholdr". Did you mean "search.placeholder"?',
      'kb.config.yml:4: strings.en.home.articleCount: {n} is not filled in for "home.articleCount". It can use {count}',
      'kb.config.yml:5: strings.en.site.home: {site} is not filled in for "site.home". This string takes no placeholders',
    ]);
  });
});

describe('customCss in kb.config.yml', () => {
  it('takes stylesheets relative to the config file', () => {
    const { config, dir, lines } = load('customCss: [styles/custom.css]\n', { 'styles/custom.css': ':root { --radius: 0; }\n' });
    expect(lines).toEqual([]);
    expect(config.customCss).toEqual([join(dir, 'styles/custom.css')]);
  });

  it('says which file is missing or not a stylesheet', () => {
    expect(load('customCss:\n  - styles/custom.css\n  - styles/theme.scss\n').lines).toEqual([
      'kb.config.yml:2: customCss.0: no file at "styles/custom.css". The path is relative to kb.config.yml',
      'kb.config.yml:3: customCss.1: must be a .css file',
    ]);
  });
});

describe('the overrides example in docs/customizing.md', () => {
  it('is a valid kb.config.yml as written', () => {
    const text = readFileSync('docs/customizing.md', 'utf8');
    const example = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((block) => block.includes('footer:'));
    expect(example).toBeDefined();
    const { config, lines } = load(example!, { 'styles/custom.css': ':root { --radius: 4px; }\n' });
    expect(lines).toEqual([]);
    expect(config.footer.links).toHaveLength(2);
    expect(Object.keys(config.strings)).toEqual(['en', 'ja']);
  });
});
