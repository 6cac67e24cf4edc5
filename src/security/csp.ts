import { createHash } from 'node:crypto';
import type { SiteConfig } from '../schemas/index.ts';

/**
 * The inline script on every page: it applies the remembered theme before first paint, so dark-mode readers
 * see no white flash. Everything else is an external file, except the 404 page's below; the policy allows
 * both by their hashes.
 */
export const themeInitScript =
  "try{var t=localStorage.getItem('kb-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

export const themeInitHash = `sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`;

/**
 * The 404 page's script. One static 404.html serves every host and every locale, so it carries each other
 * locale's header, content and footer in a `<template data-path="/ja/">`; this swaps in the one whose path
 * the missing page is under, before the page script wires up the search box (see src/pages/404.astro).
 * Inline, so it runs while the page is parsed and the reader never sees the default language first.
 */
export const notFoundLocaleScript =
  "(function(){var d=document,p=location.pathname.toLowerCase(),ts=d.querySelectorAll('template[data-path]');for(var i=0;i<ts.length;i++){var t=ts[i];if(p.indexOf(t.dataset.path.toLowerCase())!==0)continue;var c=t.content.children;for(var j=0;j<c.length;j++){var o=d.body.querySelector(':scope>'+c[j].tagName);if(o)o.replaceWith(c[j].cloneNode(true))}d.documentElement.lang=t.dataset.locale;d.documentElement.dir=t.dataset.dir;d.title=t.dataset.title;return}})()";

export const notFoundLocaleHash = `sha256-${createHash('sha256').update(notFoundLocaleScript).digest('base64')}`;

/**
 * Directives shared by the meta tag and the `_headers` file. `frame-ancestors` only works as a header.
 * `dev` is for `astro dev` only (the integration says so, not NODE_ENV, which a build may also have): its styles
 * arrive as inline `<style>` elements (injected again on every edit) and its reload signal over a WebSocket, so dev
 * pages allow inline styles and ws:. The built site never does.
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
    `script-src 'self' '${themeInitHash}' '${notFoundLocaleHash}'`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    ["img-src 'self' data:", ...config.csp.imgSrc].join(' '),
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
