/**
 * The word lists behind the synthetic help centers: a fictional invoicing product ("Tallybird") in
 * English, Japanese and Korean. Entries are aligned across languages, so a Japanese article about
 * 請求書 is the translation of an English one about invoices, as in a real translated help center.
 *
 * Japanese and Korean entries are real words in the register of product documentation, so the
 * tokenizer sees what it will see in production: kanji, kana and Latin mixed in Japanese; spaced
 * eojeol with particles attached in Korean.
 */
export const benchLocales = ['en', 'ja', 'ko'] as const;
export type BenchLocale = (typeof benchLocales)[number];

/** One concept in the three languages: [en, ja, ko]. */
export type Tri = readonly [en: string, ja: string, ko: string];

export interface CategoryWords {
  slug: string;
  title: Tri;
  description: Tri;
  /** Things articles in this category are about. */
  objects: readonly Tri[];
}

export const categories: readonly CategoryWords[] = [
  {
    slug: 'getting-started',
    title: ['Getting started', 'はじめに', '시작하기'],
    description: ['Set up your workspace and send your first invoice.', 'ワークスペースを準備して、最初の請求書を送りましょう。', '워크스페이스를 준비하고 첫 청구서를 보내 보세요.'],
    objects: [
      ['workspace', 'ワークスペース', '워크스페이스'],
      ['company profile', '会社情報', '회사 정보'],
      ['first invoice', '最初の請求書', '첫 청구서'],
      ['logo', 'ロゴ', '로고'],
      ['default currency', '基本通貨', '기본 통화'],
      ['time zone', 'タイムゾーン', '시간대'],
      ['fiscal year', '会計年度', '회계 연도'],
      ['sample data', 'サンプルデータ', '샘플 데이터'],
      ['onboarding checklist', '導入チェックリスト', '온보딩 체크리스트'],
      ['language setting', '言語設定', '언어 설정'],
      ['dashboard', 'ダッシュボード', '대시보드'],
      ['free trial', '無料トライアル', '무료 체험'],
    ],
  },
  {
    slug: 'account',
    title: ['Your account', 'アカウント', '계정'],
    description: ['Sign-in details, profile and notifications.', 'ログイン情報、プロフィール、通知の設定です。', '로그인 정보, 프로필, 알림 설정입니다.'],
    objects: [
      ['password', 'パスワード', '비밀번호'],
      ['email address', 'メールアドレス', '이메일 주소'],
      ['profile photo', 'プロフィール写真', '프로필 사진'],
      ['display name', '表示名', '표시 이름'],
      ['account', 'アカウント', '계정'],
      ['notification settings', '通知設定', '알림 설정'],
      ['login history', 'ログイン履歴', '로그인 기록'],
      ['phone number', '電話番号', '전화번호'],
      ['recovery email', '予備のメールアドレス', '복구 이메일'],
      ['active session', 'ログイン中のセッション', '활성 세션'],
      ['username', 'ユーザー名', '사용자 이름'],
      ['account data', 'アカウントデータ', '계정 데이터'],
    ],
  },
  {
    slug: 'billing',
    title: ['Billing and plans', 'ご請求とプラン', '결제 및 요금제'],
    description: ['Your Tallybird subscription, payment methods and receipts.', 'Tallybird のご契約、お支払い方法、領収書について。', 'Tallybird 구독, 결제 수단, 영수증 안내입니다.'],
    objects: [
      ['subscription', 'サブスクリプション', '구독'],
      ['plan', '料金プラン', '요금제'],
      ['payment method', 'お支払い方法', '결제 수단'],
      ['credit card', 'クレジットカード', '신용카드'],
      ['receipt', '領収書', '영수증'],
      ['refund', '返金', '환불'],
      ['billing address', '請求先住所', '청구지 주소'],
      ['tax ID', '登録番号', '사업자 등록번호'],
      ['coupon code', 'クーポンコード', '쿠폰 코드'],
      ['billing cycle', '請求サイクル', '결제 주기'],
      ['annual plan', '年間プラン', '연간 요금제'],
      ['seat count', 'ユーザー数', '사용자 수'],
    ],
  },
  {
    slug: 'invoices',
    title: ['Invoices and estimates', '請求書と見積書', '청구서 및 견적서'],
    description: ['Create, send and track invoices.', '請求書の作成、送付、管理について。', '청구서를 작성하고 보내고 관리하는 방법입니다.'],
    objects: [
      ['invoice', '請求書', '청구서'],
      ['invoice template', '請求書テンプレート', '청구서 템플릿'],
      ['invoice number', '請求書番号', '청구서 번호'],
      ['line item', '明細行', '품목'],
      ['due date', '支払期日', '지급 기일'],
      ['recurring invoice', '定期請求書', '정기 청구서'],
      ['credit note', '返金伝票', '대변 메모'],
      ['PDF copy', 'PDFファイル', 'PDF 파일'],
      ['payment reminder', '支払いリマインダー', '결제 알림'],
      ['discount', '割引', '할인'],
      ['tax rate', '税率', '세율'],
      ['estimate', '見積書', '견적서'],
    ],
  },
  {
    slug: 'payments',
    title: ['Getting paid', '入金の受け取り', '대금 수령'],
    description: ['Online payments, bank transfers and payouts.', 'オンライン決済、銀行振込、入金について。', '온라인 결제, 계좌 이체, 정산 안내입니다.'],
    objects: [
      ['online payment', 'オンライン決済', '온라인 결제'],
      ['bank transfer', '銀行振込', '계좌 이체'],
      ['payout', '入金', '정산금'],
      ['payment link', '支払いリンク', '결제 링크'],
      ['partial payment', '一部入金', '부분 결제'],
      ['late fee', '延滞料', '연체료'],
      ['deposit', '前受金', '선금'],
      ['payment status', '支払い状況', '결제 상태'],
      ['payment provider', '決済代行サービス', '결제 대행사'],
      ['transaction fee', '決済手数料', '거래 수수료'],
      ['bank account', '銀行口座', '은행 계좌'],
      ['chargeback', 'チャージバック', '지불 거절'],
    ],
  },
  {
    slug: 'expenses',
    title: ['Expenses', '経費', '경비'],
    description: ['Record spending, receipts and reimbursements.', '支出、レシート、立替精算の記録について。', '지출, 영수증, 비용 정산을 기록하는 방법입니다.'],
    objects: [
      ['expense', '経費', '경비'],
      ['receipt photo', 'レシート画像', '영수증 사진'],
      ['mileage', '走行距離', '주행 거리'],
      ['expense category', '経費カテゴリ', '경비 항목'],
      ['reimbursement', '立替精算', '비용 정산'],
      ['vendor', '取引先', '거래처'],
      ['card feed', 'カード明細', '카드 내역'],
      ['approval flow', '承認フロー', '승인 절차'],
      ['budget', '予算', '예산'],
      ['per diem', '日当', '일비'],
      ['attachment', '添付ファイル', '첨부 파일'],
      ['expense policy', '経費規程', '경비 규정'],
    ],
  },
  {
    slug: 'reports',
    title: ['Reports', 'レポート', '보고서'],
    description: ['Understand your numbers and share them.', '数字を把握して共有するためのレポートです。', '숫자를 파악하고 공유하는 보고서 안내입니다.'],
    objects: [
      ['profit and loss report', '損益計算書', '손익 계산서'],
      ['balance sheet', '貸借対照表', '대차 대조표'],
      ['sales report', '売上レポート', '매출 보고서'],
      ['tax report', '税務レポート', '세무 보고서'],
      ['custom report', 'カスタムレポート', '사용자 지정 보고서'],
      ['date range', '集計期間', '조회 기간'],
      ['chart', 'グラフ', '차트'],
      ['CSV file', 'CSVファイル', 'CSV 파일'],
      ['scheduled report', '定期レポート', '예약 보고서'],
      ['aging report', '売掛金年齢表', '채권 연령 보고서'],
      ['report filter', 'レポートのフィルター', '보고서 필터'],
      ['summary', '概要', '요약'],
    ],
  },
  {
    slug: 'integrations',
    title: ['Integrations and API', '連携と API', '연동 및 API'],
    description: ['Connect Tallybird to the tools you already use.', 'お使いのツールと Tallybird をつなぎます。', '사용 중인 도구와 Tallybird를 연결합니다.'],
    objects: [
      ['integration', '連携', '연동'],
      ['API key', 'APIキー', 'API 키'],
      ['webhook', 'Webhook', '웹훅'],
      ['Slack connection', 'Slack連携', 'Slack 연결'],
      ['calendar sync', 'カレンダー同期', '캘린더 동기화'],
      ['accounting export', '会計ソフト連携', '회계 프로그램 연동'],
      ['Zapier workflow', 'Zapierワークフロー', 'Zapier 워크플로'],
      ['OAuth app', 'OAuthアプリ', 'OAuth 앱'],
      ['rate limit', 'レート制限', '요청 한도'],
      ['sandbox', 'サンドボックス', '샌드박스'],
      ['access token', 'アクセストークン', '액세스 토큰'],
      ['event log', 'イベントログ', '이벤트 로그'],
    ],
  },
  {
    slug: 'team',
    title: ['Team and permissions', 'チームと権限', '팀 및 권한'],
    description: ['Invite people and decide what they can do.', 'メンバーを招待し、操作できる範囲を決めます。', '팀원을 초대하고 할 수 있는 일을 정합니다.'],
    objects: [
      ['team member', 'メンバー', '팀원'],
      ['invitation', '招待', '초대장'],
      ['role', 'ロール', '역할'],
      ['permission', '権限', '권한'],
      ['admin', '管理者', '관리자'],
      ['guest user', 'ゲストユーザー', '게스트 사용자'],
      ['department', '部署', '부서'],
      ['approval rule', '承認ルール', '승인 규칙'],
      ['activity log', '操作履歴', '활동 기록'],
      ['workspace owner', 'ワークスペースのオーナー', '워크스페이스 소유자'],
      ['user group', 'ユーザーグループ', '사용자 그룹'],
      ['single sign-on', 'シングルサインオン', '싱글 사인온'],
    ],
  },
  {
    slug: 'security',
    title: ['Security and privacy', 'セキュリティとプライバシー', '보안 및 개인정보'],
    description: ['Protect your account and your customers’ data.', 'アカウントとお客様のデータを守ります。', '계정과 고객 데이터를 보호합니다.'],
    objects: [
      ['two-factor authentication', '二段階認証', '2단계 인증'],
      ['recovery code', 'リカバリーコード', '복구 코드'],
      ['security key', 'セキュリティキー', '보안 키'],
      ['trusted device', '信頼済みデバイス', '신뢰할 수 있는 기기'],
      ['audit log', '監査ログ', '감사 로그'],
      ['data export', 'データのエクスポート', '데이터 내보내기'],
      ['privacy setting', 'プライバシー設定', '개인정보 설정'],
      ['IP allowlist', 'IP許可リスト', 'IP 허용 목록'],
      ['encryption', '暗号化', '암호화'],
      ['backup', 'バックアップ', '백업'],
      ['suspicious login', '不審なログイン', '의심스러운 로그인'],
      ['personal data', '個人データ', '개인 데이터'],
    ],
  },
  {
    slug: 'mobile',
    title: ['Mobile app', 'モバイルアプリ', '모바일 앱'],
    description: ['Tallybird on iPhone, iPad and Android.', 'iPhone、iPad、Android で Tallybird を使う。', 'iPhone, iPad, Android에서 Tallybird 사용하기.'],
    objects: [
      ['mobile app', 'モバイルアプリ', '모바일 앱'],
      ['push notification', 'プッシュ通知', '푸시 알림'],
      ['offline mode', 'オフラインモード', '오프라인 모드'],
      ['receipt scanner', 'レシートスキャナー', '영수증 스캐너'],
      ['app version', 'アプリのバージョン', '앱 버전'],
      ['biometric login', '生体認証ログイン', '생체 인증 로그인'],
      ['home screen widget', 'ホーム画面ウィジェット', '홈 화면 위젯'],
      ['camera access', 'カメラへのアクセス', '카메라 접근'],
      ['data usage', 'データ通信量', '데이터 사용량'],
      ['tablet layout', 'タブレット表示', '태블릿 화면'],
      ['sync status', '同期状態', '동기화 상태'],
      ['app language', 'アプリの言語', '앱 언어'],
    ],
  },
  {
    slug: 'troubleshooting',
    title: ['Troubleshooting', 'トラブルシューティング', '문제 해결'],
    description: ['Fixes for the problems people hit most.', 'よくある問題の解決方法です。', '자주 발생하는 문제의 해결 방법입니다.'],
    objects: [
      ['sync error', '同期エラー', '동기화 오류'],
      ['login problem', 'ログインの問題', '로그인 문제'],
      ['missing email', '届かないメール', '받지 못한 이메일'],
      ['slow page', '表示の遅いページ', '느린 페이지'],
      ['declined card', '決済を拒否されたカード', '거절된 카드'],
      ['duplicate invoice', '重複した請求書', '중복 청구서'],
      ['import error', 'インポートエラー', '가져오기 오류'],
      ['browser cache', 'ブラウザのキャッシュ', '브라우저 캐시'],
      ['blank screen', '真っ白な画面', '빈 화면'],
      ['upload failure', 'アップロードの失敗', '업로드 실패'],
      ['wrong total', '合計金額の誤り', '잘못된 합계'],
      ['timeout', 'タイムアウト', '시간 초과'],
    ],
  },
];

