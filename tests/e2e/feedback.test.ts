import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const events = () => h.server.events.map((e) => JSON.parse(e.body));
async function eventsAfter(count: number, predicate: (e: any) => boolean) {
  await expect.poll(() => events().slice(count).filter(predicate).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return events().slice(count).filter(predicate);
}

describe('helpfulness widget and events', () => {
  it('sends a "yes" vote and thanks the reader in their language', async () => {
    const before = h.server.events.length;
    const t = await h.open('/ja/billing/request-a-refund/');
    await t.page.locator('.feedback').scrollIntoViewIfNeeded();
    const layoutBefore = await t.page.locator('.feedback-row').boundingBox();
    await t.page.locator('[data-helpful="yes"]').click();
    const [event] = await eventsAfter(before, (e) => e.type === 'feedback');
    expect(event).toMatchObject({ v: 1, type: 'feedback', helpful: true, locale: 'ja', url: '/ja/billing/request-a-refund/', page: '/ja/billing/request-a-refund/' });
    expect(await t.page.locator('[data-feedback-thanks]').innerText()).toMatch(/ありがとう/);
    expect(await t.page.locator('.feedback-row').boundingBox()).toEqual(layoutBefore);
    expect(h.server.events.at(-1)!.contentType).toMatch(/^text\/plain/);
    await t.close();
  });

  it('on "no" asks for a reason from the keyboard, masks PII in the comment, and offers the contact link', async () => {
    const before = h.server.events.length;
    const t = await h.open('/en/billing/request-a-refund/');
    await t.page.locator('[data-helpful="no"]').focus();
    await t.page.keyboard.press('Enter');
    const form = t.page.locator('[data-feedback-followup]');
    await expect.poll(() => form.isVisible()).toBe(true);
    await t.page.keyboard.press('ArrowDown'); // radio group: move to the second reason
    await t.page.locator('textarea[name=comment]').fill('Mail me at jane.doe@example.com or call 090-1234-5678, card 4111 1111 1111 1111');
    await t.page.locator('[data-feedback-followup] button[type=submit]').click();
    const [event] = await eventsAfter(before, (e) => e.type === 'feedback');
    expect(event.helpful).toBe(false);
    expect(event.reason).toBe('unclear');
    expect(event.comment).not.toMatch(/jane|example\.com|1234|4111/);
    expect(event.comment).toContain('[email]');
    expect(event.comment).toContain('[number]');
    expect(await t.page.locator('[data-feedback-followup] [data-contact-link]').count()).toBe(1);
    await t.close();
  });

  it('sends search, zero-result, click and contact events with masked queries', async () => {
    const before = h.server.events.length;
    const t = await h.open('/en/');
    const input = t.page.locator('.search-hero input');
    await input.click();
    await input.pressSequentially('refund', { delay: 20 });
    // The answer to the whole word: a click on an answer to "refun" would report that query.
    await expect.poll(() => t.page.locator('.search-hero .search-panel').getAttribute('data-query'), { timeout: 10_000 }).toBe('refund');
    const search = (await eventsAfter(before, (e) => e.type === 'search' && e.query === 'refund'))[0];
    expect(search).toMatchObject({ locale: 'en', type: 'search' });
    expect(search.resultCount).toBeGreaterThan(0);
    await t.page.locator('[role=option]').first().click();
    const click = (await eventsAfter(before, (e) => e.type === 'result_click'))[0];
    expect(click).toMatchObject({ query: 'refund', rank: 1, searchId: search.searchId });

    await t.page.goto(`${h.server.url}/en/`);
    await t.page.locator('.search-hero input').fill('qwzxq@zqxjv.qq zqxjvw');
    const zero = (await eventsAfter(before, (e) => e.type === 'zero_results'))[0];
    expect(zero.query).toBe('[email] zqxjvw');
    await t.page.locator('.search-contact').click();
    const contact = (await eventsAfter(before, (e) => e.type === 'contact_click'))[0];
    expect(contact).toMatchObject({ source: 'zero-results', locale: 'en' });
    expect(contact.query).toBe('[email] zqxjvw');
    expect(JSON.stringify(events().slice(before))).not.toContain('qwzxq@');
    // The link leads to the contact page with the question; closing mid-navigation can leave the context hanging.
    await t.page.waitForURL(/\/en\/contact\/\?/);
    expect(new URL(t.page.url()).searchParams.get('q')).toBe('qwzxq@zqxjv.qq zqxjvw');
    await t.close();
  });

  it('sends nothing when the reader has Global Privacy Control on', async () => {
    const before = h.server.events.length;
    const t = await h.open('/en/billing/request-a-refund/');
    await t.page.evaluate(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }));
    await t.page.locator('[data-helpful="yes"]').click();
    await t.page.waitForTimeout(500);
    expect(h.server.events.length).toBe(before);
    await t.close();
  });

  it('uses no cookies or storage for events', async () => {
    const t = await h.open('/en/billing/request-a-refund/');
    await t.page.locator('[data-helpful="yes"]').click();
    expect(await t.context.cookies()).toEqual([]);
    expect(await t.page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'kb-theme'))).toEqual([]);
    await t.close();
  });
});
