import { overriddenString } from './string-overrides.ts';

/**
 * Strings of the contact page and the help widget, per language; the rest of the interface is in ui-strings.ts.
 * English is the reference: a locale missing a key falls back to it, and a unit test keeps ja and ko complete.
 */
const en = {
  'contact.title': 'Contact support',
  'contact.intro': 'Tell us what you need help with. We suggest answers while you type, so you may not need to wait for a reply.',
  'contact.subject': 'What do you need help with?',
  'contact.subjectHint': 'A few words or a question, for example “I was charged twice”.',
  'contact.message': 'Details (optional)',
  'contact.messageHint': 'Never include passwords or card numbers.',
  'contact.searching': 'Looking for answers…',
  'contact.suggestions': 'These articles may answer your question',
  'contact.suggestionsCount': '{count} articles may answer your question.',
  'contact.suggestionsCountOne': '1 article may answer your question.',
  'contact.noSuggestions': 'No article matches yet. Add a few words, or send your question to us.',
  'contact.restored': 'We kept what you wrote.',
  'contact.channel': 'Still need help?',
  'contact.channelIntro': 'Our support team gets your question, the page you came from and your language.',
  'contact.send': 'Contact support',
  'contact.sendForm': 'Send to support',
  'contact.email': 'Your email address',
  'contact.searchError': 'Suggestions are unavailable right now. You can still send your question.',
  'contact.noScript': 'Suggestions need JavaScript. You can still send your question.',
  'widget.button': 'Help',
  'widget.dialog': 'Help',
  'widget.close': 'Close help',
  'widget.back': 'Back',
  'widget.forThisPage': 'Suggested for this page',
  'widget.popular': 'Popular articles',
  'widget.open': 'Open in the help center',
  'widget.loading': 'Loading…',
  'widget.error': 'The help center could not be reached. Try again later.',
  'widget.contact': 'Contact support',
  'widget.contactIntro': 'Tell us what you need. We suggest answers while you type.',
} as const;

export type ContactUiKey = keyof typeof en;
type Dictionary = Record<ContactUiKey, string>;

const ja: Dictionary = {
  'contact.title': 'サポートへのお問い合わせ',
  'contact.intro': 'お困りの内容をご記入ください。入力中に解決方法の記事をご案内するので、返信を待たずに解決できることもあります。',
  'contact.subject': 'どのようなことでお困りですか？',
  'contact.subjectHint': '短い言葉や質問で入力してください（例：「二重に請求された」）。',
  'contact.message': '詳細（任意）',
  'contact.messageHint': 'パスワードやカード番号は書かないでください。',
  'contact.searching': '解決方法を探しています…',
  'contact.suggestions': 'こちらの記事で解決できるかもしれません',
  'contact.suggestionsCount': '{count} 件の記事で解決できるかもしれません。',
  'contact.suggestionsCountOne': '1 件の記事で解決できるかもしれません。',
  'contact.noSuggestions': '該当する記事はまだ見つかりません。言葉を足すか、このままお問い合わせください。',
  'contact.restored': '入力内容を保持しています。',
  'contact.channel': '解決しない場合',
  'contact.channelIntro': 'お問い合わせ内容、閲覧していたページ、ご利用の言語がサポートチームに届きます。',
  'contact.send': 'サポートに問い合わせる',
  'contact.sendForm': 'サポートに送信',
  'contact.email': 'メールアドレス',
  'contact.searchError': '現在、記事のご案内を利用できません。このままお問い合わせいただけます。',
  'contact.noScript': '記事のご案内には JavaScript が必要です。このままお問い合わせいただけます。',
  'widget.button': 'ヘルプ',
  'widget.dialog': 'ヘルプ',
  'widget.close': 'ヘルプを閉じる',
  'widget.back': '戻る',
  'widget.forThisPage': 'この画面のヘルプ',
  'widget.popular': 'よく読まれている記事',
  'widget.open': 'ヘルプセンターで開く',
  'widget.loading': '読み込んでいます…',
  'widget.error': 'ヘルプセンターに接続できませんでした。しばらくしてからお試しください。',
  'widget.contact': 'サポートに問い合わせる',
  'widget.contactIntro': 'お困りの内容をご記入ください。入力中に解決方法の記事をご案内します。',
};

const ko: Dictionary = {
  'contact.title': '고객 지원 문의',
  'contact.intro': '도움이 필요한 내용을 적어 주세요. 입력하는 동안 해결 방법이 담긴 문서를 추천해 드려 답변을 기다리지 않아도 될 수 있습니다.',
  'contact.subject': '어떤 도움이 필요하신가요?',
  'contact.subjectHint': '짧은 단어나 질문으로 적어 주세요. 예: “결제가 두 번 됐어요”',
  'contact.message': '자세한 내용 (선택 사항)',
  'contact.messageHint': '비밀번호나 카드 번호는 적지 마세요.',
  'contact.searching': '해결 방법을 찾는 중…',
  'contact.suggestions': '다음 문서로 해결할 수 있을지도 모릅니다',
  'contact.suggestionsCount': '문서 {count}개로 해결할 수 있을지도 모릅니다.',
  'contact.suggestionsCountOne': '문서 1개로 해결할 수 있을지도 모릅니다.',
  'contact.noSuggestions': '아직 맞는 문서가 없습니다. 단어를 더 적거나 그대로 문의해 주세요.',
  'contact.restored': '작성하신 내용을 그대로 두었습니다.',
  'contact.channel': '해결되지 않았나요?',
  'contact.channelIntro': '문의 내용, 보고 계시던 페이지와 언어가 고객 지원팀에 전달됩니다.',
  'contact.send': '고객 지원에 문의하기',
  'contact.sendForm': '고객 지원에 보내기',
  'contact.email': '이메일 주소',
  'contact.searchError': '지금은 문서를 추천할 수 없습니다. 그대로 문의하실 수 있습니다.',
  'contact.noScript': '문서 추천에는 JavaScript가 필요합니다. 그대로 문의하실 수 있습니다.',
  'widget.button': '도움말',
  'widget.dialog': '도움말',
  'widget.close': '도움말 닫기',
  'widget.back': '뒤로',
  'widget.forThisPage': '이 화면에 대한 도움말',
  'widget.popular': '많이 읽은 문서',
  'widget.open': '고객센터에서 열기',
  'widget.loading': '불러오는 중…',
  'widget.error': '고객센터에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  'widget.contact': '고객 지원에 문의하기',
  'widget.contactIntro': '도움이 필요한 내용을 적어 주세요. 입력하는 동안 문서를 추천해 드립니다.',
};

export const contactDictionaries: Record<string, Dictionary> = { en, ja, ko };

/** Look up a contact or widget string (`ja-JP` falls back to `ja`, then English) and fill `{name}` placeholders. */
export function translateContact(locale: string, key: ContactUiKey, values: Record<string, string | number> = {}): string {
  const dict = contactDictionaries[locale] ?? contactDictionaries[locale.split('-')[0]!] ?? en;
  const template = overriddenString(locale, key) ?? dict[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
