// The measured phases of bench/matching-db.bench.ts, each in its own process so that peak RSS is
// the phase's own: `run` (match the new papers, then every reader streamed out of PostgreSQL and
// ranked) and `memory` (the same ranking, same batches and code, readers' topics from memory).
import { createDb } from '@paperboy/db';
import {
  matchNewPapers,
  MatchWindow,
  prepareBatch,
  TopicIndexCache,
  type MatchingDeps,
  type ReaderTopics,
} from '@paperboy/core';
import { rankEveryReader } from '@paperboy/core/testing';
import { generate, NOW, type SeedSize } from './matching-db-seed';

export interface BenchSettings {
  url: string;
  size: SeedSize;
  batch: number;
}

export interface RunResult {
  /** This process's CPU (user + system) over the measured part: less sensitive to other load than wall time. */
  cpuMs: number;
  matchMs: number;
  rankMs: number;
  totalMs: number;
  waitMs: number;
  rankCpuMs: number;
  matches: number;
  topics: number;
  readers: number;
  papersOut: number;
  peakRssMb: number;
}

export type MemoryResult = Pick<RunResult, 'cpuMs' | 'rankMs' | 'readers' | 'papersOut' | 'peakRssMb'>;

/** rankEveryReader's default slice. */
const SLICE = 250;
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const depsFor = (url: string): MatchingDeps => ({
  db: createDb(url, { maxConnections: 4 }),
  now: () => NOW,
  config: { MATCH_WINDOW_DAYS: 14, DIGEST_MAX_PAPERS: 10 },
});

export async function runPhase({ url, size, batch }: BenchSettings): Promise<RunResult> {
  const deps = depsFor(url);
  await deps.db.$executeRawUnsafe('DELETE FROM "Match"'); // every run does the full work, inserts included
  const paperIds = Array.from({ length: size.papers }, (_, i) => i + 1);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const matched = await matchNewPapers(deps, paperIds, { indexCache: new TopicIndexCache() });
  const t1 = performance.now();
  let readers = 0;
  const stats = await rankEveryReader(
    deps,
    (digests) => {
      readers += digests.length;
    },
    { batchSize: batch },
  );
  const t2 = performance.now();
  const cpuMs = cpuSince(c0);
  await deps.db.$disconnect();
  return {
    cpuMs,
    matchMs: t1 - t0,
    rankMs: t2 - t1,
    totalMs: t2 - t0,
    waitMs: stats.waitMs,
    rankCpuMs: stats.rankMs,
    matches: matched.matches,
    topics: matched.topics,
    readers,
    papersOut: stats.papers,
    peakRssMb: peakRssMb(),
  };
}

export async function memoryPhase({ url, size, batch }: BenchSettings): Promise<MemoryResult> {
  const { topics, readers } = generate(size); // exactly what the seed stored
  const deps = depsFor(url);
  const batchFrom = (from: number): ReaderTopics[] => {
    const out: ReaderTopics[] = [];
    for (let r = from; r < Math.min(readers.count, from + batch); r += 1) {
      const list: ReaderTopics['topics'] = [];
      for (let i = readers.offsets[r] as number; i < (readers.offsets[r + 1] as number); i += 1) {
        const t = readers.topics[i] as number;
        list.push({ key: topics.keys[t] as string, label: topics.raws[t] as string });
      }
      out.push({ subscriberId: r + 1, topics: list });
    }
    return out;
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const window = await MatchWindow.load(deps);
  let count = 0;
  let papersOut = 0;
  for (let from = 0; from < readers.count; from += batch) {
    const readersOfBatch = batchFrom(from);
    const prepared = await prepareBatch(deps, readersOfBatch, { window }); // as rankEveryReader does
    for (let at = 0; at < readersOfBatch.length; at += SLICE) {
      const digests = prepared.rank(readersOfBatch.slice(at, at + SLICE));
      count += digests.length;
      for (const d of digests) papersOut += d.papers.length;
    }
  }
  const rankMs = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  await deps.db.$disconnect();
  return { cpuMs, rankMs, readers: count, papersOut, peakRssMb: peakRssMb() };
}
