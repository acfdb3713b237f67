import { randomBytes } from 'node:crypto';
import { createRedis, type Redis } from '@paperboy/queue';
import { acceptPowProof, type PowProofDeps } from './accept-pow-proof';
import { createPowChallenge, type PowSolution, solvePowChallenge } from './proof-of-work';

const SECRET = 'current-secret-0123456789abcdef';
const OLD = 'previous-secret-0123456789abcdef';
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

let redis: Redis;
let deps: PowProofDeps;
beforeAll(() => {
  redis = createRedis('redis://127.0.0.1:6379');
  deps = { redis, secrets: [SECRET, undefined], redisPrefix: `test-${randomBytes(4).toString('hex')}` };
});
afterAll(async () => {
  const keys = await redis.keys(`${deps.redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('acceptPowProof', () => {
  it('when a valid proof comes twice, then the first sign-up passes and the replay is refused', async () => {
    const proof = encode(solvePowChallenge(createPowChallenge(SECRET, { maxNumber: 500 })));
    expect(await acceptPowProof(deps, proof)).toBe(true);
    expect(await acceptPowProof(deps, proof)).toBe(false);
  });

  it('when keys rotate, then a proof signed with the previous secret still passes once', async () => {
    const proof = encode(solvePowChallenge(createPowChallenge(OLD, { maxNumber: 500 })));
    expect(await acceptPowProof({ ...deps, secrets: [SECRET, OLD] }, proof)).toBe(true);
    expect(await acceptPowProof({ ...deps, secrets: [SECRET, OLD] }, proof)).toBe(false);
  });

  it('when the proof is forged, wrong, expired or not a proof, then it is refused and nothing is remembered', async () => {
    const before = await redis.keys(`${deps.redisPrefix}:*`);
    const challenge = createPowChallenge(SECRET, { maxNumber: 500, ttlSeconds: 60 });
    const solution = solvePowChallenge(challenge) as PowSolution;
    const signedByOthers = encode(solvePowChallenge(createPowChallenge(OLD, { maxNumber: 500 })));
    expect(await acceptPowProof(deps, signedByOthers)).toBe(false);
    expect(await acceptPowProof(deps, encode({ ...solution, number: solution.number + 1 }))).toBe(false);
    expect(await acceptPowProof({ ...deps, now: () => new Date(Date.now() + 61_000) }, encode(solution))).toBe(false);
    expect(await acceptPowProof(deps, 'not base64 json')).toBe(false);
    expect(await acceptPowProof(deps, undefined)).toBe(false);
    expect(await redis.keys(`${deps.redisPrefix}:*`)).toEqual(before);
  });
});
