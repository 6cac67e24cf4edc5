import { createHash } from 'node:crypto';
import type { SiteConfig } from '../schemas/index.ts';

/**
 * The one inline script: it applies the remembered theme before first paint, so dark-mode readers see
 * no white flash. Everything else is an external file; the policy allows this script by its hash.
 */
export const themeInitScript =
  "try{var t=localStorage.getItem('kb-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

export const themeInitHash = `sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`;

/**
 * Directives shared by the meta tag and the `_headers` file. `frame-ancestors` only works as a header.
 * `dev` is for `astro dev` only (the integration says so, not NODE_ENV, which a build may also have): its styles arrive as inline `<style>` elements (injected again on every edit) and
 * its reload signal over a WebSocket, so dev pages allow inline styles and ws:. The built site never does.
 */
export function contentSecurityPolicy(config: SiteConfig, { forHeader = false, dev = false } = {}): string {
  const connect = ["'self'"];
  if (dev) connect.push('ws:', 'wss:');
  if (config.analyticsEndpoint) {
    try {
      connect.push(new URL(config.analyticsEndpoint, config.url).origin);
    } catch {
      /* the config schema reports a bad endpoint */
    }
  }
  // The contact page may post its form to the support endpoint configured in `contact.formAction`.
  const formAction = ["'self'"];
  if (config.contact.formAction) {
    try {
      formAction.push(new URL(config.contact.formAction, config.url).origin);
    } catch {
      /* the config schema reports a bad endpoint */
    }
  }
  const directives = [
    "default-src 'none'",
    `script-src 'self' '${themeInitHash}'`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'self'",
    `form-action ${[...new Set(formAction)].join(' ')}`,
    "object-src 'none'",
  ];
  if (forHeader) directives.push("frame-ancestors 'self'");
  return directives.join('; ');
}
