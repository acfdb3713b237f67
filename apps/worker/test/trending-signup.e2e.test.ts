// Issue 19's promise end to end: a reader who subscribes with an email address only (the form
// without JavaScript, and JSON) is accepted, confirms from the email, and receives a digest of
// the period's top papers. Real Postgres, Redis, the API, the transactional-email, build and
// send workers, and the dev mailbox as SMTP.
import type { Worker } from 'bullmq';
import { scheduleDigests } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { openForm, postForm, postJson } from '../../api/test/reader-client';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { transactionalEmailProcessor } from '../src/processors/transactional-email.processor';
import { startWorkers } from '../src/run-workers';
import type { WorkerDeps } from '../src/worker-deps';
import { waitUntil } from './digest.factory';

jest.setTimeout(60_000);
let app: TestApp;
let deps: WorkerDeps;
let mail: MailTransport;
let workers: Worker[];

beforeAll(async () => {
  app = await startTestApp({ TRENDING_MIN_UPVOTES: '5', CONFIRM_RESEND_MINUTES: '0' });
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 2 });
  deps = {
    config: { ...app.config, PUBLIC_URL: app.baseUrl },
    logger: app.deps.logger,
    db: app.database.db,
    redis: app.redis,
    queues: app.queues,
    mail,
  };
  workers = startWorkers(deps, [
    transactionalEmailProcessor,
    digestBuildProcessor,
    digestSendProcessor,
  ] as ProcessorDefinition[]);
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  await app.database.db.paper.createMany({
    data: [
      {
        sourceId: '2612.20001',
        title: 'Scaling test-time compute for reasoning',
        abstract: 'Reasoning with more compute.',
        publishedAt: hoursAgo(5),
        upvotes: 238,
        authors: ['Ada Lovelace'],
        hfUrl: 'https://huggingface.co/papers/2612.20001',
      },
      {
        sourceId: '2612.20002',
        title: 'Video diffusion at a glance',
        abstract: 'Video generation with diffusion.',
        publishedAt: hoursAgo(9),
        upvotes: 97,
        authors: ['Katherine Johnson'],
        hfUrl: 'https://huggingface.co/papers/2612.20002',
      },
      {
        sourceId: '2612.20003',
        title: 'A quiet paper on graph coloring',
        abstract: 'Graph coloring bounds.',
        publishedAt: hoursAgo(7),
        upvotes: 2,
        authors: ['Edsger Dijkstra'],
      },
    ],
  });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await app.close();
});

const mailTo = (email: string) => app.mailbox.messages().filter((m) => m.envelopeTo.includes(email));

async function confirmFromEmail(email: string): Promise<number> {
  const message = await app.mailbox.waitFor((m) => m.envelopeTo.includes(email), 20_000);
  expect(message.text).toContain('the top trending research papers:');
  const url = /https?:\/\/\S+\/confirm\/[\w.-]+/.exec(message.text)![0];
  const res = await postForm(url, {}, await openForm(url));
  expect(res.status).toBeLessThan(400);
  const reader = await app.database.db.subscriber.findUniqueOrThrow({ where: { email } });
  expect(reader).toMatchObject({ status: 'active', digestMode: 'trending' });
  return reader.id;
}

describe('an email-only sign-up', () => {
  it.each([
    ['the form without JavaScript', 'form-only@example.org'],
    ['JSON', 'json-only@example.org'],
  ])(
    "when a reader subscribes through %s with just an address and confirms, then their digest carries the period's top papers",
    async (_via, email) => {
      if (email.startsWith('form')) {
        const res = await postForm(
          `${app.baseUrl}/subscribe`,
          { email, digestMode: 'topics_trending' },
          await openForm(`${app.baseUrl}/`),
        );
        expect(res.status).toBe(303);
      } else {
        expect((await postJson(`${app.baseUrl}/subscribe`, { email })).status).toBe(202);
      }
      const id = await confirmFromEmail(email);

      await scheduleDigests(deps, { force: true, subscriberId: id });
      await waitUntil(async () => mailTo(email).length >= 2);
      // The mailbox lists the newest first: the digest, then the confirmation.
      const digest = mailTo(email).find((m) => !m.subject.startsWith('Please confirm'))!;
      expect(digest.subject).toContain('Scaling test-time compute for reasoning');
      expect(digest.text).toContain('Scaling test-time compute for reasoning');
      expect(digest.text).toContain('Video diffusion at a glance');
      expect(digest.text).toContain('#1 on Hugging Face today');
      expect(digest.text).not.toContain('graph coloring');
      const carried = await app.database.db.deliveryPaper.findMany({
        where: { subscriberId: id },
        orderBy: { rank: 'asc' },
        select: { reason: true },
      });
      expect(carried.map((p) => p.reason)).toEqual([
        expect.stringContaining('▲ 238 · #1 on Hugging Face today'),
        expect.stringContaining('▲ 97 · #2 on Hugging Face today'),
      ]);
    },
  );
});
