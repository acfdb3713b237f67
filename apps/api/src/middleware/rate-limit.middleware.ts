// Fixed-window rate limits counted in Redis, so every API instance shares the same budget.
// INCR and the first PEXPIRE run in one Lua call: no window is left without an expiry.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@paperboy/core';
import type { Redis } from '@paperboy/queue';

const SCRIPT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {c, redis.call('PTTL', KEYS[1])}`;

export interface Hit {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Hashed: Redis never holds client addresses or IPs in clear. */
function limitKey(prefix: string, bucket: string, id: string): string {
  return `${prefix}:ratelimit:${bucket}:${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
}

/** Whether `id` is over `limit` in this window, without counting anything: for attempts that only count when they fail. */
export function createLimitCheck(redis: Redis, prefix: string) {
  return async function over(
    bucket: string,
    id: string,
    limit: number,
  ): Promise<{ over: boolean; retryAfterSeconds: number }> {
    const key = limitKey(prefix, bucket, id);
    const [count, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
    return { over: Number(count ?? 0) >= limit, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
  };
}

export function createRateLimiter(redis: Redis, prefix: string) {
  return async function hit(bucket: string, id: string, limit: number, windowSeconds: number): Promise<Hit> {
    const key = limitKey(prefix, bucket, id);
    const [count, ttl] = (await redis.eval(SCRIPT, 1, key, windowSeconds * 1000)) as [number, number];
    return {
      allowed: count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000)),
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
export function limitPerIp(
  limiter: RateLimiter,
  bucket: string,
  limit: () => number,
  windowSeconds: () => number,
): RequestHandler {
  return async (req: Request, res, next) => {
    const result = await limiter(bucket, req.ip ?? 'unknown', limit(), windowSeconds());
    next(result.allowed ? undefined : tooManyRequests(res, result, 'Too many requests from your network.'));
  };
}
