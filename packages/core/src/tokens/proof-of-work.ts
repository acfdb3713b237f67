// A self-hosted proof-of-work challenge (the ALTCHA scheme, no outside service): the server
// picks a secret number n ≤ maxNumber and publishes SHA-256(salt + n) signed with its key; the
// browser finds n by trying numbers (≈ maxNumber/2 hashes on average, well under a second),
// which makes bulk sign-ups costly. The salt carries the expiry, so nothing is stored until a
// solution is used; acceptPowProof then remembers the challenge to refuse replays.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export interface PowChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  salt: string;
  maxnumber: number;
  signature: string;
}

export interface PowSolution {
  challenge: string;
  salt: string;
  number: number;
  signature: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(`paperboy-pow:${text}`).digest('hex');

export function createPowChallenge(
  secret: string,
  options: { maxNumber: number; ttlSeconds?: number; now?: Date },
): PowChallenge {
  const now = options.now ?? new Date();
  const expires = Math.floor(now.getTime() / 1000) + (options.ttlSeconds ?? 600);
  const salt = `${randomBytes(12).toString('hex')}?expires=${expires}`;
  const challenge = sha256(`${salt}${randomInt(0, options.maxNumber + 1)}`);
  return { algorithm: 'SHA-256', challenge, salt, maxnumber: options.maxNumber, signature: hmac(secret, challenge) };
}

function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Parses what the browser sent: base64 JSON or an object. Undefined when it is unusable. */
export function parsePowSolution(input: unknown): PowSolution | undefined {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > 2000) return undefined;
    try {
      value = JSON.parse(Buffer.from(input, 'base64').toString('utf8'));
    } catch {
      return undefined;
    }
  }
  const v = value as Partial<PowSolution> | null;
  if (!v || typeof v !== 'object') return undefined;
  if (typeof v.challenge !== 'string' || typeof v.salt !== 'string' || typeof v.signature !== 'string')
    return undefined;
  if (!Number.isInteger(v.number)) return undefined;
  return { challenge: v.challenge, salt: v.salt, number: v.number as number, signature: v.signature };
}

/** True when the solution is ours (signature, either secret), correct and not expired. */
export function verifyPowSolution(secrets: string[], solution: PowSolution, now = new Date()): boolean {
  const expires = Number(/[?&]expires=(\d+)/.exec(solution.salt)?.[1]);
  if (!Number.isFinite(expires) || expires * 1000 <= now.getTime()) return false;
  if (!secrets.some((secret) => equalHex(hmac(secret, solution.challenge), solution.signature))) return false;
  return equalHex(sha256(`${solution.salt}${solution.number}`), solution.challenge);
}

/** Solves a challenge by brute force (tests, benchmarks and scripted clients). */
export function solvePowChallenge(challenge: PowChallenge): PowSolution | undefined {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (sha256(`${challenge.salt}${n}`) === challenge.challenge) {
      return { challenge: challenge.challenge, salt: challenge.salt, number: n, signature: challenge.signature };
    }
  }
  return undefined;
}
