/** The panel's styles: the colour variables come from button-styles.ts, which the loader has adopted already. */
export const panelCss = `
.kbw-panel{position:fixed;z-index:2147483001;right:20px;bottom:20px;width:400px;max-width:calc(100vw - 24px);height:min(640px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--kbw-bg);color:var(--kbw-fg);border:1px solid var(--kbw-border);border-radius:14px;box-shadow:var(--kbw-shadow);font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Hiragino Sans","Noto Sans CJK JP","Apple SD Gothic Neo","Noto Sans CJK KR","Malgun Gothic",sans-serif;overflow:hidden;overflow-wrap:anywhere;text-align:start}
:host([data-position=left]) .kbw-panel{right:auto;left:20px}
[hidden]{display:none!important}
.kbw-panel:lang(ko){word-break:keep-all}
@media (max-width:480px){.kbw-panel{inset:0;width:auto;max-width:none;height:auto;border-radius:0;border:0}}
.kbw-head{display:flex;align-items:center;gap:8px;padding:10px 10px 10px 16px;border-bottom:1px solid var(--kbw-border);background:var(--kbw-soft)}
.kbw-head h2{flex:1;margin:0;font-size:16px;font-weight:700;line-height:1.3}
.kbw-body{flex:1;overflow:auto;padding:14px 16px 20px}
.kbw-body:focus{outline:none}
button,input,textarea{font:inherit;color:inherit}
a{color:var(--kbw-accent);text-underline-offset:.2em}
:focus-visible{outline:3px solid var(--kbw-accent);outline-offset:2px;border-radius:4px}
.kbw-icon{display:inline-flex;align-items:center;justify-content:center;min-width:40px;min-height:40px;border:1px solid transparent;border-radius:8px;background:none;cursor:pointer}
.kbw-icon:hover{border-color:var(--kbw-border)}
.kbw-icon svg{width:18px;height:18px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.kbw-btn{display:inline-flex;align-items:center;justify-content:center;min-height:40px;padding:0 14px;border:1px solid var(--kbw-border);border-radius:10px;background:var(--kbw-bg);cursor:pointer;text-decoration:none;color:var(--kbw-fg)}
.kbw-btn:hover{border-color:var(--kbw-accent)}
.kbw-btn[aria-pressed=true],.kbw-primary{background:var(--kbw-accent);color:var(--kbw-accent-fg);border-color:var(--kbw-accent)}
.kbw-field{display:grid;gap:4px;margin:0 0 12px}
.kbw-field label,.kbw-legend{font-weight:600;font-size:14px}
.kbw-field input,.kbw-field textarea{width:100%;padding:9px 11px;border:1px solid var(--kbw-border);border-radius:10px;background:var(--kbw-bg)}
.kbw-muted,.kbw-status{color:var(--kbw-muted);font-size:14px;margin:8px 0}
.kbw-status:empty{display:none}
.kbw-body h3{font-size:14px;margin:18px 0 6px;color:var(--kbw-muted);font-weight:600}
.kbw-list{list-style:none;margin:0;padding:0;display:grid;gap:6px}
.kbw-link{display:block;padding:9px 11px;border:1px solid var(--kbw-border);border-radius:10px;text-decoration:none;color:var(--kbw-fg)}
.kbw-link:hover{border-color:var(--kbw-accent)}
.kbw-link b{display:block;color:var(--kbw-accent);font-weight:600}
.kbw-link span{display:block;color:var(--kbw-muted);font-size:13px;line-height:1.5}
mark{background:var(--kbw-mark);color:var(--kbw-fg);border-radius:2px}
.kbw-foot{margin-top:18px;padding-top:14px;border-top:1px solid var(--kbw-border)}
.kbw-visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.kbw-body .kbw-article-title{font-size:20px;line-height:1.3;margin:4px 0;color:var(--kbw-fg);font-weight:700}
.kbw-article-title:focus{outline:none}
.kbw-article .kbw-crumb{font-size:13px;color:var(--kbw-muted);margin:0}
.kbw-prose img{max-width:100%;height:auto}
.kbw-prose h2{font-size:17px;margin:20px 0 6px}.kbw-prose h3,.kbw-prose h4{font-size:15px;margin:16px 0 4px}
.kbw-prose table{border-collapse:collapse;display:block;overflow-x:auto}.kbw-prose th,.kbw-prose td{border:1px solid var(--kbw-border);padding:4px 8px;text-align:start}
.kbw-prose pre{overflow-x:auto;padding:10px;background:var(--kbw-soft);border-radius:8px}
.kbw-prose code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.kbw-prose aside,.kbw-prose .callout{border-inline-start:4px solid var(--kbw-accent);background:var(--kbw-soft);padding:8px 12px;margin:12px 0;border-radius:6px}
.kbw-prose details{border:1px solid var(--kbw-border);border-radius:8px;padding:6px 10px;margin:6px 0}
.kbw-prose summary{cursor:pointer;font-weight:600}
.kbw-prose .heading-anchor,.kbw-prose .faq-permalink{display:none}
.kbw-prose .callout-title{font-weight:600;margin:0 0 4px}
.kbw-prose .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.kbw-prose input[type=checkbox]{margin-inline-end:6px}
.kbw-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.kbw-feedback{margin-top:20px;padding:12px;border-radius:10px;background:var(--kbw-soft)}
.kbw-feedback h3{margin:0 0 8px;color:var(--kbw-fg)}
.kbw-feedback fieldset{border:0;padding:0;margin:10px 0}
.kbw-feedback label{display:flex;gap:6px;align-items:baseline;font-size:14px}
`;
