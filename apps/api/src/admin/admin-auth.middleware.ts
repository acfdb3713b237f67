// HTTP Basic authentication for /admin, /admin/queues and (without METRICS_TOKEN) /metrics.
// Basic fits operators' tools (curl, Prometheus) and Bull Board's own XHR calls, which the
// browser authenticates with the cached credentials. Comparison is constant-time, and
// password guessing is throttled per client IP (counted in Redis, shared by every instance).
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { basicMatches } from '@paperboy/metrics';
import type { Redis } from '@paperboy/queue';

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
  const windowMs = (throttle?.windowSeconds ?? 900) * 1000;
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return challenge(res);
    // Hashed: Redis never holds client IPs in clear.
    const key = throttle && `${throttle.keyPrefix}:admin-auth-failures:${createHash('sha256').update(req.ip ?? 'unknown').digest('base64url').slice(0, 22)}`;
    // Checked before the password, so a blocked client learns nothing even from a right guess.
    if (key && Number(await throttle.redis.get(key)) >= max) {
      const ttl = await throttle.redis.pttl(key);
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((ttl > 0 ? ttl : windowMs) / 1000))));
      res.status(429).type('text/plain').send('Too many wrong admin passwords from your network; try again later.\n');
      return;
    }
    if (credentialsMatch(header, credentials)) return next();
    req.log?.warn({ path: req.path }, 'admin: wrong credentials');
    if (key) await throttle.redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
    challenge(res);
  };
}
