import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, resumeDraft, saveDraft, type ContactDraft } from '../../../src/contact/draft.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const draft: ContactDraft = { v: 1, id: 'a1', subject: 'Charged twice', message: 'Help', from: 'https://h.example/en/', seed: '', started: true };

describe('the contact draft', () => {
  it('is kept per language and read back as it was', () => {
    const s = memoryStorage();
    saveDraft(s, 'en', draft);
    expect(loadDraft(s, 'en')).toEqual(draft);
    expect(loadDraft(s, 'ja')).toBeUndefined();
    clearDraft(s, 'en');
    expect(loadDraft(s, 'en')).toBeUndefined();
  });

  it('is not kept once it is empty, and a broken entry reads as none', () => {
    const s = memoryStorage();
    saveDraft(s, 'en', { ...draft, subject: ' ', message: '' });
    expect(s.m.size).toBe(0);
    s.setItem('kb-contact-draft:en', '{"v":1,"subject":3}');
    expect(loadDraft(s, 'en')).toBeUndefined();
    s.setItem('kb-contact-draft:en', 'not json');
    expect(loadDraft(s, 'en')).toBeUndefined();
  });

  it('survives blocked storage', () => {
    const blocked = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(loadDraft(blocked, 'en')).toBeUndefined();
    expect(() => saveDraft(blocked, 'en', draft)).not.toThrow();
  });
});

describe('resumeDraft', () => {
  const newId = () => 'new';

  it('restores the saved draft when the page is opened again without a new subject', () => {
    expect(resumeDraft(draft, { q: '', from: '' }, newId)).toEqual({ draft, restored: true });
  });

  it('starts a new draft from a new search that found nothing', () => {
    expect(resumeDraft(draft, { q: 'wire transfer', from: 'https://h.example/en/' }, newId)).toEqual({
      draft: { v: 1, id: 'new', subject: 'wire transfer', message: '', from: 'https://h.example/en/', seed: 'wire transfer', started: false },
      restored: false,
    });
  });

  it('keeps the draft when the same search brings the customer back', () => {
    const seeded = { ...draft, seed: 'wire transfer', subject: 'wire transfer fee', message: 'more' };
    expect(resumeDraft(seeded, { q: 'wire transfer', from: '' }, newId).draft).toEqual(seeded);
  });
});
