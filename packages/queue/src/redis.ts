import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * BullMQ workers block on Redis, so commands must never give up on their own
 * (`maxRetriesPerRequest: null`); health checks use their own timeout instead.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}
