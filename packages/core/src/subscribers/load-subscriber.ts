import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { readerWithTopics } from './store';

/** The reader a valid link points to; gone (wiped) readers get a page that says so. */
export async function loadSubscriber(db: Db, id: number) {
  const subscriber = await readerWithTopics(db, id);
  if (!subscriber) {
    throw new AppError(
      'not_found',
      'We have no subscription for this link any more: its reader deleted it, or it was never confirmed. A subscription that was never confirmed can be started again from the start page.',
    );
  }
  return subscriber;
}

export type LoadedSubscriber = Awaited<ReturnType<typeof loadSubscriber>>;
