// Seeds the morning benchmark's database (bench/morning.bench.ts) with set-based SQL, so a
// million readers take a minute or two, never a row per round trip:
// - N active, confirmed, daily readers (generate_series), DIGEST_HOUR's default 08:00 local, in
//   the time zones of morning-plan.ts, each with nextDigestAt already set to their slot on the
//   simulated day (computed per zone by core's own nextDigestAt) and updatedAt at its start;
// - their topics: the send benchmark's 40 topics and its Zipf-like pick (bench/digest-send.data.ts:
//   index = floor(40 · u^2.5), 1–4 draws per reader, repeats merged), u from hashint8 so any
//   database seeded with the same N holds the same readers;
// - a day of papers (published over the 24 h before seeding, varied titles and abstracts naming
//   1–2 of the topics), an upvote snapshot 30 h old for a third of them ("gained today"), and
//   their Match rows from the real matching use case (matchNewPapers), then VACUUM ANALYZE.
import { matchNewPapers, nextDigestAt } from '@paperboy/core';
import { createDb } from '@paperboy/db';
import { normalizeTopic } from '@paperboy/matching';
import { seeded } from '@paperboy/matching/testing';
import type { Client } from 'pg';
import { TOPICS } from './digest-send.data';
import { zoneSlots } from './morning-plan';

const WORDS = (
  'scalable efficient robust sparse adaptive hierarchical causal probabilistic interpretable multilingual ' +
  'benchmark ablation training inference latency memory accuracy dataset tasks baselines objective ' +
  'alignment feedback preference planning tools reasoning retrieval long-context compression quantization ' +
  'distillation tokens routing experts calibration uncertainty generalization pretraining fine-tuning'
).split(' ');

export interface MorningSeed {
  readers: number;
  papers: number;
  /** The simulated day: every reader's slot falls in (dayStart, dayStart + 24 h]. */
  dayStart: Date;
  /** The seeding clock: papers are published over the day before it. */
  now: Date;
}

export interface SeedResult {
  topicRows: number;
  matches: number;
  matchedTopics: number;
  /** Distinct due instants of the simulated day (the schedule jobs the bench sends). */
  dueInstants: number;
}

/** Uniform [0, 1) from (reader, draw), reproducible across databases. */
const U = (g: string, n: string) => `((hashint8((${g})::bigint * 16 + ${n}) & 2147483647)::float8 / 2147483648.0)`;

function makePapers(count: number, now: Date) {
  const random = seeded(20261206);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[Math.floor(TOPICS.length * random() ** 1.5)] as string;
    const other = pick(TOPICS);
    const upvotes = Math.floor(Math.exp(random() * 5.5));
    return {
      id: i + 1,
      sourceId: `2612.${String(10000 + i)}`,
      title: `${topic[0]?.toUpperCase()}${topic.slice(1)}: ${sentence(4 + Math.floor(random() * 6))}`,
      abstract: [
        `We study ${topic} with ${sentence(8)}.`,
        `${sentence(12)}.`,
        `Our ${sentence(3)} relates ${topic} to ${other}.`,
        `${sentence(14)}.`,
        `Experiments on ${sentence(6)} show ${sentence(7)}.`,
      ].join(' '),
      publishedAt: new Date(now.getTime() - Math.floor(random() * 86_400_000)),
      upvotes,
      gained: random() < 0.35 ? Math.floor(random() * upvotes) : 0,
    };
  });
}

