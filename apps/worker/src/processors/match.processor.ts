// QUEUE.match: new papers ({paperIds}, from ingestion) against every followed topic, or newly
// followed topics ({topicKeys}, from the readers code) against the recent papers. Both are
// idempotent upserts keyed by (paperId, topicKey), so a retry or a duplicate job is harmless.
import { matchNewPapers, matchTopicsAgainstRecentPapers } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const matchProcessor = defineProcessor({
  queue: QUEUE.match,
  // CPU-bound and sharing one cached topic index: one job at a time per process; run more
  // worker processes to match more in parallel.
  options: () => ({ concurrency: 1 }),
  async handle(payload, _job, deps) {
    if ('paperIds' in payload) {
      const result = await matchNewPapers(deps, payload.paperIds);
      if (result.invalidKeys.length > 0) {
        deps.logger.warn(
          { invalidKeys: result.invalidKeys.slice(0, 20), count: result.invalidKeys.length },
          'topic keys skipped: not canonical',
        );
      }
      return { ...result, invalidKeys: result.invalidKeys.length };
    }
    return matchTopicsAgainstRecentPapers(deps, payload.topicKeys, payload.sinceDays);
  },
});
