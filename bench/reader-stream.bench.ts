// Streaming readers out of PostgreSQL: the same reader pages (ids, topics joined per reader,
// papers received since the window's start) decoded through Prisma's $queryRaw, as
// readerBatches did before issue 16, and through the named pg prepared statement readerBatches
// runs now; Node CPU per way, alternating, in one process (the first round of each includes
// its warm-up: a fresh worker's first run pays it too).
// Needs the database of bench/matching-db.bench.ts: seed it once with
//   npx tsx --conditions=source bench/matching-db.bench.ts --phase=seed --readers=200000
// then: npx tsx --conditions=source bench/reader-stream.bench.ts [--rounds=5] [--batch=2000]
// Results in BENCHMARKS.md ("Streaming readers' topics out of PostgreSQL").
import { readerBatches } from '@paperboy/core';
import { createDb, type Db } from '@paperboy/db';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 5);
const BATCH = arg('batch', 2_000);
const URL_ = (process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres').replace(
  /\/[^/]*$/,
  '/paperboy_bench_matching',
);
const SINCE = new Date('2026-11-20T00:00:00Z');

/** The pages as Prisma rows, shaped as readerBatches shapes them (topics with labels, received ids). */
async function throughPrisma(db: Db): Promise<number> {
  let afterId = 0;
  let readers = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: number; keys: string; raws: string; delivered: string }[]>`
      WITH page AS (
        SELECT "id" FROM "Subscriber" WHERE "id" > ${afterId} AND "status" = ANY(${['active']}::"SubscriberStatus"[]) ORDER BY "id" LIMIT ${BATCH}),
      tp AS (
        SELECT page."id", string_agg(t."key", chr(31) ORDER BY t."id") AS keys, string_agg(t."raw", chr(31) ORDER BY t."id") AS raws
        FROM page LEFT JOIN "Topic" t ON t."subscriberId" = page."id" AND NOT t."muted" GROUP BY page."id"),
      dl AS (
        SELECT dp."subscriberId" AS "id", string_agg(dp."paperId"::text, ',') AS delivered
        FROM page JOIN "DeliveryPaper" dp ON dp."subscriberId" = page."id" JOIN "Paper" p ON p."id" = dp."paperId"
        WHERE p."publishedAt" >= ${SINCE} GROUP BY dp."subscriberId")
      SELECT tp."id", COALESCE(tp.keys, '') AS keys, COALESCE(tp.raws, '') AS raws, COALESCE(dl.delivered, '') AS delivered
      FROM tp LEFT JOIN dl ON dl."id" = tp."id" ORDER BY tp."id"`;
    if (rows.length === 0) return readers;
    const shaped = rows.map((r) => {
      const keys = r.keys === '' ? [] : r.keys.split('\x1f');
      const raws = r.raws.split('\x1f');
      const topics = keys.map((key, i) => ({ key, label: (raws[i] as string).trim() || key }));
      return { subscriberId: r.id, topics, delivered: r.delivered === '' ? [] : r.delivered.split(',').map(Number) };
    });
    readers += shaped.length;
    afterId = (rows[rows.length - 1] as { id: number }).id;
  }
}

async function throughPg(db: Db): Promise<number> {
  let readers = 0;
  for await (const batch of readerBatches(db, { batchSize: BATCH, deliveredSince: SINCE })) readers += batch.length;
  return readers;
}

async function main(): Promise<void> {
  const db = createDb(URL_, { maxConnections: 2 });
  const cpu: Record<string, number[]> = { prisma: [], pg: [] };
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const [name, run] of [
      ['prisma', throughPrisma],
      ['pg', throughPg],
    ] as const) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const readers = await run(db);
      const used = process.cpuUsage(c0);
      const ms = (used.user + used.system) / 1000;
      cpu[name]?.push(ms);
      console.log(
        `round ${round} ${name}: ${readers} readers, ${ms.toFixed(0)} ms CPU (${((ms / readers) * 1e3).toFixed(2)} s per million), ${(performance.now() - t0).toFixed(0)} ms wall`,
      );
    }
  }
  const warm = (xs: number[]) => [...xs.slice(1)].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
  console.log(
    `median of rounds 2-${ROUNDS}: Prisma ${warm(cpu.prisma ?? []).toFixed(0)} ms, pg ${warm(cpu.pg ?? []).toFixed(0)} ms CPU`,
  );
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
