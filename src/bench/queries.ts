/**
 * The fixed benchmark queries, drawn from the generator's vocabulary so every one has matches at any
 * size. `typed` is what a reader has entered when the first search runs; `more` is typed afterwards,
 * one character at a time (the "later keystrokes"). Japanese and Korean include queries with
 * particles attached (請求書を削除, 청구서를), which only a CJK-aware tokenizer finds.
 */
import type { BenchLocale } from './vocabulary.ts';

export interface BenchQuery {
  typed: string;
  more: string;
}

export const benchQueries: Record<BenchLocale, readonly BenchQuery[]> = {
  en: [
    { typed: 'invoice', more: ' template' },
    { typed: 'reset pass', more: 'word' },
    { typed: 'refund', more: ' credit card' },
    { typed: 'two-factor', more: ' recovery code' },
    { typed: 'webhook', more: ' access token' },
  ],
  ja: [
    { typed: '請求書', more: 'テンプレート' },
    { typed: 'パスワード', more: 'をリセット' },
    { typed: '返金', more: 'クレジットカード' },
    { typed: '二段階認証', more: 'リカバリーコード' },
    { typed: '請求書を削除', more: 'する方法' },
  ],
  ko: [
    { typed: '청구서', more: ' 템플릿' },
    { typed: '비밀번호', more: ' 재설정' },
    { typed: '환불', more: ' 신용카드' },
    { typed: '2단계 인증', more: ' 복구 코드' },
    { typed: '청구서를', more: ' 삭제하는 방법' },
  ],
};

/** Every query string a reader passes through while typing, for warm-latency runs: each prefix after the first word. */
export function typingSequence(query: BenchQuery): string[] {
  const out = [query.typed];
  for (const char of query.more) out.push(out.at(-1)! + char);
  return out.filter((q, i, all) => q.trim() && (i === 0 || q.trim() !== all[i - 1]!.trim()));
}

/**
 * Whole questions, as customers paste them into the search box (40–70 characters), built from the generator's
 * vocabulary so they have answers at any size. The benchmark measures what the first one costs and how fast a
 * warm client answers them.
 */
export const benchQuestions: Record<BenchLocale, readonly string[]> = {
  en: ['Hi, I was charged twice on my credit card, how do I get a refund?', 'I lost my phone, how do I sign in without the two-factor recovery code?'],
  ja: ['クレジットカードで二重に請求されたのですが、返金してもらうにはどうすればいいですか', '請求書のテンプレートを変更したいのですが、会社のロゴはどこで設定できますか'],
  ko: ['신용카드로 두 번 결제됐는데 환불은 어떻게 받을 수 있나요? 빨리 알려주세요', '청구서 템플릿을 바꾸고 싶은데 로고는 어디에서 설정하나요? 방법 좀 알려주세요'],
};
