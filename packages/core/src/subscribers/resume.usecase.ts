// "Resume digests" from the manage page: a paused reader is active again with their stored
// preferences, due at their next delivery time. Idempotent; any other status changes nothing.
import { loadSubscriber } from './load-subscriber';
import { clock, type ReaderDeps, type RequestContext } from './reader-deps';
import { scheduleFor } from './schedule';
import { recordEvent, updateReaderIf } from './store';

export async function resumeDigests(
  deps: ReaderDeps,
  subscriberId: number,
  context: RequestContext = {},
): Promise<'resumed' | 'unchanged'> {
  const now = clock(deps);
  const subscriber = await loadSubscriber(deps.db, subscriberId);
  if (subscriber.status !== 'paused') return 'unchanged';
  return deps.db.$transaction(async (tx) => {
    // Conditional on still paused: an unsubscribe landing meanwhile must not be undone.
    const resumed = await updateReaderIf(tx, subscriberId, 'paused', {
      status: 'active',
      nextDigestAt: scheduleFor({ ...subscriber, status: 'active' }, now),
    });
    if (!resumed) return 'unchanged';
    await recordEvent(tx, subscriberId, 'resumed', undefined, context);
    return 'resumed';
  });
}