export async function seedMorning(
  client: Client,
  databaseUrl: string,
  seed: MorningSeed,
  log: (line: string) => void,
): Promise<SeedResult> {
  const started = performance.now();
  const lap = (what: string) => log(`  ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await client.query('SET synchronous_commit = off');
  const slots = zoneSlots();
  const zones = [...new Set(slots)];
  const slotOf = zones.map((timezone) =>
    nextDigestAt({ frequency: 'daily', timezone, digestHour: 8, digestWeekday: 1 }, seed.dayStart).toISOString(),
  );
  await client.query(
    `INSERT INTO "Subscriber" (id, email, status, frequency, timezone, "digestHour", "nextDigestAt",
                               "confirmedAt", "consentAt", "createdAt", "updatedAt")
     SELECT g, 'morning-reader-' || g || '@example.org', 'active', 'daily', z.zone, 8, z.due::timestamp,
            $3::timestamp, $3::timestamp, $3::timestamp, $4::timestamp
       FROM generate_series(1, $1::int) g
       JOIN unnest($5::text[], $6::text[]) AS z(zone, due) ON z.zone = ($2::text[])[1 + (g::bigint * 7919) % 100]`,
    [seed.readers, slots, seed.now.toISOString(), seed.dayStart.toISOString(), zones, slotOf],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('"Subscriber"', 'id'), $1)`, [seed.readers]);
  lap(`${seed.readers} readers`);
  const keys = TOPICS.map((t) => normalizeTopic(t).key);
  const topics = await client.query(
    `INSERT INTO "Topic" ("subscriberId", raw, key)
     SELECT DISTINCT ON (g, t) g, ($2::text[])[t + 1], ($3::text[])[t + 1]
       FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL generate_series(1, 1 + floor(${U('g', '0')} * 4)::int) n
       CROSS JOIN LATERAL (SELECT floor(40 * power(${U('g', 'n')}, 2.5))::int AS t) pick
      ORDER BY g, t`,
    [seed.readers, TOPICS, keys],
  );
  lap(`${topics.rowCount} reader topics`);

  const papers = makePapers(seed.papers, seed.now);
  await client.query(
    `INSERT INTO "Paper" (id, "sourceId", title, abstract, authors, "publishedAt", upvotes, "hfUrl", "pdfUrl", "arxivUrl",
                          sources, "createdAt", "updatedAt")
     SELECT u.id, u.sid, u.title, u.abstract, ARRAY['Ada Lovelace', 'Grace Hopper', 'Alan Turing'], u.published, u.upvotes,
            'https://huggingface.co/papers/' || u.sid, 'https://arxiv.org/pdf/' || u.sid, 'https://arxiv.org/abs/' || u.sid,
            '{hf-daily}', u.published, u.published
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[])
            AS u(id, sid, title, abstract, published, upvotes)`,
    [
      papers.map((p) => p.id),
      papers.map((p) => p.sourceId),
      papers.map((p) => p.title),
      papers.map((p) => p.abstract),
      papers.map((p) => p.publishedAt),
      papers.map((p) => p.upvotes),
    ],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('"Paper"', 'id'), $1)`, [papers.length]);
  const gaining = papers.filter((p) => p.gained > 0);
  await client.query(
    `INSERT INTO "PaperSignal" ("paperId", upvotes, "observedAt")
     SELECT u.id, u.up, $3::timestamp FROM unnest($1::int[], $2::int[]) AS u(id, up)`,
    [
      gaining.map((p) => p.id),
      gaining.map((p) => p.upvotes - p.gained),
      new Date(seed.now.getTime() - 30 * 3600_000).toISOString(),
    ],
  );
  const db = createDb(databaseUrl, { maxConnections: 2 });
  try {
    const matched = await matchNewPapers(
      { db, now: () => seed.now },
      papers.map((p) => p.id),
    );
    lap(`${papers.length} papers, ${matched.matches} matches`);
    await client.query('VACUUM ANALYZE');
    lap('VACUUM ANALYZE');
    const stats = await client.query<{ topics: number; due: number }>(
      `SELECT (SELECT count(DISTINCT "topicKey")::int FROM "Match") AS topics,
              (SELECT count(DISTINCT "nextDigestAt")::int FROM "Subscriber") AS due`,
    );
    return {
      topicRows: topics.rowCount ?? 0,
      matches: matched.matches,
      matchedTopics: stats.rows[0]?.topics ?? 0,
      dueInstants: stats.rows[0]?.due ?? 0,
    };
  } finally {
    await db.$disconnect();
  }
}
