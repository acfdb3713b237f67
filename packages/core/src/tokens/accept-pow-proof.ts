// A proof of work is good for one sign-up: ours (either secret), correct and unexpired
// (verifyPowSolution), and not seen before - the challenge is remembered in Redis for longer
// than a challenge lives, so a solved challenge cannot be replayed for a second sign-up.
import type { Redis } from '@paperboy/queue';
import { parsePowSolution, verifyPowSolution } from './proof-of-work';

export interface PowProofDeps {
  redis: Redis;
  /** SECRET_KEY and, while keys rotate, SECRET_KEY_PREVIOUS. */
  secrets: readonly (string | undefined)[];
  /** REDIS_PREFIX: deployments and test files sharing a Redis keep their own used challenges. */
  redisPrefix: string;
  now?: () => Date;
}

/** Longer than any challenge lives (10 minutes unless createPowChallenge is told otherwise). */
const REMEMBER_SECONDS = 3600;

/** True once per valid proof: a malformed, forged, expired or already used one is false. */
export async function acceptPowProof(deps: PowProofDeps, raw: unknown): Promise<boolean> {
  const solution = parsePowSolution(raw);
  const secrets = deps.secrets.filter((s): s is string => Boolean(s));
  if (!solution || !verifyPowSolution(secrets, solution, deps.now?.() ?? new Date())) return false;
  const key = `${deps.redisPrefix}:pow:${solution.challenge}`;
  return (await deps.redis.set(key, '1', 'EX', REMEMBER_SECONDS, 'NX')) === 'OK';
}
