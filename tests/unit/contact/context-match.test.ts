import { describe, expect, it } from 'vitest';
import { articlesForContext, contextMatches, contextPath } from '../../../src/contact/context-match.ts';

describe('contextual help patterns', () => {
  it('match a path exactly, whatever the trailing slash, query or fragment', () => {
    expect(contextMatches('/settings/billing', '/settings/billing/')).toBe(true);
    expect(contextMatches('/settings/billing/', '/settings/billing?tab=card#top')).toBe(true);
    expect(contextMatches('/settings/billing', '/settings/billing/history')).toBe(false);
    expect(contextPath('/')).toBe('/');
  });

  it('take * within one segment and ** across segments', () => {
    expect(contextMatches('/invoices/*', '/invoices/1042')).toBe(true);
    expect(contextMatches('/invoices/*', '/invoices/1042/edit')).toBe(false);
    expect(contextMatches('/invoices/*/schedule', '/invoices/1042/schedule')).toBe(true);
    expect(contextMatches('/expenses/**', '/expenses/2026/03/receipt')).toBe(true);
    expect(contextMatches('/expenses/**', '/expenses')).toBe(false);
  });

  it('treat the rest of a pattern as literal text', () => {
    expect(contextMatches('/a.b', '/axb')).toBe(false);
    expect(contextMatches('/(x)+', '/(x)+')).toBe(true);
  });

  it('rank the most specific pattern first, then content order', () => {
    const entries = [
      { p: ['/invoices/*'], u: 'reminders' },
      { p: ['/invoices/1042'], u: 'this-invoice' },
      { p: ['/**'], u: 'everywhere' },
      { p: ['/settings/billing'], u: 'billing' },
      { p: ['/invoices/*'], u: 'templates' },
    ];
    expect(articlesForContext(entries, '/invoices/1042').map((e) => e.u)).toEqual(['this-invoice', 'reminders', 'templates', 'everywhere']);
    expect(articlesForContext(entries, '/invoices/1042', 2).map((e) => e.u)).toEqual(['this-invoice', 'reminders']);
    expect(articlesForContext(entries, '/nowhere/else').map((e) => e.u)).toEqual(['everywhere']);
  });
});