/**
 * Verbs with the forms each language needs.
 * en: `base;past;ing`. ja: a する-noun (`設定`), or `dict;masu-stem;te;ta;potential-stem`.
 * ko: a 하다-noun (`설정`), or `formal;imperative;conditional;past-adnominal;future-adnominal;present-adnominal;must;purpose;nominal`.
 */
export const verbs: readonly Tri[] = [
  ['set up;set up;setting up', '設定', '설정'],
  ['change;changed;changing', '変更', '변경'],
  ['delete;deleted;deleting', '削除', '삭제'],
  ['add;added;adding', '追加', '추가'],
  ['create;created;creating', '作成', '생성'],
  ['edit;edited;editing', '編集', '편집'],
  ['update;updated;updating', '更新', '업데이트'],
  ['export;exported;exporting', 'エクスポート', '내보냅니다;내보내세요;내보내면;내보낸;내보낼;내보내는;내보내야;내보내려면;내보내기'],
  ['import;imported;importing', 'インポート', '가져옵니다;가져오세요;가져오면;가져온;가져올;가져오는;가져와야;가져오려면;가져오기'],
  ['send;sent;sending', '送信', '전송'],
  ['download;downloaded;downloading', 'ダウンロード', '다운로드'],
  ['connect;connected;connecting', '接続', '연결'],
  ['disconnect;disconnected;disconnecting', '接続解除', '연결 해제'],
  ['turn on;turned on;turning on', '有効化', '활성화'],
  ['turn off;turned off;turning off', '無効化', '비활성화'],
  ['reset;reset;resetting', 'リセット', '재설정'],
  ['restore;restored;restoring', '復元', '복원'],
  ['review;reviewed;reviewing', '確認', '확인'],
  ['approve;approved;approving', '承認', '승인'],
  ['cancel;canceled;canceling', 'キャンセル', '취소'],
  ['share;shared;sharing', '共有', '공유'],
  ['print;printed;printing', '印刷', '인쇄'],
  ['merge;merged;merging', '統合', '병합'],
  ['archive;archived;archiving', 'アーカイブ', '보관'],
  ['verify;verified;verifying', '認証', '인증'],
  ['schedule;scheduled;scheduling', '予約', '예약'],
  ['customize;customized;customizing', 'カスタマイズ', '사용자 지정'],
  ['manage;managed;managing', '管理', '관리'],
  ['find;found;finding', '見つける;見つけ;見つけて;見つけた;見つけられ', '찾습니다;찾으세요;찾으면;찾은;찾을;찾는;찾아야;찾으려면;찾기'],
  ['move;moved;moving', '移行', '이전'],
  ['sync;synced;syncing', '同期', '동기화'],
  ['upload;uploaded;uploading', 'アップロード', '업로드'],
  ['invite;invited;inviting', '招待', '초대'],
  ['track;tracked;tracking', '追跡', '추적'],
  ['duplicate;duplicated;duplicating', '複製', '복제'],
  ['rename;renamed;renaming', '名称変更', '이름 변경'],
  ['open;opened;opening', '開く;開き;開いて;開いた;開け', '엽니다;여세요;열면;연;열;여는;열어야;열려면;열기'],
];

