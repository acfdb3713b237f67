// The admin pages' frame: the site layout, wider, with a nav bar and dashboard styles.
import { html, SafeHtml } from '../views/html';
import { layout } from '../views/layout';
import { CHART_STYLE } from './charts.view';

const ADMIN_STYLE = `
main{max-width:76rem}nav.admin{display:flex;gap:.35rem;flex-wrap:wrap;align-items:center;margin:-.75rem 0 1.25rem}
nav.admin a{padding:.35rem .8rem;border-radius:999px;text-decoration:none;color:var(--muted);font-weight:600;font-size:.92rem}
nav.admin a.on{background:var(--accent);color:#fff}nav.admin .spacer{flex:1}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:.75rem;margin:1rem 0}
.tile{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:.9rem 1rem}
.tile .n{font-size:1.65rem;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums}.tile .l{color:var(--muted);font-size:.85rem}
.tile.warn .n{color:#b54708}.tile.bad .n{color:#b42318}.tile.good .n{color:#067647}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(28rem,100%),1fr));gap:1rem}.grid .card{margin:0}
.card h2{font-size:1.05rem;margin:0 0 .75rem;display:flex;align-items:center;gap:.5rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{height:.45rem;border-radius:4px;background:var(--accent);opacity:.75;min-width:2px}td.barcell{width:38%}.runerr{display:block;font-size:.8rem;color:#b42318;margin-top:.2rem}
.badge{display:inline-block;font-size:.78rem;font-weight:700;padding:.15rem .55rem;border-radius:999px;background:var(--line)}
.badge.good{background:#dcfae6;color:#067647}.badge.warn{background:#fef0c7;color:#93370d}.badge.bad{background:#fee4e2;color:#b42318}
.sendbox{display:flex;align-items:center;gap:1rem;flex-wrap:wrap}.sendbox form{margin:0}.small{font-size:.85rem}
.reader-action{margin:.25rem 0}.reader-action button{margin-top:.25rem}button.danger{background:#b42318}
.notice{border-left:4px solid var(--accent);padding:.6rem .9rem;background:var(--card);border-radius:6px;margin:.5rem 0 1rem}
/* A table wider than a phone (the queues' five columns) scrolls in its own region (keyboard
   focusable, named), not the page. */
.tablescroll{overflow-x:auto}.grid>*{min-width:0}@media (max-width:480px){td,th{padding:.35rem .3rem}}
.notice.warn{border-left-color:#dc6803;background:#fffaeb;color:#7a2e0e;font-weight:600}
.card.paused{border:2px solid #dc6803;background:#fffcf5}.warntext{color:#93370d;font-weight:600}
@media (prefers-color-scheme:dark){.notice.warn{background:#2b1d0e;color:#fec84b}.card.paused{background:#221a10}.warntext{color:#fec84b}}
${CHART_STYLE}`;

export type AdminTab = 'overview' | 'readers' | 'queues' | 'metrics';

export function adminLayout(title: string, body: SafeHtml, active: AdminTab = 'overview'): string {
  const tab = (id: AdminTab, href: string, label: string) =>
    html`<a href="${href}" class="${active === id ? 'on' : ''}">${label}</a>`;
  const nav = html`<nav class="admin" aria-label="Admin">${tab('overview', '/admin', 'Overview')}${tab('readers', '/admin/readers', 'Readers')}${tab('queues', '/admin/queues', 'Queues')}${tab('metrics', '/metrics', 'Metrics')}<span class="spacer"></span></nav>`;
  return layout({
    title,
    head: html`<meta name="robots" content="noindex"><style>${new SafeHtml(ADMIN_STYLE)}</style>`,
    body: html`${nav}${body}`,
  });
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** "3 s ago", "4 min ago", "2 h ago", "5 d ago". */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
