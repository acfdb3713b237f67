// The send path's statements against a real database: every rule of the claim and of the
// outcome writes, and papers read through the per-process cache.
import type { Db } from '@paperboy/db';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { makePaper } from '../../../test/paper.factory';
import { upsertPapers } from '../../ingest/upsert-papers';
import { hashEmail } from '../../subscribers/email-address';
import { claimDeliveries, claimDelivery, deliveryState, handBackDelivery, recordOutcome, recordSentMany } from './send';

const NOW = new Date('2026-11-27T07:00:00.123Z');
const LEASE = 300;
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);

let database: TestDatabase;
let db: Db;
let seq = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.drop();
});

async function paper(n: number, upvotes = n): Promise<number> {
  await upsertPapers(db, [makePaper(n, { upvotes })], { now: NOW });
  return (await db.paper.findUniqueOrThrow({ where: { sourceId: makePaper(n).sourceId } })).id;
}

interface DeliveryInput {
  status?: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  updatedAt?: Date;
  reader?: 'active' | 'unsubscribed';
  papers?: { id: number; reason: string }[];
  topics?: string[];
}

/** A reader (with topics) and one delivery carrying `papers` in the given rank order. */
async function delivery(input: DeliveryInput = {}): Promise<{ id: number; email: string }> {
  seq += 1;
  const reader = await db.subscriber.create({
    data: {
      email: `send-sql-${seq}@example.org`,
      status: input.reader ?? 'active',
      topics: { create: (input.topics ?? ['agents']).map((raw, i) => ({ raw, key: `${raw}-${i}` })) },
    },
  });
  const row = await db.delivery.create({
    data: {
      subscriberId: reader.id,
      periodKey: `d${seq}`,
      status: input.status ?? 'pending',
      updatedAt: input.updatedAt ?? secondsAgo(3600),
    },
  });
  await db.deliveryPaper.createMany({
    data: (input.papers ?? []).map((p, rank) => ({
      deliveryId: row.id,
      paperId: p.id,
      subscriberId: reader.id,
      rank,
      score: 1,
      reason: p.reason,
    })),
  });
  return { id: row.id, email: reader.email };
}

const stored = async (id: number) => ({
  ...(await db.delivery.findUniqueOrThrow({ where: { id } })),
  papers: await db.deliveryPaper.findMany({ where: { deliveryId: id } }),
});

