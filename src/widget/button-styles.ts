/**
 * The Help button's styles, adopted by the widget's shadow root (a constructed stylesheet: no <style> element, so a
 * host page's style-src policy has nothing to refuse). `all: initial` keeps the host page's inherited fonts and
 * colours out. The panel adds its own sheet when it loads.
 */
export const buttonCss = `
:host{all:initial;--kbw-bg:#fff;--kbw-fg:#1b1f24;--kbw-muted:#4a5562;--kbw-soft:#f4f6f9;--kbw-border:#d5dbe3;--kbw-accent:#1d5fbf;--kbw-accent-fg:#fff;--kbw-mark:#ffe27a;--kbw-shadow:0 8px 32px rgb(15 23 42/18%);color-scheme:light}
@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){--kbw-bg:#1c2129;--kbw-fg:#e6e9ee;--kbw-muted:#aab3bf;--kbw-soft:#111418;--kbw-border:#333b46;--kbw-accent:#7fb0ff;--kbw-accent-fg:#0b1220;--kbw-mark:#6b5300;--kbw-shadow:0 8px 32px rgb(0 0 0/50%);color-scheme:dark}}
:host([data-theme=dark]){--kbw-bg:#1c2129;--kbw-fg:#e6e9ee;--kbw-muted:#aab3bf;--kbw-soft:#111418;--kbw-border:#333b46;--kbw-accent:#7fb0ff;--kbw-accent-fg:#0b1220;--kbw-mark:#6b5300;--kbw-shadow:0 8px 32px rgb(0 0 0/50%);color-scheme:dark}
*{box-sizing:border-box}
.kbw-button{position:fixed;z-index:2147483000;right:20px;bottom:20px;display:inline-flex;align-items:center;gap:8px;min-height:48px;padding:0 18px 0 14px;border:0;border-radius:24px;background:var(--kbw-accent);color:var(--kbw-accent-fg);font:600 16px/1 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans CJK JP","Apple SD Gothic Neo","Noto Sans CJK KR","Malgun Gothic",sans-serif;box-shadow:var(--kbw-shadow);cursor:pointer}
:host([data-position=left]) .kbw-button{right:auto;left:20px}
.kbw-button svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.kbw-button:focus-visible{outline:3px solid var(--kbw-fg);outline-offset:3px}
.kbw-button[aria-expanded=true]{display:none}
@media (prefers-reduced-motion:no-preference){.kbw-button{transition:transform .15s}.kbw-button:hover{transform:translateY(-1px)}}
`;