/** Where things are in the product. */
export const places: readonly Tri[] = [
  ['Settings', '設定画面', '설정 페이지'],
  ['the sidebar', 'サイドバー', '사이드바'],
  ['the account menu', 'アカウントメニュー', '계정 메뉴'],
  ['the admin console', '管理コンソール', '관리 콘솔'],
  ['the dashboard', 'ダッシュボード', '대시보드'],
  ['the Billing page', '請求ページ', '결제 페이지'],
  ['the Reports tab', 'レポートタブ', '보고서 탭'],
  ['the toolbar', 'ツールバー', '도구 모음'],
  ['the detail panel', '詳細パネル', '상세 패널'],
  ['the Invoices list', '請求書一覧', '청구서 목록'],
  ['the mobile app', 'モバイルアプリ', '모바일 앱'],
  ['the Integrations page', '連携ページ', '연동 페이지'],
];

/** Button labels, shown in bold. */
export const buttons: readonly Tri[] = [
  ['Save', '保存', '저장'],
  ['Continue', '続行', '계속'],
  ['Confirm', '確定', '확인'],
  ['Apply', '適用', '적용'],
  ['Export', 'エクスポート', '내보내기'],
  ['Send', '送信', '보내기'],
  ['Done', '完了', '완료'],
  ['Next', '次へ', '다음'],
  ['Delete', '削除', '삭제'],
  ['Connect', '接続', '연결'],
  ['More options', 'その他のオプション', '추가 옵션'],
  ['Edit', '編集', '편집'],
];

