// One reader's digest for one period: Delivery + papers in one statement, then the send job.
// Jobs arriving within a few milliseconds share one batch (coalesce): ranking, inserts and
// the send jobs cost a handful of queries per batch instead of per reader.
import { buildDigests, coalesce, type BuildInput, type BuildResult } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import type { WorkerDeps } from '../worker-deps';
import { defineProcessor } from './processor';

const builders = new WeakMap<WorkerDeps, (input: BuildInput) => Promise<BuildResult>>();

function builderFor(deps: WorkerDeps) {
  let build = builders.get(deps);
  if (!build) {
    build = coalesce((inputs: BuildInput[]) => buildDigests(deps, inputs), { maxBatch: 200, waitMs: 10 });
    builders.set(deps, build);
  }
  return build;
}

export const digestBuildProcessor = defineProcessor({
  queue: QUEUE.digestBuild,
  options: (deps) => ({ concurrency: 200, lockDuration: deps.config.JOB_LOCK_SECONDS * 1000, stalledInterval: deps.config.JOB_LOCK_SECONDS * 1000 }),
  async handle(payload, _job, deps) {
    return builderFor(deps)({ subscriberId: payload.subscriberId, periodKey: payload.periodKey });
  },
});
