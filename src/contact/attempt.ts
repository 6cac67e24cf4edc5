/**
 * The three events of a contact attempt, sent through whichever sender the surface has (the site's beacon, or the
 * widget's). Each is sent at most as the funnel allows: one start per attempt, then clicks, then one submit.
 */
import type { ContactSurface, SiteEventFields } from '../feedback/events.ts';
import type { ContactDraft } from './draft.ts';

export interface ContactAttemptEvents {
  /** The customer began writing, or arrived with a subject filled in. Once per attempt (draft.started). */
  start(draft: ContactDraft): void;
  /** Carries the subject only, like the submit: what the customer wrote beyond it stays in their browser. */
  suggestionClicked(draft: ContactDraft, rank: number, url: string): void;
  submitted(draft: ContactDraft, suggestionsShown: number): void;
}

export function contactAttemptEvents(source: ContactSurface, locale: string, send: (fields: SiteEventFields) => unknown): ContactAttemptEvents {
  return {
    start(draft) {
      if (draft.started) return;
      draft.started = true;
      send({ type: 'contact_start', source, locale, searchId: draft.id, ...(draft.seed ? { query: draft.seed } : {}) });
    },
    suggestionClicked(draft, rank, url) {
      this.start(draft);
      send({ type: 'contact_suggestion_click', source, locale, searchId: draft.id, query: draft.subject.trim(), rank, url });
    },
    submitted(draft, suggestionsShown) {
      this.start(draft);
      send({ type: 'contact_submit', source, locale, searchId: draft.id, query: draft.subject.trim(), resultCount: suggestionsShown });
    },
  };
}
