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
  /** Build digests (Delivery rows + papers) for a batch of readers, each for their period. */
  digestBuild: 'digest-build',
  /** Render and send a batch of built digests over SMTP (or one, retried on its own). */
  digestSend: 'digest-send',
  /** Learn term associations from the stored papers and replace the stored table (daily scheduler). */
  associationsRebuild: 'associations-rebuild',
  /** Read the bounce mailbox (BOUNCE_IMAP_URL) for DSN and ARF reports (repeatable while configured). */
  bounceMailbox: 'bounce-mailbox',
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUE);
