// Child process for sql-pool.test.ts: reads one timestamp through Prisma and through sqlPool in
// whatever TZ the test started it with, and prints both instants.
import { createDb, sqlPool } from '../src/client';

async function main(): Promise<void> {
  const db = createDb(process.argv[2]!, { maxConnections: 1 });
  const id = Number(process.argv[3]);
  const viaPrisma = await db.subscriber.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
  const viaPool = await sqlPool(db).query<{ createdAt: Date }>({
    name: 'test.createdAt',
    text: 'SELECT "createdAt" FROM "Subscriber" WHERE id = $1',
    values: [id],
  });
  console.log(
    JSON.stringify({
      tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
      prisma: viaPrisma.createdAt.toISOString(),
      pool: viaPool.rows[0]!.createdAt.toISOString(),
    }),
  );
  await db.$disconnect();
}

void main();
