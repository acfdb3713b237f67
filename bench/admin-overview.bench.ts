// Admin overview with 1,000,000 readers: seeds them in bulk SQL into a fresh migrated database,
// then measures (medians) what an operator waits for:
//  - GET /admin served from the cached snapshot (every view but the first after a cold start),
//  - computing the snapshot from the database (the background refresh, at most every STATS_CACHE_SECONDS).
// Usage: npx tsx bench/admin-overview.bench.ts [--readers=1000000] [--runs=50]
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@paperboy/config';
import { computeOverview } from '@paperboy/core';
import * as queries from '../packages/core/src/stats/stats.store';
import { createTestDatabase } from '@paperboy/db/testing';
import { createLogger } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis } from '@paperboy/queue';
import { createApp } from '../apps/api/src/app';
import { seedAdminOverview } from './admin-overview-seed';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const readers = arg('readers', 1_000_000);
  const runs = arg('runs', 50);
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    ADMIN_USER: 'bench',
    ADMIN_PASSWORD: 'bench-password',
  });
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, prefix);
  try {
    const seedMs = await time(() => seedAdminOverview(client, { readers, papers: 20_000 }));
    const topics = (await client.query('SELECT count(*)::int AS n FROM "Topic"')).rows[0].n as number;
    console.log(
      `seeded ${readers.toLocaleString('en-US')} readers, ${topics.toLocaleString('en-US')} topics in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const computes: number[] = [];
    for (let i = 0; i < 5; i++) computes.push(await time(() => computeOverview(database.db)));
    // Each aggregate alone (median of 3), to see where a snapshot's time goes.
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
    const parts: Record<string, () => Promise<unknown>> = {
      'readers by status/frequency': () => queries.readersByStatusAndFrequency(database.db),
      'new this week': () => queries.countSince(database.db, 'createdAt', weekAgo),
      'unsubscribed this week': () => queries.countSince(database.db, 'unsubscribedAt', weekAgo),
      'suppressions by reason': () => queries.suppressionsByReason(database.db),
      'papers by source': () => queries.papersBySource(database.db),
      'last ingest runs': () => queries.lastIngestRuns(database.db),
      'deliveries today': () => queries.deliveryCounts(database.db, new Date(new Date().setUTCHours(0, 0, 0, 0))),
      'top topics': () => queries.topTopics(database.db, 12),
    };
    const breakdown: string[] = [];
    for (const [label, run] of Object.entries(parts)) {
      const xs = [await time(run), await time(run), await time(run)];
      breakdown.push(`${label} ${median(xs).toFixed(1)} ms`);
    }

    const app = createApp({
      config,
      logger: createLogger({ level: 'silent', name: 'bench' }),
      db: database.db,
      redis,
      queues,
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
    const headers = { authorization: `Basic ${Buffer.from('bench:bench-password').toString('base64')}` };
    const view = async () => {
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`GET /admin answered ${res.status}`);
      await res.text();
    };
    const cold = await time(view);
    const views: number[] = [];
    for (let i = 0; i < runs; i++) views.push(await time(view));
    server.closeAllConnections();
    server.close();

    const plan = await client.query(
      `EXPLAIN SELECT status, frequency, count(*) FROM "Subscriber" GROUP BY status, frequency`,
    );
    console.log(`readers-by-status plan: ${plan.rows.map((r) => r['QUERY PLAN']).join(' | ')}`);
    console.log(
      `compute snapshot (cache miss, background refresh): median ${ms(median(computes))} of ${computes.length} (${computes.map((c) => c.toFixed(0)).join(', ')})`,
    );
    console.log(`  per aggregate (median of 3): ${breakdown.join('; ')}`);
    console.log(`GET /admin first view after cold start (computes):    ${ms(cold)}`);
    console.log(
      `GET /admin from cached snapshot: median ${ms(median(views))}, p95 ${ms(p95(views))} over ${runs} views`,
    );
  } finally {
    await client.end();
    for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
    await closeQueues(queues);
    redis.disconnect();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
