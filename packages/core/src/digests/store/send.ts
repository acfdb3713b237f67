// The send path's SQL: claiming deliveries is one statement that also returns what the emails
// need but the papers' fields, which come from a per-process cache (paper-cache.ts), and
// recording the outcome is one UPDATE. At hundreds of emails a second per process, round trips
// and per-email work in Postgres are the cost that matters. Statements: statements.ts.
import type { Db, Prisma } from '@paperboy/db';
import { PaperCache, type LoadPapers, type PaperRef, type PaperRow } from '../paper-cache';
import {
  CLAIM_DELIVERIES,
  DELIVERY_STATE,
  HAND_BACK,
  LOAD_PAPERS,
  RECORD_OUTCOME,
  RECORD_SENT_MANY,
  runStatement,
} from './statements';

export type { PaperRow } from '../paper-cache';

export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  periodKey: string;
  /** 'notice': the "all quiet" email in place of an empty digest (no papers). */
  kind: 'digest' | 'notice';
  attempts: number;
  email: string;
  frequency: 'daily' | 'weekly';
  /** 'trending' readers get no topic sections (they may keep topics to switch back later). */
  digestMode: 'topics' | 'trending' | 'topics_trending';
  timezone: string;
  /** The reader's topics as typed, muted ones left out. */
  topics: string[];
  /** Their keys, in the same order (the topic links name a key); absent for a test digest. */
  topicKeys?: string[];
  papers: PaperRow[];
}

type ClaimRow = Omit<ClaimedDelivery, 'papers'> & { papers: PaperRef[] };

/** One cache per database handle: paper ids of two databases (tests) must not meet. */
const paperCaches = new WeakMap<Db, PaperCache>();

function paperCache(db: Db): PaperCache {
  let cache = paperCaches.get(db);
  if (!cache) {
    const load: LoadPapers = (ids) => runStatement(db, LOAD_PAPERS, [ids]);
    cache = new PaperCache(load);
    paperCaches.set(db, cache);
  }
  return cache;
}

/**
 * pending → sending (attempts + 1), only while the reader is active and not suppressed: an
 * unsubscribe or bounce between build and send stops the email here. A delivery already
 * 'sending' is taken over only once its claim is older than the lease: its worker died (or
 * BullMQ handed the job to a second worker because the first one's lock lapsed under load —
 * then the lease keeps the two from both sending).
 * Stored addresses are normalised, so SQL's sha256 of the column equals hashEmail().
 */
export async function claimDelivery(
  db: Db,
  deliveryId: number,
  now: Date,
  leaseSeconds: number,
): Promise<ClaimedDelivery | undefined> {
  return (await claimDeliveries(db, [deliveryId], now, leaseSeconds)).get(deliveryId);
}

/** The same for several deliveries in one statement (concurrent sends of one worker). */
export async function claimDeliveries(
  db: Db,
  deliveryIds: number[],
  now: Date,
  leaseSeconds: number,
): Promise<Map<number, ClaimedDelivery>> {
  const abandoned = new Date(now.getTime() - leaseSeconds * 1000).toISOString();
  const rows = await runStatement<ClaimRow>(db, CLAIM_DELIVERIES, [deliveryIds, now.toISOString(), abandoned]);
  const papers = await paperCache(db).rows(rows.map((r) => r.papers));
  return new Map(rows.map((r, i) => [r.id, { ...r, papers: papers[i]! }]));
}

export interface DeliveryState {
  status: string;
  updatedAt: Date;
  readerStatus: string;
  suppressed: boolean;
}

/** Why a claim found nothing to do (only read on that rare path). */
export async function deliveryState(db: Db, deliveryId: number): Promise<DeliveryState | undefined> {
  return (await runStatement<DeliveryState>(db, DELIVERY_STATE, [deliveryId]))[0];
}

type Final = 'sent' | 'pending' | 'failed' | 'skipped';

/**
 * Records an outcome unless the delivery already reached a final state. A digest that ends
 * failed or skipped gives its papers back in the same statement: "already received" is any
 * DeliveryPaper row (unique per reader and paper), so rows left behind would keep those papers
 * from every later digest.
 */
export async function recordOutcome(
  db: Db,
  deliveryId: number,
  status: Final,
  now: Date,
  fields: { messageId?: string; lastError?: string } = {},
): Promise<void> {
  await runStatement(db, RECORD_OUTCOME, [
    deliveryId,
    status,
    now.toISOString(),
    fields.messageId ?? null,
    fields.lastError ?? null,
  ]);
}

/** A claimed delivery back to 'pending', unsent, with the attempt its claim (at `claimedAt`) counted returned. */
export async function handBackDelivery(
  db: Db,
  deliveryId: number,
  now: Date,
  reason: string,
  claimedAt: Date,
): Promise<void> {
  await runStatement(db, HAND_BACK, [deliveryId, now.toISOString(), reason, claimedAt.toISOString()]);
}

/** 'sent' for several deliveries in one statement. */
export async function recordSentMany(db: Db, sent: { id: number; messageId: string }[], now: Date): Promise<void> {
  if (sent.length === 0) return;
  await runStatement(db, RECORD_SENT_MANY, [sent.map((x) => x.id), sent.map((x) => x.messageId), now.toISOString()]);
}

/**
 * The writes that fail a delivery and give its papers back (as recordOutcome does), for the
 * caller's transaction: a hard bounce fails the delivery and suppresses in one commit.
 */
export function failDeliveryWrites(
  db: Pick<Db, 'delivery' | 'deliveryPaper'>,
  deliveryId: number,
  detail: string,
  now: Date,
): Prisma.PrismaPromise<unknown>[] {
  return [
    db.delivery.updateMany({
      where: { id: deliveryId },
      data: { status: 'failed', lastError: detail, updatedAt: now },
    }),
    db.deliveryPaper.deleteMany({ where: { deliveryId } }),
  ];
}

/** Pending deliveries to probe a paused send with: the least-tried first, at most `limit`. */
export async function probeDeliveryIds(db: Pick<Db, 'delivery'>, limit: number): Promise<number[]> {
  const rows = await db.delivery.findMany({
    where: { status: 'pending' },
    orderBy: [{ attempts: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true },
  });
  return rows.map((d) => d.id);
}

/** Deliveries pending or sending untouched since `cutoff` (their send job was lost), at most `limit`. */
export async function staleDeliveryIds(db: Pick<Db, 'delivery'>, cutoff: Date, limit: number): Promise<number[]> {
  const rows = await db.delivery.findMany({
    where: { status: { in: ['pending', 'sending'] }, updatedAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  return rows.map((d) => d.id);
}
