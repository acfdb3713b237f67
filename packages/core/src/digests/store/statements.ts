// The build and send paths' runner and the send path's statements, run as named prepared
// statements on Prisma's own pool (sqlPool): each connection parses and plans them once, and
// the rows skip Prisma's raw-query layer. Parameters are plain values and arrays ($1::int[]);
// timestamps go in as ISO strings cast to `timestamp` (the columns hold UTC without a zone,
// which ignores the 'Z').
import { sqlPool, type Db } from '@paperboy/db';

export interface Statement {
  name: string;
  text: string;
}

/** Runs `statement` with `values`; the rows come back with timestamps read as UTC. */
export async function runStatement<Row extends object>(
  db: Db,
  statement: Statement,
  values: unknown[],
): Promise<Row[]> {
  return (await sqlPool(db).query<Row>({ name: statement.name, text: statement.text, values })).rows;
}

/**
 * A paper's version: any UPDATE gives the row a new xmin, even one that keeps the same
 * updatedAt (ingestion writes its own clock, which tests fix and two runs can share); xmin
 * alone can repeat once a row is frozen by VACUUM, the pair does not.
 */
const PAPER_VERSION = `concat(p.xmin, '/', p."updatedAt")`;

/**
 * pending → sending (attempts + 1), only while the reader is active and not suppressed; a
 * 'sending' row only once its claim is older than the lease ($3). Papers come back as
 * [id, version, reason] in rank order: their rows are cached per version (paper-cache.ts).
 * A digest's papers are read from its own DeliveryPaper rows (the primary key's prefix), then
 * each paper by its key (LATERAL, each side OFFSET 0: neither reordered nor hashed). Joined plainly, with
 * DeliveryPaper's statistics behind its growth (it is empty when a morning starts), the planner
 * scanned all of Paper per delivery and probed the key for each paper: 3,000 probes per batch
 * of 50 with 60 papers in the send bench (~60 % of the claim's time), and growing with Paper.
 */
export const CLAIM_DELIVERIES: Statement = {
  name: 'send.claim-deliveries',
  // The batch's readers are found first, by delivery id (MATERIALIZED keeps it that way): left
  // to itself, the planner may scan every active reader and hash each address for the
  // suppression check, ~10,000 SHA-256s per batch of 50 on a 10k-reader table. Each delivery
  // and its reader by primary key (LATERAL, OFFSET 0), whatever Delivery's statistics say:
  // never analysed (a first morning), the planner scanned all of Delivery for the batch's 50
  // (8,200 rows, 8.9 ms; by key 0.2 ms). The status rule stays on the UPDATE itself, so a row changed
  // meanwhile is re-checked under its lock; it compares the status as text so that no status
  // index can serve it: with the status index the planner read every pending delivery of the
  // morning (10,000 at the bench's end; a million at 1 M readers) and hashed them against the 50.
  text: `
    WITH c AS MATERIALIZED (
      SELECT d.id, s.id AS "subscriberId", s.email, s.frequency, s."digestMode", s.timezone
      FROM (SELECT DISTINCT u.id FROM unnest($1::int[]) AS u(id)) b
      CROSS JOIN LATERAL (SELECT d.id, d."subscriberId" FROM "Delivery" d WHERE d.id = b.id OFFSET 0) d
      CROSS JOIN LATERAL (
        SELECT s.id, s.email, s.frequency::text AS frequency, s."digestMode"::text AS "digestMode", s.timezone
        FROM "Subscriber" s WHERE s.id = d."subscriberId" AND s.status = 'active' OFFSET 0) s
      WHERE NOT EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailHash" = encode(sha256(convert_to(s.email, 'UTF8')), 'hex'))
    )
    UPDATE "Delivery" d SET status = 'sending', attempts = d.attempts + 1, "updatedAt" = $2::timestamp
    FROM c
    WHERE d.id = c.id AND (d.status::text = 'pending' OR (d.status::text = 'sending' AND d."updatedAt" < $3::timestamp))
    RETURNING d.id, d."subscriberId", d."periodKey", d.kind::text AS kind, d.attempts, c.email, c.frequency, c."digestMode", c.timezone,
      (SELECT coalesce(array_agg(t.raw ORDER BY t.id), '{}') FROM "Topic" t WHERE t."subscriberId" = c."subscriberId" AND NOT t.muted) AS topics,
      (SELECT coalesce(array_agg(t.key ORDER BY t.id), '{}') FROM "Topic" t WHERE t."subscriberId" = c."subscriberId" AND NOT t.muted) AS "topicKeys",
      (SELECT coalesce(json_agg(json_build_array(dp."paperId", p.version, dp.reason) ORDER BY dp.rank), '[]')
       FROM (SELECT x."paperId", x.reason, x.rank FROM "DeliveryPaper" x WHERE x."deliveryId" = d.id OFFSET 0) dp
       CROSS JOIN LATERAL (SELECT ${PAPER_VERSION} AS version FROM "Paper" p WHERE p.id = dp."paperId" OFFSET 0) p) AS papers`,
};

