// Readers (Subscriber) and their topics. State changes are conditional on the status the use
// case read (updateReaderIf), so a click racing another one changes the row once.
import { Prisma, type Db, type SubscriberStatus } from '@paperboy/db';

type ReaderDb = Pick<Db, 'subscriber'>;

/** The reader with their topics in the order they were added, or null. */
export function readerWithTopics(db: ReaderDb, id: number) {
  return db.subscriber.findUnique({ where: { id }, include: { topics: { orderBy: { id: 'asc' } } } });
}

export function readerByEmail(db: ReaderDb, email: string) {
  return db.subscriber.findUnique({ where: { email }, select: { id: true, status: true } });
}

/** True when a write failed on a unique key (P2002): e.g. the address was created meanwhile. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** A new reader with their topics; throws a unique violation (isUniqueViolation) if the address exists. */
export async function createReader(
  db: ReaderDb,
  data: Omit<Prisma.SubscriberCreateInput, 'topics'>,
  topics: { raw: string; key: string }[],
): Promise<number> {
  const row = await db.subscriber.create({ data: { ...data, topics: { create: topics } }, select: { id: true } });
  return row.id;
}

/** Updates the reader only while their status is (one of) `status`; false when it moved meanwhile. */
export async function updateReaderIf(
  db: ReaderDb,
  id: number,
  status: SubscriberStatus | readonly SubscriberStatus[],
  data: Prisma.SubscriberUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await db.subscriber.updateMany({
    where: { id, status: typeof status === 'string' ? status : { in: [...status] } },
    data,
  });
  return count > 0;
}

export async function updateReader(db: ReaderDb, id: number, data: Prisma.SubscriberUpdateInput): Promise<void> {
  await db.subscriber.update({ where: { id }, data });
}

/** The reader's topics become `topics` (in this order). */
export async function replaceTopics(
  db: Pick<Db, 'topic'>,
  subscriberId: number,
  topics: { raw: string; key: string; muted?: boolean; weight?: number }[],
): Promise<void> {
  await db.topic.deleteMany({ where: { subscriberId } });
  await db.topic.createMany({ data: topics.map((t) => ({ subscriberId, ...t })) });
}

/** What deciding on a confirmation email needs; null when the reader is gone. */
export function confirmationState(db: ReaderDb, id: number) {
  return db.subscriber.findUnique({
    where: { id },
    select: { status: true, unsubscribedAt: true, lastConfirmationSentAt: true },
  });
}

/** Takes the confirmation-email slot: true when none was sent after `cutoff` (one conditional UPDATE). */
export async function claimConfirmationSlot(db: ReaderDb, id: number, now: Date, cutoff: Date): Promise<boolean> {
  const { count } = await db.subscriber.updateMany({
    where: { id, OR: [{ lastConfirmationSentAt: null }, { lastConfirmationSentAt: { lte: cutoff } }] },
    data: { lastConfirmationSentAt: now },
  });
  return count === 1;
}

/** Gives back a slot claimed at `claimedAt` (unless another claim took it since). */
export async function releaseConfirmationSlot(
  db: ReaderDb,
  id: number,
  claimedAt: Date,
  previous: Date | null,
): Promise<void> {
  await db.subscriber.updateMany({
    where: { id, lastConfirmationSentAt: claimedAt },
    data: { lastConfirmationSentAt: previous },
  });
}

export async function readerExists(db: ReaderDb, id: number): Promise<boolean> {
  return (await db.subscriber.count({ where: { id } })) > 0;
}

/** Everything stored about the reader, for their data export. */
export function readerExport(db: ReaderDb, id: number) {
  return db.subscriber.findUniqueOrThrow({
    where: { id },
    include: {
      topics: { orderBy: { id: 'asc' }, select: { raw: true, key: true, muted: true, weight: true, createdAt: true } },
      model: { select: { votes: true, votesAt: true, trainedAt: true, weights: true } },
      events: {
        orderBy: { id: 'asc' },
        select: { type: true, data: true, ip: true, userAgent: true, createdAt: true },
      },
      deliveries: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          periodKey: true,
          status: true,
          messageId: true,
          attempts: true,
          lastError: true,
          sentAt: true,
          createdAt: true,
        },
      },
    },
  });
}

/**
 * Deletes readers and their audit events; topics, deliveries and the papers they carried, votes
 * and the model cascade. deleteMany, not delete: a second wipe racing this one finds nothing (the
 * row lock makes it wait for ours) instead of failing with Prisma's P2025. Returns how many went.
 */
export async function deleteReaders(
  db: Pick<Db, 'subscriber' | 'subscriptionEvent'>,
  ids: readonly number[],
): Promise<number> {
  await db.subscriptionEvent.deleteMany({ where: { subscriberId: { in: [...ids] } } });
  const { count } = await db.subscriber.deleteMany({ where: { id: { in: [...ids] } } });
  return count;
}

/**
 * Locks up to `limit` readers who never confirmed and were last mailed and changed before
 * `cutoff` (pending, or their confirmation email bounced or was reported). SKIP LOCKED: a row
 * being confirmed or re-submitted right now is left for the next run; the (status, …) indexes
 * find the few non-active rows, the dates are filtered on those. Call inside a transaction.
 */
export async function lockUnconfirmedReaders(
  db: Pick<Db, '$queryRaw'>,
  cutoff: Date,
  limit: number,
): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Subscriber"
    WHERE status IN ('pending', 'bounced', 'complained') AND "confirmedAt" IS NULL
      AND coalesce("lastConfirmationSentAt", "createdAt") < ${cutoff} AND "updatedAt" < ${cutoff}
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => r.id);
}

/** Topics followed by at least `minReaders` active readers, most followed first, in the wording most typed. */
export async function popularTopicRows(
  db: Pick<Db, '$queryRaw'>,
  minReaders: number,
  limit: number,
): Promise<{ key: string; label: string; readers: number }[]> {
  const rows = await db.$queryRaw<{ key: string; label: string; readers: bigint }[]>`
    SELECT t."key", mode() WITHIN GROUP (ORDER BY t."raw") AS label, count(*) AS readers
    FROM "Topic" t JOIN "Subscriber" s ON s."id" = t."subscriberId"
    WHERE s."status" = 'active'
    GROUP BY t."key" HAVING count(*) >= ${minReaders}
    ORDER BY readers DESC, t."key" LIMIT ${limit}`;
  return rows.map((r) => ({ key: r.key, label: r.label, readers: Number(r.readers) }));
}
