/**
 * A seeded, deterministic event log built from reader sessions whose outcome is known, with the figures the
 * report must show tallied alongside — by construction, not by running the code under test.
 */
import { createRandom } from '../../../src/bench/prng.ts';
import type { FeedbackReason, SiteEvent } from '../../../src/feedback/events.ts';
import { defaultQueryKey } from '../../../src/collector/insights.ts';
import { baseTime } from './helpers.ts';

/** Each base query comes in spellings that must land in one group. */
export const queries: Record<string, string[][]> = {
  en: [
    ['wire transfer', 'Wire Transfer', 'wire  transfer ', 'ｗｉｒｅ transfer'],
    ['reset password', 'Reset password', 'reset-password'],
    ['refund', 'Refund', 'REFUND'],
    ['export invoices', 'export invoices'],
    ['café receipts', 'cafe receipts', 'Café Receipts'],
  ],
  ja: [
    ['請求書 ダウンロード', '請求書　ダウンロード', '請求書 ﾀﾞｳﾝﾛｰﾄﾞ'],
    ['返金', '返金'],
    ['二段階認証', '二段階認証'],
  ],
  ko: [
    ['환불 방법', '환불  방법', '환불 방법 '],
    ['비밀번호 재설정', '비밀번호 재설정'],
  ],
};

const articles: Record<string, string[]> = {
  en: ['/en/billing/request-a-refund/', '/en/account/reset-password/', '/en/billing/wire-transfers/'],
  ja: ['/ja/billing/request-a-refund/', '/ja/account/two-factor/'],
  ko: ['/ko/billing/request-a-refund/'],
};

const reasons: FeedbackReason[] = ['outdated', 'unclear', 'missing-info', 'didnt-work', 'other'];

export type SessionKind = 'resolved' | 'no-click' | 'zero-abandon' | 'zero-contact' | 'click-then-contact' | 'helpful' | 'not-helpful' | 'not-helpful-contact' | 'footer-contact';
const kinds: SessionKind[] = ['resolved', 'resolved', 'resolved', 'no-click', 'zero-abandon', 'zero-contact', 'click-then-contact', 'helpful', 'helpful', 'not-helpful', 'not-helpful-contact', 'footer-contact'];

export interface Expected {
  sessions: Record<SessionKind, number>;
  /** locale → key → figures */
  zeroResults: Record<string, Record<string, { count: number; contacted: number }>>;
  noClick: Record<string, Record<string, { count: number; searches: number }>>;
  contactAfterSearch: Record<string, Record<string, { count: number; zeroResults: number }>>;
  articles: Record<string, { yes: number; no: number; reasons: Record<string, number> }>;
  resolved: number;
  helpful: number;
  contacts: number;
  settledSearches: number;
}

