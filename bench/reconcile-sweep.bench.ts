// The reconciliation sweep (core: reconcileMissingDigests) runs in every schedule job, once a
// minute, whenever the build queue is idle: what does it cost when nothing is missing (the
// normal case)? Seeds N daily readers whose slots are spread evenly over the next 24 hours, each
// with the Delivery of its previous period, then times the sweep (it must find nothing).
// Usage: npx tsx --conditions=source bench/reconcile-sweep.bench.ts [--readers=100000] [--runs=5]
import { loadConfig } from '@paperboy/config';
import { reconcileMissingDigests } from '@paperboy/core';
import { createTestDatabase } from '@paperboy/db/testing';
import { createTestQueues } from '@paperboy/queue/testing';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

async function main(): Promise<void> {
  const readers = arg('readers', 100_000);
  const runs = arg('runs', 5);
  const database = await createTestDatabase();
  const queues = createTestQueues();
  try {
    const now = new Date();
    await database.db.$executeRawUnsafe(
      `INSERT INTO "Subscriber" (email, status, timezone, "digestHour", "nextDigestAt", "updatedAt", "createdAt")
       SELECT 'r' || g || '@example.org', 'active', 'UTC', 0, $1::timestamp + (g * interval '86400 seconds' / ${readers}),
              $1::timestamp - interval '2 days', $1::timestamp - interval '2 days'
         FROM generate_series(1, ${readers}) g`,
      now.toISOString(),
    );
    await database.db.$executeRawUnsafe(
      `INSERT INTO "Delivery" ("subscriberId", "periodKey", status, "updatedAt")
       SELECT id, 'd' || to_char("nextDigestAt" - interval '1 day', 'YYYY-MM-DD'), 'sent', now() FROM "Subscriber"`,
    );
    await database.db.$executeRawUnsafe('ANALYZE');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_PREFIX: queues.prefix });
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const found = await reconcileMissingDigests({ db: database.db, config, queues: queues.queues });
      ms.push(Math.round(performance.now() - started));
      if (found) throw new Error(`the sweep found ${found} missing digests where none are missing`);
    }
    const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    console.log(JSON.stringify({ readers, runs: ms, medianMs: median }));
  } finally {
    await queues.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
