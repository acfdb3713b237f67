// New papers go to matching through QUEUE.match, in chunks, each chunk once: the job id is
// derived from the run, the batch and the chunk, so re-sending after a crash is a no-op while
// the job exists (and the matcher's own unique keys cover a re-send after it was removed).
import { jobId, QUEUE, type Queues } from '@paperboy/queue';

export const MATCH_CHUNK_SIZE = 500;

export async function handOffToMatching(
  queues: Pick<Queues, typeof QUEUE.match>,
  key: { runId: number | string; batch: number },
  paperIds: readonly number[],
  chunkSize = MATCH_CHUNK_SIZE,
): Promise<number> {
  const jobs = [];
  for (let start = 0, chunk = 0; start < paperIds.length; start += chunkSize, chunk++) {
    const ids = paperIds.slice(start, start + chunkSize);
    jobs.push({
      name: 'new-papers',
      data: { paperIds: ids },
      opts: { jobId: jobId('papers', key.runId, `b${key.batch}`, `c${chunk}`) },
    });
  }
  if (jobs.length) await queues[QUEUE.match].addBulk(jobs);
  return jobs.length;
}
