// "Every topic with matches covered": for each labelled reader profile, builds the digest the
// public API composes (composeDigest's balanced sections when the package has them, else the
// ranked top-N) and checks that each followed topic that had a relevant matching paper got a card.
import * as matching from '../../index';
import type { MatchablePaper, RankedPaper, TopicMatch } from '../../types';
import type { LabelledPaperRef, LabelSet } from './labels';

export const DIGEST_CAP = 10;

export interface ReaderTopicCoverage {
  topic: string;
  /** The batch has a paper labelled as about this topic, matched or not. */
  hadRelevantPaper: boolean;
  /** At least one matched paper is labelled as about this topic. */
  hadRelevantMatch: boolean;
  /** The digest carries at least one card for this topic (its section, or the card also names it). */
  gotCard: boolean;
  /** ... and that card's paper is labelled as about this topic. */
  gotRelevantCard: boolean;
}

export interface ReaderCoverage {
  name: string;
  digestSize: number;
  topics: ReaderTopicCoverage[];
}

/** The coverage counts of a split, whole or day by day (batch-coverage.ts sums them per batch). */
export interface CoverageCounts {
  /** Followed topics (over all readers) that had a relevant matching paper... */
  topicsWithRelevantMatch: number;
  /** ...and of those, how many got a card / a relevant card. */
  topicsCovered: number;
  topicsCoveredRelevant: number;
  /** Readers with a relevant matching paper on some followed topic, and how many got a non-empty digest. */
  readersWithRelevantMatch: number;
  readersServed: number;
  /** Stricter, not conditioned on the matcher: followed topics with a relevant paper in the batch
   * (matched or not) and how many got a relevant card; readers with one and how many got a digest. */
  topicsWithRelevantPaper: number;
  topicsWithRelevantPaperCovered: number;
  readersWithRelevantPaper: number;
  readersWithRelevantPaperServed: number;
}

export interface CoverageResult extends CoverageCounts {
  /** How the digest was built: 'composeDigest' (sections) or 'rankForReader' (top-N). */
  composer: 'composeDigest' | 'rankForReader';
  readers: ReaderCoverage[];
}

interface Card {
  paperId: number;
  topicKeys: string[];
}

type Composer = {
  compose?: (topics: { key: string; label: string }[]) => {
    papers: { paperId: number; topicKey: string; also: string[] }[];
  };
};

function digestCards(
  ranker: Composer & { rank: (t: { key: string; label: string }[]) => RankedPaper[] },
  topics: { key: string; label: string }[],
): Card[] {
  if (typeof ranker.compose === 'function') {
    const keyOfLabel = new Map(topics.map((t) => [t.label, t.key]));
    return ranker.compose(topics).papers.map((p) => ({
      paperId: p.paperId,
      topicKeys: [p.topicKey, ...p.also.map((l) => keyOfLabel.get(l)).filter((k): k is string => k !== undefined)],
    }));
  }
  return ranker.rank(topics).map((p) => ({ paperId: p.paperId, topicKeys: p.topicKeys ?? [] }));
}

export function readerCoverage(
  labels: LabelSet,
  matches: ReadonlyMap<string, readonly TopicMatch[]>,
  keys: ReadonlyMap<string, { key: string | null }>,
  labelOf: (paperId: number) => LabelledPaperRef | undefined,
  papers: readonly MatchablePaper[],
): CoverageResult {
  const now = new Date(Math.max(0, ...papers.map((p) => p.publishedAt.getTime())));
  const ranker = matching.createDigestRanker(matches, { now, cap: DIGEST_CAP }) as unknown as Composer & {
    rank: (t: { key: string; label: string }[]) => RankedPaper[];
  };
  const composer = typeof ranker.compose === 'function' ? 'composeDigest' : 'rankForReader';
  const about = (paperId: number, topic: string) => labelOf(paperId)?.about.includes(topic) === true;

  const readers = labels.readers.map((reader): ReaderCoverage => {
    const followed = reader.topics.flatMap((t) => {
      const key = keys.get(t)?.key;
      return key ? [{ key, label: t }] : [];
    });
    const cards = digestCards(ranker, followed);
    return {
      name: reader.name,
      digestSize: cards.length,
      topics: reader.topics.map((topic) => {
        const key = keys.get(topic)?.key ?? null;
        const onTopic = key === null ? [] : cards.filter((c) => c.topicKeys.includes(key));
        return {
          topic,
          hadRelevantPaper: papers.some((p) => about(p.id, topic)),
          hadRelevantMatch: key !== null && (matches.get(key) ?? []).some((m) => about(m.paperId, topic)),
          gotCard: onTopic.length > 0,
          gotRelevantCard: onTopic.some((c) => about(c.paperId, topic)),
        };
      }),
    };
  });
  const eligible = readers.flatMap((r) => r.topics.filter((t) => t.hadRelevantMatch));
  const eligibleReaders = readers.filter((r) => r.topics.some((t) => t.hadRelevantMatch));
  const withPaper = readers.flatMap((r) => r.topics.filter((t) => t.hadRelevantPaper));
  const readersWithPaper = readers.filter((r) => r.topics.some((t) => t.hadRelevantPaper));
  return {
    composer,
    readers,
    topicsWithRelevantMatch: eligible.length,
    topicsCovered: eligible.filter((t) => t.gotCard).length,
    topicsCoveredRelevant: eligible.filter((t) => t.gotRelevantCard).length,
    readersWithRelevantMatch: eligibleReaders.length,
    readersServed: eligibleReaders.filter((r) => r.digestSize > 0).length,
    topicsWithRelevantPaper: withPaper.length,
    topicsWithRelevantPaperCovered: withPaper.filter((t) => t.gotRelevantCard).length,
    readersWithRelevantPaper: readersWithPaper.length,
    readersWithRelevantPaperServed: readersWithPaper.filter((r) => r.digestSize > 0).length,
  };
}
