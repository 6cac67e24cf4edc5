import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/content/load-site-config.ts';
import { parseArticleSource } from '../../../src/content/parse-frontmatter.ts';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';
import { contentSecurityPolicy } from '../../../src/security/csp.ts';
import { siteConfigSchema } from '../../../src/schemas/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kb-deflect-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configErrors(yaml: string): string[] {
  const file = join(dir, 'kb.config.yml');
  writeFileSync(file, yaml);
  return loadSiteConfig(file).diagnostics.map((d) => formatDiagnostic(d).replace(/^.*kb\.config\.yml/, 'kb.config.yml'));
}

describe('contact and widget config', () => {
  it('has defaults that build the widget and use contactUrl', () => {
    expect(siteConfigSchema.parse({})).toMatchObject({ contact: { formAction: '' }, widget: { enabled: true, allowOrigin: '*', demo: false } });
    expect(siteConfigSchema.parse({ widget: { allowOrigin: 'https://app.example.com/' } }).widget.allowOrigin).toBe('https://app.example.com');
  });

  it('names the line and the fix for a mistake', () => {
    expect(configErrors('contact:\n  formAction: //evil.example/x\n')).toEqual(['kb.config.yml:2: contact.formAction: must start with https://, http:// or a single /']);
    expect(configErrors('widget:\n  allowOrigin: https://app.example.com/settings\n')).toEqual(['kb.config.yml:2: widget.allowOrigin: must be * or an origin such as https://app.example.com (no path)']);
    expect(configErrors('widget:\n  demos: true\n')).toEqual(['kb.config.yml:2: unknown config key "widget.demos"']);
  });

  it('lets the contact form post to its endpoint, and nowhere else', () => {
    expect(contentSecurityPolicy(siteConfigSchema.parse({}))).toContain("form-action 'self';");
    expect(contentSecurityPolicy(siteConfigSchema.parse({ contact: { formAction: 'https://support.example.com/api/requests' } }))).toContain("form-action 'self' https://support.example.com;");
  });
});

describe('frontmatter context', () => {
  it('takes product paths with wildcards', () => {
    const { frontmatter, diagnostics } = parseArticleSource(Buffer.from('---\ntitle: A\ncontext: ["/settings/billing", "/invoices/*", "/expenses/**"]\n---\nBody\n'), 'content/en/billing/a.md');
    expect(diagnostics).toEqual([]);
    expect(frontmatter?.context).toEqual(['/settings/billing', '/invoices/*', '/expenses/**']);
  });

  it('says how to write a path that is not one', () => {
    const { diagnostics } = parseArticleSource(Buffer.from('---\ntitle: A\ncontext: ["settings/billing"]\n---\nBody\n'), 'content/en/billing/a.md');
    expect(diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^content\/en\/billing\/a\.md:3: context.*\/settings\/billing or \/invoices\/\*/)]);
  });
});
