// Live job counts of every queue for the overview (one Redis call per queue):
// the failed column is what tells an operator to open the dashboard.
import { ALL_QUEUES, type QueueName, type Queues } from '@paperboy/queue';

export interface QueueCounts {
  name: QueueName;
  paused: boolean;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export async function getQueueCounts(queues: Queues): Promise<QueueCounts[]> {
  return Promise.all(
    ALL_QUEUES.map(async (name) => {
      const [c, paused] = await Promise.all([
        queues[name].getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
        queues[name].isPaused(),
      ]);
      return {
        name,
        paused,
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
      };
    }),
  );
}
