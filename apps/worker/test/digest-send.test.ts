// A digest end to end in one process: the real API (for the links), Postgres, Redis, the build
// and send workers, and the dev mailbox as the SMTP server on loopback.
import type { Worker } from 'bullmq';
import { buildDigest, scheduleDigests, sendDigest } from '@paperboy/core';
import { createMailTransport, createRenderer, stableMessageId, type MailTransport } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import type { WorkerDeps } from '../src/worker-deps';
import { NOW, seedPapers, seedReaders, waitUntil } from './digest.factory';

let app: TestApp;
let deps: WorkerDeps;
let mail: MailTransport;
let workers: Worker[];
const DAY = 24 * 3600_000;

beforeAll(async () => {
  app = await startTestApp();
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 2 });
  // Links in emails point at the running test API.
  deps = {
    config: { ...app.config, PUBLIC_URL: app.baseUrl },
    logger: app.deps.logger,
    db: app.database.db,
    redis: app.redis,
    queues: app.queues,
    mail,
  };
  workers = startWorkers(deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await app.close();
});

async function deliveryOf(subscriberId: number, periodKey: string) {
  const delivery = await app.database.db.delivery.findUniqueOrThrow({
    where: { subscriberId_periodKey: { subscriberId, periodKey } },
  });
  return {
    ...delivery,
    papers: await app.database.db.deliveryPaper.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { rank: 'asc' },
    }),
  };
}
const mailTo = (email: string) => app.mailbox.messages().filter((m) => m.envelopeTo.includes(email));
const sendNow = (subscriberId: number, now = NOW) =>
  scheduleDigests({ ...deps, now: () => now }, { force: true, subscriberId });

