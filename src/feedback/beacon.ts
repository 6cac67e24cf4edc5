/**
 * Sends site events with navigator.sendBeacon. Nothing is sent when no endpoint is configured, when the
 * reader asks not to be tracked (Do Not Track, Global Privacy Control), or when the browser lacks
 * sendBeacon. No cookies, no identifiers that outlive the page: a search id ties a click to its search.
 * Free text is truncated and PII-masked here, before it leaves the browser.
 */
import { toEvent, type SiteEventFields } from './events.ts';

export type { SiteEventFields };

export function analyticsEndpoint(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="kb-analytics"]')?.content || undefined;
}

export function trackingAllowed(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string };
  const dnt = nav.doNotTrack ?? (window as Window & { doNotTrack?: string }).doNotTrack ?? nav.msDoNotTrack;
  return !(nav.globalPrivacyControl === true || dnt === '1' || dnt === 'yes');
}

/** Queue one event. Returns whether it was handed to the browser. */
export function sendEvent(fields: SiteEventFields): boolean {
  const endpoint = analyticsEndpoint();
  if (!endpoint || !trackingAllowed() || typeof navigator.sendBeacon !== 'function') return false;
  // toEvent masks PII and cuts free text in the browser, before anything leaves it.
  const payload = toEvent(fields, { ts: Date.now(), page: location.pathname });
  // A text/plain body keeps the beacon a "simple" request: no CORS preflight to a collector on another origin.
  return navigator.sendBeacon(endpoint, new Blob([JSON.stringify(payload)], { type: 'text/plain;charset=UTF-8' }));
}

/** Page-lifetime id; not stored anywhere. */
export function newSearchId(): string {
  return crypto.randomUUID?.() ?? Math.random().toString(36).slice(2);
}