export const times: readonly Tri[] = [
  ['within a few minutes', '数分以内に', '몇 분 이내에'],
  ['immediately', 'すぐに', '즉시'],
  ['on the next business day', '翌営業日に', '다음 영업일에'],
  ['within 24 hours', '24時間以内に', '24시간 이내에'],
  ['at the end of the billing cycle', '請求サイクルの終わりに', '결제 주기가 끝날 때'],
  ['every Monday morning', '毎週月曜日の朝に', '매주 월요일 아침에'],
  ['after about an hour', '1時間ほどで', '한 시간 정도 후에'],
  ['on the first day of each month', '毎月1日に', '매월 1일에'],
];

export const roles: readonly Tri[] = [
  ['admins', '管理者', '관리자'],
  ['workspace owners', 'ワークスペースのオーナー', '워크스페이스 소유자'],
  ['members', 'メンバー', '팀원'],
  ['accountants', '会計担当者', '회계 담당자'],
  ['guests', 'ゲスト', '게스트'],
  ['billing contacts', '請求担当者', '결제 담당자'],
];

/** Adjectives that attach before a noun (ja/ko already in attributive form). */
export const adjectives: readonly Tri[] = [
  ['new', '新しい', '새'],
  ['existing', '既存の', '기존'],
  ['default', '既定の', '기본'],
  ['custom', 'カスタムの', '사용자 지정'],
  ['shared', '共有された', '공유된'],
  ['archived', 'アーカイブ済みの', '보관된'],
  ['pending', '保留中の', '대기 중인'],
  ['overdue', '期限切れの', '연체된'],
  ['active', '有効な', '활성'],
  ['monthly', '毎月の', '월간'],
  ['previous', '以前の', '이전'],
  ['current', '現在の', '현재'],
];

