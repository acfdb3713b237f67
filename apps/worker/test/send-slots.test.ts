// A worker's sends in flight are its send jobs times the sends each job runs at once: together
// never more than SEND_CONCURRENCY, and at least one of each.
import { sendSlots } from '../src/processors/digest-send.processor';

describe('send slots', () => {
  it('when SEND_CONCURRENCY is set, then the send jobs in flight times the sends in each stay within it, with several jobs where it allows', () => {
    const slots = [50, 20, 13, 3, 1].map((concurrency) => ({ concurrency, ...sendSlots(concurrency) }));
    expect(slots).toEqual([
      { concurrency: 50, jobs: 4, perJob: 12 },
      { concurrency: 20, jobs: 4, perJob: 5 },
      { concurrency: 13, jobs: 4, perJob: 3 },
      { concurrency: 3, jobs: 3, perJob: 1 },
      { concurrency: 1, jobs: 1, perJob: 1 },
    ]);
  });
});
