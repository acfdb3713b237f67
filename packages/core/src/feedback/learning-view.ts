// What the preferences page shows of what paperboy learned from a reader, and the controls to
// undo it: each topic read "fewer" or muted (with the way back), and their votes (with a way to
// forget them all, which also drops the model).
import type { Db } from '@paperboy/db';
import { loadSubscriber } from '../subscribers/load-subscriber';
import { deleteVotesAndModel, modelSummary } from './feedback.store';
import { settingOf, type TopicSetting } from './topic-controls.usecase';
import { readerVotes } from './votes.usecase';
import { relatedTopics, type RelatedTopic } from './related-topics';

export interface LearningView {
  topics: { key: string; label: string; setting: TopicSetting }[];
  votes: { more: number; less: number; recent: Awaited<ReturnType<typeof readerVotes>> };
  model?: { trainedAt: Date; votes: number };
  /** "Add this topic": related topics other readers follow (related-topics.ts). */
  related: RelatedTopic[];
}

const RECENT = 10;

export async function loadLearningView(db: Db, subscriberId: number): Promise<LearningView> {
  const subscriber = await loadSubscriber(db, subscriberId);
  const [votes, model, related] = await Promise.all([
    readerVotes(db, subscriberId),
    modelSummary(db, subscriberId),
    relatedTopics(db, subscriberId),
  ]);
  return {
    topics: subscriber.topics.map((t) => ({ key: t.key, label: t.raw, setting: settingOf(t) })),
    votes: {
      more: votes.filter((v) => v.vote === 'more like this').length,
      less: votes.filter((v) => v.vote === 'less like this').length,
      recent: votes.slice(0, RECENT),
    },
    ...(model ? { model } : {}),
    related,
  };
}

/** Forgets every vote and the model fitted on them: the next digest is the unlearned one. */
export async function forgetVotes(db: Db, subscriberId: number): Promise<number> {
  await loadSubscriber(db, subscriberId);
  return deleteVotesAndModel(db, subscriberId);
}
