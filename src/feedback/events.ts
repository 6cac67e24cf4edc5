/**
 * The contract between the site and whatever receives its events: the zod schemas, their inferred types,
 * the limits, and the PII masking. Shared by the browser (beacon) and the reference collector, so it has no
 * Node and no DOM imports.
 *
 * It is written with `zod/mini` and every schema is marked pure: a browser bundle that imports only
 * `maskPii`, `toEvent` and the limits drops the schemas and zod entirely, and one that does validate pays a
 * few kB rather than the full zod API. See docs/events.md for the wire format.
 */
import * as z from 'zod/mini';

/** Version of the event format; bumped only for incompatible changes. */
export const eventVersion = 1;

export const limits = {
  /** Longest query the collector accepts (UTF-16 code units). */
  queryMax: 200,
  /** Queries are cut to this many characters before they leave the browser. */
  queryClientMax: 100,
  /** Longest feedback comment, both in the form and on the wire. */
  commentMax: 500,
  pathMax: 1024,
  urlMax: 2048,
  localeMax: 35,
  searchIdMax: 64,
  resultCountMax: 10_000,
  rankMax: 1_000,
  /** Events in one batch (a JSON array body). */
  batchMax: 20,
  /** Default request body limit of the reference collector, in bytes. A full batch fits easily. */
  bodyMaxBytes: 16 * 1024,
} as const;

export const feedbackReasons = ['outdated', 'unclear', 'missing-info', 'didnt-work', 'other'] as const;
export const contactSources = ['zero-results', 'not-helpful', 'footer'] as const;
/** Where a contact attempt happens: the help center's contact page, or the help widget inside a product. */
export const contactSurfaces = ['contact-page', 'widget'] as const;
export const eventTypes = ['search', 'zero_results', 'result_click', 'feedback', 'contact_click', 'contact_start', 'contact_suggestion_click', 'contact_submit'] as const;

export type FeedbackReason = (typeof feedbackReasons)[number];
export type ContactSource = (typeof contactSources)[number];
export type ContactSurface = (typeof contactSurfaces)[number];
export type EventType = (typeof eventTypes)[number];

// A path on the site: no query string (it can carry personal data), no whitespace. `//host/x` is another site to a
// browser, and so is `/\host/x`, since URL parsers read a backslash as a slash; a site's own paths have neither.
const pathPattern = /^\/(?![/\\])[^?#\s\\]*$/;
// An article or result link: a site path with an optional #fragment, or an absolute http(s) URL, never a query.
const urlPattern = /^(?:\/(?![/\\])|https?:\/\/[^/?#\s\\]+(?:\/|$))[^?\s\\]*$/;
const localePattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const searchIdPattern = /^[A-Za-z0-9_-]+$/;

// Every schema is built inside a pure-annotated call, so a bundle that never reads it drops it and zod with it
// (an annotation covers one call, not its arguments, hence the thunks).
const lazy = <T>(build: () => T): T => build();

function fieldSchemas() {
  return {
    path: z.string().check(z.maxLength(limits.pathMax), z.regex(pathPattern, 'a path starting with a single / and without ?query or backslash')),
    url: z.string().check(z.maxLength(limits.urlMax), z.regex(urlPattern, 'a /path or http(s) URL without ?query or backslash')),
    locale: z.string().check(z.maxLength(limits.localeMax), z.regex(localePattern, 'a BCP 47 tag such as en or ja')),
    query: z.string().check(z.maxLength(limits.queryMax)),
    nonEmptyQuery: z.string().check(z.minLength(1), z.maxLength(limits.queryMax)),
    searchId: z.string().check(z.minLength(1), z.maxLength(limits.searchIdMax), z.regex(searchIdPattern, 'letters, digits, - or _')),
  };
}

function commonShape() {
  const f = fieldSchemas();
  return {
    v: z.literal(eventVersion),
    // Client clock, so only sanity bounds: after 2001-09-09 and before the year 2286.
    ts: z.int().check(z.gte(1e12), z.lt(1e13)),
    page: f.path,
    locale: f.locale,
  };
}

export const searchEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('search'),
    query: fieldSchemas().nonEmptyQuery,
    resultCount: z.int().check(z.gte(0), z.lte(limits.resultCountMax)),
    searchId: fieldSchemas().searchId,
  }),
);

