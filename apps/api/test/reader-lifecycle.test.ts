import { buildConfirmUrl, buildReaderLinks } from '@paperboy/core';
import { activeReader, openForm, postForm, postJson, transactionalJobs } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
/** The app's clock runs this far ahead of the real one; a test moves it instead of sleeping. */
let clockAheadMs = 0;
beforeAll(async () => {
  // No throttle window and goodbye emails on: each request below may enqueue.
  app = await startTestApp(
    { CONFIRM_RESEND_MINUTES: '0', GOODBYE_EMAIL: 'on' },
    { now: () => new Date(Date.now() + clockAheadMs) },
  );
});
afterAll(() => app.close());

const local = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);
const jobsOf = async (id: number) =>
  (await transactionalJobs(app)).filter((j) => j.data.subscriberId === id).map((j) => j.data.kind);

describe('suggestions and preview', () => {
  it('when at least three active readers follow a topic, then the form suggests it; a topic of one reader is never shown', async () => {
    for (const n of [1, 2, 3]) await activeReader(app, `popular${n}@example.org`, ['quantum error correction']);
    await activeReader(app, 'secret@example.org', ['my very private topic']);
    const page = (await openForm(`${app.baseUrl}/`)).html;
    expect(page).toContain('value="quantum error correction"');
    expect(page).not.toContain('my very private topic');
    expect(page).toContain('value="large language models"'); // the curated starters follow
  });

  it('when the preview is asked for an unusable topic, then it answers 400 with the reason', async () => {
    const res = await fetch(`${app.baseUrl}/subscribe/preview?topics=${encodeURIComponent('x'.repeat(300))}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/at most 120 characters/);
    const empty = await fetch(`${app.baseUrl}/subscribe/preview?topics=robotics`);
    expect(await empty.json()).toEqual({
      mode: 'topics_trending',
      papers: [],
      alsoTrending: [],
      quiet: ['robotics'],
      topics: [{ topic: 'robotics', count: 0, share: 0, standing: 'quiet', suggestions: [] }],
      window: { days: 14, papers: 0, capped: false },
    });
  });
});

describe('unsubscribe page', () => {
  it('when "just fewer emails" is chosen, then the reader stays subscribed, weekly', async () => {
    const reader = await activeReader(app, 'fewer@example.org');
    const url = local(buildReaderLinks(app.config, reader.id).unsubscribeUrl);
    const page = await openForm(url);
    expect(page.html).toContain('Switch to weekly');
    expect((await postForm(url, { action: 'weekly' }, page)).status).toBe(303);
    expect(await app.database.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).toMatchObject({
      status: 'active',
      frequency: 'weekly',
    });
  });

  it('when a reader unsubscribes with goodbye emails on, then one goodbye is queued and nothing else follows', async () => {
    const reader = await activeReader(app, 'bye@example.org');
    const url = local(buildReaderLinks(app.config, reader.id).unsubscribeUrl);
    const page = await openForm(url);
    await postForm(url, { action: 'unsubscribe' }, page);
    await postForm(url, { action: 'unsubscribe' }, page);
    expect(await jobsOf(reader.id)).toEqual(['goodbye']);
    expect((await openForm(url, page.cookie)).html).toContain('Resubscribe');
  });

  it('when an unsubscribed reader uses the form again, then they stay unsubscribed until they confirm, and only a link made after leaving brings them back', async () => {
    const reader = await activeReader(app, 'again@example.org');
    const oldLink = buildConfirmUrl(app.config, reader.id); // made before they left
    clockAheadMs += 2000;
    await app.database.db.subscriber.update({
      where: { id: reader.id },
      data: { status: 'unsubscribed', unsubscribedAt: new Date(Date.now() + clockAheadMs) },
    });
    expect(
      (await postJson(`${app.baseUrl}/subscribe`, { email: 'again@example.org', topics: 'robotics' })).status,
    ).toBe(202);
    const asked = await app.database.db.subscriber.findUniqueOrThrow({
      where: { id: reader.id },
      include: { topics: true, events: true },
    });
    expect(asked.status).toBe('unsubscribed');
    expect(asked.topics.map((t) => t.raw)).toEqual(['robotics']);
    expect(asked.events.map((e) => e.type)).toEqual(['resubscribe_requested']);
    expect(await jobsOf(reader.id)).toEqual(['confirm']);

    const stale = await postForm(local(oldLink), {}, await openForm(local(oldLink)));
    expect(stale.status).toBe(409);
    expect((await app.database.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe(
      'unsubscribed',
    );

    const freshLink = local(buildConfirmUrl(app.config, reader.id, new Date(Date.now() + clockAheadMs)));
    expect((await postForm(freshLink, {}, await openForm(freshLink))).status).toBe(200);
    expect(await app.database.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).toMatchObject({
      status: 'active',
      unsubscribedAt: null,
    });
  });
});

describe('confirmation throttle', () => {
  it('when the throttle window has passed, then a new request sends a new confirmation', async () => {
    await postJson(`${app.baseUrl}/subscribe`, { email: 'twice@example.org', topics: 'robotics' });
    clockAheadMs += 60_000; // a later claim: a new job id
    await postJson(`${app.baseUrl}/subscribe`, { email: 'twice@example.org', topics: 'robotics' });
    const reader = await app.database.db.subscriber.findUniqueOrThrow({ where: { email: 'twice@example.org' } });
    expect(await jobsOf(reader.id)).toEqual(['confirm', 'confirm']);
  });
});
