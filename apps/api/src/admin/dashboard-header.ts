// Bull Board is its own React page, with no way back to the rest of admin (its "misc links"
// sit in a menu). This adds the admin nav as a slim bar pinned to the bottom of the window
// (Bull Board's own header is fixed at the top and would cover it): the HTML Bull Board renders
// is rewritten on its way out (GET only; its JSON API is untouched). Inline styles only: the
// dashboard's CSP allows them, and the bar loads nothing.
import type { RequestHandler } from 'express';

const LINK = 'color:#fff;text-decoration:none;font-weight:600;padding:.2rem .55rem;border-radius:999px';
const BAR = [
  '<style>body{padding-bottom:2.6rem}</style>',
  '<nav aria-label="Admin" style="position:fixed;left:0;right:0;bottom:0;z-index:2147483000;display:flex;flex-wrap:wrap;gap:.25rem;align-items:center;padding:.35rem .75rem;background:#3730a3;font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif">',
  `<a href="/admin" style="${LINK}">← Overview</a>`,
  `<a href="/admin/readers" style="${LINK}">Readers</a>`,
  `<a href="/admin/queues" style="${LINK};background:rgba(255,255,255,.2)" aria-current="page">Queues</a>`,
  `<a href="/metrics" style="${LINK}">Metrics</a>`,
  '</nav>',
].join('');

export const dashboardAdminHeader: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET') return next();
  const send = res.send.bind(res);
  res.send = (body?: unknown) =>
    send(
      typeof body === 'string' && body.includes('<div id="root">')
        ? body.replace(/<body([^>]*)>/, `<body$1>${BAR}`)
        : body,
    );
  next();
};