/** The email's fields of papers, with the same version as the claim computes. */
export const LOAD_PAPERS: Statement = {
  name: 'send.load-papers',
  text: `
    SELECT p.id, ${PAPER_VERSION} AS version, p.title, p."sourceId", p.authors, p.abstract, p.upvotes,
      p."hfUrl", p."arxivUrl", p."pdfUrl", p."githubRepo", p."projectPage", p.organization, p."publishedAt", p."numComments"
    FROM "Paper" p WHERE p.id = ANY($1::int[])`,
};

export const DELIVERY_STATE: Statement = {
  name: 'send.delivery-state',
  text: `
    SELECT d.status::text AS status, d."updatedAt", s.status::text AS "readerStatus",
      EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailHash" = encode(sha256(convert_to(s.email, 'UTF8')), 'hex')) AS suppressed
    FROM "Delivery" d JOIN "Subscriber" s ON s.id = d."subscriberId" WHERE d.id = $1::int`,
};

/**
 * $1 id, $2 status, $3 time, $4 message id (kept when null), $5 last error. Final states are
 * never overwritten; failed or skipped give the papers back in the same statement.
 */
export const RECORD_OUTCOME: Statement = {
  name: 'send.record-outcome',
  text: `
    WITH d AS (
      UPDATE "Delivery" SET status = $2::"DeliveryStatus", "updatedAt" = $3::timestamp,
        "messageId" = coalesce($4::text, "messageId"),
        "sentAt" = CASE WHEN $2::"DeliveryStatus" = 'sent' THEN $3::timestamp ELSE "sentAt" END,
        "lastError" = $5::text
      WHERE id = $1::int AND status IN ('pending', 'sending')
      RETURNING id, status)
    DELETE FROM "DeliveryPaper" dp USING d WHERE dp."deliveryId" = d.id AND d.status IN ('failed', 'skipped')`,
};

/**
 * $1 id, $2 time, $3 reason, $4 the claim's time. A claimed delivery goes back to 'pending'
 * unsent (sending was paused), and the attempt its claim counted is returned: a pause is the
 * operator's (or the breaker's) doing, not a try at this address, so a long outage cannot use
 * up SEND_ATTEMPTS. Only while the row still holds this claim (the claim wrote $4 into
 * updatedAt): past the lease another worker may have claimed it, and that claim is not ours.
 */
export const HAND_BACK: Statement = {
  name: 'send.hand-back',
  text: `
    UPDATE "Delivery" SET status = 'pending', attempts = greatest(attempts - 1, 0), "lastError" = $3::text, "updatedAt" = $2::timestamp
    WHERE id = $1::int AND status = 'sending' AND "updatedAt" = $4::timestamp`,
};

/**
 * $1 ids, $2 their message ids, $3 time. `d.id = ANY($1)` besides the join lets the planner
 * fetch the rows by primary key: joined to unnest alone it hashed every pending delivery of
 * the run (a sequential scan of Delivery) for each batch of 50.
 */
export const RECORD_SENT_MANY: Statement = {
  name: 'send.record-sent-many',
  text: `
    UPDATE "Delivery" d SET status = 'sent', "messageId" = u.mid, "sentAt" = $3::timestamp, "updatedAt" = $3::timestamp, "lastError" = NULL
    FROM unnest($1::int[], $2::text[]) AS u(id, mid)
    WHERE d.id = ANY($1::int[]) AND d.id = u.id AND d.status IN ('pending', 'sending')`,
};