/** Title modifiers that tell otherwise similar articles apart. ja/ko are adverbial phrases. */
export const modifiers: readonly Tri[] = [
  ['in bulk', '一括で', '한꺼번에'],
  ['on mobile', 'モバイルで', '모바일에서'],
  ['for a team', 'チームで', '팀에서'],
  ['automatically', '自動で', '자동으로'],
  ['from a spreadsheet', 'スプレッドシートから', '스프레드시트에서'],
  ['on the web', 'Web版で', '웹에서'],
  ['for a client', '取引先ごとに', '거래처별로'],
  ['after a plan change', 'プラン変更後に', '요금제 변경 후'],
];

/** Words readers search for that articles rarely use: the source of `keywords:`. */
export const searchSynonyms: Record<BenchLocale, readonly string[]> = {
  en: ['money back', 'sign in', 'log in', 'bill', 'charge', 'statement', '2FA', 'MFA', 'SSO', 'spreadsheet', 'iPhone', 'Android', 'VAT', 'GST', 'quote', 'wire transfer', 'cancel account', 'pricing', 'login', 'phone app', 'Excel', 'QuickBooks', 'PayPal', 'Stripe'],
  ja: ['ログイン', 'サインイン', '二要素認証', 'インボイス', '明細書', 'スマホ', 'エクセル', '消費税', '振込', '解約', '料金', '見積もり', 'パスコード', '認証コード', '退会', 'スマートフォン', '適格請求書', '経理', '仕訳', 'クラウド会計'],
  ko: ['로그인', '이중 인증', '명세서', '스마트폰', '엑셀', '부가세', '송금', '해지', '요금', '견적', '인증번호', '탈퇴', '세금계산서', '회계', '장부', '카드 결제', '자동 이체', '간편 결제', '앱 설치', '휴대폰'],
};

