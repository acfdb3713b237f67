import { buildReaderLinks, readerToken, signToken } from '@paperboy/core';
import { activeReader, openForm, postForm, transactionalJobs } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

const PREVIOUS = 'the-previous-secret-key-0123';
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SECRET_KEY: 'the-current-secret-key-0123', SECRET_KEY_PREVIOUS: PREVIOUS });
});
afterAll(() => app.close());

const statusOf = async (id: number) => (await app.database.db.subscriber.findUniqueOrThrow({ where: { id } })).status;
const localUrl = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);

describe('one-click unsubscribe (RFC 8058)', () => {
  it('when the List-Unsubscribe URL gets the one-click POST with no cookie, then the reader is unsubscribed at once, and again is fine', async () => {
    const reader = await activeReader(app, 'oneclick@example.org');
    const { oneClickUrl } = buildReaderLinks(app.config, reader.id);
    const post = () =>
      fetch(localUrl(oneClickUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    const first = await post();
    expect(first.status).toBe(200);
    expect(await statusOf(reader.id)).toBe('unsubscribed');
    expect((await post()).status).toBe(200);
    const events = await app.database.db.subscriptionEvent.findMany({ where: { subscriberId: reader.id } });
    expect(events.map((e) => [e.type, e.data])).toEqual([['unsubscribed', { via: 'one-click' }]]);
    expect((await app.database.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).nextDigestAt).toBeNull();
  });

  it('when the one-click POST comes as multipart/form-data, then it works too', async () => {
    const reader = await activeReader(app, 'multipart@example.org');
    const form = new FormData();
    form.append('List-Unsubscribe', 'One-Click');
    const res = await fetch(localUrl(buildReaderLinks(app.config, reader.id).oneClickUrl), {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await statusOf(reader.id)).toBe('unsubscribed');
  });
});

describe('unsubscribe page actions', () => {
  it('when the form posts an action the page does not offer, then 400 with a friendly page, nothing changes and nothing is echoed', async () => {
    const reader = await activeReader(app, 'odd-action@example.org');
    const url = localUrl(buildReaderLinks(app.config, reader.id).unsubscribeUrl);
    const res = await postForm(url, { action: '<b>delete-everything</b>' }, await openForm(url));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const page = await res.text();
    expect(page).toContain('That did not work');
    expect(page).not.toContain('delete-everything');
    expect(await statusOf(reader.id)).toBe('active');
  });

  it('when the form posts a known action, then it is done and the redirect names it', async () => {
    const reader = await activeReader(app, 'known-action@example.org');
    const url = localUrl(buildReaderLinks(app.config, reader.id).unsubscribeUrl);
    const res = await postForm(url, { action: 'unsubscribe' }, await openForm(url));
    expect([res.status, res.headers.get('location')?.endsWith('?done=unsubscribe')]).toEqual([303, true]);
    expect(await statusOf(reader.id)).toBe('unsubscribed');
  });

  it('when the page comes back after an action, then its heading and notice follow it, and an unknown one adds nothing', async () => {
    const reader = await activeReader(app, 'done-page@example.org');
    const url = localUrl(buildReaderLinks(app.config, reader.id).unsubscribeUrl);
    const pageOf = async (done: string) => (await fetch(`${url}?done=${done}`)).text();
    const back = await pageOf('resubscribe');
    expect([back.includes('<h1>You are subscribed again</h1>'), back.includes('Welcome back!')]).toEqual([true, true]);
    for (const done of ['constructor', 'toString', 'nonsense']) {
      const page = await pageOf(done);
      expect([done, page.includes('<h1>Unsubscribe from paperboy?</h1>'), /role="status"|function/.test(page)]).toEqual(
        [done, true, false],
      );
    }
  });
});

describe('link tokens', () => {
  it('when a token is tampered with, expired or made for another purpose, then every page refuses it and nothing changes', async () => {
    const reader = await activeReader(app, 'tokens@example.org');
    const manage = readerToken(app.config, 'manage', reader.id);
    const expired = signToken(app.config.SECRET_KEY, {
      purpose: 'unsubscribe',
      subscriberId: reader.id,
      expiresAt: new Date(Date.now() - 1000),
    });
    const other = readerToken(app.config, 'unsubscribe', reader.id + 1000);
    const tampered = `${other.split('.')[0]}.${manage.split('.')[1]}`;
    const cases: [string, number][] = [
      [`/unsubscribe/${manage}`, 400], // wrong purpose
      [`/unsubscribe/${expired}`, 410],
      [`/unsubscribe/${tampered}`, 400],
      [`/manage/${readerToken(app.config, 'unsubscribe', reader.id)}`, 400],
      [`/manage/${manage.slice(0, -3)}abc`, 400],
      [`/confirm/${manage}`, 400],
    ];
    for (const [path, status] of cases) {
      const page = await fetch(`${app.baseUrl}${path}`, { headers: { Accept: 'text/html' } });
      expect([path, page.status]).toEqual([path, status]);
      expect(await page.text()).toMatch(/This link (does not work|has expired)/);
      if (path.startsWith('/unsubscribe/')) {
        const post = await fetch(`${app.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(post.status).toBe(status);
      }
    }
    expect(await statusOf(reader.id)).toBe('active');
  });

  it('when a link was signed with the previous secret, then it still works during the rotation', async () => {
    const reader = await activeReader(app, 'rotation@example.org');
    const old = signToken(PREVIOUS, {
      purpose: 'manage',
      subscriberId: reader.id,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const res = await fetch(`${app.baseUrl}/manage/${old}`, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('rotation@example.org');
  });
});

describe('confirmation', () => {
  it('when the confirm link is opened, then a button confirms; the reader becomes active with consent recorded and a next digest time', async () => {
    const pending = await app.database.db.subscriber.create({
      data: { email: 'confirm@example.org', topics: { create: [{ raw: 'robotics', key: 'robotics' }] } },
    });
    const url = `${app.baseUrl}/confirm/${readerToken(app.config, 'confirm', pending.id)}`;
    const page = await openForm(url);
    expect(await statusOf(pending.id)).toBe('pending'); // opening the link alone confirms nothing
    const res = await postForm(url, {}, page, { 'User-Agent': 'ReaderBrowser/1.0' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are subscribed!');
    const reader = await app.database.db.subscriber.findUniqueOrThrow({ where: { id: pending.id } });
    expect(reader).toMatchObject({
      status: 'active',
      consentUserAgent: 'ReaderBrowser/1.0',
      consentIp: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(reader.consentScope).toMatchObject({ topics: ['robotics'], frequency: 'daily' });
    expect(reader.nextDigestAt!.getTime()).toBeGreaterThan(Date.now());
    const again = await postForm(url, {}, page);
    expect(await again.text()).toContain('already subscribed');
  });

  it('when the confirm link has expired, then the page offers a new one and that sends a fresh confirmation', async () => {
    const pending = await app.database.db.subscriber.create({
      data: { email: 'late@example.org', topics: { create: [{ raw: 'robotics', key: 'robotics' }] } },
    });
    const expired = signToken(app.config.SECRET_KEY, {
      purpose: 'confirm',
      subscriberId: pending.id,
      expiresAt: new Date(Date.now() - 1000),
    });
    const page = await openForm(`${app.baseUrl}/confirm/${expired}`);
    expect(page.html).toContain('Send me a new link');
    const res = await postForm(`${app.baseUrl}/confirm/resend`, { token: expired }, page);
    expect(res.status).toBe(200);
    expect(
      (await transactionalJobs(app)).filter((j) => j.data.subscriberId === pending.id).map((j) => j.data.kind),
    ).toEqual(['confirm']);
  });
});
