import { html, SafeHtml } from './html';

// --line draws decorative rules (cards, table rows); --field-line the edges of things a person
// operates (inputs, chips), which WCAG 1.4.11 wants at 3:1 against their surroundings.
const STYLE = `
:root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6475;--bg:#f7f7fb;--card:#fff;--accent:#4f46e5;--line:#e3e5ee;--field-line:#7c8294}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaf2;--muted:#a3aabb;--bg:#12141b;--card:#1b1e27;--line:#2c303d;--field-line:#6b7185;--accent:#8b86ff}}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:44rem;margin:0 auto;padding:2rem 1.25rem 4rem}header.site{display:flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.15rem;margin-bottom:1.5rem}
header.site a{display:inline-flex;align-items:center;gap:.5rem;color:inherit;text-decoration:none}header.site .logo{color:var(--accent);flex:none}.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.25rem 1.5rem;margin:1rem 0}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 1rem}a{color:var(--accent)}.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}input,select,textarea{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid var(--field-line);border-radius:8px;background:var(--card);color:var(--fg)}
button,.button{display:inline-block;font:inherit;font-weight:600;border:0;border-radius:8px;padding:.65rem 1.1rem;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:transparent;color:var(--accent);border:1px solid var(--accent)}:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.error{color:#b42318}.ok{color:#067647}
`;

// The mark beside the name: inline SVG (a folded newspaper in the accent colour), because an
// emoji renders as an empty box where no emoji font is installed (headless Chromium, many
// servers). Inline markup loads nothing, so the CSP needs no img-src for it.
const LOGO = [
  '<svg class="logo" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">',
  '<rect x="2" y="3" width="20" height="18" rx="3.5" fill="currentColor"/>',
  '<path d="M6 8h12M6 12.5h5M6 16.5h5" stroke="#fff" stroke-width="2" stroke-linecap="round"/>',
  '<rect x="13.5" y="11.5" width="4.5" height="6" rx="1" fill="#fff"/></svg>',
].join('');

export interface LayoutOptions {
  title: string;
  body: SafeHtml;
  /** Extra <head> content, e.g. a page script with its CSP nonce. */
  head?: SafeHtml;
}

export function layout({ title, body, head }: LayoutOptions): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · paperboy</title><link rel="icon" href="/favicon.ico" type="image/svg+xml"><style>${new SafeHtml(STYLE)}</style>${head ?? ''}</head>
<body><main><header class="site"><a href="/">${new SafeHtml(LOGO)}paperboy</a></header>${body}</main></body></html>`
    .value;
}
