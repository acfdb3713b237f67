// BullMQ keeps every job only in Redis: a Redis that forgets (no persistence) or evicts keys
// under memory pressure (any maxmemory-policy but noeviction) loses queued work. paperboy
// recovers lost digests from the database (see core's reconcile sweep), but the Redis a
// deployment needs is still append-only persistence and `maxmemory-policy noeviction`.
import type { Redis } from './redis';

export interface RedisDurability {
  appendonly?: string;
  maxmemoryPolicy?: string;
  /** What is missing, in words for the log; empty when Redis is as it should be. */
  problems: string[];
  /** CONFIG is disabled (some managed Redis): the settings could not be read. */
  unknown?: string;
}

export function durabilityProblems(settings: { appendonly?: string; maxmemoryPolicy?: string }): string[] {
  const problems: string[] = [];
  if (settings.appendonly !== 'yes')
    problems.push(`appendonly is ${settings.appendonly ?? 'unset'} (want yes: a restart loses queued jobs)`);
  if (settings.maxmemoryPolicy !== 'noeviction')
    problems.push(
      `maxmemory-policy is ${settings.maxmemoryPolicy ?? 'unset'} (want noeviction: evicted keys are lost jobs)`,
    );
  return problems;
}

export async function checkRedisDurability(redis: Redis): Promise<RedisDurability> {
  try {
    const read = async (name: string) => ((await redis.call('CONFIG', 'GET', name)) as string[])[1];
    const settings = { appendonly: await read('appendonly'), maxmemoryPolicy: await read('maxmemory-policy') };
    return { ...settings, problems: durabilityProblems(settings) };
  } catch (error) {
    return { problems: [], unknown: (error as Error).message.split('\n')[0] };
  }
}
