// Fixed-window rate limits counted in Redis, so every API instance shares the same budget.
// INCR and the first PEXPIRE run in one Lua call: no window is left without an expiry.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@paperboy/core';
import type { Redis } from '@paperboy/queue';

const SCRIPT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {c, redis.call('PTTL', KEYS[1])}`;

// Gives back a hit that turned out not to count; never revives an expired window.
const REFUND = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end return 0`;

export interface Hit {
  allowed: boolean;
  retryAfterSeconds: number;
  /** Un-counts this hit (e.g. a right password reserved a guessing slot it did not use). */
  refund(): Promise<void>;
}

export function createRateLimiter(redis: Redis, prefix: string) {
  return async function hit(bucket: string, id: string, limit: number, windowSeconds: number): Promise<Hit> {
    // Hashed: Redis never holds client addresses or IPs in clear.
    const key = `${prefix}:ratelimit:${bucket}:${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
    const [count, ttl] = (await redis.eval(SCRIPT, 1, key, windowSeconds * 1000)) as [number, number];
    return {
      allowed: count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000)),
      refund: async () => void (await redis.eval(REFUND, 1, key)),
    };
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

export function tooManyRequests(res: Response, hit: Hit, message: string): AppError {
  res.setHeader('Retry-After', String(hit.retryAfterSeconds));
  const minutes = Math.ceil(hit.retryAfterSeconds / 60);
  return new AppError('rate_limited', `${message} Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    details: { retryAfterSeconds: hit.retryAfterSeconds },
  });
}

/** Per client IP; `req.ip` honours TRUST_PROXY so the real client counts behind a proxy. */
export function limitPerIp(limiter: RateLimiter, bucket: string, limit: () => number, windowSeconds: () => number): RequestHandler {
  return async (req: Request, res, next) => {
    const result = await limiter(bucket, req.ip ?? 'unknown', limit(), windowSeconds());
    next(result.allowed ? undefined : tooManyRequests(res, result, 'Too many requests from your network.'));
  };
}
