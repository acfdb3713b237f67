// Every queue on the local Redis under a prefix of its own, so test files running at the same
// time never see each other's jobs; close() removes every key the test made.
import { randomBytes } from 'node:crypto';
import { closeQueues, createQueues, type Queues } from '../queues';
import { createRedis, type Redis } from '../redis';

export interface TestQueues {
  prefix: string;
  redis: Redis;
  queues: Queues;
  close(): Promise<void>;
}

export function createTestQueues(redisUrl = 'redis://127.0.0.1:6379'): TestQueues {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const redis = createRedis(redisUrl);
  const queues = createQueues(redis, prefix);
  return {
    prefix,
    redis,
    queues,
    async close() {
      for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
      await closeQueues(queues);
      redis.disconnect();
    },
  };
}
