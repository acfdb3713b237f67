export * from './overview.types';
export * from './compute-overview';
export * from './cached-overview';
export * from './queue-counts';
