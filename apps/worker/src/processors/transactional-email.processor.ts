// Transactional emails (confirm, manage link, goodbye): the use case lives in @paperboy/core
// (sendTransactionalEmail); this wires it to its queue. SMTP errors propagate, so transient ones
// retry with backoff.
import { sendTransactionalEmail } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const transactionalEmailProcessor = defineProcessor({
  queue: QUEUE.transactionalEmail,
  options: () => ({ concurrency: 5 }),
  async handle(payload, job, deps) {
    const result = await sendTransactionalEmail(deps, payload);
    if ('skipped' in result) deps.logger.info({ jobId: job.id, kind: payload.kind, reason: result.skipped }, 'transactional email skipped');
    return result;
  },
});