export function generateEventLog(seed: string, sessionCount: number): { events: SiteEvent[]; expected: Expected } {
  const random = createRandom(seed);
  const events: SiteEvent[] = [];
  const expected: Expected = {
    sessions: Object.fromEntries(kinds.map((k) => [k, 0])) as Record<SessionKind, number>,
    zeroResults: {},
    noClick: {},
    contactAfterSearch: {},
    articles: {},
    resolved: 0,
    helpful: 0,
    contacts: 0,
    settledSearches: 0,
  };
  const bump = <T extends Record<string, number>>(table: Record<string, Record<string, T>>, locale: string, key: string, init: T, add: Partial<T>) => {
    const row = ((table[locale] ??= {})[key] ??= { ...init });
    for (const [k, v] of Object.entries(add)) (row as Record<string, number>)[k] = (row[k] ?? 0) + (v as number);
  };
  let id = 0;
  const newId = () => `s${(++id).toString(36).padStart(5, '0')}`;

  for (let session = 0; session < sessionCount; session++) {
    // Sessions are ten minutes apart: never inside one another's typing window.
    let ts = baseTime + session * 600_000;
    const locale = random.pick(['en', 'en', 'ja', 'ko']);
    const kind = random.pick(kinds);
    expected.sessions[kind]++;
    const page = random.chance(0.5) ? `/${locale}/` : random.pick(articles[locale]!);
    const common = { v: 1 as const, locale, page };
    const spelling = random.pick(random.pick(queries[locale]!));
    const key = defaultQueryKey(spelling);

    /** Type the query: one search per pause, each with its own id, as the site's type-ahead does. */
    const typeQuery = (finalCount: number) => {
      const points = Array.from(spelling);
      // Never cut between a half-width kana and its voicing mark (ﾀ|ﾞ): no IME shows that state.
      const stops = [Math.ceil(points.length / 3), Math.ceil((2 * points.length) / 3)]
        .map((n) => (/[\uFF9E\uFF9F]/.test(points[n] ?? '') ? n + 1 : n))
        .filter((n, i, a) => n > 0 && n < points.length && a.indexOf(n) === i);
      for (const stop of stops) {
        const partial = points.slice(0, stop).join('').trim();
        if (!partial) continue;
        const count = random.int(0, 6);
        const searchId = newId();
        events.push({ ...common, ts, type: 'search', query: partial, resultCount: count, searchId });
        if (count === 0) events.push({ ...common, ts, type: 'zero_results', query: partial, searchId });
        ts += random.int(150, 900);
      }
      const searchId = newId();
      events.push({ ...common, ts, type: 'search', query: spelling, resultCount: finalCount, searchId });
      if (finalCount === 0) events.push({ ...common, ts, type: 'zero_results', query: spelling, searchId });
      expected.settledSearches++;
      ts += random.int(1_000, 20_000);
      return searchId;
    };
    const click = (searchId: string) => {
      // One click in five comes from an older page script without searchId: tied by query instead.
      const withId = random.chance(0.8);
      events.push({ ...common, ts, type: 'result_click', query: spelling, rank: random.int(1, 5), url: random.pick(articles[locale]!), ...(withId ? { searchId } : {}) });
      ts += random.int(2_000, 60_000);
    };
    const vote = (helpful: boolean) => {
      const url = random.pick(articles[locale]!);
      const a = (expected.articles[`${locale} ${url}`] ??= { yes: 0, no: 0, reasons: {} });
      if (helpful) {
        a.yes++;
        expected.helpful++;
        events.push({ ...common, page: url, ts, type: 'feedback', url, helpful: true });
      } else {
        a.no++;
        const reason = random.chance(0.8) ? random.pick(reasons) : undefined;
        a.reasons[reason ?? 'none'] = (a.reasons[reason ?? 'none'] ?? 0) + 1;
        const comment = random.chance(0.3) ? `session ${session}: call me on 090-1234-${String(5678 + session).slice(-4)}` : undefined;
        events.push({ ...common, page: url, ts, type: 'feedback', url, helpful: false, ...(reason ? { reason } : {}), ...(comment ? { comment } : {}) });
      }
      ts += random.int(1_000, 10_000);
      return url;
    };

    switch (kind) {
      case 'resolved': {
        const searchId = typeQuery(random.int(1, 8));
        click(searchId);
        expected.resolved++;
        bump(expected.noClick, locale, key, { count: 0, searches: 0 }, { searches: 1 });
        break;
      }
      case 'no-click': {
        typeQuery(random.int(1, 8));
        bump(expected.noClick, locale, key, { count: 0, searches: 0 }, { count: 1, searches: 1 });
        break;
      }
      case 'zero-abandon':
        typeQuery(0);
        bump(expected.zeroResults, locale, key, { count: 0, contacted: 0 }, { count: 1 });
        break;
      case 'zero-contact': {
        const searchId = typeQuery(0);
        events.push({ ...common, ts, type: 'contact_click', source: 'zero-results', url: page, query: spelling, searchId });
        expected.contacts++;
        bump(expected.zeroResults, locale, key, { count: 0, contacted: 0 }, { count: 1, contacted: 1 });
        bump(expected.contactAfterSearch, locale, key, { count: 0, zeroResults: 0 }, { count: 1, zeroResults: 1 });
        break;
      }
      case 'click-then-contact': {
        const searchId = typeQuery(random.int(1, 8));
        click(searchId);
        events.push({ ...common, ts, type: 'contact_click', source: 'footer', url: page, searchId });
        expected.contacts++;
        bump(expected.noClick, locale, key, { count: 0, searches: 0 }, { searches: 1 });
        bump(expected.contactAfterSearch, locale, key, { count: 0, zeroResults: 0 }, { count: 1 });
        break;
      }
      case 'helpful':
        vote(true);
        break;
      case 'not-helpful':
        vote(false);
        break;
      case 'not-helpful-contact': {
        const url = vote(false);
        events.push({ ...common, page: url, ts, type: 'contact_click', source: 'not-helpful', url });
        expected.contacts++;
        break;
      }
      case 'footer-contact':
        events.push({ ...common, ts, type: 'contact_click', source: 'footer', url: page });
        expected.contacts++;
        break;
    }
  }
  return { events, expected };
}
