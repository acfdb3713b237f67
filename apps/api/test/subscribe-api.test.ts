import { hashEmail } from '@paperboy/core';
import { topicKey } from '@paperboy/matching';
import { activeReader, openForm, postForm, postJson, transactionalJobs } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const subscribeJson = (body: unknown) => postJson(`${app.baseUrl}/subscribe`, body);
const valid = (email: string) => ({
  email,
  topics: ['Reward Models', 'speech recognition'],
  frequency: 'weekly',
  timezone: 'Europe/Berlin',
});

describe('POST /subscribe', () => {
  it('when a new address subscribes, then a pending reader with typed and normalised topics is stored and one confirmation is queued', async () => {
    const res = await subscribeJson({ ...valid('  New.Reader@Example.ORG ') });
    expect(res.status).toBe(202);
    const reader = await app.database.db.subscriber.findUniqueOrThrow({
      where: { email: 'new.reader@example.org' },
      include: { topics: true, events: true },
    });
    expect(reader).toMatchObject({
      status: 'pending',
      frequency: 'weekly',
      timezone: 'Europe/Berlin',
      nextDigestAt: null,
    });
    expect(reader.topics.map((t) => t.raw).sort()).toEqual(['Reward Models', 'speech recognition']);
    expect(reader.topics.every((t) => t.key === topicKey(t.raw))).toBe(true);
    expect(reader.events.map((e) => e.type)).toEqual(['subscribed']);
    const jobs = (await transactionalJobs(app)).filter((j) => j.data.subscriberId === reader.id);
    expect(jobs).toEqual([
      { id: expect.stringMatching(/^tx-confirm-\d+-\d+$/), data: { subscriberId: reader.id, kind: 'confirm' } },
    ]);
  });

  it('when new, pending and active addresses subscribe, then the answers are identical and the active reader gets a manage link instead', async () => {
    const active = await activeReader(app, 'active@example.org');
    await subscribeJson(valid('pending@example.org'));
    const answers = [];
    for (const email of ['fresh@example.org', 'pending@example.org', 'active@example.org']) {
      const res = await subscribeJson(valid(email));
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await app.database.db.subscriber.count({ where: { email: 'active@example.org' } })).toBe(1);
    const unchanged = await app.database.db.subscriber.findUniqueOrThrow({
      where: { id: active.id },
      include: { topics: true },
    });
    expect(unchanged.status).toBe('active');
    expect(unchanged.topics.map((t) => t.raw)).toEqual(['reward models']);
    const kinds = (await transactionalJobs(app))
      .filter((j) => j.data.subscriberId === active.id)
      .map((j) => j.data.kind);
    expect(kinds).toEqual(['manage-link']);
  });

  it('when the same address subscribes again and again, then there is one reader and one confirmation within the throttle window', async () => {
    for (let i = 0; i < 4; i++) expect((await subscribeJson(valid('repeat@example.org'))).status).toBe(202);
    const reader = await app.database.db.subscriber.findUniqueOrThrow({ where: { email: 'repeat@example.org' } });
    expect(await app.database.db.subscriber.count({ where: { email: 'repeat@example.org' } })).toBe(1);
    expect((await transactionalJobs(app)).filter((j) => j.data.subscriberId === reader.id)).toHaveLength(1);
  });

  it('when every field is invalid, then it answers 400 with a message per field and stores nothing', async () => {
    const before = await app.database.db.subscriber.count();
    const res = await subscribeJson({
      email: 'not-an-address',
      topics: [42],
      frequency: 'hourly',
      timezone: 'Mars/Base',
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.details.fields).sort()).toEqual(['email', 'frequency', 'timezone', 'topics']);
    const tooMany = await subscribeJson({
      ...valid('x@example.org'),
      topics: Array.from({ length: 21 }, (_, i) => `topic number ${i} ${'abcdefghijklmnopqrstu'[i]}`),
    });
    expect((await tooMany.json()).error.details.fields.topics).toMatch(/20 topics/);
    const tooLong = await subscribeJson({
      ...valid('y@example.org'),
      topics: ['x'.repeat(200)],
      email: `${'a'.repeat(250)}@example.org`,
    });
    const fields = (await tooLong.json()).error.details.fields;
    expect(fields.email).toMatch(/254/);
    expect(fields.topics).toMatch(/at most 120/);
    expect(await app.database.db.subscriber.count()).toBe(before);
  });

  it('when the HTML form is posted with a comma-separated topic list, then it redirects to the neutral page', async () => {
    const session = await openForm(`${app.baseUrl}/`);
    const res = await postForm(
      `${app.baseUrl}/subscribe`,
      { email: 'form@example.org', topics: 'robotics, diffusion models', frequency: 'daily', timezone: 'UTC' },
      session,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/subscribe/sent');
    const reader = await app.database.db.subscriber.findUniqueOrThrow({
      where: { email: 'form@example.org' },
      include: { topics: true },
    });
    expect(reader.topics.map((t) => t.raw).sort()).toEqual(['diffusion models', 'robotics']);
  });

  it('when the HTML form is posted without its CSRF token, then it is refused and nothing is stored', async () => {
    const res = await postForm(`${app.baseUrl}/subscribe`, {
      email: 'csrf@example.org',
      topics: 'robotics',
      frequency: 'daily',
      timezone: 'UTC',
    });
    expect(res.status).toBe(403);
    const session = await openForm(`${app.baseUrl}/`);
    const forged = await postForm(
      `${app.baseUrl}/subscribe`,
      { email: 'csrf@example.org', topics: 'robotics' },
      { ...session, csrf: 'forged' },
    );
    expect(forged.status).toBe(403);
    expect(await app.database.db.subscriber.count({ where: { email: 'csrf@example.org' } })).toBe(0);
  });

  it('when a topic contains HTML, then the form shows it back escaped', async () => {
    const session = await openForm(`${app.baseUrl}/`);
    const res = await postForm(
      `${app.baseUrl}/subscribe`,
      { email: 'bad', topics: '<script>alert(1)</script> agents', frequency: 'daily', timezone: 'UTC' },
      session,
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; agents');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('does not look like an email address');
  });

  it('when the address is suppressed, then the answer is the same and nothing is stored or sent', async () => {
    await app.database.db.suppression.create({ data: { emailHash: hashEmail('gone@example.org'), reason: 'wiped' } });
    const res = await subscribeJson(valid('Gone@example.org'));
    expect(res.status).toBe(202);
    expect(await app.database.db.subscriber.count({ where: { email: 'gone@example.org' } })).toBe(0);
  });
});
