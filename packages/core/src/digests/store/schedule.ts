// Who is due and what was lost: the schedule's keyset pages of due readers (the (status,
// nextDigestAt) index), the clock moved on, and the sweeps for builds Redis lost.
import type { Db } from '@paperboy/db';

export interface DueRow {
  id: number;
  frequency: 'daily' | 'weekly';
  timezone: string;
  digestHour: number;
  digestWeekday: number;
  nextDigestAt: Date | null;
}

const COLUMNS = 'id, frequency::text AS frequency, timezone, "digestHour", "digestWeekday", "nextDigestAt"';

/** Active readers (force: all of them; otherwise those due at `now`). */
export async function countDueReaders(
  db: Pick<Db, '$queryRaw'>,
  now: Date,
  force: boolean,
): Promise<number | undefined> {
  const [row] = force
    ? await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Subscriber" WHERE status = 'active'`
    : await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Subscriber"
        WHERE status = 'active' AND "nextDigestAt" <= ${now.toISOString()}::timestamp`;
  return row?.n;
}

/** How many of these (reader, period) pairs have their Delivery already. */
export async function countBuiltDeliveries(
  db: Pick<Db, '$queryRaw'>,
  builds: readonly { subscriberId: number; periodKey: string }[],
): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Delivery" d
    JOIN unnest(${builds.map((b) => b.subscriberId)}::int[], ${builds.map((b) => b.periodKey)}::text[]) AS b(sub, period)
      ON d."subscriberId" = b.sub AND d."periodKey" = b.period`;
  return row?.n ?? 0;
}

/** One active reader, when due at `now` (or whatever the hour with force). */
export function dueReader(db: Pick<Db, '$queryRawUnsafe'>, id: number, now: Date, force: boolean): Promise<DueRow[]> {
  const due = force ? '' : `AND "nextDigestAt" <= $2::timestamp`;
  return db.$queryRawUnsafe<DueRow[]>(
    `SELECT ${COLUMNS} FROM "Subscriber" WHERE id = $1 AND status = 'active' ${due}`,
    id,
    ...(force ? [] : [now.toISOString()]),
  );
}

/** Everyone active after `afterId`, in id order (the primary key is the cheapest keyset). */
export function activeReadersPage(db: Pick<Db, '$queryRawUnsafe'>, afterId: number, limit: number): Promise<DueRow[]> {
  return db.$queryRawUnsafe<DueRow[]>(
    `SELECT ${COLUMNS} FROM "Subscriber" WHERE status = 'active' AND id > $1 ORDER BY id LIMIT $2`,
    afterId,
    limit,
  );
}

/** Readers due at `now` after `cursor`: served by the (status, nextDigestAt) index; the row comparison is the keyset. */
export function dueReadersPage(
  db: Pick<Db, '$queryRawUnsafe'>,
  now: Date,
  limit: number,
  cursor?: { at: Date; id: number },
): Promise<DueRow[]> {
  return db.$queryRawUnsafe<DueRow[]>(
    `SELECT ${COLUMNS} FROM "Subscriber" WHERE status = 'active' AND "nextDigestAt" <= $1::timestamp
       AND ("nextDigestAt", id) > ($2::timestamp, $3) ORDER BY "nextDigestAt", id LIMIT $4`,
    now.toISOString(),
    cursor ? cursor.at.toISOString() : '-infinity',
    cursor?.id ?? 0,
    limit,
  );
}

/** nextDigestAt → `next` per reader, only if still due at `now` (a preference change wins). */
export function advanceDueReaders(
  db: Pick<Db, '$executeRaw'>,
  ids: readonly number[],
  next: readonly string[],
  now: Date,
): Promise<number> {
  return db.$executeRaw`
    UPDATE "Subscriber" s SET "nextDigestAt" = u.next::timestamp
    FROM unnest(${[...ids]}::int[], ${[...next]}::text[]) AS u(id, next)
    WHERE s.id = u.id AND s.status = 'active' AND s."nextDigestAt" <= ${now.toISOString()}::timestamp`;
}

interface Range {
  /** ISO timestamps: (from, to]. */
  from: string;
  to: string;
}

/**
 * Active readers whose previous slot (nextDigestAt one period back, in their own calendar) fell
 * in `slots` with no Delivery for its period, unchanged since that slot, at most `limit`. The
 * `day` / `week` ranges of nextDigestAt let the (status, nextDigestAt) index find the candidates.
 */
export function readersMissingDigest(
  db: Pick<Db, '$queryRaw'>,
  { day, week, slots, limit }: { day: Range; week: Range; slots: Range; limit: number },
): Promise<{ subscriberId: number; periodKey: string }[]> {
  return db.$queryRaw<{ subscriberId: number; periodKey: string }[]>`
    WITH candidates AS (
      SELECT s.id, s.frequency, s.timezone, s."updatedAt",
             ((s."nextDigestAt" AT TIME ZONE 'UTC') AT TIME ZONE s.timezone)
               - CASE WHEN s.frequency = 'weekly' THEN interval '7 days' ELSE interval '1 day' END AS local_prev
        FROM "Subscriber" s
       WHERE s.status = 'active'
         AND ((s.frequency = 'daily' AND s."nextDigestAt" > ${day.from}::timestamp AND s."nextDigestAt" <= ${day.to}::timestamp)
           OR (s.frequency = 'weekly' AND s."nextDigestAt" > ${week.from}::timestamp AND s."nextDigestAt" <= ${week.to}::timestamp))
    ), slots AS (
      SELECT id, "updatedAt",
             (local_prev AT TIME ZONE timezone) AT TIME ZONE 'UTC' AS prev_at,
             CASE WHEN frequency = 'weekly' THEN 'w' || to_char(local_prev, 'IYYY-"W"IW') ELSE 'd' || to_char(local_prev, 'YYYY-MM-DD') END AS period_key
        FROM candidates
    )
    SELECT id AS "subscriberId", period_key AS "periodKey"
      FROM slots
     WHERE prev_at <= ${slots.to}::timestamp AND prev_at > ${slots.from}::timestamp
       AND "updatedAt" < prev_at
       AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."subscriberId" = slots.id AND d."periodKey" = slots.period_key)
     ORDER BY id
     LIMIT ${limit}`;
}
