// HTTP Basic authentication for /admin, /admin/queues and (without METRICS_TOKEN) /metrics.
// Basic fits operators' tools (curl, Prometheus) and Bull Board's own XHR calls, which the
// browser authenticates with the cached credentials. Comparison is constant-time, and
// password guessing is throttled per client IP (counted in Redis, shared by every instance).
import type { RequestHandler } from 'express';
import { basicMatches } from '@paperboy/metrics';
import type { Redis } from '@paperboy/queue';
import { createRateLimiter } from '../middleware/rate-limit.middleware';

export interface AdminCredentials {
  user: string;
  password: string;
}

export interface AuthThrottle {
  redis: Redis;
  keyPrefix: string;
  /** Wrong attempts allowed per IP per window before every attempt is refused (default 20 per 15 min). */
  maxFailures?: number;
  windowSeconds?: number;
}

export const credentialsMatch = (header: string | undefined, expected: AdminCredentials): boolean => basicMatches(header, expected);

function challenge(res: Parameters<RequestHandler>[1]): void {
  res.setHeader('WWW-Authenticate', 'Basic realm="paperboy admin", charset="UTF-8"');
  res.status(401).type('text/plain').send('Authentication required: sign in with ADMIN_USER and ADMIN_PASSWORD.\n');
}

export function requireAdmin(credentials: AdminCredentials, throttle?: AuthThrottle): RequestHandler {
  const max = throttle?.maxFailures ?? 20;
  const windowSeconds = throttle?.windowSeconds ?? 900;
  const limiter = throttle && createRateLimiter(throttle.redis, throttle.keyPrefix);
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return challenge(res);
    // Every attempt first reserves a guess (one atomic increment-then-compare), so parallel
    // guesses cannot all pass a check made before any of them counted. Checked before the
    // password, so a blocked client learns nothing even from a right guess.
    const hit = limiter && (await limiter('admin-auth-failures', req.ip ?? 'unknown', max, windowSeconds));
    if (hit && !hit.allowed) {
      res.setHeader('Retry-After', String(hit.retryAfterSeconds));
      res.status(429).type('text/plain').send('Too many wrong admin passwords from your network; try again later.\n');
      return;
    }
    if (credentialsMatch(header, credentials)) {
      await hit?.refund(); // a right password is not a guess: the operator's own requests never use up the budget
      return next();
    }
    req.log?.warn({ path: req.path }, 'admin: wrong credentials');
    challenge(res);
  };
}
