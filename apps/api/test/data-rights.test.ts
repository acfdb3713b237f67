import { buildReaderLinks, hashEmail } from '@paperboy/core';
import { activeReader, openForm, postForm, postJson } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const local = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);

async function readerWithHistory(email: string, ip = '203.0.113.9') {
  const reader = await activeReader(app, email, ['<b>bold</b> agents']);
  const paper = await app.database.db.paper.create({
    data: { sourceId: `2611.${reader.id}`, title: 'A paper', abstract: 'x', publishedAt: new Date() },
  });
  const delivery = await app.database.db.delivery.create({
    data: { subscriberId: reader.id, periodKey: 'daily-2026-11-27', status: 'sent', sentAt: new Date() },
  });
  // Stored out of rank order: pages and export must list the digest's papers by rank.
  const top = await app.database.db.paper.create({
    data: { sourceId: `2611.9${reader.id}`, title: 'The top paper', abstract: 'x', publishedAt: new Date() },
  });
  await app.database.db.deliveryPaper.createMany({
    data: [
      {
        deliveryId: delivery.id,
        paperId: paper.id,
        subscriberId: reader.id,
        rank: 1,
        score: 1,
        reason: 'matched agents',
      },
      {
        deliveryId: delivery.id,
        paperId: top.id,
        subscriberId: reader.id,
        rank: 0,
        score: 2,
        reason: 'matched agents too',
      },
    ],
  });
  await app.database.db.subscriptionEvent.create({ data: { subscriberId: reader.id, type: 'confirmed', ip } });
  return reader;
}

describe('manage page', () => {
  it('when topics and schedule are changed, then they are saved, escaped on the page, and the next digest time follows', async () => {
    const reader = await readerWithHistory('prefs@example.org');
    const url = local(buildReaderLinks(app.config, reader.id).manageUrl);
    const page = await openForm(url);
    expect(page.html).toContain('&lt;b&gt;bold&lt;/b&gt; agents');
    expect(page.html.indexOf('The top paper')).toBeGreaterThan(-1);
    expect(page.html.indexOf('The top paper')).toBeLessThan(page.html.indexOf('A paper'));
    const res = await postForm(
      url,
      {
        topics: 'robotics\n<i>x</i> vision',
        frequency: 'weekly',
        timezone: 'Asia/Tokyo',
        digestHour: '6',
        digestWeekday: '5',
        pauseField: '1',
      },
      page,
    );
    expect(res.status).toBe(303);
    const saved = await app.database.db.subscriber.findUniqueOrThrow({
      where: { id: reader.id },
      include: { topics: true },
    });
    expect(saved).toMatchObject({ frequency: 'weekly', timezone: 'Asia/Tokyo', status: 'active' });
    expect(saved.topics.map((t) => t.raw)).toEqual(['robotics', '<i>x</i> vision']);
    expect(saved.nextDigestAt!.getTime()).toBeGreaterThan(Date.now());
    // Due on Friday at 06:00 in Tokyo.
    const tokyo = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo',
      weekday: 'long',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(saved.nextDigestAt!);
    expect(tokyo).toBe('Friday, 06');
    expect((await openForm(url, page.cookie)).html).toContain('&lt;i&gt;x&lt;/i&gt; vision');

    await postForm(
      url,
      { topics: 'robotics', frequency: 'weekly', timezone: 'Asia/Tokyo', pauseField: '1', paused: 'on' },
      page,
    );
    const paused = await app.database.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } });
    expect(paused).toMatchObject({ status: 'paused', nextDigestAt: null });
    const invalid = await postForm(
      url,
      { topics: '', frequency: 'weekly', timezone: 'Nowhere/Land', digestHour: '25' },
      page,
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('Nothing was saved');
  });
});

describe('data rights', () => {
  it('when the reader downloads their data, then the JSON holds profile, consent, topics, events and digests', async () => {
    const reader = await readerWithHistory('export@example.org');
    const res = await fetch(`${local(buildReaderLinks(app.config, reader.id).manageUrl)}/export`);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = await res.json();
    expect(data.profile).toMatchObject({ email: 'export@example.org', status: 'active' });
    expect(data.topics).toEqual([expect.objectContaining({ raw: '<b>bold</b> agents' })]);
    expect(data.events.map((e: { type: string }) => e.type)).toEqual(['confirmed', 'exported']);
    expect(data.deliveries[0]).toMatchObject({ periodKey: 'daily-2026-11-27' });
    expect(data.deliveries[0].papers).toEqual([
      {
        rank: 0,
        score: 2,
        reason: 'matched agents too',
        paper: { sourceId: `2611.9${reader.id}`, title: 'The top paper' },
      },
      { rank: 1, score: 1, reason: 'matched agents', paper: { sourceId: `2611.${reader.id}`, title: 'A paper' } },
    ]);
  });

  it('when the reader wipes their data, then only the hashed suppression is left and the address cannot subscribe again', async () => {
    const reader = await readerWithHistory('wipe@example.org', '198.51.100.77');
    const url = local(buildReaderLinks(app.config, reader.id).manageUrl);
    const page = await openForm(url);
    expect((await postForm(`${url}/wipe`, {}, page)).status).toBe(400); // the box must be ticked
    const res = await postForm(`${url}/wipe`, { confirm: 'yes' }, page);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Everything is deleted');
    const db = app.database.db;
    expect(await db.subscriber.findUnique({ where: { id: reader.id } })).toBeNull();
    expect(await db.topic.count({ where: { subscriberId: reader.id } })).toBe(0);
    expect(await db.delivery.count({ where: { subscriberId: reader.id } })).toBe(0);
    expect(await db.deliveryPaper.count({ where: { subscriberId: reader.id } })).toBe(0);
    expect(
      await db.subscriptionEvent.count({ where: { OR: [{ subscriberId: reader.id }, { ip: '198.51.100.77' }] } }),
    ).toBe(0);
    expect(await db.suppression.findUnique({ where: { emailHash: hashEmail('wipe@example.org') } })).toMatchObject({
      reason: 'wiped',
    });
    const rows = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "SubscriptionEvent" WHERE data::text ILIKE '%wipe@example.org%'`;
    expect(Number(rows[0]!.n)).toBe(0);
    const gone = await fetch(url, { headers: { Accept: 'text/html' } });
    expect(gone.status).toBe(404);
    // The wiped address is blocked for good: the page must not invite it to subscribe again.
    expect(await gone.text()).not.toContain('You can always');
    const oneClick = local(buildReaderLinks(app.config, reader.id).oneClickUrl);
    const post = await fetch(oneClick, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200); // still a success for the mailbox provider: nothing will be sent
    expect((await postJson(`${app.baseUrl}/subscribe`, { email: 'wipe@example.org', topics: 'robotics' })).status).toBe(
      202,
    );
    expect(await db.subscriber.count({ where: { email: 'wipe@example.org' } })).toBe(0);
  });
});
