// Sign-ups never confirmed are deleted after UNCONFIRMED_READER_DAYS; readers are not.
import { loadConfig } from '@paperboy/config';
import { purgeUnconfirmedReaders } from '../src/subscribers';
import { NOW } from './matching.factory';
import { useReaderTestEnv } from './reader-test-env';

const env = useReaderTestEnv();
const db = () => env.database.db;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600_000);
let seq = 0;

type Status = 'pending' | 'active' | 'unsubscribed' | 'bounced' | 'complained';

/** A reader last changed when their last confirmation email went (or when they signed up), unless `updatedAt` says otherwise. */
async function reader(fields: {
  status?: Status;
  createdAt: Date;
  lastConfirmationSentAt?: Date;
  confirmedAt?: Date;
  updatedAt?: Date;
}) {
  seq += 1;
  const updatedAt = fields.updatedAt ?? fields.lastConfirmationSentAt ?? fields.createdAt;
  const created = await db().subscriber.create({
    data: {
      email: `purge-${seq}@example.org`,
      status: fields.status ?? 'pending',
      ...fields,
      updatedAt,
      topics: { create: [{ raw: 'agents', key: 'agents' }] },
    },
  });
  await db().subscriptionEvent.create({
    data: { subscriberId: created.id, type: 'subscribed', ip: '203.0.113.7', userAgent: 'test' },
  });
  return created.id;
}

const purge = (days = 30, batchSize?: number, maxBatches?: number) =>
  purgeUnconfirmedReaders(
    { db: db(), config: { UNCONFIRMED_READER_DAYS: days }, now: () => NOW },
    { batchSize, maxBatches },
  );
const remaining = async (ids: number[]) =>
  (await db().subscriber.findMany({ where: { id: { in: ids } }, select: { id: true }, orderBy: { id: 'asc' } })).map(
    (r) => r.id,
  );

afterEach(async () => {
  await db().subscriptionEvent.deleteMany({});
  await db().subscriber.deleteMany({});
});

describe('purgeUnconfirmedReaders', () => {
  it('when a sign-up never confirmed past the limit, then it goes with its topics and events, and one detached event counts it; everyone else stays', async () => {
    const stale = await reader({ createdAt: daysAgo(40) });
    const remindedRecently = await reader({ createdAt: daysAgo(40), lastConfirmationSentAt: daysAgo(3) });
    const resubmittedToday = await reader({ createdAt: daysAgo(40), updatedAt: daysAgo(0) }); // the form again, before its email went
    const fresh = await reader({ createdAt: daysAgo(2) });
    const active = await reader({ status: 'active', createdAt: daysAgo(400), confirmedAt: daysAgo(399) });
    const cameBack = await reader({
      createdAt: daysAgo(400),
      confirmedAt: daysAgo(399),
      lastConfirmationSentAt: daysAgo(60),
    });
    const everyone = [stale, remindedRecently, resubmittedToday, fresh, active, cameBack];

    expect(await purge()).toBe(1);

    expect(await remaining(everyone)).toEqual(everyone.filter((id) => id !== stale));
    expect(await db().topic.count({ where: { subscriberId: stale } })).toBe(0);
    const events = await db().subscriptionEvent.findMany({
      where: { OR: [{ subscriberId: null }, { ip: '203.0.113.7' }] },
      orderBy: { id: 'asc' },
    });
    expect(events.filter((e) => e.subscriberId === null)).toEqual([
      expect.objectContaining({ type: 'unconfirmed_purged', data: { readers: 1, olderThanDays: 30 }, ip: null }),
    ]);
    expect(events.filter((e) => e.ip !== null)).toHaveLength(everyone.length - 1); // the stale one's event went with it
  });

  it("when a never-confirmed sign-up's confirmation email bounced or was reported, then it goes too; a confirmed reader who bounced stays", async () => {
    const bounced = await reader({ status: 'bounced', createdAt: daysAgo(40) });
    const complained = await reader({ status: 'complained', createdAt: daysAgo(40) });
    const readerWhoBounced = await reader({ status: 'bounced', createdAt: daysAgo(400), confirmedAt: daysAgo(399) });
    expect(await purge()).toBe(2);
    expect(await remaining([bounced, complained, readerWhoBounced])).toEqual([readerWhoBounced]);
  });

  it('when the backlog is larger than one run may take, then the run stops after its batches and the next run goes on', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await reader({ createdAt: daysAgo(31 + i) }));
    expect(await purge(30, 2, 2)).toBe(4);
    expect(await remaining(ids)).toHaveLength(1);
    expect(await purge(30, 2, 2)).toBe(1);
    expect(await remaining(ids)).toEqual([]);
  });

  it('when more are due than one batch holds, then every batch goes, each counted by its own event', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await reader({ createdAt: daysAgo(31 + i) }));
    expect(await purge(30, 2)).toBe(5);
    expect(await remaining(ids)).toEqual([]);
    const counted = await db().subscriptionEvent.findMany({
      where: { type: 'unconfirmed_purged' },
      orderBy: { id: 'asc' },
    });
    expect(counted.map((e) => (e.data as { readers: number }).readers)).toEqual([2, 2, 1]);
  });

  it('when UNCONFIRMED_READER_DAYS is 0, then nobody is deleted', async () => {
    const stale = await reader({ createdAt: daysAgo(4000) });
    expect(await purge(0)).toBe(0);
    expect(await remaining([stale])).toEqual([stale]);
  });

  it('when the batch size is out of range, then it says so and deletes nothing', async () => {
    const stale = await reader({ createdAt: daysAgo(40) });
    await expect(purge(30, 0)).rejects.toThrow(/batchSize must be 1–10000/);
    expect(await remaining([stale])).toEqual([stale]);
  });

  it('when the default configuration is used, then the limit is 30 days', async () => {
    const [day29, day31] = [await reader({ createdAt: daysAgo(29) }), await reader({ createdAt: daysAgo(31) })];
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(await purgeUnconfirmedReaders({ db: db(), config, now: () => NOW })).toBe(1);
    expect(await remaining([day29, day31])).toEqual([day29]);
  });
});
