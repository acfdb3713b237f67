// Operator actions (admin page, CLI, the send breaker): they change what the system does,
// unlike stats/, which only reads.
export * from './send-control';
export * from './retry-failed-deliveries.usecase';
export * from './reader-lookup.usecase';
