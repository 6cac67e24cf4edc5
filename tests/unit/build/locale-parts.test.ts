import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { contentDiagnostics } from '../../../src/content/report.ts';
import { builtLocale, partLocales, unknownPartLocales } from '../../../src/build/locale-parts.ts';

// What a build of some locales (KB_LOCALES) reads: every article's frontmatter, but only its own locales' bodies, and
// the bodies its articles link to with an anchor, so that anchor is still checked (tests/e2e/locale-parts.test.ts
// builds the parts and merges them).
const temp = mkdtempSync(join(tmpdir(), 'kb-locale-parts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.KB_LOCALES;
});

function content(enBody: string): string {
  const dir = mkdtempSync(join(temp, 'content-'));
  cpSync(join(import.meta.dirname, '../../fixtures/content/basic'), dir, { recursive: true });
  writeFileSync(join(dir, 'en/billing/billing-faq.md'), `---\ntitle: Billing FAQ\n---\n\n## Can I cancel?\n\n${enBody}\n`);
  return dir;
}
const load = (dir: string) => loadKnowledgeBase({ contentDir: dir, configPath: join(temp, 'none.yml'), gitDates: false });
const errors = (kb: Awaited<ReturnType<typeof load>>) => contentDiagnostics(kb).filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`);

describe('a build of some locales', () => {
  it('reads the list from KB_LOCALES, and names the locales the content lacks', () => {
    expect(partLocales({})).toBeUndefined();
    expect(partLocales({ KB_LOCALES: ' ja, ko ,ja,' })).toEqual(['ja', 'ko']);
    process.env.KB_LOCALES = 'ja,fr';
    expect([builtLocale('ja'), builtLocale('en')]).toEqual([true, false]);
    expect(unknownPartLocales(['en', 'ja'])).toEqual(['fr']);
  });

  it('renders its own locales, and of the others only the articles they link to with an anchor', async () => {
    const dir = content('Ask about [refunds](../../ja/billing/request-a-refund.md#返金の流れ) or [all](../../ja/billing/request-a-refund.md).');
    const full = await load(dir);
    process.env.KB_LOCALES = 'ja';
    const ja = await load(dir);
    const en = ja.allArticles.find((a) => a.url === '/en/billing/request-a-refund/')!;
    expect(en.html).toBe('');
    expect(ja.allArticles.find((a) => a.url === '/ja/billing/request-a-refund/')!.html).toBe(full.allArticles.find((a) => a.url === '/ja/billing/request-a-refund/')!.html);
    // Everything but the bodies is the whole site's: the same articles, URLs, titles and translations.
    const meta = (kb: typeof full) => kb.allArticles.map(({ url, title, translationKey, updated }) => ({ url, title, translationKey, updated }));
    expect(meta(ja)).toEqual(meta(full));

    process.env.KB_LOCALES = 'en';
    const part = await load(dir);
    const anchors = full.allArticles.find((a) => a.url === '/ja/billing/request-a-refund/')!.anchors;
    expect(anchors).toContain('返金の流れ');
    expect(part.allArticles.find((a) => a.url === '/ja/billing/request-a-refund/')!.anchors).toEqual(anchors);
    expect(errors(full)).toEqual([]);
    expect(errors(part)).toEqual([]);
  });

  it('reports a broken anchor into another locale as the full build does', async () => {
    const dir = content('See [the steps](../../ja/billing/request-a-refund.md#no-such-heading).');
    const full = errors(await load(dir));
    expect(full.join('\n')).toMatch(/billing-faq\.md:7 the anchor "#no-such-heading" matches no heading in .*ja\/billing\/request-a-refund\.md/);
    process.env.KB_LOCALES = 'en';
    expect(errors(await load(dir))).toEqual(full);
  });
});
