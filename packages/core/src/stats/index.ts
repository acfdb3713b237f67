export * from './overview.types';
export * from './compute-overview';
export * from './cached-overview';
export * from './send-control';
export * from './queue-counts';
export * from './retry-failed-deliveries.usecase';
