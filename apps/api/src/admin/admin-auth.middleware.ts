// HTTP Basic authentication for /admin, /admin/queues and (without METRICS_TOKEN) /metrics.
// Basic fits operators' tools (curl, Prometheus) and Bull Board's own XHR calls, which the
// browser authenticates with the cached credentials. Comparison is constant-time, and
// password guessing is throttled per client IP (counted in Redis, shared by every instance).
import type { RequestHandler } from 'express';
import { basicMatches } from '@paperboy/metrics';
import type { Redis } from '@paperboy/queue';
import { createLimitCheck, createRateLimiter } from '../middleware/rate-limit.middleware';

const BUCKET = 'admin-auth-failures';

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

export const credentialsMatch = (header: string | undefined, expected: AdminCredentials): boolean =>
  basicMatches(header, expected);

function challenge(res: Parameters<RequestHandler>[1]): void {
  res.setHeader('WWW-Authenticate', 'Basic realm="paperboy admin", charset="UTF-8"');
  res.status(401).type('text/plain').send('Authentication required: sign in with ADMIN_USER and ADMIN_PASSWORD.\n');
}

function locked(res: Parameters<RequestHandler>[1], retryAfterSeconds: number): void {
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(429).type('text/plain').send('Too many wrong admin passwords from your network; try again later.\n');
}

/**
 * Only failures count. A wrong password is counted (one atomic increment) before its answer,
 * so parallel guesses cannot all pass a check made before any of them counted: beyond the
 * limit they get 429 and learn nothing. A right password only reads the count, so an
 * operator's own requests, however many at once, never lock them out; a client already
 * over the limit gets 429 even with the right password.
 */
export function requireAdmin(credentials: AdminCredentials, throttle?: AuthThrottle): RequestHandler {
  const max = throttle?.maxFailures ?? 20;
  const windowSeconds = throttle?.windowSeconds ?? 900;
  const countFailure = throttle && createRateLimiter(throttle.redis, throttle.keyPrefix);
  const check = throttle && createLimitCheck(throttle.redis, throttle.keyPrefix);
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return challenge(res);
    const ip = req.ip ?? 'unknown';
    if (credentialsMatch(header, credentials)) {
      const state = await check?.(BUCKET, ip, max, windowSeconds);
      return state?.over ? locked(res, state.retryAfterSeconds) : next();
    }
    const hit = await countFailure?.(BUCKET, ip, max, windowSeconds);
    if (hit && !hit.allowed) return locked(res, hit.retryAfterSeconds);
    req.log?.warn({ path: req.path }, 'admin: wrong credentials');
    challenge(res);
  };
}
