// HTTP Basic authentication for /admin, /admin/queues and (without METRICS_TOKEN) /metrics.
// Basic fits operators' tools (curl, Prometheus) and Bull Board's own XHR calls, which the
// browser authenticates with the cached credentials. Comparison is constant-time.
import type { RequestHandler } from 'express';
import { basicMatches } from '@paperboy/metrics';

export interface AdminCredentials {
  user: string;
  password: string;
}

export const credentialsMatch = (header: string | undefined, expected: AdminCredentials): boolean => basicMatches(header, expected);

export function requireAdmin(credentials: AdminCredentials): RequestHandler {
  return (req, res, next) => {
    if (credentialsMatch(req.headers.authorization, credentials)) {
      next();
      return;
    }
    if (req.headers.authorization) req.log?.warn({ path: req.path }, 'admin: wrong credentials');
    res.setHeader('WWW-Authenticate', 'Basic realm="paperboy admin", charset="UTF-8"');
    res.status(401).type('text/plain').send('Authentication required: sign in with ADMIN_USER and ADMIN_PASSWORD.\n');
  };
}
