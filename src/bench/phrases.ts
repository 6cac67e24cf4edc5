/**
 * Sentence, title and heading templates per language. Each template is a function of the slots, so
 * the grammar (particles, verb forms) is chosen per word rather than pasted in.
 */
import { capitalise as cap, enVerb, jaVerb, josa, koInfinitive, koVerb, type EnVerb, type JaVerb, type KoVerb } from './grammar.ts';

export type ArticleKind = 'guide' | 'faq' | 'troubleshooting' | 'reference';

export interface Slots<V> {
  /** The article's main object and verb, and a second object for variety. */
  o: string;
  o2: string;
  v: V;
  v2: V;
  place: string;
  button: string;
  time: string;
  role: string;
  adj: string;
  value: string;
  n: number;
  /** An error code such as E4012: real docs are full of unique tokens like this. */
  code: string;
  /** A modifier ("in bulk", "一括で", "한꺼번에"), or ''. */
  mod: string;
}

type T<V> = (s: Slots<V>) => string;

export interface Phrasebook<V> {
  verb(spec: string): V;
  sentences: T<V>[];
  steps: T<V>[];
  questions: T<V>[];
  headings: T<V>[];
  numberedHeading: (i: number, s: Slots<V>) => string;
  titles: Record<ArticleKind, T<V>[]>;
  descriptions: Record<ArticleKind, T<V>>;
  links: ((title: string, href: string) => string)[];
  /** Between sentences in a paragraph. */
  join: string;
}

const sp = (mod: string) => (mod ? ` ${mod}` : '');

export const en: Phrasebook<EnVerb> = {
  verb: enVerb,
  sentences: [
    (s) => `To ${s.v.base} the ${s.o}, open ${s.place} and select **${s.button}**.`,
    (s) => `You can ${s.v.base} the ${s.o} at any time from ${s.place}.`,
    (s) => `Only ${s.role} can ${s.v.base} the ${s.adj} ${s.o}.`,
    (s) => `After you have ${s.v.past} the ${s.o}, the ${s.o2} is updated ${s.time}.`,
    (s) => `If the ${s.o} does not appear, check the ${s.o2} settings in ${s.place}.`,
    (s) => `${cap(s.v.ing)} the ${s.o} does not change the ${s.o2}.`,
    (s) => `This cannot be undone, so ${s.v2.base} the ${s.o2} first.`,
    (s) => `Tallybird sends a confirmation to ${s.role} ${s.time}.`,
    (s) => `The ${s.adj} ${s.o} is listed in ${s.place}, next to the ${s.o2}.`,
    (s) => `Each workspace can keep up to ${s.n} entries in the ${s.o} list.`,
    (s) => `When you ${s.v.base} the ${s.o}, Tallybird keeps the ${s.adj} ${s.o2} as it is.`,
    (s) => `If you see error ${s.code}, wait a moment and try to ${s.v.base} the ${s.o} again.`,
    (s) => `Select the ${s.o} you want to ${s.v.base}, then select **${s.button}**.`,
    (s) => `You do not need to ${s.v.base} the ${s.o2} before you ${s.v2.base} the ${s.o}.`,
    (s) => `The ${s.o} and the ${s.o2} are kept apart, so ${s.v.ing} one never affects the other.`,
    (s) => `${cap(s.role)} see a badge on the ${s.o} until someone has ${s.v2.past} it.`,
    (s) => `The setting is ${s.value.toLowerCase()} by default, and you can change it in ${s.place}.`,
  ],
  steps: [
    (s) => `Open ${s.place}.`,
    (s) => `Select **${s.button}**.`,
    (s) => `Choose the ${s.o} you want to ${s.v.base}.`,
    (s) => `Review the ${s.o2}, then select **${s.button}**.`,
    (s) => `Wait until the status changes to **${s.value}**.`,
    (s) => `Enter a name for the ${s.adj} ${s.o}.`,
  ],
  questions: [
    (s) => `Can I ${s.v.base} the ${s.o}${sp(s.mod)}?`,
    (s) => `How do I ${s.v.base} the ${s.o}?`,
    (s) => `Why can't I ${s.v.base} the ${s.o}?`,
    (s) => `What happens to the ${s.o2} when I ${s.v.base} the ${s.o}?`,
    (s) => `Is there a limit on the ${s.o}?`,
    (s) => `Who can ${s.v.base} the ${s.adj} ${s.o}?`,
  ],
  headings: [
    (s) => `${cap(s.v.ing)} the ${s.o}`,
    (s) => `${cap(s.v2.base)} the ${s.o2}`,
    (s) => `Check the ${s.o2}`,
    (s) => `${cap(s.o)} and ${s.o2}`,
    (s) => `${cap(s.adj)} ${s.o}`,
  ],
  numberedHeading: (i, s) => `Step ${i}: ${s.v.base} the ${s.o2}`,
  titles: {
    guide: [(s) => `How to ${s.v.base} the ${s.o}${sp(s.mod)}`, (s) => `${cap(s.v.base)} your ${s.o}${sp(s.mod)}`],
    reference: [(s) => `${cap(s.o)} settings reference`, (s) => `About the ${s.o}`],
    troubleshooting: [(s) => `Can't ${s.v.base} the ${s.o}${sp(s.mod)}`, (s) => `Problems ${s.v.ing} the ${s.o}`],
    faq: [(s) => `${cap(s.o)} FAQ`, (s) => `Questions about ${s.v.ing} the ${s.o}`],
  },
  descriptions: {
    guide: (s) => `Learn how to ${s.v.base} the ${s.o} and what it means for the ${s.o2}.`,
    reference: (s) => `Every option for the ${s.o}, with its default.`,
    troubleshooting: (s) => `What to do when you cannot ${s.v.base} the ${s.o}.`,
    faq: (s) => `Answers to common questions about the ${s.o}.`,
  },
  links: [
    (title, href) => `For details, see [${title}](${href}).`,
    (title, href) => `Related: [${title}](${href}).`,
    (title, href) => `You may also want to read [${title}](${href}).`,
  ],
  join: ' ',
};

