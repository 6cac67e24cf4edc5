import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteEventSchema, toEvent } from '../../../src/feedback/events.ts';
import { contactAttemptEvents } from '../../../src/contact/attempt.ts';
import type { ContactDraft } from '../../../src/contact/draft.ts';

const base = { v: 1, ts: 1767225900000, page: '/en/contact/', locale: 'en', searchId: 'c0ffee12' } as const;

describe('contact events', () => {
  it('the examples in docs/events.md are valid', () => {
    const lines = readFileSync('docs/events.md', 'utf8').split('\n').filter((l) => /^{ "v": 1, "type": "contact_(start|suggestion_click|submit)"/.test(l));
    expect(lines.length).toBe(3);
    for (const line of lines) expect(siteEventSchema.safeParse(JSON.parse(line)).error?.issues).toBeUndefined();
  });

  it('need an attempt id and a known source', () => {
    expect(siteEventSchema.safeParse({ ...base, type: 'contact_start', source: 'contact-page' }).success).toBe(true);
    expect(siteEventSchema.safeParse({ ...base, type: 'contact_start', source: 'footer' }).success).toBe(false);
    const { searchId: _, ...noId } = base;
    expect(siteEventSchema.safeParse({ ...noId, type: 'contact_submit', source: 'widget', query: 'x', resultCount: 0 }).success).toBe(false);
    expect(siteEventSchema.safeParse({ ...base, type: 'contact_suggestion_click', source: 'widget', query: 'x', rank: 0, url: '/en/a/' }).success).toBe(false);
  });

  it('are sent once per funnel step, with the subject only, masked in the browser', () => {
    const sent: unknown[] = [];
    const events = contactAttemptEvents('contact-page', 'en', (f) => sent.push(toEvent(f, { ts: base.ts, page: '/en/contact/' })));
    const draft: ContactDraft = { v: 1, id: 'c1', subject: 'Charged twice, card 4111 1111 1111 1111', message: 'Mail me at jane@example.com', from: '', seed: '', started: false };
    events.start(draft);
    events.start(draft);
    events.suggestionClicked(draft, 2, '/en/billing/request-a-refund/#steps');
    events.submitted(draft, 3);
    expect(sent.map((e: any) => e.type)).toEqual(['contact_start', 'contact_suggestion_click', 'contact_submit']);
    expect(JSON.stringify(sent)).not.toMatch(/4111|jane|Mail me/);
    expect(sent[2]).toMatchObject({ query: 'Charged twice, card [number]', resultCount: 3, searchId: 'c1', source: 'contact-page' });
    for (const e of sent) expect(siteEventSchema.safeParse(e).success).toBe(true);
  });
});
