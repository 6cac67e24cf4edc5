import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, themeInitScript, themeInitHash, notFoundLocaleScript, notFoundLocaleHash } from '../../../src/security/csp.ts';
import { siteConfigSchema } from '../../../src/schemas/index.ts';

describe('content security policy', () => {
  const config = siteConfigSchema.parse({});

  it('allows scripts only from the site, and the theme and 404 scripts by their hashes', () => {
    const policy = contentSecurityPolicy(config);
    expect(policy).toContain(`script-src 'self' '${themeInitHash}'`);
    expect(themeInitHash).toBe(`sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`);
    expect(policy).toContain(`'${notFoundLocaleHash}'`);
    expect(notFoundLocaleHash).toBe(`sha256-${createHash('sha256').update(notFoundLocaleScript).digest('base64')}`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
  });

  it('lets events reach a configured collector on another origin, and adds frame-ancestors only as a header', () => {
    const withEndpoint = siteConfigSchema.parse({ analyticsEndpoint: 'https://collect.example.com/events' });
    expect(contentSecurityPolicy(withEndpoint)).toContain("connect-src 'self' https://collect.example.com");
    expect(contentSecurityPolicy(config)).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy(config, { forHeader: true })).toContain("frame-ancestors 'self'");
  });

  it('lets the dev server inject styles and reach its reload socket, and only the dev server', () => {
    const dev = contentSecurityPolicy(config, { dev: true });
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws: wss:");
    expect(dev).toContain(`script-src 'self' '${themeInitHash}'`); // scripts stay external in dev too
    expect(contentSecurityPolicy(config, { forHeader: true })).not.toMatch(/unsafe-inline|ws:/);
  });

  it('adds the configured image hosts to img-src, as origins', () => {
    const withImages = siteConfigSchema.parse({ csp: { imgSrc: ['https://cdn.example.com/', 'https://img.example.org'] } });
    expect(contentSecurityPolicy(withImages)).toContain("img-src 'self' data: https://cdn.example.com https://img.example.org;");
    expect(contentSecurityPolicy(config)).toContain("img-src 'self' data:;");
  });

  it('accepts only https origins in csp.imgSrc', () => {
    for (const bad of ['http://cdn.example.com', 'https://cdn.example.com/images', 'cdn.example.com', "'unsafe-inline'", 'https://*.example.com', '*']) {
      const result = siteConfigSchema.safeParse({ csp: { imgSrc: [bad] } });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must be an https origin with no path, e.g. https://cdn.example.com');
    }
  });
});