export const ja: Phrasebook<JaVerb> = {
  verb: jaVerb,
  sentences: [
    (s) => `${s.o}を${s.v.dict}には、${s.place}を開いて**${s.button}**を選択します。`,
    (s) => `${s.o}は、${s.place}からいつでも${s.v.can}。`,
    (s) => `${s.adj}${s.o}を${s.v.dict}ことができるのは${s.role}だけです。`,
    (s) => `${s.o}を${s.v.ta}後、${s.o2}は${s.time}更新されます。`,
    (s) => `${s.o}が表示されない場合は、${s.place}で${s.o2}の設定を確認してください。`,
    (s) => `${s.o}を${s.v.te}も、${s.o2}は変わりません。`,
    (s) => `この操作は元に戻せないため、先に${s.o2}を${s.v2.te}おくことをおすすめします。`,
    (s) => `${s.time}、${s.role}に確認のメールが送信されます。`,
    (s) => `${s.adj}${s.o}は、${s.place}の${s.o2}の横に表示されます。`,
    (s) => `1つのワークスペースにつき、${s.o}は最大${s.n}件まで登録できます。`,
    (s) => `${s.o}を${s.v.dict}と、${s.adj}${s.o2}はそのまま残ります。`,
    (s) => `エラー${s.code}が表示された場合は、しばらく待ってからもう一度${s.o}を${s.v.te}ください。`,
    (s) => `${s.v.stem}たい${s.o}を選び、**${s.button}**を選択します。`,
    (s) => `${s.o}を${s.v2.dict}前に${s.o2}を${s.v.dict}必要はありません。`,
    (s) => `${s.o}と${s.o2}は別々に管理されるため、一方を${s.v.te}ももう一方には影響しません。`,
    (s) => `誰かが${s.v2.ta}後も、${s.role}には${s.o}にバッジが表示されます。`,
    (s) => `この設定の既定値は「${s.value}」で、${s.place}で変更できます。`,
  ],
  steps: [
    (s) => `${s.place}を開きます。`,
    (s) => `**${s.button}**を選択します。`,
    (s) => `${s.v.stem}たい${s.o}を選びます。`,
    (s) => `${s.o2}を確認して、**${s.button}**を選択します。`,
    (s) => `ステータスが「${s.value}」に変わるまで待ちます。`,
    (s) => `${s.adj}${s.o}の名前を入力します。`,
  ],
  questions: [
    (s) => `${s.o}は${s.mod}${s.v.can}か？`,
    (s) => `${s.o}を${s.v.dict}にはどうすればよいですか？`,
    (s) => `${s.o}を${s.v.dict}ことができないのはなぜですか？`,
    (s) => `${s.o}を${s.v.dict}と、${s.o2}はどうなりますか？`,
    (s) => `${s.o}に上限はありますか？`,
    (s) => `${s.adj}${s.o}を${s.v.dict}ことができるのは誰ですか？`,
  ],
  headings: [
    (s) => `${s.o}を${s.v.dict}`,
    (s) => `${s.o2}を${s.v2.dict}`,
    (s) => `${s.o2}を確認する`,
    (s) => `${s.o}と${s.o2}`,
    (s) => `${s.adj}${s.o}`,
  ],
  numberedHeading: (i, s) => `手順${i}：${s.o2}を${s.v.dict}`,
  titles: {
    guide: [(s) => `${s.o}を${s.mod}${s.v.dict}方法`, (s) => (s.v.noun && !s.mod ? `${s.o}の${s.v.noun}` : `${s.o}を${s.mod}${s.v.dict}`)],
    reference: [(s) => `${s.o}の設定項目`, (s) => `${s.o}について`],
    troubleshooting: [(s) => `${s.o}を${s.mod}${s.v.dict}ことができない場合`, (s) => `${s.o}の${s.v.noun ?? '操作'}で問題が発生する場合`],
    faq: [(s) => `${s.o}に関するよくある質問`, (s) => `${s.o}の${s.v.noun ?? '操作'}に関するよくある質問`],
  },
  descriptions: {
    guide: (s) => `${s.o}を${s.v.dict}手順と、${s.o2}への影響を説明します。`,
    reference: (s) => `${s.o}のすべての設定項目と既定値の一覧です。`,
    troubleshooting: (s) => `${s.o}を${s.v.dict}ことができない場合の対処方法です。`,
    faq: (s) => `${s.o}についてよく寄せられる質問と回答です。`,
  },
  links: [
    (title, href) => `詳しくは「[${title}](${href})」をご覧ください。`,
    (title, href) => `関連記事：[${title}](${href})`,
    (title, href) => `あわせて「[${title}](${href})」もご確認ください。`,
  ],
  join: '',
};

