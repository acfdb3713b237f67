// The deliveries of one send batch that go round again (a 4xx retry, a lease takeover, a
// hand-back after a pause) are gathered by occasion and queued together when the batch ends,
// as batched jobs (see enqueueSendGroup): the limiter counts jobs, not emails. Each is first
// recorded in the database ('pending', or still 'sending' under its lease), so a crash before
// the flush loses no delivery: the stale-delivery sweep finds it.
import { enqueueSendGroup, type DigestDeps } from './digest-deps';

export class SendRequeue {
  private readonly groups = new Map<string, { ids: number[]; delayMs: number }>();

  add(occasion: string, deliveryId: number, delayMs: number): void {
    const group = this.groups.get(occasion) ?? { ids: [], delayMs };
    group.ids.push(deliveryId);
    group.delayMs = Math.max(group.delayMs, delayMs);
    this.groups.set(occasion, group);
  }

  async flush(deps: Pick<DigestDeps, 'queues' | 'config'>): Promise<void> {
    for (const [occasion, group] of this.groups) await enqueueSendGroup(deps, group.ids, occasion, group.delayMs);
    this.groups.clear();
  }
}