/** Sentences that fit any article, for variety. */
export const fillers: Record<BenchLocale, readonly string[]> = {
  en: [
    'This setting applies to the whole workspace.',
    'Changes are saved automatically.',
    'If you are not sure, ask an admin in your workspace.',
    'What you see depends on your plan.',
    'Some features are not yet available in the mobile app.',
    'When processing finishes, we send a notification to your registered email address.',
    'You can go back to the previous screen at any time with the arrow at the top left.',
    'Large amounts of data can take longer to process.',
    'Amounts are shown in your default currency unless you choose another one.',
    'Customers never see internal notes.',
    'The history keeps every change for 180 days.',
    'Keyboard shortcuts make this faster: press ? to see them all.',
    'Only one person can edit the same record at a time.',
    'Deleted items stay in the trash for 30 days before they are removed for good.',
    'Your accountant can see this too if you give them the Accountant role.',
    'This works the same way in every plan, including the free trial.',
    'Tallybird keeps a copy of every document you send, so nothing is lost if you change your mind.',
    'The numbers update as soon as a payment is recorded.',
    'Most people finish this in under five minutes.',
    'Check the preview before you send anything to a customer.',
  ],
  ja: [
    'この設定はワークスペース全体に適用されます。',
    '変更内容は自動的に保存されます。',
    'ご不明な点は、ワークスペースの管理者にお問い合わせください。',
    '表示される内容は、ご利用のプランによって異なります。',
    '一部の機能は、モバイルアプリではまだご利用いただけません。',
    '処理が完了すると、登録済みのメールアドレスに通知が届きます。',
    '画面左上の矢印から、いつでも前の画面に戻れます。',
    'データ量が多い場合は、処理に時間がかかることがあります。',
    '金額は、別の通貨を選ばない限り基本通貨で表示されます。',
    '社内メモがお客様に表示されることはありません。',
    '変更履歴は180日間保存されます。',
    'キーボードショートカットを使うと、より素早く操作できます。一覧は「?」キーで表示されます。',
    '同じデータを同時に編集できるのは1人だけです。',
    '削除した項目は、完全に削除されるまで30日間ゴミ箱に残ります。',
    '税理士に会計担当者のロールを付与すると、この画面を一緒に確認できます。',
    '無料トライアルを含むすべてのプランで、同じように動作します。',
    '送信した書類はすべて保存されるため、後から内容を確認できます。',
    '入金が記録されると、数字はすぐに更新されます。',
    'ほとんどの場合、5分以内に完了します。',
    'お客様に送信する前に、必ずプレビューで内容を確認してください。',
  ],
  ko: [
    '이 설정은 워크스페이스 전체에 적용됩니다.',
    '변경 사항은 자동으로 저장됩니다.',
    '잘 모르겠다면 워크스페이스 관리자에게 문의하세요.',
    '표시되는 내용은 사용 중인 요금제에 따라 다릅니다.',
    '일부 기능은 아직 모바일 앱에서 사용할 수 없습니다.',
    '처리가 끝나면 등록된 이메일 주소로 알림을 보내 드립니다.',
    '왼쪽 위의 화살표를 누르면 언제든지 이전 화면으로 돌아갈 수 있습니다.',
    '데이터가 많으면 처리하는 데 시간이 더 걸릴 수 있습니다.',
    '다른 통화를 선택하지 않으면 금액은 기본 통화로 표시됩니다.',
    '내부 메모는 고객에게 표시되지 않습니다.',
    '변경 기록은 180일 동안 보관됩니다.',
    '키보드 단축키를 사용하면 더 빠르게 작업할 수 있습니다. 물음표 키를 누르면 전체 목록이 나타납니다.',
    '같은 항목은 한 번에 한 사람만 편집할 수 있습니다.',
    '삭제한 항목은 완전히 지워지기 전까지 30일 동안 휴지통에 남아 있습니다.',
    '세무사에게 회계 담당자 역할을 부여하면 이 화면을 함께 볼 수 있습니다.',
    '무료 체험을 포함한 모든 요금제에서 똑같이 작동합니다.',
    '보낸 문서는 모두 보관되므로 나중에 다시 확인할 수 있습니다.',
    '결제가 기록되면 숫자가 바로 업데이트됩니다.',
    '대부분 5분 안에 끝낼 수 있습니다.',
    '고객에게 보내기 전에 반드시 미리 보기로 내용을 확인하세요.',
  ],
};

