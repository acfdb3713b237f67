// Transactional emails (confirm, manage link, goodbye): the use case lives in @paperboy/core
// (sendTransactionalEmail); this wires it to its queue. Transient SMTP errors propagate and retry
// with backoff; a 5xx (a hard bounce suppresses the address) or an unbuildable email fails at once.
import { sendTransactionalEmail } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const transactionalEmailProcessor = defineProcessor({
  queue: QUEUE.transactionalEmail,
  options: () => ({ concurrency: 5 }),
  async handle(payload, job, deps) {
    const result = await sendTransactionalEmail(deps, payload);
    if ('skipped' in result)
      deps.logger.info({ jobId: job.id, kind: payload.kind, reason: result.skipped }, 'transactional email skipped');
    return result;
  },
});
