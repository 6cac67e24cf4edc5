/**
 * The contact draft, kept in the tab's sessionStorage so that reading a suggested article and coming back keeps what
 * the customer wrote. Nothing here is sent anywhere; the storage is injected so tests and the widget (which keeps its
 * draft in memory, never in the host page's storage) can use the same rules.
 */

export interface ContactDraft {
  v: 1;
  /** The contact attempt's random id: ties its events together, dropped with the draft. */
  id: string;
  subject: string;
  message: string;
  /** The page the customer came from, see originPage(). */
  from: string;
  /** The `?q=` the draft was started from, so a new search that found nothing starts a new draft. */
  seed: string;
  /** `contact_start` was sent for this attempt. */
  started: boolean;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (locale: string) => `kb-contact-draft:${locale}`;

export function loadDraft(storage: StorageLike | undefined, locale: string): ContactDraft | undefined {
  try {
    const raw = storage?.getItem(key(locale));
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<ContactDraft>;
    const strings = [d.id, d.subject, d.message, d.from, d.seed].every((v) => typeof v === 'string');
    return d.v === 1 && strings && typeof d.started === 'boolean' ? (d as ContactDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(storage: StorageLike | undefined, locale: string, draft: ContactDraft): void {
  try {
    if (!draft.subject.trim() && !draft.message.trim()) storage?.removeItem(key(locale));
    else storage?.setItem(key(locale), JSON.stringify(draft));
  } catch {
    /* storage full or blocked: the draft lasts for this page only */
  }
}

export function clearDraft(storage: StorageLike | undefined, locale: string): void {
  try {
    storage?.removeItem(key(locale));
  } catch {
    /* nothing kept, nothing to clear */
  }
}

/**
 * The draft to show: the saved one, unless the page was opened with a subject (`?q=`) the saved draft did not start
 * from — a new search that found nothing is a new question.
 */
export function resumeDraft(saved: ContactDraft | undefined, incoming: { q: string; message?: string; from: string }, newId: () => string): { draft: ContactDraft; restored: boolean } {
  const q = incoming.q.trim();
  if (saved && (!q || q === saved.seed) && (saved.subject.trim() || saved.message.trim())) return { draft: { ...saved, from: saved.from || incoming.from }, restored: true };
  return { draft: { v: 1, id: newId(), subject: q, message: incoming.message?.trim() ?? '', from: incoming.from, seed: q, started: false }, restored: false };
}
