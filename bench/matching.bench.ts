// Matching at scale: 1,000,000 readers (1–8 topics each, Zipf over ~2,000 distinct topics) and
// 1,000 new papers, each reader's ranked digest with reasons. The indexed way (tag the papers
// once per distinct topic, then read the heads of per-topic lists per reader) against the naive
// way (every reader × every paper × every topic) run on a sample and scaled, in the same run.
// Run: npx tsx bench/matching.bench.ts  (options: --runs=3 --readers=1000000 --papers=1000
// --topics=2000 --naive-sample=300). Results go in BENCHMARKS.md ("## Matching").
import os from 'node:os';
import {
  buildTopicIndex,
  matchPapers,
  NaiveRanker,
  rankForReader,
  type RankedPaper,
  type RankForReaderOptions,
} from '@paperboy/matching';
import { makePapers, makeReaders, type Readers } from './matching-corpus';
import { makeTopics, rng } from './matching-data';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 3);
const READERS = arg('readers', 1_000_000);
const PAPERS = arg('papers', 1_000);
const TOPICS = arg('topics', 2_000);
const NAIVE_SAMPLE = arg('naive-sample', 300);
const NOW = new Date('2026-11-27T08:00:00Z');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

function readerTopics(readers: Readers, keys: string[], r: number): string[] {
  const out: string[] = [];
  for (let i = readers.offsets[r] as number; i < (readers.offsets[r + 1] as number); i += 1) {
    out.push(keys[readers.topics[i] as number] as string);
  }
  return out;
}

/** Every 10th reader already received two of the new papers (exercises the exclusions). */
const excludedFor = (r: number): number[] => (r % 10 === 0 ? [1 + (r % PAPERS), 1 + ((r * 7) % PAPERS)] : []);

function digestSignature(ranked: RankedPaper[]): string {
  return ranked.map((p) => `${p.paperId}:${p.score.toFixed(9)}:${p.reasons.length}`).join(',');
}

function main(): void {
  const random = rng(20261127);
  const topics = makeTopics(TOPICS, random);
  const papers = makePapers(PAPERS, topics, random, NOW);
  const readers = makeReaders(READERS, topics.raws.length, random);
  const baseRss = peakRssMb();
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}; ${topics.raws.length} topics, ${PAPERS} papers, ${READERS} readers (${readers.topics.length} reader-topic pairs)`);
  console.log(`peak RSS after generating the inputs: ${baseRss.toFixed(0)} MB`);

  const totals: number[] = [];
  const naiveScaled: number[] = [];
  let sink = 0;
  for (let run = 1; run <= RUNS; run += 1) {
    // Indexed: index over distinct topics → tag papers once → rank every reader.
    const t0 = process.hrtime.bigint();
    const index = buildTopicIndex(topics.raws);
    const tIndex = ms(t0);
    const matches = matchPapers(index, papers);
    const tMatch = ms(t0) - tIndex;
    const base: RankForReaderOptions = { now: NOW };
    let delivered = 0;
    for (let r = 0; r < READERS; r += 1) {
      const exclude = excludedFor(r);
      const ranked = rankForReader(readerTopics(readers, topics.keys, r), matches, exclude.length ? { ...base, exclude } : base);
      delivered += ranked.length;
      sink += ranked.length > 0 ? (ranked[0] as RankedPaper).reasons.length : 0;
    }
    const total = ms(t0);
    totals.push(total);

    // Naive, on a sample of readers spread over the whole population; same results expected.
    const naive = new NaiveRanker(topics.raws, papers, { now: NOW });
    const step = Math.floor(READERS / NAIVE_SAMPLE);
    let mismatches = 0;
    const t1 = process.hrtime.bigint();
    for (let s = 0; s < NAIVE_SAMPLE; s += 1) {
      const r = s * step;
      const got = naive.rank(readerTopics(readers, topics.keys, r), excludedFor(r));
      const want = rankForReader(readerTopics(readers, topics.keys, r), matches, { ...base, exclude: excludedFor(r) });
      if (digestSignature(got) !== digestSignature(want)) mismatches += 1;
    }
    const naiveMs = ms(t1); // includes the sample's indexed re-ranking: negligible, see below
    naiveScaled.push((naiveMs / NAIVE_SAMPLE) * READERS);
    console.log(
      `run ${run}: indexed ${total.toFixed(0)} ms (index ${tIndex.toFixed(0)}, match ${tMatch.toFixed(0)}, rank ${(total - tIndex - tMatch).toFixed(0)}), ` +
        `${matches.size} topics matched, ${delivered} papers delivered, ${(READERS / (total / 1000)).toFixed(0)} readers/s; ` +
        `naive ${(naiveMs / NAIVE_SAMPLE).toFixed(2)} ms/reader → ${((naiveMs / NAIVE_SAMPLE) * READERS / 1000).toFixed(0)} s scaled; ` +
        `sample digests differing: ${mismatches}/${NAIVE_SAMPLE}; peak RSS ${peakRssMb().toFixed(0)} MB`,
    );
  }
  const med = median(totals);
  const medNaive = median(naiveScaled);
  console.log(`\nmedian of ${RUNS} runs: indexed ${(med / 1000).toFixed(2)} s for ${READERS} readers; naive (scaled from ${NAIVE_SAMPLE}) ${(medNaive / 1000).toFixed(0)} s; ratio ${(medNaive / med).toFixed(0)}×; peak RSS ${peakRssMb().toFixed(0)} MB (sink ${sink})`);
}

main();
