// Bad input from the outside gets a clear 4xx, never a 500 (issue 17, items 12-14 and 16).
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readerToken } from '@paperboy/core';
import { activeReader, postJson } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

/** A token signed with the app's key around any payload, as only a key holder could make it. */
function signedPayload(secret: string, body: unknown): string {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(`paperboy-token:${payload}`).digest('base64url')}`;
}

describe('hostile input', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const form = 'application/x-www-form-urlencoded';

  it('when a body has an unsupported charset, a bad gzip, an unknown encoding or too many fields, then 4xx with a message, never 500', async () => {
    const cases: { headers: Record<string, string>; body: string }[] = [
      { headers: { 'content-type': `${form}; charset=koi8-r` }, body: 'email=a%40example.org' },
      { headers: { 'content-type': 'application/json; charset=utf-7' }, body: '{}' },
      { headers: { 'content-type': form, 'content-encoding': 'gzip' }, body: 'not gzip at all' },
      { headers: { 'content-type': form, 'content-encoding': 'x-unknown' }, body: 'email=a' },
      { headers: { 'content-type': form }, body: Array.from({ length: 150 }, (_, i) => `f${i}=1`).join('&') },
    ];
    for (const { headers, body } of cases) {
      const res = await fetch(`${app.baseUrl}/subscribe`, {
        method: 'POST',
        headers: { accept: 'application/json', ...headers },
        body,
      });
      const answer = (await res.json()) as { error: { message: string } };
      expect([headers, res.status >= 400 && res.status < 500]).toEqual([headers, true]);
      expect(answer.error.message).not.toMatch(/went wrong on our side/);
    }
    // A good gzip body still works.
    const zipped = await fetch(`${app.baseUrl}/subscribe`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: new Uint8Array(gzipSync(JSON.stringify({ email: 'zip@example.org', topics: 'reward models' }))),
    });
    expect(zipped.status).toBe(202);
  });

  it('when a path holds an undecodable percent-escape, then 400, never 500', async () => {
    for (const path of ['/manage/%ff', '/unsubscribe/%E0%A4%A', '/confirm/%']) {
      const res = await fetch(`${app.baseUrl}${path}`, { headers: { accept: 'application/json' } });
      expect([path, res.status]).toEqual([path, 400]);
    }
  });

  it('when the CSRF cookie is malformed, then the home page still works and a form post is a 403, not a 500', async () => {
    const home = await fetch(`${app.baseUrl}/`, { headers: { accept: 'text/html', cookie: 'pb_csrf=%' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('set-cookie')).toMatch(/^pb_csrf=[A-Za-z0-9_.-]+;/);
    const post = await fetch(`${app.baseUrl}/subscribe`, {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': form, cookie: 'pb_csrf=%E0%A4%A; other=%%' },
      body: 'email=a%40example.org&topics=llm&_csrf=x',
    });
    expect(post.status).toBe(403);
  });

  it('when a topic, email or time zone holds a NUL or a lone surrogate, then subscribe answers 400 naming the field', async () => {
    const bad = ['reward\u0000models', 'reward \ud800 models', 'models \udc00'];
    for (const topic of bad) {
      const res = await postJson(`${app.baseUrl}/subscribe`, { email: 'nul@example.org', topics: [topic] });
      const answer = (await res.json()) as { error: { details: { fields: Record<string, string> } } };
      expect([topic, res.status]).toEqual([topic, 400]);
      expect(answer.error.details.fields.topics).toMatch(/character/);
    }
    for (const email of ['nul\u0000@example.org', 'a\ud800@example.org']) {
      const res = await postJson(`${app.baseUrl}/subscribe`, { email, topics: ['llm'] });
      expect(res.status).toBe(400);
    }
    const zone = await postJson(`${app.baseUrl}/subscribe`, {
      email: 'tz@example.org',
      topics: ['llm'],
      timezone: 'Europe/Paris\u0000',
    });
    expect(zone.status).toBe(400);
    expect(
      await app.database.db.subscriber.count({ where: { email: { in: ['nul@example.org', 'tz@example.org'] } } }),
    ).toBe(0);
  });

  it('when preferences carry a NUL or a lone surrogate in a topic, then 400 and the stored topics stay as they were', async () => {
    const reader = await activeReader(app, 'prefs-nul@example.org', ['reward models']);
    const token = readerToken(app.config, 'manage', reader.id);
    for (const topic of ['a\u0000b', 'diffusion \ud83d']) {
      const res = await postJson(`${app.baseUrl}/manage/${token}`, {
        topics: [topic],
        frequency: 'daily',
        timezone: 'UTC',
      });
      expect([topic, res.status]).toEqual([topic, 400]);
    }
    const form = await fetch(`${app.baseUrl}/manage/${token}`, {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'topics=a%00b&frequency=daily&timezone=UTC',
    });
    expect(form.status).toBeLessThan(500);
    const topics = await app.database.db.topic.findMany({ where: { subscriberId: reader.id } });
    expect(topics.map((t) => t.raw)).toEqual(['reward models']);
  });

  it('when a genuinely signed token names a subscriber id beyond 32 bits or carries a null payload, then 4xx', async () => {
    const far = Math.floor(Date.now() / 1000) + 3600;
    const tokens = [
      signedPayload(app.config.SECRET_KEY, { p: 'manage', s: 2 ** 31, e: far }),
      signedPayload(app.config.SECRET_KEY, { p: 'manage', s: 2 ** 53 + 2, e: far }),
      signedPayload(app.config.SECRET_KEY, null),
      signedPayload(app.config.SECRET_KEY, 'manage'),
      signedPayload(app.config.SECRET_KEY, { p: 'manage', s: 1, e: 1e20 }),
    ];
    for (const token of tokens) {
      for (const path of [`/manage/${token}`, `/manage/${token}/export`, `/unsubscribe/${token}`]) {
        const res = await fetch(`${app.baseUrl}${path}`, { headers: { accept: 'application/json' } });
        expect([path, res.status >= 400 && res.status < 500]).toEqual([path, true]);
      }
    }
  });

  it('when two wipes of one reader race, then both answer below 500 and the reader is gone', async () => {
    const reader = await activeReader(app, 'wipe-race@example.org');
    const token = readerToken(app.config, 'manage', reader.id);
    const wipe = () => postJson(`${app.baseUrl}/manage/${token}/wipe`, { confirm: 'yes' });
    const answers = await Promise.all([wipe(), wipe(), wipe(), wipe()]);
    expect(answers.map((r) => r.status < 500)).toEqual([true, true, true, true]);
    expect(answers.some((r) => r.status === 200)).toBe(true);
    expect(await app.database.db.subscriber.count({ where: { id: reader.id } })).toBe(0);
  });
});
