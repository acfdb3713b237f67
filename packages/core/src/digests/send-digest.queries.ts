// The send path's SQL: claiming a delivery loads everything the email needs in the same round
// trip, and recording the outcome is one UPDATE. At hundreds of emails a second per process,
// round trips are the cost that matters.
import type { Db } from '@paperboy/db';

export interface PaperRow {
  title: string;
  sourceId: string;
  authors: string[];
  abstract: string;
  upvotes: number;
  hfUrl: string | null;
  arxivUrl: string | null;
  pdfUrl: string | null;
  githubRepo: string | null;
  reason: string;
}

export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  periodKey: string;
  attempts: number;
  email: string;
  frequency: 'daily' | 'weekly';
  timezone: string;
  topics: string[];
  papers: PaperRow[];
}

/**
 * pending → sending (attempts + 1), only while the reader is active and not suppressed: an
 * unsubscribe or bounce between build and send stops the email here. A delivery already
 * 'sending' is taken over only once its claim is older than the lease: its worker died (or
 * BullMQ handed the job to a second worker because the first one's lock lapsed under load —
 * then the lease keeps the two from both sending).
 * Stored addresses are normalised, so SQL's sha256 of the column equals hashEmail().
 */
export async function claimDelivery(db: Db, deliveryId: number, now: Date, leaseSeconds: number): Promise<ClaimedDelivery | undefined> {
  return (await claimDeliveries(db, [deliveryId], now, leaseSeconds)).get(deliveryId);
}

/** The same for several deliveries in one statement (concurrent sends of one worker). */
export async function claimDeliveries(db: Db, deliveryIds: number[], now: Date, leaseSeconds: number): Promise<Map<number, ClaimedDelivery>> {
  const abandoned = new Date(now.getTime() - leaseSeconds * 1000).toISOString();
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" d SET status = 'sending', attempts = d.attempts + 1, "updatedAt" = ${now.toISOString()}::timestamp
    FROM "Subscriber" s
    WHERE d.id = ANY(${deliveryIds}::int[]) AND s.id = d."subscriberId" AND s.status = 'active'
      AND (d.status = 'pending' OR (d.status = 'sending' AND d."updatedAt" < ${abandoned}::timestamp))
      AND NOT EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailHash" = encode(sha256(convert_to(s.email, 'UTF8')), 'hex'))
    RETURNING d.id, d."subscriberId", d."periodKey", d.attempts, s.email, s.frequency::text AS frequency, s.timezone,
      (SELECT coalesce(array_agg(t.raw ORDER BY t.id), '{}') FROM "Topic" t WHERE t."subscriberId" = s.id) AS topics,
      (SELECT coalesce(json_agg(json_build_object(
          'title', p.title, 'sourceId', p."sourceId", 'authors', p.authors, 'abstract', p.abstract, 'upvotes', p.upvotes,
          'hfUrl', p."hfUrl", 'arxivUrl', p."arxivUrl", 'pdfUrl', p."pdfUrl", 'githubRepo', p."githubRepo", 'reason', dp.reason
        ) ORDER BY dp.rank), '[]')
       FROM "DeliveryPaper" dp JOIN "Paper" p ON p.id = dp."paperId" WHERE dp."deliveryId" = d.id) AS papers`;
  return new Map(rows.map((r) => [r.id, r]));
}

export interface DeliveryState {
  status: string;
  updatedAt: Date;
  readerStatus: string;
  suppressed: boolean;
}

/** Why a claim found nothing to do (only read on that rare path). */
export async function deliveryState(db: Db, deliveryId: number): Promise<DeliveryState | undefined> {
  const rows = await db.$queryRaw<DeliveryState[]>`
    SELECT d.status::text AS status, d."updatedAt", s.status::text AS "readerStatus",
      EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailHash" = encode(sha256(convert_to(s.email, 'UTF8')), 'hex')) AS suppressed
    FROM "Delivery" d JOIN "Subscriber" s ON s.id = d."subscriberId" WHERE d.id = ${deliveryId}`;
  return rows[0];
}

type Final = 'sent' | 'pending' | 'failed' | 'skipped';

/**
 * Records an outcome unless the delivery already reached a final state. A digest that ends
 * failed or skipped gives its papers back in the same statement: "already received" is any
 * DeliveryPaper row (unique per reader and paper), so rows left behind would keep those papers
 * from every later digest.
 */
export async function recordOutcome(db: Db, deliveryId: number, status: Final, now: Date, fields: { messageId?: string; lastError?: string } = {}): Promise<void> {
  const at = now.toISOString();
  await db.$executeRaw`
    WITH d AS (
      UPDATE "Delivery" SET status = ${status}::"DeliveryStatus", "updatedAt" = ${at}::timestamp,
        "messageId" = coalesce(${fields.messageId ?? null}, "messageId"),
        "sentAt" = CASE WHEN ${status} = 'sent' THEN ${at}::timestamp ELSE "sentAt" END,
        "lastError" = ${fields.lastError ?? null}
      WHERE id = ${deliveryId} AND status IN ('pending', 'sending')
      RETURNING id, status)
    DELETE FROM "DeliveryPaper" dp USING d WHERE dp."deliveryId" = d.id AND d.status IN ('failed', 'skipped')`;
}

/** 'sent' for several deliveries in one statement. */
export async function recordSentMany(db: Db, sent: { id: number; messageId: string }[], now: Date): Promise<void> {
  if (sent.length === 0) return;
  const at = now.toISOString();
  await db.$executeRaw`
    UPDATE "Delivery" d SET status = 'sent', "messageId" = u.mid, "sentAt" = ${at}::timestamp, "updatedAt" = ${at}::timestamp, "lastError" = NULL
    FROM unnest(${sent.map((x) => x.id)}::int[], ${sent.map((x) => x.messageId)}::text[]) AS u(id, mid)
    WHERE d.id = u.id AND d.status IN ('pending', 'sending')`;
}
