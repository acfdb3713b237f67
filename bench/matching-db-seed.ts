// Seeds the database benchmark (bench/matching-db.bench.ts): the very readers, topics and
// papers of the in-memory benchmark (same generators, same seed), loaded with set-based SQL:
// readers from generate_series, their ~4.5M topics as unnest() of two int arrays per 100,000
// readers (the key strings travel once per chunk, not once per row), papers with a snapshot a
// day old for growth, and one sent digest with two of the new papers for every 10th reader.
import { Client } from 'pg';
import type { MatchablePaper } from '@paperboy/matching';
import { makePapers, makeReaders, type Readers } from './matching-corpus';
import { seeded } from '@paperboy/matching/testing';
import { makeTopics, type Topics } from './matching-data';

export const NOW = new Date('2026-11-27T08:00:00Z');
const CHUNK = 100_000;

export interface SeedSize {
  readers: number;
  papers: number;
  topics: number;
}

async function seedPapers(client: Client, papers: MatchablePaper[]): Promise<void> {
  await client.query(
    `INSERT INTO "Paper" ("id", "sourceId", "title", "abstract", "publishedAt", "upvotes", "sources", "updatedAt")
     SELECT u.id, 'bench.' || u.id, u.title, u.abstract, u.published, u.upvotes, '{bench}', now()
     FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::int[]) AS u(id, title, abstract, published, upvotes)`,
    [
      papers.map((p) => p.id),
      papers.map((p) => p.title),
      papers.map((p) => p.abstract),
      papers.map((p) => p.publishedAt),
      papers.map((p) => p.upvotes),
    ],
  );
  const growing = papers.filter((p) => (p.upvoteGrowth ?? 0) > 0);
  await client.query(
    `INSERT INTO "PaperSignal" ("paperId", "upvotes", "observedAt") SELECT u.id, u.up, $3::timestamptz FROM unnest($1::int[], $2::int[]) AS u(id, up)`,
    [
      growing.map((p) => p.id),
      growing.map((p) => p.upvotes - (p.upvoteGrowth ?? 0)),
      new Date(NOW.getTime() - 2 * 86_400_000),
    ],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('"Paper"', 'id'), $1)`, [papers.length]);
}

/** bench/matching.bench.ts's seed and order of draws: the very same data. */
export function generate(size: SeedSize): { topics: Topics; papers: MatchablePaper[]; readers: Readers } {
  const random = seeded(20261127);
  const topics = makeTopics(size.topics, random);
  const papers = makePapers(size.papers, topics, random, NOW);
  return { topics, papers, readers: makeReaders(size.readers, topics.raws.length, random) };
}

export async function seed(client: Client, size: SeedSize, log: (line: string) => void): Promise<void> {
  const { topics, papers, readers } = generate(size);
  log(
    `generated ${topics.raws.length} topics, ${papers.length} papers, ${readers.count} readers (${readers.topics.length} reader-topic pairs)`,
  );
  await client.query('SET synchronous_commit = off');
  await seedPapers(client, papers);
  await client.query(
    `INSERT INTO "Subscriber" ("id", "email", "status", "updatedAt")
     SELECT g, 'reader' || g || '@bench.invalid', 'active', now() FROM generate_series(1, $1::int) g`,
    [readers.count],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('"Subscriber"', 'id'), $1)`, [readers.count]);
  for (let from = 0; from < readers.count; from += CHUNK) {
    const to = Math.min(readers.count, from + CHUNK);
    const start = readers.offsets[from] as number;
    const end = readers.offsets[to] as number;
    const sids = new Int32Array(end - start);
    for (let r = from; r < to; r += 1)
      sids.fill(r + 1, (readers.offsets[r] as number) - start, (readers.offsets[r + 1] as number) - start);
    await client.query(
      `INSERT INTO "Topic" ("subscriberId", "key", "raw")
       SELECT u.s, ($3::text[])[u.t + 1], ($4::text[])[u.t + 1] FROM unnest($1::int[], $2::int[]) AS u(s, t)`,
      [Array.from(sids), Array.from(readers.topics.subarray(start, end)), topics.keys, topics.raws],
    );
  }
  await client.query(
    `INSERT INTO "Delivery" ("subscriberId", "periodKey", "status", "updatedAt")
     SELECT g + 1, 'bench', 'sent', now() FROM generate_series(0, $1::int - 1, 10) g`,
    [readers.count],
  );
  // The in-memory benchmark's exclusions: reader r (id r + 1) received papers 1 + r % P and 1 + 7r % P.
  await client.query(
    `INSERT INTO "DeliveryPaper" ("deliveryId", "paperId", "subscriberId", "rank", "score", "reason")
     SELECT d."id", x.p, d."subscriberId", 0, 1, 'bench' FROM "Delivery" d,
       LATERAL (SELECT DISTINCT unnest(ARRAY[1 + (d."subscriberId" - 1) % $1::int, 1 + ((d."subscriberId" - 1) * 7) % $1::int])) AS x(p)`,
    [papers.length],
  );
  await client.query('VACUUM ANALYZE');
}
