// The one place that names the queues. Names are persisted in Redis keys and job ids:
// never rename one; add a new queue and migrate instead.
export const QUEUE = {
  /** Transactional emails: confirmation, "manage your subscription", goodbye. */
  transactionalEmail: 'transactional-email',
  /** Pull one paper source (repeatable per source). */
  ingest: 'ingest',
  /** Match a batch of new papers against every distinct topic. */
  match: 'match',
  /** Find readers whose digest is due and fan out (repeatable). */
  digestSchedule: 'digest-schedule',
  /** Build one reader's digest for one period. */
  digestBuild: 'digest-build',
  /** Render and send one built digest over SMTP. */
  digestSend: 'digest-send',
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUE);