/** Section headings that do not depend on the topic. */
export const fixedHeadings: Record<BenchLocale, Record<'before' | 'next' | 'limits' | 'related' | 'symptoms' | 'cause' | 'solution' | 'contact' | 'overview' | 'fields', string>> = {
  en: { before: 'Before you start', next: 'What happens next', limits: 'Limits', related: 'Related settings', symptoms: 'Symptoms', cause: 'Cause', solution: 'Solution', contact: 'Still stuck?', overview: 'Overview', fields: 'Fields' },
  ja: { before: '始める前に', next: 'この後の流れ', limits: '制限事項', related: '関連する設定', symptoms: '症状', cause: '原因', solution: '解決方法', contact: '解決しない場合', overview: '概要', fields: '項目一覧' },
  ko: { before: '시작하기 전에', next: '다음 단계', limits: '제한 사항', related: '관련 설정', symptoms: '증상', cause: '원인', solution: '해결 방법', contact: '해결되지 않나요?', overview: '개요', fields: '항목 목록' },
};

/** Table header rows for settings tables. */
export const tableHeaders: Record<BenchLocale, readonly [string, string, string]> = {
  en: ['Setting', 'Default', 'What it does'],
  ja: ['設定', '既定値', '説明'],
  ko: ['설정', '기본값', '설명'],
};

export const tableValues: Record<BenchLocale, readonly string[]> = {
  en: ['On', 'Off', 'Admins only', 'Everyone', '30 days', '7 days', 'Monthly', 'None', 'Automatic', '100 per page'],
  ja: ['オン', 'オフ', '管理者のみ', '全員', '30日', '7日', '毎月', 'なし', '自動', '1ページ100件'],
  ko: ['켜짐', '꺼짐', '관리자만', '모두', '30일', '7일', '매월', '없음', '자동', '페이지당 100개'],
};

/** Callout titles for `:::warning[...]`. */
export const calloutTitles: Record<BenchLocale, readonly string[]> = {
  en: ['Before you delete anything', 'Good to know', 'Plan limits', 'For admins'],
  ja: ['削除する前に', '知っておきたいこと', 'プランによる制限', '管理者の方へ'],
  ko: ['삭제하기 전에', '알아 두면 좋은 점', '요금제별 제한', '관리자 안내'],
};
