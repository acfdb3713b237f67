// "More like this" / "less like this" from the digest's links. One vote per reader and paper:
// voting again changes it, the same vote again changes nothing (idempotent: a double click, a
// retried POST), and undo puts back what was there before (usually no vote). The model is not
// retrained here: the next digest build refits it when the votes changed (reader-models.ts).
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { loadSubscriber } from '../subscribers/load-subscriber';

/** +1 more like this, −1 less like this, 0 no vote. */
export type VoteValue = 1 | -1 | 0;

export interface VoteState {
  paperId: number;
  title: string;
  /** The vote now. */
  value: VoteValue;
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

async function paperTitle(db: Db, paperId: number): Promise<string> {
  const paper = await db.paper.findUnique({ where: { id: paperId }, select: { title: true } });
  if (!paper) throw new AppError('not_found', 'This paper is no longer in paperboy, so there is nothing to vote on.');
  return paper.title;
}

async function currentVote(db: Db, subscriberId: number, paperId: number): Promise<VoteValue> {
  const vote = await db.vote.findUnique({ where: { subscriberId_paperId: { subscriberId, paperId } } });
  return (vote?.value ?? 0) as VoteValue;
}

/** What the vote page shows before anything is recorded (a GET changes nothing). */
export async function describeVote(db: Db, subscriberId: number, paperId: number): Promise<VoteState> {
  await loadSubscriber(db, subscriberId);
  return { paperId, title: await paperTitle(db, paperId), value: await currentVote(db, subscriberId, paperId) };
}

export async function recordVote(
  db: Db,
  subscriberId: number,
  paperId: number,
  value: VoteValue,
  now = new Date(),
): Promise<VoteOutcome> {
  await loadSubscriber(db, subscriberId);
  const title = await paperTitle(db, paperId);
  return db.$transaction(async (tx) => {
    // The row lock of the upsert orders concurrent clicks; `previous` is read under it.
    const before = await tx.$queryRaw<{ value: number }[]>`
      SELECT value FROM "Vote" WHERE "subscriberId" = ${subscriberId} AND "paperId" = ${paperId} FOR UPDATE`;
    const previous = (before[0]?.value ?? 0) as VoteValue;
    if (previous === value) return { paperId, title, value, previous };
    if (value === 0) await tx.vote.deleteMany({ where: { subscriberId, paperId } });
    else
      await tx.vote.upsert({
        where: { subscriberId_paperId: { subscriberId, paperId } },
        create: { subscriberId, paperId, value, createdAt: now, updatedAt: now },
        update: { value, updatedAt: now },
      });
    return { paperId, title, value, previous };
  });
}

/** The reader's votes, newest first (export, preferences page). */
export async function readerVotes(db: Db, subscriberId: number) {
  const votes = await db.vote.findMany({
    where: { subscriberId },
    orderBy: [{ updatedAt: 'desc' }, { paperId: 'asc' }],
    select: { value: true, createdAt: true, updatedAt: true, paper: { select: { sourceId: true, title: true } } },
  });
  return votes.map((v) => ({
    vote: v.value === 1 ? ('more like this' as const) : ('less like this' as const),
    paper: v.paper,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  }));
}
