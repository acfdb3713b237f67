import { solvePowChallenge, type PowChallenge } from '@paperboy/core';
import { postJson } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

const body = (email: string, proof?: string) => ({
  email,
  topics: 'robotics',
  frequency: 'daily',
  timezone: 'UTC',
  ...(proof === undefined ? {} : { proof }),
});

describe('rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SUBSCRIBE_LIMIT_PER_IP: '3', SUBSCRIBE_LIMIT_PER_EMAIL: '2' });
  });
  afterAll(() => app.close());

  it('when one address is tried too often, then it gets 429 with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await postJson(`${app.baseUrl}/subscribe`, body('target@example.org'))).status);
    expect(statuses.slice(0, 2)).toEqual([202, 202]);
    expect(statuses[2]).toBe(429);
  });

  it('when one IP sends too many requests, then it gets 429 with a Retry-After in seconds and a clear message', async () => {
    const res = await postJson(`${app.baseUrl}/subscribe`, body('other@example.org'));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.message).toMatch(/try again in \d+ minute/);
    const page = await fetch(`${app.baseUrl}/subscribe`, {
      method: 'POST',
      headers: { Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.org',
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBeTruthy();
  });
});

describe('proof-of-work challenge (SUBSCRIBE_CHALLENGE=on)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SUBSCRIBE_CHALLENGE: 'on', SUBSCRIBE_CHALLENGE_DIFFICULTY: '5000' });
  });
  afterAll(() => app.close());

  const solved = async () => {
    const challenge = (await (await fetch(`${app.baseUrl}/subscribe/challenge`)).json()) as PowChallenge;
    return Buffer.from(JSON.stringify(solvePowChallenge(challenge))).toString('base64');
  };

  it('when a solved challenge is sent, then the sign-up is accepted once and a replay is refused', async () => {
    const proof = await solved();
    expect((await postJson(`${app.baseUrl}/subscribe`, body('pow@example.org', proof))).status).toBe(202);
    const replay = await postJson(`${app.baseUrl}/subscribe`, body('pow2@example.org', proof));
    expect(replay.status).toBe(400);
    expect(await app.database.db.subscriber.count({ where: { email: 'pow2@example.org' } })).toBe(0);
  });

  it('when a wrong solution is sent, then it is refused', async () => {
    const fake = Buffer.from(
      JSON.stringify({ challenge: 'ab', salt: 'x?expires=9999999999', number: 1, signature: 'cd' }),
    ).toString('base64');
    expect((await postJson(`${app.baseUrl}/subscribe`, body('fake@example.org', fake))).status).toBe(400);
  });

  it('when no solution is sent (no JavaScript), then a few sign-ups pass and then 429', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await postJson(`${app.baseUrl}/subscribe`, body(`nojs${i}@example.org`))).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when the subscribe page is served, then it has a strict CSP and no inline script', async () => {
    const res = await fetch(`${app.baseUrl}/`, { headers: { Accept: 'text/html' } });
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await res.text();
    expect(page.match(/<script[^>]*>/g)).toEqual([
      '<script src="/static/sha256.js" defer>',
      '<script src="/static/subscribe.js" defer>',
      '<script src="/static/topic-preview.js" defer>',
    ]);
    expect((await fetch(`${app.baseUrl}/static/subscribe.js`)).status).toBe(200);
  });
});
