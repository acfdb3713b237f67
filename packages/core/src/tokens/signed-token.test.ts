import { createHmac } from 'node:crypto';
import { AppError } from '../errors';
import { buildReaderLinks } from './reader-links';
import { createPowChallenge, parsePowSolution, solvePowChallenge, verifyPowSolution } from './proof-of-work';
import { signToken, verifyToken } from './signed-token';

const SECRET = 'current-secret-0123456789';
const OLD = 'previous-secret-0123456789';
const now = new Date('2026-11-27T12:00:00Z');
const later = new Date('2026-11-28T12:00:00Z');

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('signed tokens', () => {
  const token = signToken(SECRET, { purpose: 'manage', subscriberId: 42, expiresAt: later });

  it('when a token is genuine, then its claims come back', () => {
    expect(verifyToken({ current: SECRET }, token, 'manage', now)).toMatchObject({
      purpose: 'manage',
      subscriberId: 42,
    });
  });

  it('when one character is changed, then it is refused as invalid', () => {
    const [payload, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: 'manage', s: 43, e: later.getTime() / 1000 })).toString('base64url');
    expect(refused(() => verifyToken({ current: SECRET }, `${forged}.${sig}`, 'manage', now)).code).toBe(
      'invalid_token',
    );
    const flipped = sig.slice(0, -2) + (sig.endsWith('AA') ? 'BB' : 'AA');
    expect(refused(() => verifyToken({ current: SECRET }, `${payload}.${flipped}`, 'manage', now)).code).toBe(
      'invalid_token',
    );
    expect(refused(() => verifyToken({ current: SECRET }, 'garbage', 'manage', now)).code).toBe('invalid_token');
  });

  it('when a token is used for another purpose, then it is refused', () => {
    expect(refused(() => verifyToken({ current: SECRET }, token, 'unsubscribe', now)).code).toBe('invalid_token');
  });

  it('when a token has expired, then it is refused as expired and still names the reader', () => {
    const error = refused(() => verifyToken({ current: SECRET }, token, 'manage', new Date(later.getTime() + 1)));
    expect(error.code).toBe('expired_token');
    expect(error.details).toMatchObject({ subscriberId: 42 });
  });

  it('when the secret was rotated, then tokens signed with the previous one still verify, others do not', () => {
    const old = signToken(OLD, { purpose: 'manage', subscriberId: 7, expiresAt: later });
    expect(verifyToken({ current: SECRET, previous: OLD }, old, 'manage', now).subscriberId).toBe(7);
    expect(refused(() => verifyToken({ current: SECRET }, old, 'manage', now)).code).toBe('invalid_token');
  });

  it('when a genuine token is re-spelled (padding, stray characters, standard base64, other last characters), then every variant is refused', () => {
    const [payload, sig] = token.split('.') as [string, string];
    // The signature's last character carries 2 unused bits: three other characters decode to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = [...alphabet].filter(
      (c) => c !== sig.at(-1) && Buffer.from(sig.slice(0, -1) + c, 'base64url').equals(Buffer.from(sig, 'base64url')),
    );
    expect(sameBytes).toHaveLength(3);
    const variants = [
      `${token}=`,
      `${token}!`,
      `${payload}=.${sig}`,
      `${payload}.${sig}==`,
      `${payload} .${sig}`,
      `${payload}.${sig.replace(/-/g, '+').replace(/_/g, '/')}+`,
      `${payload.replace(/-/g, '+').replace(/_/g, '/')}.${sig}/`,
      ...sameBytes.map((c) => `${payload}.${sig.slice(0, -1)}${c}`),
    ];
    for (const variant of variants)
      expect([variant, refused(() => verifyToken({ current: SECRET }, variant, 'manage', now)).code]).toEqual([
        variant,
        'invalid_token',
      ]);
    expect(verifyToken({ current: SECRET }, token, 'manage', now).subscriberId).toBe(42);
  });

  it('when a correctly signed payload is null, not an object, or names an id beyond 32 bits, then it is refused as invalid', () => {
    const signed = (body: unknown) => {
      const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
      return `${payload}.${createHmac('sha256', SECRET).update(`paperboy-token:${payload}`).digest('base64url')}`;
    };
    const e = later.getTime() / 1000;
    for (const body of [
      null,
      'manage',
      42,
      [1],
      { p: 'manage', s: 2 ** 31, e },
      { p: 'manage', s: 2 ** 53 + 2, e },
      { p: 'manage', s: 1, e: 1e20 },
    ]) {
      expect([body, refused(() => verifyToken({ current: SECRET }, signed(body), 'manage', now)).code]).toEqual([
        body,
        'invalid_token',
      ]);
    }
    expect(
      verifyToken({ current: SECRET }, signed({ p: 'manage', s: 2 ** 31 - 1, e }), 'manage', now).subscriberId,
    ).toBe(2 ** 31 - 1);
  });

  it('when reader links are built, then unsubscribe and one-click share one URL under PUBLIC_URL', () => {
    const links = buildReaderLinks({ PUBLIC_URL: 'https://papers.example.org/', SECRET_KEY: SECRET }, 5, now);
    expect(links.manageUrl).toMatch(/^https:\/\/papers\.example\.org\/manage\/[\w-]+\.[\w-]+$/);
    expect(links.oneClickUrl).toBe(links.unsubscribeUrl);
    const token = links.unsubscribeUrl.split('/').pop();
    expect(verifyToken({ current: SECRET }, token, 'unsubscribe', now).subscriberId).toBe(5);
  });
});

describe('proof of work', () => {
  it('when the challenge is solved, then the solution verifies once decoded from base64', () => {
    const challenge = createPowChallenge(SECRET, { maxNumber: 2000, now });
    const solution = solvePowChallenge(challenge)!;
    const encoded = Buffer.from(JSON.stringify(solution)).toString('base64');
    expect(verifyPowSolution([SECRET], parsePowSolution(encoded)!, now)).toBe(true);
  });

  it('when the number is wrong, the signature foreign or the challenge expired, then it fails', () => {
    const challenge = createPowChallenge(SECRET, { maxNumber: 2000, now, ttlSeconds: 60 });
    const solution = solvePowChallenge(challenge)!;
    expect(verifyPowSolution([SECRET], { ...solution, number: solution.number + 1 }, now)).toBe(false);
    expect(verifyPowSolution([OLD], solution, now)).toBe(false);
    expect(verifyPowSolution([SECRET], solution, new Date(now.getTime() + 61_000))).toBe(false);
    expect(parsePowSolution('not base64 json')).toBeUndefined();
  });
});
