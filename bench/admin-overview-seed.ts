// Seeds a realistic-looking paperboy database in bulk SQL (generate_series, never row by row):
// readers across statuses, frequencies and sign-up dates, 1-3 topics each from a skewed list,
// papers from several sources, ingest runs, today's deliveries and suppressions. Used by the
// admin overview benchmark (1,000,000 readers) and its browser test / screenshots (a few thousand).
import type { Client } from 'pg';

const TOPICS = [
  'large language models',
  'diffusion models',
  'reinforcement learning',
  'retrieval augmented generation',
  'graph neural networks',
  'computer vision',
  'speech recognition',
  'robotics',
  'protein folding',
  'mixture of experts',
  'vision language models',
  'ai safety',
  'interpretability',
  'federated learning',
  'quantization',
  'code generation',
  'time series',
  'recommender systems',
  'causal inference',
  'neural radiance fields',
  'multi agent systems',
  'world models',
  'long context',
  'tokenization',
  'knowledge distillation',
  'contrastive learning',
  'speculative decoding',
  'state space models',
  'climate modelling',
  'medical imaging',
];

export interface SeedOptions {
  readers: number;
  papers?: number;
}

export async function seedAdminOverview(client: Client, options: SeedOptions): Promise<void> {
  const papers = options.papers ?? 400;
  await client.query(
    `INSERT INTO "Subscriber" (email, status, frequency, timezone, "createdAt", "updatedAt", "confirmedAt", "unsubscribedAt")
     SELECT 'reader' || g || '@example.org',
       (CASE WHEN g % 100 < 80 THEN 'active' WHEN g % 100 < 89 THEN 'pending' WHEN g % 100 < 95 THEN 'unsubscribed'
             WHEN g % 100 < 97 THEN 'paused' WHEN g % 100 < 99 THEN 'bounced' ELSE 'complained' END)::"SubscriberStatus",
       (CASE WHEN g % 3 = 0 THEN 'weekly' ELSE 'daily' END)::"Frequency",
       'UTC', c, c, c, CASE WHEN g % 100 BETWEEN 89 AND 94 THEN least(now(), c + (g % 20) * interval '1 day') END
     FROM generate_series(1, $1::int) AS g, LATERAL (SELECT now() - ((g::bigint * 7919) % 120) * interval '1 day' - (g % 1440) * interval '1 minute' AS c) t`,
    [options.readers],
  );
  // Skewed popularity: power(x, 2.2) piles readers onto the first topics of the list.
  await client.query(
    `INSERT INTO "Topic" ("subscriberId", raw, key)
     SELECT s.id, k.key, k.key FROM "Subscriber" s, generate_series(1, 1 + s.id % 3) AS n,
       LATERAL (SELECT ($1::text[])[1 + floor(array_length($1::text[], 1) * power(((s.id::bigint * 7919 + n * 104729) % 1000) / 1000.0, 2.2))::int] AS key) k
     ON CONFLICT DO NOTHING`,
    [TOPICS],
  );
  await client.query(
    `INSERT INTO "Paper" ("sourceId", title, abstract, "publishedAt", upvotes, sources, "createdAt", "updatedAt")
     SELECT '2611.' || lpad(g::text, 5, '0'), 'Paper ' || g, 'Abstract of paper ' || g, now() - (g % 30) * interval '1 day', g % 200,
       CASE WHEN g % 5 = 0 THEN ARRAY['hf', 'arxiv'] WHEN g % 5 < 3 THEN ARRAY['hf'] WHEN g % 5 = 3 THEN ARRAY['arxiv'] ELSE ARRAY['file'] END,
       now() - (g % 30) * interval '1 day', now()
     FROM generate_series(1, $1::int) AS g`,
    [papers],
  );
  await client.query(
    `INSERT INTO "IngestRun" (source, status, "startedAt", "finishedAt", fetched, inserted, updated, rejected, error) VALUES
     ('hf', 'succeeded', now() - interval '26 hours', now() - interval '26 hours' + interval '40 seconds', 50, 31, 19, 0, NULL),
     ('hf', 'succeeded', now() - interval '2 hours', now() - interval '2 hours' + interval '35 seconds', 50, 12, 38, 0, NULL),
     ('arxiv', 'failed', now() - interval '3 hours', now() - interval '3 hours' + interval '30 seconds', 0, 0, 0, 0, 'arXiv API answered 503 Service Unavailable (will retry)'),
     ('file', 'succeeded', now() - interval '4 days', now() - interval '4 days' + interval '2 seconds', 120, 118, 0, 2, NULL)`,
  );
  // Today's digests: one per ~40 active readers, mostly sent, some failed or still pending.
  await client.query(
    `INSERT INTO "Delivery" ("subscriberId", "periodKey", status, attempts, "sentAt", "lastError", "createdAt", "updatedAt")
     SELECT id, 'd-' || to_char(now(), 'YYYY-MM-DD'),
       (CASE WHEN id / 40 % 25 = 0 THEN 'failed' WHEN id / 40 % 25 < 3 THEN 'pending' ELSE 'sent' END)::"DeliveryStatus",
       1, CASE WHEN id / 40 % 25 >= 3 THEN date_trunc('day', now()) + interval '8 hours' END,
       CASE WHEN id / 40 % 25 = 0 THEN '550 mailbox unavailable' END, date_trunc('day', now()) + interval '7 hours', now()
     FROM "Subscriber" WHERE status = 'active' AND id % 40 = 0`,
  );
  // The 29 days before: the same sample of readers got a digest a day (a few failed or skipped),
  // so the overview's 30-day charts have a history to draw.
  await client.query(
    `INSERT INTO "Delivery" ("subscriberId", "periodKey", status, attempts, "sentAt", "lastError", "createdAt", "updatedAt")
     SELECT s.id, 'd-' || to_char(day, 'YYYY-MM-DD'),
       (CASE WHEN (s.id / 40 + d) % 37 = 0 THEN 'failed' WHEN (s.id / 40 + d) % 9 = 0 THEN 'skipped' ELSE 'sent' END)::"DeliveryStatus",
       1, CASE WHEN (s.id / 40 + d) % 37 <> 0 AND (s.id / 40 + d) % 9 <> 0 THEN day + interval '8 hours' END,
       CASE WHEN (s.id / 40 + d) % 37 = 0 THEN '550 mailbox unavailable' END, day + interval '7 hours', day + interval '8 hours'
     FROM "Subscriber" s, generate_series(1, 29) AS d, LATERAL (SELECT date_trunc('day', now()) - d * interval '1 day' AS day) t
     WHERE s.status = 'active' AND s.id % 40 = 0 AND s."createdAt" < day`,
  );
  // The audit trail the reader charts count: a sign-up when each reader was created, a
  // confirmation for those who confirmed, an unsubscribe for those who left.
  await client.query(
    `INSERT INTO "SubscriptionEvent" ("subscriberId", type, "createdAt")
     SELECT id, 'subscribed', "createdAt" FROM "Subscriber"
     UNION ALL SELECT id, 'confirmed', "createdAt" + interval '20 minutes' FROM "Subscriber" WHERE status <> 'pending'
     UNION ALL SELECT id, 'unsubscribed', "unsubscribedAt" FROM "Subscriber" WHERE "unsubscribedAt" IS NOT NULL`,
  );
  // A month of daily ingest runs before the latest ones above (arXiv has no papers at weekends).
  await client.query(
    `INSERT INTO "IngestRun" (source, status, "startedAt", "finishedAt", fetched, inserted, updated, rejected)
     SELECT src, 'succeeded', day, day + interval '40 seconds', 60, n, 60 - n, 0
     FROM generate_series(2, 29) AS d,
       LATERAL (SELECT date_trunc('day', now()) - d * interval '1 day' + interval '6 hours' AS day) t,
       LATERAL (VALUES ('hf', 18 + (d * 7) % 23),
                       ('arxiv', CASE WHEN extract(isodow FROM day) > 5 THEN 0 ELSE 30 + (d * 13) % 35 END)) AS r(src, n)`,
  );
  await client.query(
    `INSERT INTO "Suppression" ("emailHash", reason)
     SELECT md5(email), (CASE status WHEN 'unsubscribed' THEN 'unsubscribed' WHEN 'bounced' THEN 'hard_bounce' ELSE 'complaint' END)::"SuppressionReason"
     FROM "Subscriber" WHERE status IN ('unsubscribed', 'bounced', 'complained')`,
  );
  await client.query('VACUUM ANALYZE');
}
