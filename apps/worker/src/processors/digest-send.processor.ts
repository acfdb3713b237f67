// Sends one built digest (core decides and records; this file wires the process-wide pieces:
// the renderer compiled once, the pooled SMTP transport, the consecutive-error breaker).
// A BullMQ limiter keyed in Redis caps the rate across every worker process.
import { UnrecoverableError } from 'bullmq';
import { batchedSendSteps, createSendBreaker, sendDigest, type BatchedSendSteps, type MailSender, type SendBreaker } from '@paperboy/core';
import { getSharedRenderer, type MailTransport } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import type { WorkerDeps } from '../worker-deps';
import { defineProcessor } from './processor';

// Per process (per deps): the consecutive-error breaker and the batched claim/record steps.
const perProcess = new WeakMap<WorkerDeps, { breaker: SendBreaker; steps: BatchedSendSteps; mail: MailSender }>();

function processParts(deps: WorkerDeps) {
  let parts = perProcess.get(deps);
  if (!parts) {
    const breaker = createSendBreaker({ redis: deps.redis, queues: deps.queues, prefix: deps.config.REDIS_PREFIX, threshold: deps.config.SEND_PAUSE_AFTER_ERRORS, logger: deps.logger });
    parts = { breaker, steps: batchedSendSteps(deps.db, deps.config), mail: digestSender(deps.mail) };
    perProcess.set(deps, parts);
  }
  return parts;
}

/** Digests are ready MIME buffers: the transport's lean raw pool when it has one (no DKIM). */
function digestSender(mail: MailTransport): MailSender {
  const sendRaw = mail.sendRaw;
  if (!sendRaw) return mail;
  return { sendMail: async (m) => (await sendRaw(m.envelope, m.raw), { messageId: m.messageId }) };
}

/** A permanent failure, named for the metrics' reason label (hard_bounce, rejected…). */
function permanent(reason: string, detail: string): UnrecoverableError {
  const error = new UnrecoverableError(`${reason}: ${detail}`);
  error.name = reason;
  return error;
}

export const digestSendProcessor = defineProcessor({
  queue: QUEUE.digestSend,
  options: (deps) => ({
    concurrency: deps.config.SEND_CONCURRENCY,
    limiter: { max: deps.config.SEND_RATE_PER_SECOND, duration: 1000 },
    lockDuration: deps.config.JOB_LOCK_SECONDS * 1000,
    stalledInterval: deps.config.JOB_LOCK_SECONDS * 1000,
  }),
  async handle(payload, job, deps) {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const { breaker, steps, mail } = processParts(deps);
    const sendDeps = { ...deps, mail, renderer: await getSharedRenderer(), breaker, claim: steps.claim, recordSent: steps.recordSent };
    const outcome = await sendDigest(sendDeps, payload.deliveryId, { finalAttempt });
    if ('failed' in outcome) throw permanent(outcome.failed, outcome.detail);
    return outcome;
  },
});
