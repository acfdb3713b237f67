// The two sides of the ingestion benchmark, each run in its own process by ingest-import.bench.ts.
import { randomBytes } from 'node:crypto';
import { importPaperFile } from '@paperboy/core/ingest';
import { createDb } from '@paperboy/db';
import { createLogger } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis, QUEUE } from '@paperboy/queue';
import { readPaperFile } from '@paperboy/papers';

export interface Measured {
  papers: number;
  seconds: number;
  /** User + system CPU of this process: other load on the machine moves it far less than wall time. */
  cpuSeconds: number;
  peakRssMb: number;
  detail: string;
}

const elapsed = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** The real thing: importPaperFile with real Postgres, Redis and the match queue. */
export async function measureFastImport(
  databaseUrl: string,
  file: string,
  tuning: { batchSize?: number; gcEveryPapers?: number } = {},
): Promise<Measured> {
  const db = createDb(databaseUrl, { maxConnections: 4 });
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const queues = createQueues(redis, prefix);
  try {
    const started = process.hrtime.bigint();
    const cpu0 = cpuSeconds();
    const summary = await importPaperFile(
      { db, queues, redis, redisPrefix: prefix, logger: createLogger({ level: 'silent', name: 'bench' }) },
      file,
      tuning,
    );
    const seconds = elapsed(started);
    const detail = `${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.matchJobs} match jobs`;
    return { papers: summary.fetched, seconds, cpuSeconds: cpuSeconds() - cpu0, peakRssMb: peakRssMb(), detail };
  } finally {
    await queues[QUEUE.match].obliterate({ force: true });
    await closeQueues(queues);
    redis.disconnect();
    await db.$disconnect();
  }
}

/** The naive way: parse the same file, then one Prisma upsert and one signal row per paper. */
export async function measureNaiveImport(databaseUrl: string, file: string, sample: number): Promise<Measured> {
  const db = createDb(databaseUrl, { maxConnections: 4 });
  try {
    const started = process.hrtime.bigint();
    const cpu0 = cpuSeconds();
    let papers = 0;
    for await (const batch of readPaperFile(file, { batchSize: 500 })) {
      for (const { source, ...paper } of batch.papers) {
        if (papers >= sample) break;
        const stored = await db.paper.upsert({
          where: { sourceId: paper.sourceId },
          create: { ...paper, sources: [source] },
          update: { upvotes: paper.upvotes, numComments: paper.numComments, githubStars: paper.githubStars },
        });
        await db.paperSignal.create({
          data: {
            paperId: stored.id,
            upvotes: stored.upvotes,
            numComments: stored.numComments,
            githubStars: stored.githubStars,
          },
        });
        papers++;
      }
      if (papers >= sample) break;
    }
    return {
      papers,
      seconds: elapsed(started),
      cpuSeconds: cpuSeconds() - cpu0,
      peakRssMb: peakRssMb(),
      detail: 'one upsert + one signal insert per paper',
    };
  } finally {
    await db.$disconnect();
  }
}
