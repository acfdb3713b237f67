// Digests: schedule (who is due) → build (one Delivery per reader and period, with its papers)
// → send (render, SMTP, record), each step idempotent. A test digest goes to any address and
// records nothing.
export * from './period-key';
export * from './digest-deps';
export * from './pick-papers';
export * from './schedule-digests.usecase';
export * from './build-digest.usecase';
export * from './send-digest.usecase';
export * from './test-digest.usecase';
export * from './next-digest.usecase';
export * from './send-breaker';
export * from './breaker-state';
export * from './send-recovery';
export * from './recover-deliveries.usecase';
export * from './reconcile-digests.usecase';
export * from './coalesce';
export * from './send-batching';
export * from './compose-threads';
