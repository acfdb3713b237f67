// Fixed-window rate limits counted in Redis (rate-limiter-flexible), so every API instance
// shares the same budget. Keys hash the client address or IP: Redis never holds them in clear.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@paperboy/core';
import type { Redis } from '@paperboy/queue';

export interface Hit {
  allowed: boolean;
  retryAfterSeconds: number;
}

const hashed = (id: string): string => createHash('sha256').update(id).digest('base64url').slice(0, 22);
const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** One library limiter per bucket, limit and window (tests and settings may change the last two);
 * keys read `<prefix>:ratelimit:<bucket>:<hash>`. */
function limiters(redis: Redis, prefix: string) {
  const made = new Map<string, RateLimiterRedis>();
  return (bucket: string, limit: number, windowSeconds: number): RateLimiterRedis => {
    const name = `${bucket}:${limit}:${windowSeconds}`;
    let limiter = made.get(name);
    if (limiter === undefined) {
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:ratelimit:${bucket}`,
        points: limit,
        duration: windowSeconds,
      });
      made.set(name, limiter);
    }
    return limiter;
  };
}

/** Whether `id` is over `limit` in this window, without counting anything: for attempts that only count when they fail. */
export function createLimitCheck(redis: Redis, prefix: string) {
  const limiterFor = limiters(redis, prefix);
  return async function over(
    bucket: string,
    id: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ over: boolean; retryAfterSeconds: number }> {
    const state = await limiterFor(bucket, limit, windowSeconds).get(hashed(id));
    return { over: (state?.consumedPoints ?? 0) >= limit, retryAfterSeconds: seconds(state?.msBeforeNext ?? 0) };
  };
}

export function createRateLimiter(redis: Redis, prefix: string) {
  const limiterFor = limiters(redis, prefix);
  return async function hit(bucket: string, id: string, limit: number, windowSeconds: number): Promise<Hit> {
    try {
      const res = await limiterFor(bucket, limit, windowSeconds).consume(hashed(id));
      return { allowed: true, retryAfterSeconds: seconds(res.msBeforeNext) };
    } catch (rejected) {
      // Over the limit the library rejects with its result; a Redis failure is a real error.
      if (rejected instanceof RateLimiterRes)
        return { allowed: false, retryAfterSeconds: seconds(rejected.msBeforeNext) };
      throw rejected;
    }
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
