/**
 * Just enough grammar per language to turn the word lists into sentences a reader would accept:
 * English verb forms, Japanese する-verb conjugation, and Korean verb endings with particles that
 * follow the final consonant (을/를, 이/가, 은/는, 과/와, 으로/로).
 */
import type { BenchLocale, Tri } from './vocabulary.ts';

export interface EnVerb { base: string; past: string; ing: string }
export interface JaVerb { dict: string; stem: string; te: string; ta: string; can: string; noun?: string }
export interface KoVerb { formal: string; imp: string; cond: string; past: string; fut: string; adn: string; must: string; purpose: string; nominal: string; noun?: string }

export function enVerb(spec: string): EnVerb {
  const [base, past, ing] = spec.split(';') as [string, string, string];
  return { base, past, ing };
}

export function jaVerb(spec: string): JaVerb {
  if (spec.includes(';')) {
    const [dict, stem, te, ta, potential] = spec.split(';') as [string, string, string, string, string];
    return { dict, stem, te, ta, can: `${potential}ます` };
  }
  // A する-verb: the noun form is usable on its own in titles ("請求書の削除") unless it carries a particle.
  return { dict: `${spec}する`, stem: `${spec}し`, te: `${spec}して`, ta: `${spec}した`, can: `${spec}できます`, noun: spec.includes('を') ? undefined : spec };
}

export function koVerb(spec: string): KoVerb {
  if (spec.includes(';')) {
    const [formal, imp, cond, past, fut, adn, must, purpose, nominal] = spec.split(';') as [string, string, string, string, string, string, string, string, string];
    return { formal, imp, cond, past, fut, adn, must, purpose, nominal };
  }
  return {
    formal: `${spec}합니다`, imp: `${spec}하세요`, cond: `${spec}하면`, past: `${spec}한`, fut: `${spec}할`, adn: `${spec}하는`,
    must: `${spec}해야`, purpose: `${spec}하려면`, nominal: `${spec}하기`, noun: spec,
  };
}

/** The Korean "-아/어" form (해, 내보내, 가져와), from the "-아/어야" form we store. */
export const koInfinitive = (v: KoVerb) => v.must.slice(0, -1);

const particles = {
  을: ['을', '를'], 이: ['이', '가'], 은: ['은', '는'], 과: ['과', '와'], 으로: ['으로', '로'],
} as const;

/** `청구서` + 을 → `청구서를`; `웹훅` + 을 → `웹훅을`; `파일` + 으로 → `파일로`. */
export function josa(word: string, particle: keyof typeof particles): string {
  const plain = word.replace(/\*+$/, '');
  const last = plain.codePointAt(plain.length - 1) ?? 0;
  const [withFinal, withoutFinal] = particles[particle];
  let hasFinal: boolean;
  if (last >= 0xac00 && last <= 0xd7a3) {
    const final = (last - 0xac00) % 28;
    // ㄹ (8) takes 로, not 으로.
    hasFinal = particle === '으로' ? final !== 0 && final !== 8 : final !== 0;
  } else {
    // Latin letters and digits, read aloud: these end in a consonant sound.
    hasFinal = /[lmnLMN013678]$/.test(plain) && particle !== '으로';
  }
  return word + (hasFinal ? withFinal : withoutFinal);
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Words in a language, for the length targets: CJK has no spaces, so characters are converted. */
export function countUnits(locale: BenchLocale, text: string): number {
  if (locale === 'en') return text.split(/\s+/).filter(Boolean).length;
  const chars = text.replace(/\s+/g, '').length;
  // Rough equivalents: a Japanese word is about 2.5 characters, a Korean word about 2 syllables.
  return Math.round(chars / (locale === 'ja' ? 2.5 : 2));
}

export const pickLocale = (t: Tri, locale: BenchLocale): string => t[locale === 'en' ? 0 : locale === 'ja' ? 1 : 2];