describe('digest delivery over SMTP', () => {
  let ada: { id: number; email: string };
  let paperIds: number[];

  beforeAll(async () => {
    [ada] = (await seedReaders(app.database.db, 1, { prefix: 'ada' })) as [{ id: number; email: string }];
    paperIds = await seedPapers(app.database.db);
  });

  it('when a reader gets a digest, then it has both parts, list headers, a stable Message-ID, escaped content, their papers and reasons', async () => {
    await sendNow(ada.id);
    const message = await app.mailbox.waitFor((m) => m.envelopeTo.includes(ada.email));
    // The server has the email a moment before 'sent' is recorded (SMTP's window).
    await waitUntil(async () => (await deliveryOf(ada.id, 'd2026-11-27')).status === 'sent');
    const delivery = await deliveryOf(ada.id, 'd2026-11-27');
    expect(delivery).toMatchObject({
      status: 'sent',
      attempts: 1,
      messageId: stableMessageId(`delivery-${delivery.id}`, 'localhost', deps.config.SECRET_KEY),
    });
    expect(message.headers['message-id']).toBe(delivery.messageId);
    expect(message.headers['list-unsubscribe']).toMatch(new RegExp(`^<${app.baseUrl}/unsubscribe/[^>]+>$`));
    expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(message.headers['list-id']).toContain('<digest.localhost>');
    // Reward models and diffusion models papers; "diffusion tensor imaging" is not a match.
    expect(delivery.papers.map((p) => p.paperId).sort()).toEqual([paperIds[0], paperIds[1]].sort());
    expect(message.html).toContain('Process reward models that &lt;think&gt; before they judge');
    expect(message.html).not.toContain('<think>');
    expect(message.html).toContain('Latent diffusion models for protein backbones');
    expect(message.html).not.toContain('Diffusion tensor imaging');
    expect(message.html).toContain('https://github.com/example/prm');
    expect(message.text).toContain('Process reward models that <think> before they judge');
    expect(message.text).toMatch(/Because you follow\s+reward models/);
    expect(message.text).toContain(`${app.baseUrl}/manage/`);
  });

  it('when the build and send jobs run again for the same period, then no second email goes out', async () => {
    const delivery = await deliveryOf(ada.id, 'd2026-11-27');
    const build = await app.queues[QUEUE.digestBuild].add(
      'build',
      { subscriberId: ada.id, periodKey: 'd2026-11-27' },
      { jobId: 'replayed-build' },
    );
    const send = await app.queues[QUEUE.digestSend].add(
      'send',
      { deliveryId: delivery.id },
      { jobId: 'replayed-send' },
    );
    await sendNow(ada.id);
    await waitUntil(async () => (await build.getState()) === 'completed' && (await send.getState()) === 'completed');
    expect(mailTo(ada.email)).toHaveLength(1);
    expect(await deliveryOf(ada.id, 'd2026-11-27')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("when the next day's digest is built, then it carries only papers the reader has not received", async () => {
    const [fresh] = await seedPapers(
      app.database.db,
      [{ title: 'Reward models under distribution shift', abstract: 'Robust reward models.' }],
      new Date(NOW.getTime() + DAY),
    );
    await sendNow(ada.id, new Date(NOW.getTime() + DAY));
    const second = await app.mailbox.waitFor(
      (m) => m.envelopeTo.includes(ada.email) && m.html.includes('distribution shift'),
    );
    expect(second.html).not.toContain('Latent diffusion models');
    expect((await deliveryOf(ada.id, 'd2026-11-28')).papers.map((p) => p.paperId)).toEqual([fresh]);
  });

  it('when the reader clicks one-click unsubscribe (RFC 8058 POST to List-Unsubscribe) and opens manage, then both links work', async () => {
    const message = mailTo(ada.email)[0]!;
    const oneClick = /^<([^>]+)>$/.exec(message.headers['list-unsubscribe'] as string)![1] as string;
    const manage = new RegExp(`${app.baseUrl}/manage/[A-Za-z0-9._-]+`).exec(message.text)![0];
    expect((await fetch(manage)).status).toBe(200);
    const res = await fetch(oneClick, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect((await app.database.db.subscriber.findUniqueOrThrow({ where: { id: ada.id } })).status).toBe('unsubscribed');
  });
});

describe('digests that must not be sent', () => {
  // Build without handing the delivery to the send worker, to send it by hand.
  const quietQueues = () =>
    ({ [QUEUE.digestBuild]: app.queues[QUEUE.digestBuild], [QUEUE.digestSend]: { addBulk: async () => [] } }) as never;

  it('when a reader unsubscribes between build and send, then the send is skipped and nothing arrives', async () => {
    const [bob] = await seedReaders(app.database.db, 1, { prefix: 'bob' });
    const built = await buildDigest(
      { ...deps, queues: quietQueues() },
      { subscriberId: bob!.id, periodKey: 'd2026-11-27' },
    );
    expect(built).toMatchObject({ status: 'pending', created: true });
    await app.database.db.subscriber.update({ where: { id: bob!.id }, data: { status: 'unsubscribed' } });
    const outcome = await sendDigest(
      { ...deps, renderer: await createRenderer() },
      (built as { deliveryId: number }).deliveryId,
    );
    expect(outcome).toEqual({
      skipped: 'reader is unsubscribed',
      deliveryId: (built as { deliveryId: number }).deliveryId,
    });
    expect(mailTo(bob!.email)).toHaveLength(0);
    expect((await deliveryOf(bob!.id, 'd2026-11-27')).status).toBe('skipped');
  });

  it('when a digest is skipped (reader paused between build and send), then its papers come back in the next digest', async () => {
    const [dee] = await seedReaders(app.database.db, 1, { prefix: 'dee' });
    const quiet = { ...deps, queues: quietQueues() };
    const built = (await buildDigest(quiet, { subscriberId: dee!.id, periodKey: 'd2026-11-27' })) as {
      deliveryId: number;
      papers: number;
    };
    const skippedPapers = (await deliveryOf(dee!.id, 'd2026-11-27')).papers.map((p) => p.paperId).sort();
    expect(skippedPapers).toHaveLength(built.papers);
    expect(built.papers).toBeGreaterThan(0);
    await app.database.db.subscriber.update({ where: { id: dee!.id }, data: { status: 'paused' } });
    expect(await sendDigest({ ...deps, renderer: await createRenderer() }, built.deliveryId)).toMatchObject({
      skipped: 'reader is paused',
    });
    expect(await deliveryOf(dee!.id, 'd2026-11-27')).toMatchObject({ status: 'skipped', papers: [] });
    await app.database.db.subscriber.update({ where: { id: dee!.id }, data: { status: 'active' } });
    await buildDigest(
      { ...quiet, now: () => new Date(NOW.getTime() + DAY) },
      { subscriberId: dee!.id, periodKey: 'd2026-11-28' },
    );
    const next = (await deliveryOf(dee!.id, 'd2026-11-28')).papers.map((p) => p.paperId);
    expect(next).toEqual(expect.arrayContaining(skippedPapers));
  });

  it('when recording "sent" fails after SMTP accepted the email, then it is retried after the lease, the email is not sent again and the breaker is not told', async () => {
    const breaker = {
      failure: jest.fn(async () => ({ paused: false, consecutive: 1 })),
      success: jest.fn(async () => undefined),
    };
    const send = async (prefix: string, failures: number) => {
      const [reader] = await seedReaders(app.database.db, 1, { prefix });
      const built = (await buildDigest(
        { ...deps, queues: quietQueues() },
        { subscriberId: reader!.id, periodKey: 'd2026-11-27' },
      )) as { deliveryId: number };
      let calls = 0;
      const recordSent = async (id: number, messageId: string, at: Date) => {
        calls += 1;
        if (calls <= failures) throw new Error('connection to the database lost');
        await app.database.db.delivery.update({ where: { id }, data: { status: 'sent', messageId, sentAt: at } });
      };
      const sendDeps = { ...deps, renderer: await createRenderer(), breaker, recordSent };
      return { reader: reader!, deliveryId: built.deliveryId, run: () => sendDigest(sendDeps, built.deliveryId) };
    };
    const once = await send('dbhiccup', 1);
    expect(await once.run()).toMatchObject({ sent: true });
    expect(await deliveryOf(once.reader.id, 'd2026-11-27')).toMatchObject({ status: 'sent', attempts: 1 });
    await app.mailbox.waitFor((m) => m.envelopeTo.includes(once.reader.email));

    const down = await send('dbdown', Infinity);
    const leaseMs = deps.config.SEND_LEASE_SECONDS * 1000;
    expect(await down.run()).toMatchObject({
      retrying: expect.stringContaining('could not be recorded'),
      delayMs: expect.any(Number),
    });
    await app.mailbox.waitFor((m) => m.envelopeTo.includes(down.reader.email));
    // Left 'sending': the lease keeps the retry from sending it again; its own job waits out the lease.
    expect(await deliveryOf(down.reader.id, 'd2026-11-27')).toMatchObject({ status: 'sending', attempts: 1 });
    const retry = (await app.queues[QUEUE.digestSend].getJobs(['delayed'])).find((j) =>
      (j.data as { deliveryIds?: number[] }).deliveryIds?.includes(down.deliveryId),
    );
    expect(retry?.opts.delay).toBeGreaterThanOrEqual(leaseMs - 5_000);
    expect(await down.run()).toMatchObject({ retrying: expect.stringContaining('being sent by another worker') });
    expect(mailTo(down.reader.email)).toHaveLength(1);
    expect(mailTo(once.reader.email)).toHaveLength(1);
    expect(breaker.failure).not.toHaveBeenCalled();
    await retry?.remove();
  });

  it('when nothing matched a reader this period, then the delivery is recorded as skipped and no send job exists', async () => {
    const [cy] = await seedReaders(app.database.db, 1, { prefix: 'cy', topics: ['quantum chromodynamics'] });
    const built = await buildDigest(deps, { subscriberId: cy!.id, periodKey: 'd2026-11-27' });
    expect(built).toMatchObject({ status: 'skipped', created: true });
    const id = (built as { deliveryId: number }).deliveryId;
    const sends = await app.queues[QUEUE.digestSend].getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    const carries = (data: { deliveryId?: number; deliveryIds?: number[] }) =>
      data.deliveryId === id || Boolean(data.deliveryIds?.includes(id));
    expect(sends.filter((j) => carries(j.data))).toEqual([]);
  });
});
