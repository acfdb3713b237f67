// Issue 14, readers 1: a second form within CONFIRM_RESEND_MINUTES sends nothing, so it must
// change nothing either, and the answer must say when another email can come.
import { prepareTransactionalEmail } from '@paperboy/core';
import { openForm, postForm, postJson, transactionalJobs } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
let clockAheadMs = 0;
beforeAll(async () => {
  app = await startTestApp({ CONFIRM_RESEND_MINUTES: '10' }, { now: () => new Date(Date.now() + clockAheadMs) });
});
afterAll(() => app.close());

const stored = (email: string) =>
  app.database.db.subscriber.findUniqueOrThrow({ where: { email }, include: { topics: true, events: true } });

describe('re-submitting the form within the resend window', () => {
  it('when a pending reader sends other topics within the window, then nothing changes, no second email is queued, and the confirmation shows the topics confirming will use', async () => {
    await postJson(`${app.baseUrl}/subscribe`, { email: 'fixer@example.org', topics: 'reward modles' });
    const again = await postJson(`${app.baseUrl}/subscribe`, {
      email: 'fixer@example.org',
      topics: 'reward models, RLHF',
      frequency: 'weekly',
    });
    expect(again.status).toBe(202);
    expect((await again.json()).message).toMatch(/If you don't see it, we can resend in 10 minutes/);

    const reader = await stored('fixer@example.org');
    expect(reader.topics.map((t) => t.raw)).toEqual(['reward modles']);
    expect(reader.frequency).toBe('daily');
    expect(reader.events.map((e) => e.type)).toEqual(['subscribed']);
    expect((await transactionalJobs(app)).filter((j) => j.data.subscriberId === reader.id)).toHaveLength(1);
    const email = await prepareTransactionalEmail(app.database.db, app.config, {
      subscriberId: reader.id,
      kind: 'confirm',
    });
    expect('send' in email && email.send.kind === 'confirm' && email.send.data.topics).toEqual(['reward modles']);
  });

  it('when the window has passed, then the new choices are stored and a new confirmation with them is queued', async () => {
    await postJson(`${app.baseUrl}/subscribe`, { email: 'later@example.org', topics: 'robotics' });
    clockAheadMs += 10 * 60_000 + 1000;
    await postJson(`${app.baseUrl}/subscribe`, { email: 'later@example.org', topics: 'robot learning' });
    const reader = await stored('later@example.org');
    expect(reader.topics.map((t) => t.raw)).toEqual(['robot learning']);
    expect((await transactionalJobs(app)).filter((j) => j.data.subscriberId === reader.id)).toHaveLength(2);
    const email = await prepareTransactionalEmail(app.database.db, app.config, {
      subscriberId: reader.id,
      kind: 'confirm',
    });
    expect('send' in email && email.send.kind === 'confirm' && email.send.data.topics).toEqual(['robot learning']);
  });

  it('when the form page answers, then it says the same for every address and when another email can come', async () => {
    const page = await openForm(`${app.baseUrl}/`);
    const res = await postForm(
      `${app.baseUrl}/subscribe`,
      { email: 'page@example.org', topics: 'robotics', digestMode: 'topics', frequency: 'daily', timezone: 'UTC' },
      page,
    );
    expect(res.status).toBe(303);
    const sent = await (await fetch(`${app.baseUrl}${res.headers.get('location')}`)).text();
    expect(sent).toContain('arrived in the last few minutes');
    expect(sent).toMatch(/we can resend in 10 minutes/);
    expect(sent).not.toContain('is on its way to it now');
  });
});
