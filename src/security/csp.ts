import { createHash } from 'node:crypto';
import type { SiteConfig } from '../schemas/index.ts';

/**
 * The one inline script: it applies the remembered theme before first paint, so dark-mode readers see
 * no white flash. Everything else is an external file; the policy allows this script by its hash.
 */
export const themeInitScript =
  "try{var t=localStorage.getItem('kb-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

export const themeInitHash = `sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`;

/** Directives shared by the meta tag and the `_headers` file. `frame-ancestors` only works as a header. */
export function contentSecurityPolicy(config: SiteConfig, { forHeader = false } = {}): string {
  const connect = ["'self'"];
  if (config.analyticsEndpoint) {
    try {
      connect.push(new URL(config.analyticsEndpoint, config.url).origin);
    } catch {
      /* the config schema reports a bad endpoint */
    }
  }
  const directives = [
    "default-src 'none'",
    `script-src 'self' '${themeInitHash}'`,
    "style-src 'self'",
    ["img-src 'self' data:", ...config.csp.imgSrc].join(' '),
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ];
  if (forHeader) directives.push("frame-ancestors 'self'");
  return directives.join('; ');
}