export const ko: Phrasebook<KoVerb> = {
  verb: koVerb,
  sentences: [
    (s) => `${josa(s.o, '을')} ${s.v.purpose} ${s.place}에서 **${s.button}**${btn(s.button, '을')} 선택하세요.`,
    (s) => `${josa(s.o, '은')} ${s.place}에서 언제든지 ${s.v.fut} 수 있습니다.`,
    (s) => `${s.adj} ${josa(s.o, '을')} ${s.v.fut} 수 있는 사람은 ${s.role}뿐입니다.`,
    (s) => `${josa(s.o, '을')} ${s.v.past} 후 ${josa(s.o2, '은')} ${s.time} 업데이트됩니다.`,
    (s) => `${josa(s.o, '이')} 보이지 않으면 ${s.place}에서 ${s.o2} 설정을 확인하세요.`,
    (s) => `${josa(s.o, '을')} ${koInfinitive(s.v)}도 ${josa(s.o2, '은')} 바뀌지 않습니다.`,
    (s) => `이 작업은 되돌릴 수 없으므로 먼저 ${josa(s.o2, '을')} ${s.v2.adn} 것이 좋습니다.`,
    (s) => `${s.time} ${s.role}에게 확인 이메일이 전송됩니다.`,
    (s) => `${s.adj} ${josa(s.o, '은')} ${s.place}의 ${s.o2} 옆에 표시됩니다.`,
    (s) => `워크스페이스 하나에 ${josa(s.o, '을')} 최대 ${s.n}개까지 등록할 수 있습니다.`,
    (s) => `${josa(s.o, '을')} ${s.v.cond} ${s.adj} ${josa(s.o2, '은')} 그대로 유지됩니다.`,
    (s) => `${s.code} 오류가 표시되면 잠시 기다린 후 다시 ${josa(s.o, '을')} ${s.v.imp}.`,
    (s) => `${s.v.fut} ${josa(s.o, '을')} 선택한 다음 **${s.button}**${btn(s.button, '을')} 누르세요.`,
    (s) => `${josa(s.o, '을')} ${s.v2.nominal} 전에 ${josa(s.o2, '을')} ${s.v.fut} 필요는 없습니다.`,
    (s) => `${josa(s.o, '과')} ${josa(s.o2, '은')} 따로 관리되므로 한쪽을 ${koInfinitive(s.v)}도 다른 쪽에는 영향이 없습니다.`,
    (s) => `누군가 ${s.v2.past} 후에도 ${s.role}에게는 ${s.o}에 배지가 표시됩니다.`,
    (s) => `이 설정의 기본값은 '${s.value}'이며 ${s.place}에서 바꿀 수 있습니다.`,
  ],
  steps: [
    (s) => `${josa(s.place, '으로')} 이동합니다.`,
    (s) => `**${s.button}**${btn(s.button, '을')} 선택합니다.`,
    (s) => `${s.v.fut} ${josa(s.o, '을')} 고릅니다.`,
    (s) => `${josa(s.o2, '을')} 확인하고 **${s.button}**${btn(s.button, '을')} 선택합니다.`,
    (s) => `상태가 '${s.value}'${btn(s.value, '으로')} 바뀔 때까지 기다립니다.`,
    (s) => `${s.adj} ${s.o}의 이름을 입력합니다.`,
  ],
  questions: [
    (s) => `${s.mod ? `${s.mod} ` : ''}${josa(s.o, '을')} ${s.v.fut} 수 있나요?`,
    (s) => `${josa(s.o, '을')} ${s.v.adn} 방법은 무엇인가요?`,
    (s) => `${josa(s.o, '을')} ${s.v.fut} 수 없는 이유는 무엇인가요?`,
    (s) => `${josa(s.o, '을')} ${s.v.cond} ${josa(s.o2, '은')} 어떻게 되나요?`,
    (s) => `${s.o}에 개수 제한이 있나요?`,
    (s) => `누가 ${s.adj} ${josa(s.o, '을')} ${s.v.fut} 수 있나요?`,
  ],
  headings: [
    (s) => `${josa(s.o, '을')} ${s.v.nominal}`,
    (s) => `${josa(s.o2, '을')} ${s.v2.nominal}`,
    (s) => `${s.o2} 확인하기`,
    (s) => `${josa(s.o, '과')} ${s.o2}`,
    (s) => `${s.adj} ${s.o}`,
  ],
  numberedHeading: (i, s) => `${i}단계: ${josa(s.o2, '을')} ${s.v.nominal}`,
  titles: {
    guide: [(s) => `${s.mod ? `${s.mod} ` : ''}${josa(s.o, '을')} ${s.v.adn} 방법`, (s) => (s.v.noun && !s.mod ? `${s.o} ${s.v.noun}` : `${s.mod ? `${s.mod} ` : ''}${josa(s.o, '을')} ${s.v.nominal}`)],
    reference: [(s) => `${s.o} 설정 항목`, (s) => `${s.o} 안내`],
    troubleshooting: [(s) => `${s.mod ? `${s.mod} ` : ''}${josa(s.o, '을')} ${s.v.fut} 수 없을 때`, (s) => `${s.o} ${s.v.noun ?? '작업'} 문제 해결`],
    faq: [(s) => `${s.o} 자주 묻는 질문`, (s) => `${s.o} ${s.v.noun ?? '작업'} 관련 자주 묻는 질문`],
  },
  descriptions: {
    guide: (s) => `${josa(s.o, '을')} ${s.v.adn} 방법과 ${s.o2}에 미치는 영향을 설명합니다.`,
    reference: (s) => `${s.o}의 모든 설정 항목과 기본값입니다.`,
    troubleshooting: (s) => `${josa(s.o, '을')} ${s.v.fut} 수 없을 때의 해결 방법입니다.`,
    faq: (s) => `${s.o}에 대해 자주 묻는 질문과 답변입니다.`,
  },
  links: [
    (title, href) => `자세한 내용은 [${title}](${href}) 문서를 참고하세요.`,
    (title, href) => `관련 문서: [${title}](${href})`,
    (title, href) => `[${title}](${href}) 문서도 함께 확인하세요.`,
  ],
  join: ' ',
};

/** The particle alone, for words wrapped in Markdown emphasis or quotes. */
function btn(word: string, particle: '을' | '으로'): string {
  return josa(word, particle).slice(word.length);
}

export const phrasebooks = { en, ja, ko } as const;
