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

/** The origin (scheme://host[:port]) of a URL, or undefined when it has none. */
function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Writes (retry, clean, add job, pause) must come from the admin pages themselves. With Basic
 * auth the browser attaches credentials to any request, and a cross-site `text/plain` POST
 * needs no CORS preflight, so the request has to prove its origin: Sec-Fetch-Site when the
 * browser sends it, otherwise Origin, otherwise Referer, compared with this server's own
 * origin (as the client addressed it, or PUBLIC_URL). Bull Board's writes carry no CSRF token,
 * so there a write with none of the three is refused (a browser tricked into sending one sends
 * at least one of them); the admin's own forms carry a CSRF token (`tokenChecked`), so there
 * a foreign origin is refused and a missing one left to the token.
 */
export function sameSiteWrites(publicUrl: string, { tokenChecked = false } = {}): RequestHandler {
  const publicOrigin = originOf(publicUrl);
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const site = req.headers['sec-fetch-site'];
    const own = new Set([publicOrigin, `${req.protocol}://${req.get('host') ?? ''}`]);
    const claimed = req.headers.origin ?? (req.headers.referer ? (originOf(req.headers.referer) ?? 'null') : undefined);
    const sameOrigin = site
      ? site === 'same-origin' || site === 'none'
      : claimed === undefined
        ? tokenChecked
        : own.has(originOf(claimed));
    if (sameOrigin) return next();
    res
      .status(403)
      .type('text/plain')
      .send('Cross-site requests cannot change queues or sending: use the admin pages.\n');
  };
}

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