export const zeroResultsEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('zero_results'),
    query: fieldSchemas().nonEmptyQuery,
    searchId: z.optional(fieldSchemas().searchId),
  }),
);

export const resultClickEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('result_click'),
    query: fieldSchemas().query,
    /** 1-based position of the clicked result. */
    rank: z.int().check(z.gte(1), z.lte(limits.rankMax)),
    url: fieldSchemas().url,
    searchId: z.optional(fieldSchemas().searchId),
  }),
);

export const feedbackEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('feedback'),
    /** The article the vote is about. */
    url: fieldSchemas().url,
    helpful: z.boolean(),
    /** Only with `helpful: false`, and optional there: a "No" counts even when the reader leaves without a reason. */
    reason: z.optional(z.enum(feedbackReasons)),
    comment: z.optional(z.string().check(z.maxLength(limits.commentMax))),
  }),
);

export const contactClickEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('contact_click'),
    source: z.enum(contactSources),
    /** The page the contact link was on. */
    url: fieldSchemas().url,
    query: z.optional(fieldSchemas().query),
    searchId: z.optional(fieldSchemas().searchId),
  }),
);

// A contact attempt is tied together by its `searchId`: one random id per attempt, kept with the draft in the tab's
// sessionStorage (so a return from a suggested article continues the same attempt) and dropped once it is sent.

export const contactStartEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('contact_start'),
    source: z.enum(contactSurfaces),
    /** The attempt's id. */
    searchId: fieldSchemas().searchId,
    /** The subject it started with, when it arrived filled in (from a search that found nothing). */
    query: z.optional(fieldSchemas().query),
  }),
);

export const contactSuggestionClickEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('contact_suggestion_click'),
    source: z.enum(contactSurfaces),
    searchId: fieldSchemas().searchId,
    /** The subject the suggestions were for (the message is searched too, but never sent). */
    query: fieldSchemas().query,
    rank: z.int().check(z.gte(1), z.lte(limits.rankMax)),
    /** The suggested article opened. */
    url: fieldSchemas().url,
  }),
);

export const contactSubmitEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    type: z.literal('contact_submit'),
    source: z.enum(contactSurfaces),
    searchId: fieldSchemas().searchId,
    /** The subject only: the message never leaves the browser except to the support channel itself. */
    query: fieldSchemas().query,
    /** Suggestions shown when the customer sent it anyway. */
    resultCount: z.int().check(z.gte(0), z.lte(limits.resultCountMax)),
  }),
);

/** One event. Unknown keys are dropped, not rejected, so a newer site can talk to an older collector. */
export const siteEventSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion('type', [
    searchEventSchema,
    zeroResultsEventSchema,
    resultClickEventSchema,
    feedbackEventSchema,
    contactClickEventSchema,
    contactStartEventSchema,
    contactSuggestionClickEventSchema,
    contactSubmitEventSchema,
  ]),
);

/** A request body: one event, or an array of 1 to `limits.batchMax` events. */
export const eventBodySchema = /* @__PURE__ */ lazy(() =>
  z.union([siteEventSchema, z.array(siteEventSchema).check(z.minLength(1), z.maxLength(limits.batchMax))]),
);

export type SiteEvent = z.infer<typeof siteEventSchema>;
export type SearchEvent = z.infer<typeof searchEventSchema>;
export type ZeroResultsEvent = z.infer<typeof zeroResultsEventSchema>;
export type ResultClickEvent = z.infer<typeof resultClickEventSchema>;
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;
export type ContactClickEvent = z.infer<typeof contactClickEventSchema>;
export type ContactStartEvent = z.infer<typeof contactStartEventSchema>;
export type ContactSuggestionClickEvent = z.infer<typeof contactSuggestionClickEventSchema>;
export type ContactSubmitEvent = z.infer<typeof contactSubmitEventSchema>;

