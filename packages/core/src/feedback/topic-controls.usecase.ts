// Topic-level controls from the digest and the preferences page: "fewer on this topic" (half
// its share of the digest's round-robin), "mute this topic" (matched as ever, but out of this
// reader's digest) and back to normal. Each answer says what it was before, for undo.
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { loadSubscriber } from '../subscribers/load-subscriber';
import { followedTopicRow, setTopicWeight } from './feedback.store';

export type TopicSetting = 'normal' | 'fewer' | 'muted';

/** "Fewer on this topic": a place every other round. */
export const FEWER_WEIGHT = 0.5;

export function parseTopicSetting(value: unknown): TopicSetting | undefined {
  if (value === 'fewer') return 'fewer';
  if (value === 'mute' || value === 'muted') return 'muted';
  if (value === 'normal' || value === 'unmute' || value === 'more' || value === 'undo') return 'normal';
  return undefined;
}

export function settingOf(topic: { muted: boolean; weight: number }): TopicSetting {
  return topic.muted ? 'muted' : topic.weight < 1 ? 'fewer' : 'normal';
}

export interface TopicControlState {
  key: string;
  /** The reader's wording. */
  label: string;
  setting: TopicSetting;
}

async function followedTopic(db: Db, subscriberId: number, key: string) {
  await loadSubscriber(db, subscriberId);
  const topic = await followedTopicRow(db, subscriberId, key);
  if (!topic)
    throw new AppError(
      'not_found',
      'You no longer follow this topic, so there is nothing to change. Manage your topics from any digest.',
      { details: { pageTitle: 'You no longer follow this topic', subscribed: true } },
    );
  return topic;
}

export async function describeTopicControl(db: Db, subscriberId: number, key: string): Promise<TopicControlState> {
  const topic = await followedTopic(db, subscriberId, key);
  return { key, label: topic.raw, setting: settingOf(topic) };
}

export async function setTopicControl(
  db: Db,
  subscriberId: number,
  key: string,
  setting: TopicSetting,
): Promise<TopicControlState & { previous: TopicSetting }> {
  const topic = await followedTopic(db, subscriberId, key);
  const previous = settingOf(topic);
  if (previous !== setting)
    await setTopicWeight(db, subscriberId, key, {
      muted: setting === 'muted',
      weight: setting === 'fewer' ? FEWER_WEIGHT : 1,
    });
  return { key, label: topic.raw, setting, previous };
}
