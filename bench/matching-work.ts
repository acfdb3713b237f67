// The measured work of the matching benchmark, shared by the main thread and worker threads:
// index the distinct topics, tag the papers once, rank a range of readers.
import {
  buildTopicIndex,
  createDigestRanker,
  matchPapers,
  rankForReader,
  type MatchablePaper,
  type RankedPaper,
  type RankForReaderOptions,
} from '@paperboy/matching';
import { makePapers, makeReaders, type Readers } from './matching-corpus';
import { seeded } from '@paperboy/matching/testing';
import { makeTopics, type Topics } from './matching-data';

export const NOW = new Date('2026-11-27T08:00:00Z');
export const SEED = 20261127;

export interface Inputs {
  topics: Topics;
  papers: MatchablePaper[];
  readers: Readers;
}

/** Deterministic: every thread that calls it with the same sizes gets the same inputs. */
export function makeInputs(topicCount: number, paperCount: number, readerCount: number): Inputs {
  const random = seeded(SEED);
  const topics = makeTopics(topicCount, random);
  const papers = makePapers(paperCount, topics, random, NOW);
  return { topics, papers, readers: makeReaders(readerCount, topics.raws.length, random) };
}

export function readerTopics(readers: Readers, keys: string[], r: number): string[] {
  const out: string[] = [];
  for (let i = readers.offsets[r] as number; i < (readers.offsets[r + 1] as number); i += 1) {
    out.push(keys[readers.topics[i] as number] as string);
  }
  return out;
}

/** Every 10th reader already received two of the new papers (exercises the exclusions). */
export const excludedFor = (r: number, paperCount: number): number[] =>
  r % 10 === 0 ? [1 + (r % paperCount), 1 + ((r * 7) % paperCount)] : [];

export interface WorkResult {
  indexMs: number;
  matchMs: number;
  rankMs: number;
  topicsMatched: number;
  delivered: number;
  checksum: number;
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Index + match + rank readers [from, to); each digest is consumed and dropped, as a writer would.
 * `compose`: each reader's digest as the build composes it (DigestRanker.compose: balanced topic
 * sections, near-duplicates out) instead of the plain top 10 (rankForReader).
 */
export function runWork(
  inputs: Inputs,
  from: number,
  to: number,
  compose = false,
): WorkResult & { matches: ReturnType<typeof matchPapers> } {
  const t0 = process.hrtime.bigint();
  const index = buildTopicIndex(inputs.topics.raws);
  const indexMs = ms(t0);
  const matches = matchPapers(index, inputs.papers);
  const matchMs = ms(t0) - indexMs;
  const base: RankForReaderOptions = { now: NOW };
  let delivered = 0;
  let checksum = 0;
  if (compose) {
    const ranker = createDigestRanker(matches, { now: NOW });
    // One topic object per key, shared by its readers (as a batch's loaded topics would be).
    const topicOf = inputs.topics.keys.map((key, i) => ({ key, label: inputs.topics.raws[i] as string }));
    for (let r = from; r < to; r += 1) {
      const topics: { key: string; label: string }[] = [];
      for (let i = inputs.readers.offsets[r] as number; i < (inputs.readers.offsets[r + 1] as number); i += 1)
        topics.push(topicOf[inputs.readers.topics[i] as number]!);
      const digest = ranker.compose(topics, excludedFor(r, inputs.papers.length));
      delivered += digest.papers.length;
      checksum += digest.papers.length > 0 ? digest.papers[0]!.paperId + digest.sections.length : 0;
    }
    const rankMs = ms(t0) - indexMs - matchMs;
    return { indexMs, matchMs, rankMs, topicsMatched: matches.size, delivered, checksum, matches };
  }
  for (let r = from; r < to; r += 1) {
    const exclude = excludedFor(r, inputs.papers.length);
    const ranked = rankForReader(
      readerTopics(inputs.readers, inputs.topics.keys, r),
      matches,
      exclude.length ? { ...base, exclude } : base,
    );
    delivered += ranked.length;
    checksum += ranked.length > 0 ? (ranked[0] as RankedPaper).paperId + (ranked[0] as RankedPaper).reasons.length : 0;
  }
  const rankMs = ms(t0) - indexMs - matchMs;
  return { indexMs, matchMs, rankMs, topicsMatched: matches.size, delivered, checksum, matches };
}