type WithoutCommon<T> = T extends unknown ? Omit<T, 'v' | 'ts' | 'page'> : never;
/** What the page code fills in; `toEvent` adds `v`, `ts` and `page`. */
export type SiteEventFields = WithoutCommon<SiteEvent>;

// --- PII masking --------------------------------------------------------------------------------------

// Scripts written without spaces: an address's local part cannot be told apart from the words around it.
const noSpaceScript = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}`;
const localChar = String.raw`(?:(?![${noSpaceScript}])[\p{L}\p{N}\p{M}._%+'-])`;
const domainLabel = String.raw`[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?`;
// ASCII or punycode top-level domain, so Japanese or Korean text right after an address is kept.
const tld = String.raw`(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{2,59})(?![A-Za-z0-9-])`;
const domain = String.raw`(?:${domainLabel}\.)+${tld}`;
// The lookbehind makes each address start at a boundary, which keeps the scan linear on long text.
const email = new RegExp(String.raw`(?<!${localChar})${localChar}+@${domain}`, 'gu');
// An address whose local part is in a script without spaces (山田@example.jp): mask the whole word before @.
const emailNoSpace = new RegExp(String.raw`(?<![^\s\p{P}\p{S}])[^\s\p{P}\p{S}]*@${domain}`, 'gu');
// Six or more digits with up to two separators between each: card, phone, account and order numbers.
// Separators include the dashes an IME produces (‐ − ー), since NFKC leaves them alone.
const digitRun = /\+?\p{Nd}(?:[\s.\-‐‑‒–—―−ー()/]{0,2}\p{Nd}){5,}/gu;

/**
 * Replace what looks like personal data with `[email]` and `[number]`, so an address or a card number a reader
 * types into the search box or a comment is never stored. The text is NFKC-normalised first, so full-width
 * digits (０９０) and ＠ are caught; the result is therefore also NFKC.
 */
export function maskPii(text: string): string {
  return text.normalize('NFKC').replace(email, '[email]').replace(emailNoSpace, '[email]').replace(digitRun, '[number]');
}

/**
 * Mask, collapse whitespace and cut to `max` UTF-16 code units (what the schema counts), without splitting a
 * surrogate pair or leaving half a placeholder.
 */
export function cleanText(text: string, max: number): string {
  const masked = maskPii(text).replace(/\s+/g, ' ').trim();
  if (masked.length <= max) return masked;
  const end = /[\uD800-\uDBFF]/.test(masked[max - 1] ?? '') ? max - 1 : max;
  return masked
    .slice(0, end)
    .replace(/\[[a-z]*$/, '')
    .trimEnd();
}

/** Drop the query string (and, for a page, the fragment): both can carry personal data or tracking ids. */
export function stripQuery(value: string, keepFragment = true): string {
  const hash = value.indexOf('#');
  const fragment = keepFragment && hash >= 0 ? value.slice(hash) : '';
  const base = hash >= 0 ? value.slice(0, hash) : value;
  const q = base.indexOf('?');
  return (q >= 0 ? base.slice(0, q) : base) + fragment.replace(/\?.*$/, '');
}

/**
 * Build the wire event from what the page knows: adds `v`, `ts` and `page`, masks and cuts the free text,
 * strips query strings. Pure, so the browser and tests share it; the caller passes the clock and the path.
 */
export function toEvent(fields: SiteEventFields, context: { ts: number; page: string }): SiteEvent {
  const event = { v: eventVersion, ts: Math.round(context.ts), page: stripQuery(context.page, false) || '/', ...fields } as SiteEvent & {
    query?: string;
    comment?: string;
    url?: string;
  };
  if (typeof event.query === 'string') event.query = cleanText(event.query, limits.queryClientMax);
  if (typeof event.comment === 'string') {
    event.comment = cleanText(event.comment, limits.commentMax);
    if (!event.comment) delete event.comment;
  }
  if (typeof event.url === 'string') event.url = stripQuery(event.url);
  return event;
}
