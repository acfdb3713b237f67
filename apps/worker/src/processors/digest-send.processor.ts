// Sends a batch of built digests (core decides and records; this file wires the process-wide
// pieces: the renderer compiled once, the compose threads, the pooled SMTP transport, the
// consecutive-error breaker, the coalesced 'sent' writes). A BullMQ limiter keyed in Redis caps
// the rate across every worker process: it counts jobs, and a batch is sized so that
// jobs × batch ≤ the rate.
import {
  batchedRecordSent,
  ComposeThreads,
  createSendBreaker,
  sendDigests,
  sendJobsPerSecond,
  type MailSender,
  type RecordSent,
  type SendBreaker,
  type SendOutcome,
} from '@paperboy/core';
import { getSharedRenderer, type MailTransport } from '@paperboy/email';
import { reliabilityMetrics } from '@paperboy/metrics';
import { QUEUE } from '@paperboy/queue';
import type { WorkerDeps } from '../worker-deps';
import { defineProcessor } from './processor';

/**
 * Send jobs one worker runs at once: while one batch waits on the database (its claim, its
 * 'sent' writes), the others keep the SMTP connections busy. With 2, the connections idled at
 * each batch's start and end (send bench: 1,164 -> 1,264 digests/s, medians of four; BENCHMARKS.md).
 */
const JOBS_IN_FLIGHT = 4;

/** Send jobs in flight, and sends in flight within each, so that all together stay within SEND_CONCURRENCY. */
export function sendSlots(sendConcurrency: number): { jobs: number; perJob: number } {
  const jobs = Math.min(JOBS_IN_FLIGHT, sendConcurrency);
  return { jobs, perJob: Math.floor(sendConcurrency / jobs) };
}

// Per process (per deps): the consecutive-error breaker, the batched 'sent' writes, the compose threads.
interface ProcessParts {
  breaker: SendBreaker;
  recordSent: RecordSent;
  mail: MailSender;
  composer?: ComposeThreads;
}
const perProcess = new WeakMap<WorkerDeps, ProcessParts>();

function processParts(deps: WorkerDeps) {
  let parts = perProcess.get(deps);
  if (!parts) {
    const metrics = deps.metrics ? reliabilityMetrics(deps.metrics.registry) : undefined;
    const breaker = createSendBreaker({
      redis: deps.redis,
      queues: deps.queues,
      prefix: deps.config.REDIS_PREFIX,
      threshold: deps.config.SEND_PAUSE_AFTER_ERRORS,
      resumeAfterMs: deps.config.SEND_RESUME_AFTER_MS,
      maxDelayMs: deps.config.SEND_RESUME_MAX_MS,
      logger: deps.logger,
      onTrip: () => metrics?.sendBreakerTrips.inc(),
    });
    const threads = deps.config.SEND_COMPOSE_THREADS;
    parts = {
      breaker,
      recordSent: batchedRecordSent(deps.db),
      mail: digestSender(deps.mail),
      ...(threads > 0 && {
        composer: new ComposeThreads(deps.config, threads, { onProblem: (message) => deps.logger.warn(message) }),
      }),
    };
    perProcess.set(deps, parts);
  }
  return parts;
}

/** Digests are ready MIME buffers: the transport's lean raw pool (which DKIM-signs them when the transport signs). */
export function digestSender(mail: MailTransport): MailSender {
  const sendRaw = mail.sendRaw;
  if (!sendRaw) return mail;
  return { sendMail: async (m) => (await sendRaw(m.envelope, m.raw), { messageId: m.messageId }) };
}

/** The job's result: what happened to its emails (the worker's metrics count them by outcome). */
export function summarise(outcomes: SendOutcome[]) {
  const emails = { sent: 0, skipped: 0, retrying: 0, failed: {} as Record<string, number> };
  for (const o of outcomes) {
    if ('sent' in o) emails.sent += 1;
    else if ('skipped' in o) emails.skipped += 1;
    else if ('retrying' in o) emails.retrying += 1;
    else emails.failed[o.failed] = (emails.failed[o.failed] ?? 0) + 1;
  }
  return { emails, outcomes };
}

export const digestSendProcessor = defineProcessor({
  queue: QUEUE.digestSend,
  options: (deps) => ({
    concurrency: sendSlots(deps.config.SEND_CONCURRENCY).jobs,
    limiter: { max: sendJobsPerSecond(deps.config), duration: 1000 },
    lockDuration: deps.config.JOB_LOCK_SECONDS * 1000,
    stalledInterval: deps.config.JOB_LOCK_SECONDS * 1000,
  }),
  // The templates compile, and the compose threads start, with the worker. Neither throws:
  // the first job would try again, and digests go without threads while they cannot start.
  start: (deps) => {
    getSharedRenderer().catch(() => undefined);
    return processParts(deps).composer?.start();
  },
  async handle(payload, _job, deps) {
    const { breaker, recordSent, mail, composer } = processParts(deps);
    const ids = payload.deliveryIds ?? [payload.deliveryId!];
    const concurrency = sendSlots(deps.config.SEND_CONCURRENCY).perJob;
    const sendDeps = { ...deps, mail, renderer: await getSharedRenderer(), breaker, recordSent, concurrency, composer };
    return summarise(await sendDigests(sendDeps, ids));
  },
});
