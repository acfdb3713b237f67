// Bull Board for every queue paperboy has (ALL_QUEUES), so a new queue shows up without edits.
// Operators see waiting/active/delayed/failed/completed jobs, payloads and errors, and can
// retry, promote and clean from it.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { RequestHandler, Router } from 'express';
import { ALL_QUEUES, type Queues } from '@paperboy/queue';

export const QUEUES_PATH = '/admin/queues';

// Bull Board's UI is a React bundle with inline style attributes and a JSON config block; it
// needs a looser policy than the site's, so this one replaces helmet's on /admin/queues only.
// Its Google Fonts link is allowed to fail (the UI falls back to system fonts).
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export const dashboardCsp: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.locals.metricsRoute = `${QUEUES_PATH}/*`;
  next();
};

/**
 * Bull Board's own writes (retry, clean, add job) are JSON XHRs a cross-site page cannot send
 * without a CORS preflight; as a second lock, writes the browser marks as cross-site are refused.
 */
export const sameSiteWrites: RequestHandler = (req, res, next) => {
  const site = req.headers['sec-fetch-site'];
  if (req.method !== 'GET' && req.method !== 'HEAD' && site && site !== 'same-origin' && site !== 'none') {
    res.status(403).type('text/plain').send('Cross-site requests cannot change queues.\n');
    return;
  }
  next();
};

export function queueDashboard(queues: Queues): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(queues[name])),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: 'paperboy queues',
        miscLinks: [{ text: 'Admin overview', url: '/admin' }],
        hideDocsLink: true,
      },
    },
  });
  return serverAdapter.getRouter() as Router;
}
