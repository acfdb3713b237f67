// nextDigestAt for a stored reader: only active readers are due; everyone else has none.
import type { Subscriber } from '@paperboy/db';
import { nextDigestAt } from './next-digest-at';

type Schedulable = Pick<Subscriber, 'status' | 'frequency' | 'timezone' | 'digestHour' | 'digestWeekday'>;

export function scheduleFor(subscriber: Schedulable, now: Date): Date | null {
  if (subscriber.status !== 'active') return null;
  return nextDigestAt(subscriber, now);
}
