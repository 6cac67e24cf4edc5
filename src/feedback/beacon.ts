/**
 * Sends site events with navigator.sendBeacon. Nothing is sent when no endpoint is configured, when the
 * reader asks not to be tracked (Do Not Track, Global Privacy Control), or when the browser lacks
 * sendBeacon. No cookies, no identifiers that outlive the page: a search id ties a click to its search.
 * Free text is truncated and PII-masked here, before it leaves the browser.
 */
import { maskPii, maxQueryLength } from './mask-pii.ts';

export type SiteEvent =
  | { type: 'search'; query: string; locale: string; resultCount: number; searchId: string }
  | { type: 'zero_results'; query: string; locale: string; searchId?: string }
  | { type: 'result_click'; query: string; locale: string; rank: number; url: string; searchId?: string }
  | { type: 'feedback'; locale: string; url: string; helpful: boolean; reason?: string; comment?: string }
  | { type: 'contact_click'; locale: string; source: 'zero-results' | 'not-helpful' | 'footer'; url: string; query?: string; searchId?: string };

export function analyticsEndpoint(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="kb-analytics"]')?.content || undefined;
}

export function trackingAllowed(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string };
  const dnt = nav.doNotTrack ?? (window as Window & { doNotTrack?: string }).doNotTrack ?? nav.msDoNotTrack;
  return !(nav.globalPrivacyControl === true || dnt === '1' || dnt === 'yes');
}

/** Queue one event. Returns whether it was handed to the browser. */
export function sendEvent(event: SiteEvent): boolean {
  const endpoint = analyticsEndpoint();
  if (!endpoint || !trackingAllowed() || typeof navigator.sendBeacon !== 'function') return false;
  const payload: Record<string, unknown> = { v: 1, ts: Date.now(), page: location.pathname, ...event };
  for (const key of ['query', 'comment'] as const) {
    if (typeof payload[key] === 'string') payload[key] = maskPii(String(payload[key])).slice(0, key === 'query' ? maxQueryLength : 500);
  }
  if (typeof payload.url === 'string') payload.url = stripQuery(payload.url);
  // A text/plain body keeps the beacon a "simple" request: no CORS preflight to a collector on another origin.
  return navigator.sendBeacon(endpoint, new Blob([JSON.stringify(payload)], { type: 'text/plain;charset=UTF-8' }));
}

/** Page-lifetime id; not stored anywhere. */
export function newSearchId(): string {
  return crypto.randomUUID?.() ?? Math.random().toString(36).slice(2);
}

function stripQuery(url: string): string {
  try {
    const u = new URL(url, location.href);
    return u.origin === location.origin ? u.pathname + u.hash : `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}
