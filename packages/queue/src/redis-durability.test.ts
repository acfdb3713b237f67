import { checkRedisDurability, durabilityProblems } from './redis-durability';
import { createRedis } from './redis';

describe('durabilityProblems', () => {
  it('when Redis has append-only persistence and noeviction, then nothing is missing', () => {
    expect(durabilityProblems({ appendonly: 'yes', maxmemoryPolicy: 'noeviction' })).toEqual([]);
  });
  it('when Redis has neither, then both are named', () => {
    const problems = durabilityProblems({ appendonly: 'no', maxmemoryPolicy: 'allkeys-lru' });
    expect(problems).toEqual([
      expect.stringMatching(/^appendonly is no/),
      expect.stringMatching(/^maxmemory-policy is allkeys-lru/),
    ]);
  });
});

describe('checkRedisDurability', () => {
  it("when read from the local Redis, then it reports that Redis's own settings and the problems they imply", async () => {
    const redis = createRedis('redis://127.0.0.1:6379');
    try {
      const [, appendonly] = (await redis.call('CONFIG', 'GET', 'appendonly')) as string[];
      const [, policy] = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
      expect(await checkRedisDurability(redis)).toEqual({
        appendonly,
        maxmemoryPolicy: policy,
        problems: durabilityProblems({ appendonly, maxmemoryPolicy: policy }),
      });
    } finally {
      redis.disconnect();
    }
  });
});
