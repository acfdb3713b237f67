// Where a digest's CPU goes, stage by stage, on the same data as digest-send.bench.ts:
// claim+load (SQL), compose (render + headers), raw MIME, SMTP (pooled, to the sink process),
// record. Run: npx tsx bench/digest-send.stages.ts [--readers=2000]
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '@paperboy/config';
import { buildDigests, composeDigest } from '@paperboy/core';
import { claimDelivery, recordOutcome } from '../packages/core/src/digests/store';
import { createTestDatabase } from '@paperboy/db/testing';
import { buildRawMail, createMailTransport, createRenderer } from '@paperboy/email';
import { createQueues, createRedis } from '@paperboy/queue';
import { seedBenchData } from './digest-send.data';

const READERS = Number(process.argv.find((a) => a.startsWith('--readers='))?.split('=')[1] ?? 2000);

async function main(): Promise<void> {
  const sink = fork(path.join(__dirname, 'digest-send.sink.ts'), [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
  });
  const { port } = await new Promise<{ port: number }>((resolve) =>
    sink.once('message', (m) => resolve(m as { port: number })),
  );
  const database = await createTestDatabase();
  const prefix = `stages-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_PREFIX: prefix });
  await seedBenchData(database.db, READERS);
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, prefix);
  const quiet = { ...queues, 'digest-send': { addBulk: async () => [] } } as never;
  const ids = (await database.db.subscriber.findMany({ select: { id: true } })).map((r) => r.id);
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const stage: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const c = cpu();
    const r = await fn();
    stage[name] = (stage[name] ?? 0) + cpu() - c;
    return r;
  };

  for (let i = 0; i < ids.length; i += 200) {
    await time('build (batches of 200)', () =>
      buildDigests(
        { db: database.db, config, queues: quiet },
        ids.slice(i, i + 200).map((subscriberId) => ({ subscriberId, periodKey: 'd2026-11-27' })),
      ),
    );
  }
  const deliveries = (await database.db.delivery.findMany({ where: { status: 'pending' }, select: { id: true } })).map(
    (d) => d.id,
  );
  const renderer = await createRenderer();
  const mail = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, devMailboxPort: 0, poolSize: 5 });
  // CPU per stage needs one digest at a time (with concurrency, other sends run during awaits);
  // the rest then go 20 at a time for the wall-clock rate.
  const SEQUENTIAL = 400;
  let next = 0;
  let wall = Date.now();
  await Promise.all(
    Array.from({ length: 20 }, async (_, lane) => {
      if (lane > 0)
        await new Promise<void>((resolve) => {
          const wait = () => (next >= SEQUENTIAL ? resolve() : setTimeout(wait, 5));
          wait();
        });
      else while (next < SEQUENTIAL) await sendOne(deliveries[next++]!, true);
      if (lane === 0) wall = Date.now();
      while (next < deliveries.length) await sendOne(deliveries[next++]!, false);
    }),
  );
  async function sendOne(id: number, measure: boolean): Promise<void> {
    const t = measure ? time : async <T>(_name: string, fn: () => Promise<T> | T) => fn();
    {
      const now = new Date();
      const claimed = await t('claim + load', () => claimDelivery(database.db, id, now, 300));
      const message = await t('compose (render + headers)', () => composeDigest({ config, renderer }, claimed!, now));
      const raw = await t('raw MIME', () => buildRawMail(message, now));
      await t('SMTP (client side)', () => mail.sendMail(raw));
      await t('record sent', () => recordOutcome(database.db, id, 'sent', now, { messageId: message.messageId }));
    }
  }
  const n = deliveries.length;
  console.log(
    `${n} digests; ${n - SEQUENTIAL} sent 20 at a time: ${((n - SEQUENTIAL) / ((Date.now() - wall) / 1000)).toFixed(0)}/s wall`,
  );
  stage['build (batches of 200)'] = (stage['build (batches of 200)'] ?? 0) * (SEQUENTIAL / n);
  for (const [name, ms] of Object.entries(stage))
    console.log(`${name.padEnd(28)} ${(ms / SEQUENTIAL).toFixed(3)} ms CPU per digest`);
  mail.close();
  redis.disconnect();
  await database.drop();
  sink.kill();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
