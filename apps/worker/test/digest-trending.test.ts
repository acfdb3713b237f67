// Digest modes end to end (issue 19 on the digest side): Postgres, Redis, the build and send
// workers, the dev mailbox as SMTP. "Top trending" readers get the period's most upvoted papers,
// "My topics + top trending" readers their topic sections then "Also trending" (3 papers not
// already in the digest), "My topics" readers no trending; no paper reaches a reader twice.
import type { Worker } from 'bullmq';
import { scheduleDigests } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import type { WorkerDeps } from '../src/worker-deps';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';

let app: TestApp;
let deps: WorkerDeps;
let mail: MailTransport;
let workers: Worker[];
const DAY = 24 * 3600_000; // the build runs on the real clock; trending lists are shared for a minute

beforeAll(async () => {
  app = await startTestApp();
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 2 });
  deps = {
    config: { ...app.config, PUBLIC_URL: app.baseUrl, TRENDING_MIN_UPVOTES: 5 },
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

const mailTo = (email: string) => app.mailbox.messages().filter((m) => m.envelopeTo.includes(email));
const carried = async (subscriberId: number) =>
  await app.database.db.deliveryPaper.findMany({
    where: { subscriberId },
    orderBy: [{ deliveryId: 'asc' }, { rank: 'asc' }],
    select: { paperId: true, reason: true },
  });

async function digestFor(reader: SeededReader, mode: 'trending' | 'topics' | 'topics_trending', now = NOW, count = 1) {
  await app.database.db.subscriber.update({ where: { id: reader.id }, data: { digestMode: mode } });
  await scheduleDigests({ ...deps, now: () => now }, { force: true, subscriberId: reader.id });
  await waitUntil(async () => mailTo(reader.email).length >= count);
  return mailTo(reader.email)[0]!;
}

describe('digest modes', () => {
  let ids: number[];
  let rita: SeededReader;
  let otto: SeededReader;
  const titles = [
    'Process reward models for math',
    'Video diffusion in four steps',
    'Agents that browse',
    'Sparse attention at scale',
    'Tiny models as tool users',
  ];

  beforeAll(async () => {
    // Topic readers first: the match job matches new papers against the topics followed then.
    [rita] = (await seedReaders(app.database.db, 1, { prefix: 'rita', topics: ['reward models'] })) as [SeededReader];
    [otto] = (await seedReaders(app.database.db, 1, { prefix: 'otto', topics: ['reward models'] })) as [SeededReader];
    ids = await seedPapers(app.database.db, [
      { title: titles[0]!, abstract: 'Reward models score each step.', upvotes: 300 },
      { title: titles[1]!, abstract: 'A video generator.', upvotes: 200 },
      { title: titles[2]!, abstract: 'Web agents.', upvotes: 150 },
      { title: titles[3]!, abstract: 'Attention kernels.', upvotes: 90 },
      { title: titles[4]!, abstract: 'Small models call APIs.', upvotes: 40 },
      { title: 'A paper nobody upvoted', abstract: 'Nothing much.', upvotes: 2 },
    ]);
  });

  it('when a reader follows top trending only, then the digest is the most upvoted papers, the top one in the subject, no topic section', async () => {
    const [tess] = (await seedReaders(app.database.db, 1, { prefix: 'tess', topics: [] })) as [SeededReader];
    const email = await digestFor(tess, 'trending');
    expect(email.headers.subject).toBe(`Top trending: ${titles[0]}`);
    expect((await carried(tess.id)).map((p) => p.paperId)).toEqual(ids.slice(0, 5));
    expect(email.text).toContain('▲ 300 · #1 on Hugging Face today');
    expect(email.text).not.toContain('A paper nobody upvoted');
    expect(email.text).not.toContain('Because you follow');
  });

  it('when a reader follows topics and trending, then the topic section comes first and "Also trending" adds the top 3 not already in it', async () => {
    const email = await digestFor(rita, 'topics_trending');
    const papers = await carried(rita.id);
    expect(papers.map((p) => p.paperId)).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    expect(papers.slice(1).every((p) => JSON.parse(p.reason).kind === 'trending')).toBe(true);
    expect(email.text).toMatch(
      /== reward models ==[\s\S]*Process reward models for math[\s\S]*== Also trending ==[\s\S]*Video diffusion in four steps/,
    );
    // The reward models paper is #1 trending too, but reaches the reader once, in its topic section.
    expect(email.text.split(titles[0]!).length - 1).toBe(1);
  });

  it('when a reader follows topics only, then no trending paper is added', async () => {
    const email = await digestFor(otto, 'topics');
    expect((await carried(otto.id)).map((p) => p.paperId)).toEqual([ids[0]]);
    expect(email.text).not.toContain('Also trending');
  });

  it('when the next day comes with nothing new trending, then a trending reader gets nothing rather than the same papers again', async () => {
    const [tom] = (await seedReaders(app.database.db, 1, { prefix: 'tom', topics: [] })) as [SeededReader];
    await digestFor(tom, 'trending');
    const next = new Date(NOW.getTime() + DAY);
    await scheduleDigests({ ...deps, now: () => next }, { force: true, subscriberId: tom.id });
    const periodKey = `d${next.toISOString().slice(0, 10)}`;
    await waitUntil(
      async () =>
        (
          await app.database.db.delivery.findUnique({
            where: { subscriberId_periodKey: { subscriberId: tom.id, periodKey } },
          })
        )?.status === 'skipped',
    );
    const papers = (await carried(tom.id)).map((p) => p.paperId);
    expect(new Set(papers).size).toBe(papers.length);
    expect(mailTo(tom.email)).toHaveLength(1);
  });
});
