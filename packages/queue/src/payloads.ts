// Job payloads carry ids only; processors reload state from the database. Each queue's schema
// lives here so producers and the worker validate the same shape.
import { z } from 'zod';
import { QUEUE, type QueueName } from './names';

const id = z.number().int().positive();
const digestBuildInput = z.object({ subscriberId: id, periodKey: z.string().min(1) });

/** One object schema with a rule across fields: a wrong field's error still names that field. */
function oneOf<T extends z.ZodType>(schema: T, rule: (payload: z.infer<T>) => boolean, message: string) {
  return schema.refine(rule, { message });
}

export const payloadSchemas = {
  [QUEUE.transactionalEmail]: z.object({
    subscriberId: z.number().int().positive(),
    kind: z.enum(['confirm', 'manage-link', 'goodbye']),
  }),
  [QUEUE.ingest]: z.object({ source: z.string().min(1) }),
  // New papers against every followed topic, or (a reader's new topics) new topic keys
  // against the recent papers. `{paperIds}` stays valid as it always was.
  [QUEUE.match]: z.union([
    z.object({ paperIds: z.array(z.number().int().positive()).min(1).max(10_000) }),
    z.object({
      topicKeys: z.array(z.string().min(1).max(1_000)).min(1).max(100),
      sinceDays: z.number().int().min(1).max(365).optional(),
    }),
  ]),
  [QUEUE.digestSchedule]: z.object({
    now: z.iso.datetime().optional(),
    /** "Send now": ignore the hour, every active reader (or `subscriberId`) gets this period's digest. */
    force: z.boolean().optional(),
    subscriberId: z.number().int().positive().optional(),
  }),
  // A batch of readers (what the schedule enqueues) or one reader (send now for one; jobs
  // queued before batches existed): exactly one of the two.
  [QUEUE.digestBuild]: oneOf(
    z.object({
      readers: z.array(digestBuildInput).min(1).max(1_000).optional(),
      subscriberId: id.optional(),
      periodKey: z.string().min(1).optional(),
    }),
    (p) => (p.readers ? !p.subscriberId && !p.periodKey : Boolean(p.subscriberId && p.periodKey)),
    'give either readers, or subscriberId and periodKey',
  ),
  // A batch of built digests, or one (a retry after a transient SMTP failure; older jobs).
  [QUEUE.digestSend]: oneOf(
    z.object({ deliveryIds: z.array(id).min(1).max(500).optional(), deliveryId: id.optional() }),
    (p) => (p.deliveryIds === undefined) !== (p.deliveryId === undefined),
    'give either deliveryIds or deliveryId',
  ),
  // The daily rebuild carries nothing; an operator may ask for another window. Strict: a job
  // with other fields was meant for another queue.
  [QUEUE.associationsRebuild]: z.strictObject({ windowDays: z.number().int().min(1).max(3650).optional() }),
  // A poll carries nothing: the mailbox is BOUNCE_IMAP_URL, read afresh each time.
  [QUEUE.bounceMailbox]: z.strictObject({}),
} satisfies Record<QueueName, z.ZodType>;

export type Payload<Q extends QueueName> = z.infer<(typeof payloadSchemas)[Q]>;

export class InvalidPayloadError extends Error {
  constructor(queue: QueueName, detail: string) {
    super(`Invalid ${queue} job payload: ${detail}`);
    this.name = 'InvalidPayloadError';
  }
}

export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): Payload<Q> {
  const result = payloadSchemas[queue].safeParse(data);
  if (!result.success) {
    throw new InvalidPayloadError(
      queue,
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return result.data as Payload<Q>;
}
