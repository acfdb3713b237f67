// "More like this" / "less like this" from the digest's links. One vote per reader and paper:
// voting again changes it, the same vote again changes nothing (idempotent: a double click, a
// retried POST), and undo puts back what was there before (usually no vote). The model is not
// retrained here: the next digest build refits it when the votes changed (reader-models.ts).
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { loadSubscriber } from '../subscribers/load-subscriber';
import { lockVote, paperTitle, voteValue, votesOf, writeVote } from './feedback.store';

/** +1 more like this, −1 less like this, 0 no vote. */
export type VoteValue = 1 | -1 | 0;

export interface VoteState {
  paperId: number;
  title: string;
  /** The vote now. */
  value: VoteValue;
  /** Whether digests go to the reader now (active): a vote only shows in a digest that comes. */
  receivesDigests: boolean;
}

export interface VoteOutcome extends VoteState {
  /** The vote before this request (what undo restores). */
  previous: VoteValue;
}

/** 'more' | 'less' | 'none' from a form or query; undefined for anything else. */
export function parseVote(value: unknown): VoteValue | undefined {
  if (value === 'more' || value === 'up' || value === '1') return 1;
  if (value === 'less' || value === 'down' || value === '-1') return -1;
  if (value === 'none' || value === 'undo' || value === '0') return 0;
  return undefined;
}

async function titleOf(db: Db, paperId: number): Promise<string> {
  const title = await paperTitle(db, paperId);
  if (title === null)
    throw new AppError('not_found', 'This paper is no longer in paperboy, so there is nothing to vote on.', {
      details: { pageTitle: 'This paper is no longer here', subscribed: true },
    });
  return title;
}

/** Digests go to an active reader only: a paused or unsubscribed one sees a vote once they start again. */
const receivesDigests = (reader: { status: string }): boolean => reader.status === 'active';

/** What the vote page shows before anything is recorded (a GET changes nothing). */
export async function describeVote(db: Db, subscriberId: number, paperId: number): Promise<VoteState> {
  const reader = await loadSubscriber(db, subscriberId);
  return {
    paperId,
    title: await titleOf(db, paperId),
    value: (await voteValue(db, subscriberId, paperId)) as VoteValue,
    receivesDigests: receivesDigests(reader),
  };
}

export async function recordVote(
  db: Db,
  subscriberId: number,
  paperId: number,
  value: VoteValue,
  now = new Date(),
): Promise<VoteOutcome> {
  const reader = await loadSubscriber(db, subscriberId);
  const title = await titleOf(db, paperId);
  const receives = receivesDigests(reader);
  return db.$transaction(async (tx) => {
    // The row lock of the upsert orders concurrent clicks; `previous` is read under it.
    const previous = (await lockVote(tx, subscriberId, paperId)) as VoteValue;
    if (previous === value) return { paperId, title, value, previous, receivesDigests: receives };
    await writeVote(tx, subscriberId, paperId, value, now);
    return { paperId, title, value, previous, receivesDigests: receives };
  });
}

/** The reader's votes, newest first (export, preferences page). */
export async function readerVotes(db: Db, subscriberId: number) {
  const votes = await votesOf(db, subscriberId);
  return votes.map((v) => ({
    vote: v.value === 1 ? ('more like this' as const) : ('less like this' as const),
    paper: v.paper,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  }));
}