describe('claimDeliveries', () => {
  it('when a pending delivery is claimed, then it is sending with one more attempt and carries the reader, topics in order and papers by rank with their reasons', async () => {
    const [a, b] = [await paper(1), await paper(2)];
    const d = await delivery({
      topics: ['diffusion', 'agents'],
      papers: [
        { id: b, reason: 'second-b' },
        { id: a, reason: 'first-a' },
      ],
    });
    const claimed = await claimDelivery(db, d.id, NOW, LEASE);
    expect(claimed).toMatchObject({
      id: d.id,
      email: d.email,
      attempts: 1,
      frequency: 'daily',
      timezone: 'UTC',
      topics: ['diffusion', 'agents'],
    });
    expect(claimed!.papers.map((p) => [p.sourceId, p.upvotes, p.reason])).toEqual([
      [makePaper(2).sourceId, 2, 'second-b'],
      [makePaper(1).sourceId, 1, 'first-a'],
    ]);
    expect(claimed!.papers[0]).toMatchObject({
      title: 'Paper number 2',
      authors: ['Ada Lovelace', 'Alan Turing'],
      hfUrl: null,
      githubRepo: null,
    });
    expect(await stored(d.id)).toMatchObject({ status: 'sending', attempts: 1, updatedAt: NOW });
  });

  it('when the reader unsubscribed before the send, then the delivery is not claimed', async () => {
    const d = await delivery({ reader: 'unsubscribed' });
    expect(await claimDeliveries(db, [d.id], NOW, LEASE)).toEqual(new Map());
    expect(await stored(d.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when the address is suppressed, then the delivery is not claimed', async () => {
    const d = await delivery();
    await db.suppression.create({ data: { emailHash: hashEmail(d.email), reason: 'hard_bounce' } });
    expect((await claimDeliveries(db, [d.id], NOW, LEASE)).size).toBe(0);
  });

  it('when a delivery is sending within the lease, then it is not claimed; once the lease is over, it is taken over', async () => {
    const fresh = await delivery({ status: 'sending', updatedAt: secondsAgo(LEASE - 1) });
    const abandoned = await delivery({ status: 'sending', updatedAt: secondsAgo(LEASE + 1) });
    const claimed = await claimDeliveries(db, [fresh.id, abandoned.id], NOW, LEASE);
    expect([...claimed.keys()]).toEqual([abandoned.id]);
    expect(await stored(fresh.id)).toMatchObject({ status: 'sending', updatedAt: secondsAgo(LEASE - 1) });
  });

  it('when a delivery already ended (sent, failed or skipped), then it is not claimed', async () => {
    const ids = [
      (await delivery({ status: 'sent' })).id,
      (await delivery({ status: 'failed' })).id,
      (await delivery({ status: 'skipped' })).id,
    ];
    expect((await claimDeliveries(db, ids, NOW, LEASE)).size).toBe(0);
  });
});

describe('papers of claimed deliveries', () => {
  it('when two digests carry the same paper version and reason, then they share one row object', async () => {
    const p = await paper(10);
    const [d1, d2, d3] = [
      await delivery({ papers: [{ id: p, reason: 'same' }] }),
      await delivery({ papers: [{ id: p, reason: 'same' }] }),
      await delivery({ papers: [{ id: p, reason: 'other' }] }),
    ];
    const claimed = await claimDeliveries(db, [d1.id, d2.id, d3.id], NOW, LEASE);
    expect(claimed.get(d1.id)!.papers[0]).toBe(claimed.get(d2.id)!.papers[0]);
    expect(claimed.get(d3.id)!.papers[0]).toMatchObject({ upvotes: 10, reason: 'other' });
  });

  it("when a paper's upvotes change between two claims at the same ingestion clock, then the later digest shows the new count", async () => {
    const p = await paper(11, 5);
    const first = await claimDelivery(db, (await delivery({ papers: [{ id: p, reason: 'r' }] })).id, NOW, LEASE);
    // Same clock: updatedAt does not move, only the row version does.
    await upsertPapers(db, [makePaper(11, { upvotes: 42 })], { now: NOW });
    const second = await claimDelivery(db, (await delivery({ papers: [{ id: p, reason: 'r' }] })).id, NOW, LEASE);
    expect(first!.papers[0]!.upvotes).toBe(5);
    expect(second!.papers[0]!.upvotes).toBe(42);
  });

  it('when a paper is deleted, then a digest claimed afterwards no longer carries it', async () => {
    const [keep, drop] = [await paper(12), await paper(13)];
    await claimDelivery(
      db,
      (
        await delivery({
          papers: [
            { id: keep, reason: 'r' },
            { id: drop, reason: 'r' },
          ],
        })
      ).id,
      NOW,
      LEASE,
    );
    const d = await delivery({
      papers: [
        { id: keep, reason: 'r' },
        { id: drop, reason: 'r' },
      ],
    });
    await db.paper.delete({ where: { id: drop } });
    expect((await claimDelivery(db, d.id, NOW, LEASE))!.papers.map((x) => x.title)).toEqual(['Paper number 12']);
  });
});

describe('recording outcomes', () => {
  it('when a delivery is recorded failed or skipped, then its papers are given back; when sent, they stay', async () => {
    const p = await paper(20);
    const [failed, skipped, sent] = [
      await delivery({ status: 'sending', papers: [{ id: p, reason: 'r' }] }),
      await delivery({ papers: [{ id: p, reason: 'r' }] }),
      await delivery({ status: 'sending', papers: [{ id: p, reason: 'r' }] }),
    ];
    await recordOutcome(db, failed.id, 'failed', NOW, { lastError: 'rejected' });
    await recordOutcome(db, skipped.id, 'skipped', NOW, { lastError: 'reader is paused' });
    await recordOutcome(db, sent.id, 'sent', NOW, { messageId: '<m@x>' });
    expect(await stored(failed.id)).toMatchObject({
      status: 'failed',
      lastError: 'rejected',
      sentAt: null,
      papers: [],
    });
    expect(await stored(skipped.id)).toMatchObject({ status: 'skipped', papers: [] });
    expect(await stored(sent.id)).toMatchObject({
      status: 'sent',
      messageId: '<m@x>',
      sentAt: NOW,
      updatedAt: NOW,
      papers: [{ paperId: p }],
    });
  });

  it('when a delivery already ended, then a later outcome changes nothing and keeps its papers', async () => {
    const p = await paper(21);
    const d = await delivery({ status: 'sent', papers: [{ id: p, reason: 'r' }] });
    await recordOutcome(db, d.id, 'failed', NOW, { lastError: 'late' });
    await recordSentMany(db, [{ id: d.id, messageId: '<other@x>' }], NOW);
    expect(await stored(d.id)).toMatchObject({
      status: 'sent',
      lastError: null,
      messageId: null,
      papers: [{ paperId: p }],
    });
  });

  it('when a transient failure puts a delivery back to pending, then its message id is kept and its papers stay', async () => {
    const p = await paper(22);
    const d = await delivery({ status: 'sending', papers: [{ id: p, reason: 'r' }] });
    await db.delivery.update({ where: { id: d.id }, data: { messageId: '<first@x>' } });
    await recordOutcome(db, d.id, 'pending', NOW, { lastError: '421 busy' });
    expect(await stored(d.id)).toMatchObject({
      status: 'pending',
      messageId: '<first@x>',
      lastError: '421 busy',
      papers: [{ paperId: p }],
    });
  });

  it("when a claimed delivery is handed back (sending paused), then it is pending with its claim's attempt returned and its papers kept; an ended one is untouched", async () => {
    const p = await paper(23);
    const d = await delivery({ papers: [{ id: p, reason: 'r' }] });
    await claimDelivery(db, d.id, NOW, LEASE);
    await handBackDelivery(db, d.id, NOW, 'sending was paused', NOW);
    expect(await stored(d.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: 'sending was paused',
      papers: [{ paperId: p }],
    });
    const done = await delivery({ status: 'sent' });
    await handBackDelivery(db, done.id, NOW, 'sending was paused', NOW);
    expect(await stored(done.id)).toMatchObject({ status: 'sent', lastError: null });
  });

  it('when another worker re-claimed the delivery after the lease, then handing back the old claim changes nothing', async () => {
    const oldClaim = secondsAgo(LEASE + 60);
    const d = await delivery({ status: 'sending', updatedAt: oldClaim });
    await db.delivery.update({ where: { id: d.id }, data: { attempts: 1, updatedAt: oldClaim } });
    await claimDelivery(db, d.id, NOW, LEASE); // the lease is over: a second claim takes it
    await handBackDelivery(db, d.id, NOW, 'sending was paused', oldClaim);
    expect(await stored(d.id)).toMatchObject({ status: 'sending', attempts: 2, updatedAt: NOW });
  });

  it('when several deliveries are recorded sent at once, then each gets its own message id and the sending time', async () => {
    const [a, b] = [
      await delivery({ status: 'sending', updatedAt: secondsAgo(5) }),
      await delivery({ status: 'sending', updatedAt: secondsAgo(5) }),
    ];
    await db.delivery.update({ where: { id: b.id }, data: { lastError: 'earlier 421' } });
    await recordSentMany(
      db,
      [
        { id: a.id, messageId: '<a@x>' },
        { id: b.id, messageId: '<b@x>' },
      ],
      NOW,
    );
    expect(await stored(a.id)).toMatchObject({ status: 'sent', messageId: '<a@x>', sentAt: NOW, updatedAt: NOW });
    expect(await stored(b.id)).toMatchObject({ status: 'sent', messageId: '<b@x>', lastError: null });
  });
});

describe('deliveryState', () => {
  it('when a claim found nothing, then the state tells why, with the claim time as Prisma reads it', async () => {
    const d = await delivery({ status: 'sending', updatedAt: secondsAgo(10) });
    await db.suppression.create({ data: { emailHash: hashEmail(d.email), reason: 'complaint' } });
    const state = await deliveryState(db, d.id);
    expect(state).toEqual({
      status: 'sending',
      updatedAt: (await stored(d.id)).updatedAt,
      readerStatus: 'active',
      suppressed: true,
    });
    expect(state!.updatedAt).toEqual(secondsAgo(10));
    expect(await deliveryState(db, -1)).toBeUndefined();
  });
});
