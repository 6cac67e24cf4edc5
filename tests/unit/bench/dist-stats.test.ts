import { describe, expect, it } from 'vitest';
import { articleContentBytes } from '../../../scripts/bench/dist-stats.ts';

describe('articleContentBytes', () => {
  const chrome = '<html><head><title>T</title></head><body><header>site</header>';
  const end = '<footer>links</footer></body></html>';

  it('counts the rendered Markdown, nested divs included, and nothing around it', () => {
    const prose = '<div class="prose"><p>a</p><div class="callout"><div>é</div></div><p>b</p></div>';
    expect(articleContentBytes(`${chrome}${prose}<div class="feedback">x</div>${end}`)).toBe(Buffer.byteLength(prose));
  });

  it('adds the FAQPage JSON-LD, which repeats the answers, but not the breadcrumbs', () => {
    const prose = '<div class="prose faq"><details><summary>Q?</summary><p>回答</p></details></div>';
    const faq = '<script type="application/ld+json">{"@type":"FAQPage","mainEntity":[]}</script>';
    const crumbs = '<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>';
    expect(articleContentBytes(`${chrome}${faq}${crumbs}${prose}${end}`)).toBe(Buffer.byteLength(prose) + Buffer.byteLength(faq));
  });

  it("finds Starlight's content element, and says so when a page has none", () => {
    const content = '<div class="sl-markdown-content"><p>x</p></div>';
    expect(articleContentBytes(`${chrome}${content}${end}`)).toBe(Buffer.byteLength(content));
    expect(articleContentBytes(`${chrome}${end}`)).toBeUndefined();
  });
});
