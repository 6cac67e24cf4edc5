/**
 * `/widget-demo/` (and `/widget-demo/<lang>/`): a made-up Tallybird app screen with the widget on it, built when
 * `widget.demo` is on. A single-page app's way of telling the widget where the customer is: hash routes, and
 * `KBWidget.setContext()` on every route change. No inline script or style: the help center's CSP applies here too.
 */
import type { KnowledgeBase } from '../content/model.ts';

const screens = [
  { route: '/dashboard', en: 'Dashboard', ja: 'ダッシュボード', ko: '대시보드' },
  { route: '/invoices', en: 'Invoices', ja: '請求書', ko: '청구서' },
  { route: '/invoices/1042', en: 'Invoice #1042', ja: '請求書 #1042', ko: '청구서 #1042' },
  { route: '/expenses', en: 'Expenses', ja: '経費', ko: '경비' },
  { route: '/settings/billing', en: 'Settings › Billing', ja: '設定 › お支払い', ko: '설정 › 결제' },
  { route: '/settings/team', en: 'Settings › Team', ja: '設定 › チーム', ko: '설정 › 팀' },
  { route: '/settings/security', en: 'Settings › Security', ja: '設定 › セキュリティ', ko: '설정 › 보안' },
] as const;

const text = {
  en: { title: 'Tallybird (widget demo)', note: 'A made-up product screen. Move between screens: the Help button suggests the articles for each one before you type.', ask: 'Ask about a failed payment', contact: 'Contact support', nav: 'Screens', langs: 'Language' },
  ja: { title: 'Tallybird（ウィジェットのデモ）', note: '架空の製品画面です。画面を切り替えると、ヘルプボタンが入力前にその画面向けの記事を提案します。', ask: '支払いの失敗について調べる', contact: 'サポートに問い合わせる', nav: '画面', langs: '言語' },
  ko: { title: 'Tallybird (위젯 데모)', note: '가상의 제품 화면입니다. 화면을 바꾸면 도움말 버튼이 입력하기 전에 그 화면에 맞는 문서를 추천합니다.', ask: '결제 실패에 대해 알아보기', contact: '고객 지원에 문의하기', nav: '화면', langs: '언어' },
} as const;

const queries = { en: 'my payment failed', ja: '支払いに失敗しました', ko: '결제가 실패했어요' } as const;

type DemoLocale = keyof typeof text;

export function demoPageFiles(kb: KnowledgeBase, link: (path: string) => string): { path: string; content: string }[] {
  const locales = kb.locales.map((l) => l.code).filter((l): l is DemoLocale => l in text);
  if (!locales.length) return [];
  const first = locales.includes(kb.defaultLocale as DemoLocale) ? (kb.defaultLocale as DemoLocale) : locales[0]!;
  const page = (locale: DemoLocale) => {
    const t = text[locale];
    const nav = screens.map((s) => `<li><a href="#${s.route}" data-route="${s.route}">${esc(s[locale])}</a></li>`).join('');
    const languages = locales.map((l) => `<a href="${link(`/widget-demo/${l}/`)}" lang="${l}"${l === locale ? ' aria-current="page"' : ''}>${l}</a>`).join(' · ');
    return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t.title)}</title>
<link rel="icon" href="${link('/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${link('/widget-demo/demo.css')}">
<script src="${link('/widget-demo/demo.js')}" defer></script>
<script src="${link('/_widget/v1.js')}" data-locale="${locale}" async></script>
</head>
<body>
<header class="bar"><strong>Tallybird</strong><span class="langs" aria-label="${esc(t.langs)}">${languages}</span></header>
<div class="app">
<nav aria-label="${esc(t.nav)}"><ul>${nav}</ul></nav>
<main>
<h1 data-screen-title>${esc(screens[0][locale])}</h1>
<p class="note">${esc(t.note)}</p>
<p><code data-screen-route>${screens[0].route}</code></p>
<p class="actions"><button type="button" data-ask="${esc(queries[locale])}">${esc(t.ask)}</button> <button type="button" data-contact>${esc(t.contact)}</button></p>
<div class="placeholder" aria-hidden="true"><span></span><span></span><span></span></div>
</main>
</div>
<template data-titles>${esc(JSON.stringify(Object.fromEntries(screens.map((s) => [s.route, s[locale]]))))}</template>
</body>
</html>
`;
  };
  return [
    { path: '/widget-demo/index.html', content: page(first) },
    ...locales.map((l) => ({ path: `/widget-demo/${l}/index.html`, content: page(l) })),
    { path: '/widget-demo/demo.css', content: demoCss },
    { path: '/widget-demo/demo.js', content: demoJs },
  ];
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const demoCss = `:root{color-scheme:light dark;font:16px/1.6 system-ui,sans-serif}
body{margin:0;background:light-dark(#f6f7fb,#0f1216);color:light-dark(#1b1f24,#e6e9ee)}
.bar{display:flex;justify-content:space-between;align-items:center;padding:12px 20px;background:light-dark(#14213d,#0b1220);color:#fff}
.bar a{color:#cfe0ff}
.app{display:grid;grid-template-columns:220px 1fr;min-height:calc(100vh - 50px)}
nav{border-right:1px solid light-dark(#d5dbe3,#333b46);padding:12px}
nav ul{list-style:none;margin:0;padding:0}
nav a{display:block;padding:6px 10px;border-radius:8px;color:inherit;text-decoration:none}
nav a[aria-current=page]{background:light-dark(#e6effb,#1b2a44);font-weight:600}
main{padding:24px 32px;max-width:48rem}
.note{color:light-dark(#4a5562,#aab3bf)}
button{font:inherit;padding:8px 14px;border-radius:10px;border:1px solid light-dark(#d5dbe3,#333b46);background:light-dark(#fff,#1c2129);color:inherit;cursor:pointer}
.placeholder span{display:block;height:64px;margin:16px 0;border-radius:12px;background:light-dark(#e9edf3,#1c2129)}
@media (max-width:640px){.app{grid-template-columns:1fr}nav{border:0}}
`;

// Hash routes stand in for a single-page app's router; every route change tells the widget the screen.
const demoJs = `(() => {
  const titles = JSON.parse(document.querySelector('[data-titles]').content.textContent);
  const show = () => {
    const route = location.hash.slice(1) || '/dashboard';
    document.querySelector('[data-screen-title]').textContent = titles[route] || route;
    document.querySelector('[data-screen-route]').textContent = route;
    for (const a of document.querySelectorAll('nav a')) a.toggleAttribute('aria-current', a.dataset.route === route) && a.setAttribute('aria-current', 'page');
    window.KBWidget?.setContext(route);
  };
  addEventListener('hashchange', show);
  addEventListener('kbwidget:ready', show);
  show();
  document.querySelector('[data-ask]').addEventListener('click', (e) => window.KBWidget?.open({ query: e.currentTarget.dataset.ask }));
  document.querySelector('[data-contact]').addEventListener('click', () => window.KBWidget?.open({ contact: true }));
})();
`;
